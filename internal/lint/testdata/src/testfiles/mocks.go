package testfiles

import "github.com/stretchr/testify/mock"

// A mock kept in a non-test file beside the tests: it imports testify,
// which only tests use, so it is test code.
type fakeClient struct{ mock.Mock }

func newFake() *fakeClient {
	f := &fakeClient{}
	f.On("Do", mock.Anything)
	risky()
	return f
}

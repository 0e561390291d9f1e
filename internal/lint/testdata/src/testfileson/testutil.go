package testfileson

import "testing"

// NewFixture is test support code in a non-test file: only tests run it,
// so it is judged with the test files.
func NewFixture(t testing.TB) int {
	return risky() // want "risky call"
}

// With -tests, a test hook is analyzed like the tests.
func resetForTest() {
	risky() // want "risky call"
}

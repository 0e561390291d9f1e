// Package mock stands in for testify's mock package.
package mock

type Mock struct{}

func (m *Mock) On(method string, args ...any) *Mock { return m }

var Anything = "mock.Anything"

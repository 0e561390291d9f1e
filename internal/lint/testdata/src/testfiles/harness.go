package testfiles

import "github.com/crossdock/crossdock-go"

// An integration-test driver kept as a program: it imports the crossdock
// harness, which only tests run, so it is test code.
func behaviors() crossdock.Behaviors {
	return crossdock.Behaviors{"trace": func(t crossdock.T) { risky() }}
}

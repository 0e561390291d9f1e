// Command mockserver is a fake upstream that end-to-end tests start: a
// package below a test directory is test support, analyzed only with
// -tests, like a _test.go file.
package main

func risky() int { return 1 }

func main() {
	risky()
}

// Package dbtest opens throwaway databases for tests, named like the
// standard library's httptest: test support.
package dbtest

func risky() int { return 1 }

func Open() {
	risky()
}

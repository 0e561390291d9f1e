// Package user imports lib, which does not compile.
package user

import "example.com/loaderrs/lib"

// Use calls lib.
func Use() int { return lib.Broken() }

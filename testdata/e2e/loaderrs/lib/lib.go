// Package lib does not type-check.
package lib

// Broken uses a name that does not exist.
func Broken() int { return undefinedName }

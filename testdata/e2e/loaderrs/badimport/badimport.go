// Package badimport imports a package that does not exist: go list
// reports it, and go vet alone would give up on every package.
package badimport

import _ "example.com/loaderrs/nothere"

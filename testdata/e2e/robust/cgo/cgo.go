// Package cgo mixes C and Go: the analyzers must cope with cgo-generated files.
package cgo

/*
#include <stdlib.h>
static int twice(int x) { return 2 * x; }
*/
import "C"

import (
	"net/http"
	"unsafe"
)

// Twice calls into C.
func Twice(x int) int { return int(C.twice(C.int(x))) }

// Free releases C memory.
func Free(p unsafe.Pointer) { C.free(p) }

// Fetch is plain Go in a cgo package.
func Fetch(u string) (*http.Response, error) { return http.Get(u) }

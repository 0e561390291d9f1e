// Package cgodep is a cgo package whose C header is not installed: it
// cannot build, like a binding to a library the machine lacks.
package cgodep

/*
#include <nonexistent_resilint.h>
*/
import "C"

// Answer calls into the missing library.
func Answer() int { return int(C.answer()) }

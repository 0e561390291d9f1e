//go:build !unix

package main

import "time"

// processCPU falls back to the wall clock where getrusage is missing; with
// the analyzers serialized while profiling, that is close to their CPU time.
func processCPU() time.Duration { return time.Duration(time.Now().UnixNano()) }

// Command resilint finds resilience anti-patterns in Go code: HTTP calls and
// servers with no timeout, unpaginated queries, multi-write paths without a
// transaction, hardcoded secrets, dropped contexts and retries without
// backoff.
//
// Usage:
//
//	resilint [flags] [packages]
//	go vet -vettool=$(which resilint) [packages]
//
// Run resilint -help for the flags and resilint -list for the analyzers.
package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/cli"
	"github.com/resilint/resilint/internal/lint"
)

func main() {
	if invokedByGoVet(os.Args[1:]) {
		unitchecker.Main(guard(append(analyzers.All(), lint.DirectivesAnalyzer))...)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}

// invokedByGoVet recognizes the vet tool protocol: go vet asks the tool
// for its version (-V=full) and flags (-flags), then runs it on one
// package described by a .cfg file.
func invokedByGoVet(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" || a == "-V" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// Command gcl is golangci-lint v2 with the resilint module plugin compiled
// in: the same binary `golangci-lint custom` produces from .custom-gcl.yml,
// built offline from the module proxy. `make golangci` builds it into
// bin/golangci-lint-resilint; the plugin's integration test runs it.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
)

func main() {
	info := commands.BuildInfo{Version: "v2.15.0-resilint", Commit: "local", Date: "local"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.GoVersion = bi.GoVersion
		info.BuildInfo = bi
	}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "golangci-lint: %v\n", err)
		os.Exit(3)
	}
}

// Package version holds the resilint version, set at release time with
// -ldflags "-X github.com/resilint/resilint/internal/version.Version=v1.2.3".
package version

import "runtime/debug"

// Version is the resilint release, or the module version when built with
// go install, or "devel".
var Version = "devel"

func init() {
	if Version != "devel" {
		return
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		Version = bi.Main.Version
	}
}

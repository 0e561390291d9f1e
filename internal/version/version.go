// Package version holds the resilint version that `resilint -version`
// prints and SARIF reports carry.
//
// A release binary (goreleaser, see docs/release.md) is stamped with
//
//	-ldflags "-X github.com/resilint/resilint/internal/version.Version=v0.1.0"
//
// Without a stamp the version comes from the build info: the module
// version for `go install github.com/resilint/resilint/cmd/resilint@v0.1.0`
// (or the pseudo-version of a commit), and for a build in a clone "devel"
// plus the commit it was built from, so a bug report still names a commit.
package version

import (
	"regexp"
	"runtime/debug"
	"strings"
)

// unstamped is Version's value when no -X stamp was given.
const unstamped = "devel"

// Version is the resilint version. It is a var so that -X can set it.
var Version = unstamped

func init() {
	bi, _ := debug.ReadBuildInfo()
	Version = resolve(Version, bi)
}

// pseudoVersion matches the tail Go gives a version built from a commit
// that no tag names: v0.0.0-20251205090000-e3c4dde1234f.
var pseudoVersion = regexp.MustCompile(`[-.]\d{14}-[0-9a-f]{12}$`)

// resolve picks the version to report from the -X stamp and the build info
// (nil when the binary has none).
func resolve(stamped string, bi *debug.BuildInfo) string {
	if stamped != unstamped && stamped != "" {
		return stamped
	}
	if bi == nil {
		return unstamped
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	rev, fromCheckout := settings["vcs.revision"]
	mod := bi.Main.Version
	if !fromCheckout {
		// go install module@version: the module proxy's zip has no VCS
		// data, and Main.Version is the version asked for.
		if mod == "" || mod == "(devel)" {
			return unstamped
		}
		return mod
	}
	// A build in a clone. Go stamps the tag when the commit has one and the
	// tree is clean; report that as is, and anything else as devel.
	dirty := settings["vcs.modified"] == "true"
	if mod != "" && mod != "(devel)" && !dirty && !pseudoVersion.MatchString(mod) && !strings.Contains(mod, "+") {
		return mod
	}
	v := unstamped
	if rev != "" {
		v += "-" + shortRevision(rev)
	}
	if dirty {
		v += "-dirty"
	}
	return v
}

// shortRevision shortens a commit hash the way Go's pseudo-versions do.
func shortRevision(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

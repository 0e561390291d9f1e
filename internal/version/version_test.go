package version

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

const rev = "e3c4dde1234f5678e3c4dde1234f5678e3c4dde1"

func buildInfo(mainVersion string, settings ...string) *debug.BuildInfo {
	bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/resilint/resilint", Version: mainVersion}}
	for i := 0; i+1 < len(settings); i += 2 {
		bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
	}
	return bi
}

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		name    string
		stamped string
		bi      *debug.BuildInfo
		want    string
	}{
		{"goreleaser stamp wins", "v0.1.0", buildInfo("v0.0.0-20251205090000-e3c4dde1234f+dirty", "vcs.revision", rev, "vcs.modified", "true"), "v0.1.0"},
		{"no build info", unstamped, nil, "devel"},
		{"go install module@tag", unstamped, buildInfo("v0.1.0"), "v0.1.0"},
		{"go install module@commit", unstamped, buildInfo("v0.1.1-0.20251205090000-e3c4dde1234f"), "v0.1.1-0.20251205090000-e3c4dde1234f"},
		{"go run in module mode without VCS", unstamped, buildInfo("(devel)"), "devel"},
		{"clone at a commit no tag names", unstamped, buildInfo("v0.0.0-20251205090000-e3c4dde1234f", "vcs.revision", rev, "vcs.modified", "false"), "devel-e3c4dde1234f"},
		{"clone with local edits", unstamped, buildInfo("v0.0.0-20251205090000-e3c4dde1234f+dirty", "vcs.revision", rev, "vcs.modified", "true"), "devel-e3c4dde1234f-dirty"},
		{"clone after a release", unstamped, buildInfo("v0.1.1-0.20251205090000-e3c4dde1234f", "vcs.revision", rev, "vcs.modified", "false"), "devel-e3c4dde1234f"},
		{"clone at a release tag", unstamped, buildInfo("v0.1.0", "vcs.revision", rev, "vcs.modified", "false"), "v0.1.0"},
		{"clone, older Go without VCS versions", unstamped, buildInfo("(devel)", "vcs.revision", rev), "devel-e3c4dde1234f"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := resolve(tc.stamped, tc.bi); got != tc.want {
				t.Errorf("resolve(%q, ...) = %q, want %q", tc.stamped, got, tc.want)
			}
		})
	}
}

// buildResilint builds the real command with extra go build flags and
// returns what its -version prints.
func buildResilint(t *testing.T, flags ...string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "resilint")
	args := append(append([]string{"build", "-o", bin}, flags...), "../../cmd/resilint")
	if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		t.Fatalf("go %v: %v\n%s", args, err, out)
	}
	out, err := exec.Command(bin, "-version").Output()
	if err != nil {
		t.Fatalf("resilint -version: %v", err)
	}
	return string(out)
}

// TestStampedVersion checks the -X stamp goreleaser applies (the ldflags
// of .goreleaser.yaml) reaches `resilint -version`.
func TestStampedVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds resilint")
	}
	const stamp = "v9.8.7-stamped"
	got := buildResilint(t, "-ldflags", "-s -w -X github.com/resilint/resilint/internal/version.Version="+stamp)
	if got != "resilint "+stamp+"\n" {
		t.Errorf("stamped build prints %q, want %q", got, "resilint "+stamp+"\n")
	}
}

// TestCloneBuildVersion checks that a build in this checkout says devel
// and the commit, and without VCS data plain devel.
func TestCloneBuildVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds resilint")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		if got := buildResilint(t, "-buildvcs=false"); got != "resilint devel\n" {
			t.Errorf("build outside git prints %q, want resilint devel", got)
		}
		return
	}
	// -buildvcs=true: GOFLAGS may turn stamping off (go env -w), and the
	// flag on the command line wins over it.
	got := buildResilint(t, "-buildvcs=true")
	want := regexp.MustCompile(`^resilint devel-` + strings.TrimSpace(string(head))[:12] + `(-dirty)?\n$`)
	if want.MatchString(got) {
		return
	}
	// At a release tag with a clean tree Go stamps the tag itself.
	tags, _ := exec.Command("git", "tag", "--points-at", "HEAD").Output()
	for _, tag := range strings.Fields(string(tags)) {
		if got == "resilint "+tag+"\n" {
			return
		}
	}
	t.Errorf("clone build prints %q, want it to match %s (or a tag of HEAD)", got, want)
}

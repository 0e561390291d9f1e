package main

import (
	"reflect"
	"strings"
	"testing"
)

const sha1 = "0123456789abcdef0123456789abcdef01234567"

func TestParseAppsGoodLines(t *testing.T) {
	in := `# a comment
realworld github.com/gothinkster/golang-gin-realworld-example-app ` + sha1 + ` tune

shop github.com/acme/shop.git ` + sha1 + ` report gin + gorm; needs embed=web/dist,static/*.html embed=docs replace=github.com/a/b=>github.com/c/b@v1.2.3 go=1.22 moddir=backend skip=./internal/cgo/...,tools
late github.com/acme/late ` + sha1 + ` fresh
`
	apps, err := parseApps(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(apps) != 3 {
		t.Fatalf("got %d apps, want 3", len(apps))
	}
	if apps[2].Half != halfFresh {
		t.Errorf("third app's half = %q, want %q", apps[2].Half, halfFresh)
	}
	rw := apps[0]
	if rw.Name != "realworld" || rw.Owner != "gothinkster" || rw.Repo != "golang-gin-realworld-example-app" ||
		rw.Commit != sha1 || rw.Half != halfTune || rw.Line != 2 || !reflect.DeepEqual(rw.Setup, setup{}) {
		t.Errorf("first app: %+v", rw)
	}
	shop := apps[1]
	if shop.Repo != "shop" || shop.Half != halfReport || shop.Line != 4 || !strings.HasPrefix(shop.Notes, "gin + gorm; needs") {
		t.Errorf("second app: %+v", shop)
	}
	want := setup{
		Embed:   []string{"web/dist", "static/*.html", "docs"},
		Replace: []string{"github.com/a/b=>github.com/c/b@v1.2.3"},
		Go:      "1.22",
		ModDir:  "backend",
		Skip:    []string{"./internal/cgo/...", "tools"},
	}
	if !reflect.DeepEqual(shop.Setup, want) {
		t.Errorf("setup:\n got %+v\nwant %+v", shop.Setup, want)
	}
}

func TestParseAppsBadLines(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"svc github.com/a/svc tune", "line 1: \"svc github.com/a/svc tune\": want NAME"},
		{"svc github.com/a/svc 0123abc tune", `line 1: svc: commit "0123abc" is not a full 40-hex SHA`},
		{"svc github.com/a/svc " + strings.ToUpper(sha1) + " tune", "not a full 40-hex SHA"},
		{"svc gitlab.com/a/svc " + sha1 + " tune", "is not github.com/OWNER/REPO"},
		{"svc github.com/a/svc/sub " + sha1 + " tune", "is not github.com/OWNER/REPO"},
		{"svc github.com/a/svc " + sha1 + " both", `half "both"`},
		{"../svc github.com/a/svc " + sha1 + " tune", "name"},
		{"svc github.com/a/svc " + sha1 + " tune embeds=web", "unknown directive embeds="},
		{"svc github.com/a/svc " + sha1 + " tune embed=../web", "embed=../web"},
		{"svc github.com/a/svc " + sha1 + " tune embed=/abs", "embed=/abs"},
		{"svc github.com/a/svc " + sha1 + " tune replace=github.com/a/b=>../b", "want OLD=>NEW@VERSION"},
		{"svc github.com/a/svc " + sha1 + " tune replace=github.com/a/b", "want OLD=>NEW@VERSION"},
		{"svc github.com/a/svc " + sha1 + " tune go=latest", "go=latest"},
		{"svc github.com/a/svc " + sha1 + " tune go=1.22 go=1.23", "go=1.23"},
		{"svc github.com/a/svc " + sha1 + " tune moddir=a moddir=b", "moddir=b"},
		{"svc github.com/a/svc " + sha1 + " tune skip=../other/...", "skip=../other/..."},
		{"svc github.com/a/svc " + sha1 + " tune go=", "go= has no value"},
	} {
		_, err := parseApps(strings.NewReader(tc.line))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want one containing %q", tc.line, err, tc.want)
		}
	}
}

func TestParseAppsDuplicateName(t *testing.T) {
	in := "svc github.com/a/svc " + sha1 + " tune\n# x\nsvc github.com/b/svc " + sha1 + " report\n"
	_, err := parseApps(strings.NewReader(in))
	if err == nil || !strings.Contains(err.Error(), "line 3: svc already named on line 1") {
		t.Errorf("error %v, want a duplicate on line 3", err)
	}
}

func TestFreeTextWithEqualsIsNotADirective(t *testing.T) {
	if s, err := parseDirectives([]string{"x", "db=postgres"}); err == nil {
		t.Fatalf("db=postgres (a lowercase key, unknown) should be an error, got %+v", s)
	}
	s, err := parseDirectives([]string{"GOFLAGS=-tags=x", "=b", "see", "#12"})
	if err != nil || !reflect.DeepEqual(s, setup{}) {
		t.Errorf("free text taken as directives: %+v, %v", s, err)
	}
}

func TestAppMarkerChangesWithCommitAndSetup(t *testing.T) {
	a := app{Name: "svc", Owner: "a", Repo: "svc", Commit: sha1}
	base := appMarker(a, nil)
	if appMarker(a, nil) != base {
		t.Fatal("marker is not stable")
	}
	b := a
	b.Commit = strings.Repeat("f", 40)
	c := a
	c.Setup.Embed = []string{"web"}
	for name, got := range map[string]string{
		"commit": appMarker(b, nil),
		"setup":  appMarker(c, nil),
		"patch":  appMarker(a, []byte("--- a/x\n")),
	} {
		if got == base {
			t.Errorf("marker unchanged when the %s changes", name)
		}
	}
	if !strings.HasPrefix(base, "commit "+sha1+"\nsetup ") {
		t.Errorf("marker %q does not record the commit", base)
	}
}

func TestFilterPackages(t *testing.T) {
	rels := []string{".", "cmd/svc", "internal/cgo", "internal/cgo/sub", "internal/cgox", "tools"}
	got := filterPackages(rels, []string{"./internal/cgo/...", "tools"})
	want := []string{".", "cmd/svc", "internal/cgox"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := filterPackages(rels, []string{"..."}); len(got) != 0 {
		t.Errorf("... should skip everything, left %v", got)
	}
	if got := filterPackages(rels, []string{"internal/.../sub"}); !reflect.DeepEqual(got, []string{".", "cmd/svc", "internal/cgo", "internal/cgox", "tools"}) {
		t.Errorf("internal/.../sub left %v", got)
	}
}

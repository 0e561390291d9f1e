package finding

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFingerprintSurvivesLineMoves(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	before := "package a\n\nfunc F() {\n\thttp.Get(u)\n}\n"
	after := "package a\n\n// A new comment\n// moves everything down.\n\nfunc F() {\n\thttp.Get(u)\n}\n"

	fp := func(src string, line int, analyzer string) string {
		os.WriteFile(file, []byte(src), 0o644)
		fs := []Finding{{Analyzer: analyzer, File: file, Line: line}}
		Fingerprint(fs, dir)
		return fs[0].Fingerprint
	}
	a := fp(before, 4, "httptimeout")
	if b := fp(after, 7, "httptimeout"); a != b {
		t.Errorf("fingerprint changed when lines moved: %s vs %s", a, b)
	}
	if c := fp(before, 4, "unpaginated"); a == c {
		t.Error("fingerprint ignores the analyzer")
	}
	renamed := "package a\n\nfunc G() {\n\thttp.Get(u)\n}\n"
	if d := fp(renamed, 4, "httptimeout"); a == d {
		t.Error("fingerprint ignores the enclosing function")
	}
}

func TestFingerprintDistinguishesRepeats(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	os.WriteFile(file, []byte("package a\n\nfunc F() {\n\tx()\n\tx()\n}\n"), 0o644)
	fs := []Finding{{Analyzer: "a", File: file, Line: 4}, {Analyzer: "a", File: file, Line: 5}}
	Fingerprint(fs, dir)
	if fs[0].Fingerprint == fs[1].Fingerprint || len(fs[0].Fingerprint) != 32 {
		t.Errorf("fingerprints: %q %q", fs[0].Fingerprint, fs[1].Fingerprint)
	}
}

// TestFingerprintIgnoresRelated: a baseline must keep matching when a
// related location is added or moves (another write joins the path, a
// call site of a grouped finding appears).
func TestFingerprintIgnoresRelated(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.go")
	if err := os.WriteFile(path, []byte("package a\n\nfunc F() {\n\tg()\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := Finding{Analyzer: "missingtx", Rule: "RL301", File: path, Line: 4, Column: 2, Message: "m"}
	moved := base
	moved.Related = []Related{{File: path, Line: 3, Message: "another write"}, {File: path, Line: 1, Message: "and one more"}}
	fs := []Finding{base}
	Fingerprint(fs, dir)
	gs := []Finding{moved}
	Fingerprint(gs, dir)
	if fs[0].Fingerprint == "" || fs[0].Fingerprint != gs[0].Fingerprint {
		t.Errorf("fingerprint %q without related locations, %q with them: want the same", fs[0].Fingerprint, gs[0].Fingerprint)
	}
}

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

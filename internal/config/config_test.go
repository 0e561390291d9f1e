package config

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

func testAnalyzers() []*analysis.Analyzer {
	a := &analysis.Analyzer{Name: "unpaginated", Doc: "x"}
	a.Flags.Bool("tests", false, "")
	a.Flags.String("unique-columns", "id", "")
	a.Flags.Int("max", 3, "")
	a.Flags.Duration("wait", time.Second, "")
	b := &analysis.Analyzer{Name: "httptimeout", Doc: "x"}
	b.Flags.Bool("tests", false, "")
	return []*analysis.Analyzer{a, b}
}

func TestDecode(t *testing.T) {
	src := `
enable: [unpaginated, httptimeout]
disable: [httptimeout]
tests: true
exclude:
  - internal/legacy/**
unpaginated:
  unique-columns: [id, uuid]
  max: 5
httptimeout: {}
`
	as := testAnalyzers()
	cfg, err := Decode(".resilint.yml", []byte(src), as)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(cfg.Enable, ",") != "unpaginated,httptimeout" || strings.Join(cfg.Disable, ",") != "httptimeout" {
		t.Errorf("enable/disable: %v %v", cfg.Enable, cfg.Disable)
	}
	if cfg.Tests == nil || !*cfg.Tests || len(cfg.Exclude) != 1 {
		t.Errorf("tests/exclude: %v %v", cfg.Tests, cfg.Exclude)
	}
	if got := cfg.Settings["unpaginated"]; got["unique-columns"] != "id,uuid" || got["max"] != "5" {
		t.Errorf("settings: %v", got)
	}
	// Validation must not change the analyzers' real flags.
	if v := as[0].Flags.Lookup("unique-columns").Value.String(); v != "id" {
		t.Errorf("decoding changed the flag to %q", v)
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"enabel: [x]\n", `cfg.yml:1: enabel: unknown key (known: enable, disable, tests, exclude, httptimeout, unpaginated)`},
		{"enable: [nosuch]\n", `cfg.yml:1: enable: unknown analyzer "nosuch"`},
		{"tests: sometimes\n", `cfg.yml:1: tests: want true or false`},
		{"unpaginated:\n  max: many\n", `cfg.yml:2: unpaginated.max: invalid value "many"`},
		{"unpaginated:\n  wait: 2\n", `cfg.yml:2: unpaginated.wait: want a Go duration such as 500ms, 2s or 1m30s, got "2"`},
		{"unpaginated:\n  bogus: 1\n", `cfg.yml:2: unpaginated.bogus: unknown setting (known: max, tests, unique-columns, wait)`},
		{"unpaginated:\n  unique-columns: [\"a,b\"]\n", `cfg.yml:2: unpaginated.unique-columns: list item "a,b" must not contain a comma`},
		{"unpaginated: [1]\n", `cfg.yml:1: unpaginated: want a mapping`},
		{"- a\n- b\n", `cfg.yml:1: the top level must be a mapping`},
		{"tests: true\ntests: false\n", `cfg.yml:2: tests: duplicate key`},
		{"enable: [a\n", `cfg.yml`},
		{"exclude: {a: b}\n", `cfg.yml:1: exclude: want a list of path globs`},
	} {
		_, err := Decode("cfg.yml", []byte(c.src), testAnalyzers())
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%q: got %v, want a *config.Error", c.src, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q:\n got %s\nwant %s", c.src, err, c.want)
		}
	}
}

func TestEmptyFile(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n"} {
		cfg, err := Decode("cfg.yml", []byte(src), testAnalyzers())
		if err != nil || len(cfg.Enable) != 0 || cfg.Tests != nil {
			t.Errorf("%q: %v %+v", src, err, cfg)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	os.MkdirAll(deep, 0o755)
	if _, ok := Find(deep); ok {
		// A .resilint.yml above the temp dir would make this test meaningless.
		t.Skip("a .resilint.yml exists above the temp directory")
	}
	os.WriteFile(filepath.Join(root, "a", FileName), []byte("tests: true\n"), 0o644)
	got, ok := Find(deep)
	if !ok || got != filepath.Join(root, "a", FileName) {
		t.Errorf("Find = %q, %v", got, ok)
	}
}

func TestCheckFlagValue(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.Bool("b", false, "")
	fs.Int("n", 1, "")
	fs.Float64("f", 1, "")
	fs.Duration("d", time.Second, "")
	for _, c := range []struct {
		name, val string
		ok        bool
	}{{"b", "true", true}, {"b", "yes", false}, {"n", "12", true}, {"n", "1.5", false}, {"f", "3.5", true}, {"f", "x", false},
		{"d", "1m30s", true}, {"d", "500ms", true}, {"d", "90", false}, {"d", "soon", false}} {
		err := CheckFlagValue(fs.Lookup(c.name), c.val)
		if (err == nil) != c.ok {
			t.Errorf("-%s=%s: err %v, want ok=%v", c.name, c.val, err, c.ok)
		}
	}
	if fs.Lookup("n").Value.String() != "1" {
		t.Error("CheckFlagValue changed the flag")
	}
	// A bad duration says what form is wanted: flag's own error is a bare "parse error".
	want := `want a Go duration such as 500ms, 2s or 1m30s, got "90"`
	if err := CheckFlagValue(fs.Lookup("d"), "90"); err == nil || err.Error() != want {
		t.Errorf("-d=90: got %v, want %q", err, want)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("enable: [unpaginated]\nunpaginated:\n  unique-columns: [id]\n")
	f.Add("tests: true\nexclude: ['a/**']\n")
	f.Add("httptimeout: {tests: yes}\n")
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := Decode("f.yml", []byte(src), testAnalyzers())
		if err == nil && cfg == nil {
			t.Fatal("nil config without error")
		}
		var ce *Error
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("error is not a *config.Error: %v", err)
		}
	})
}

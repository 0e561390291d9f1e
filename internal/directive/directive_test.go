package directive

import (
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		text   string
		ok     bool
		kind   Kind
		names  []string
		reason string
		valid  bool
	}{
		{"//resilint:ignore httptimeout the upstream is a local sidecar", true, Ignore, []string{"httptimeout"}, "the upstream is a local sidecar", true},
		{"//resilint:ignore httptimeout,unpaginated  two   spaces", true, Ignore, []string{"httptimeout", "unpaginated"}, "two spaces", true},
		{"//resilint:ignore httptimeout", true, Ignore, []string{"httptimeout"}, "", false},
		{"//resilint:ignore", true, Ignore, nil, "", false},
		{"//resilint:file-ignore hardcodedsecret public test vectors", true, FileIgnore, []string{"hardcodedsecret"}, "public test vectors", true},
		{"//resilint:ignored httptimeout x", false, 0, nil, "", false},
		{"// resilint:ignore httptimeout x", false, 0, nil, "", false},
		{"//nolint", true, Nolint, nil, "", true},
		{"//nolint:resilint", true, Nolint, []string{"resilint"}, "", true},
		{"//nolint:errcheck,httptimeout // sidecar on localhost", true, Nolint, []string{"errcheck", "httptimeout"}, "sidecar on localhost", true},
		{"//nolint // legacy", true, Nolint, nil, "legacy", true},
		{"//nolintfoo", false, 0, nil, "", false},
		{"// regular comment", false, 0, nil, "", false},
	}
	for _, tt := range tests {
		d, ok := Parse(tt.text)
		if ok != tt.ok {
			t.Errorf("Parse(%q) ok = %v, want %v", tt.text, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if d.Kind != tt.kind || !slices.Equal(d.Names, tt.names) || d.Reason != tt.reason || d.Valid() != tt.valid {
			t.Errorf("Parse(%q) = kind %v names %q reason %q valid %v; want kind %v names %q reason %q valid %v",
				tt.text, d.Kind, d.Names, d.Reason, d.Valid(), tt.kind, tt.names, tt.reason, tt.valid)
		}
	}
}

func TestSuppresses(t *testing.T) {
	line := func(text string) Directive {
		d, ok := Parse(text)
		if !ok {
			t.Fatalf("not a directive: %q", text)
		}
		d.Line = 10
		return d
	}
	trailing := func(text string) Directive {
		d := line(text)
		d.Trailing = true
		return d
	}
	ignore := line("//resilint:ignore httptimeout reason")
	for _, c := range []struct {
		d        Directive
		analyzer string
		rule     string
		line     int
		want     bool
	}{
		{ignore, "httptimeout", "", 10, true},
		{ignore, "httptimeout", "RL102", 11, true},
		{ignore, "httptimeout", "", 12, false},
		{ignore, "httptimeout", "", 9, false},
		{ignore, "unpaginated", "", 11, false},
		{line("//resilint:ignore httptimeout"), "httptimeout", "", 11, false}, // no reason: does not suppress
		{line("//resilint:file-ignore httptimeout generated fixtures"), "httptimeout", "", 500, true},
		{line("//nolint:resilint"), "missingtx", "RL301", 10, true},
		{line("//nolint:all"), "missingtx", "", 10, true},
		{line("//nolint"), "missingtx", "", 11, true},
		{trailing("//resilint:ignore httptimeout reason"), "httptimeout", "", 10, true},
		{trailing("//resilint:ignore httptimeout reason"), "httptimeout", "", 11, false},
		{trailing("//nolint"), "missingtx", "", 11, false},
		{line("//nolint:errcheck"), "missingtx", "", 10, false},
		// A rule ID silences that rule of its analyzer, and no other.
		{line("//resilint:ignore RL102 only the health check listens"), "httptimeout", "RL102", 11, true},
		{line("//resilint:ignore RL102 only the health check listens"), "httptimeout", "RL101", 11, false},
		{line("//resilint:ignore RL102 only the health check listens"), "httptimeout", "", 11, false},
		{line("//resilint:ignore RL301,httptimeout both bounded"), "missingtx", "RL301", 11, true},
		{line("//nolint:RL303"), "missingtx", "RL303", 10, true},
		{line("//nolint:RL303"), "missingtx", "RL302", 10, false},
	} {
		if got := c.d.Suppresses(c.analyzer, c.rule, c.line); got != c.want {
			t.Errorf("%q.Suppresses(%s, %q, %d) = %v, want %v", c.d.Text, c.analyzer, c.rule, c.line, got, c.want)
		}
	}
}

func TestProblem(t *testing.T) {
	known := []string{"httptimeout", "unpaginated"}
	for _, c := range []struct{ text, want string }{
		{"//resilint:ignore httptimeout the sidecar is on localhost", ""},
		{"//resilint:ignore httptimeout,unpaginated both bounded by the caller", ""},
		{"//resilint:ignore httptimeout", "//resilint:ignore needs a reason after the analyzer names"},
		{"//resilint:file-ignore unpaginated", "//resilint:file-ignore needs a reason"},
		{"//resilint:ignore", "malformed //resilint:ignore directive: name the analyzers"},
		{"//resilint:ignore httptimeout,nosuch reason", `//resilint:ignore names unknown analyzer "nosuch" (known: httptimeout, unpaginated, or a rule ID`},
		{"//resilint:ignore RL101 the sidecar is on localhost", ""},
		{"//resilint:ignore RL199 typo of an ID", `//resilint:ignore names unknown rule "RL199"`},
		{"//resilint:ignore RL101", "//resilint:ignore needs a reason"},
		{"//nolint:httptimeout", ""},
	} {
		d, _ := Parse(c.text)
		got := d.Problem(known)
		if (got == "") != (c.want == "") || !strings.HasPrefix(got, c.want) {
			t.Errorf("Problem(%q) = %q, want %q", c.text, got, c.want)
		}
		if got == "" && d.Kind != Nolint && !d.Valid() {
			t.Errorf("%q suppresses nothing, yet Problem finds nothing wrong", c.text)
		}
	}
}

func TestFile(t *testing.T) {
	src := `package p

//resilint:ignore httptimeout calls a sidecar on localhost
var a = 1

var b = 2 //nolint:resilint // legacy

// not a directive
var c = 3
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ds := File(fset, f)
	if len(ds) != 2 {
		t.Fatalf("got %d directives, want 2: %+v", len(ds), ds)
	}
	if ds[0].Line != 3 || ds[0].Kind != Ignore || ds[0].Trailing || ds[1].Line != 6 || ds[1].Kind != Nolint || !ds[1].Trailing {
		t.Errorf("unexpected directives: %+v", ds)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"//resilint:ignore a,b reason", "//nolint:a // b", "//resilint:file-ignore x y", "//nolint", "//resilint:ignore ,,, "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := Parse(s)
		if !ok {
			return
		}
		for _, n := range d.Names {
			if n == "" {
				t.Fatalf("empty name in %q", s)
			}
		}
		if d.Valid() && d.Kind != Nolint && d.Reason == "" {
			t.Fatalf("valid directive without reason: %q", s)
		}
	})
}

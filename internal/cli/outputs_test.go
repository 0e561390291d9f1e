package cli

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestParseOutputs(t *testing.T) {
	cases := []struct {
		format, o string
		want      []outputSpec
		err       string
	}{
		{format: "text", want: []outputSpec{{"text", ""}}},
		{format: "text", o: "r.txt", want: []outputSpec{{"text", "r.txt"}}},
		{format: "text, sarif:out.sarif,json:o.json", want: []outputSpec{{"text", ""}, {"sarif", "out.sarif"}, {"json", "o.json"}}},
		{format: "sarif:out.sarif,json", o: "o.json", want: []outputSpec{{"sarif", "out.sarif"}, {"json", "o.json"}}},
		// A Windows path keeps its drive letter.
		{format: `sarif:C:\r\out.sarif`, want: []outputSpec{{"sarif", `C:\r\out.sarif`}}},
		{format: "text,json", err: "text and json would both write to stdout"},
		{format: "xml", err: `unknown format "xml"`},
		{format: "sarif:a,json:a", err: "two formats write to a"},
		{format: "sarif:a", o: "b", err: "every format already names its file"},
		{format: "text,json:a", o: "a", err: "two formats write to a"},
	}
	for _, c := range cases {
		got, err := parseOutputs(c.format, c.o)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q -o %q: error %v, want %q", c.format, c.o, err, c.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q -o %q: got %v, %v; want %v", c.format, c.o, got, err, c.want)
		}
	}
}

type fakeTerminal struct{ bytes.Buffer }

func (*fakeTerminal) TerminalWidth() (int, bool) { return 80, true }

func TestUseColor(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	if !useColor(&fakeTerminal{}, env("TERM", "xterm")) {
		t.Error("a terminal takes colour")
	}
	if useColor(&fakeTerminal{}, env("NO_COLOR", "1")) || useColor(&fakeTerminal{}, env("TERM", "dumb")) {
		t.Error("NO_COLOR and TERM=dumb turn colour off")
	}
	if useColor(&bytes.Buffer{}, env()) {
		t.Error("a pipe takes no colour")
	}
}

func TestCheckRunFlags(t *testing.T) {
	for _, args := range [][]string{{"-no-fail", "-exit-code", "3"}, {"-exit-code", "-1"}, {"-exit-code", "126"}, {"-p", "-2"}, {"-timeout", "-1s"},
		{"-new-from-rev", "HEAD", "-new-from-merge-base", "main"}} {
		if _, _, err := parseFlags(args, &bytes.Buffer{}); err == nil {
			t.Errorf("%v: want a usage error", args)
		}
	}
	opts, _, err := parseFlags([]string{"-no-fail", "-tags", "a,b", "-p", "2"}, &bytes.Buffer{})
	if err != nil || opts.findingsCode != 0 {
		t.Fatalf("-no-fail: %v, code %d", err, opts.findingsCode)
	}
	if got := goBuildFlags(opts); !reflect.DeepEqual(got, []string{"-tags=a,b", "-p=2"}) {
		t.Errorf("go flags %v", got)
	}
	if opts, _, _ := parseFlags(nil, &bytes.Buffer{}); opts.findingsCode != ExitFindings {
		t.Errorf("default findings code %d", opts.findingsCode)
	}
}

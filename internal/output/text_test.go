package output

import (
	"bytes"
	"strings"
	"testing"
)

func TestTextStyles(t *testing.T) {
	r := sampleResult()
	r.WorkDir = "/repo"
	var plain, styled bytes.Buffer
	if err := Text(&plain, r, allRules()); err != nil {
		t.Fatal(err)
	}
	want := "api/main.go:21:12: http.ListenAndServe serves with no read timeouts (httptimeout/RL102)\nconfig/config.go:7:0: hardcoded password (hardcodedsecret/RL401)\n"
	if plain.String() != want {
		t.Errorf("plain text:\n%q\nwant\n%q", plain.String(), want)
	}
	if err := TextWith(TextStyle{Color: true, Help: true})(&styled, r, allRules()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(styled.String(), "\n")
	if len(lines) != 5 {
		t.Fatalf("want a help line after each finding:\n%s", styled.String())
	}
	if lines[0] != "\x1b[1mapi/main.go:21:12:\x1b[0m http.ListenAndServe serves with no read timeouts \x1b[33m(httptimeout/RL102)\x1b[0m" {
		t.Errorf("warning line: %q", lines[0])
	}
	if !strings.Contains(lines[2], "\x1b[31m(hardcodedsecret/RL401)") {
		t.Errorf("an error is red: %q", lines[2])
	}
	if !strings.HasPrefix(lines[1], "\thelp: \x1b[2mhttps://github.com/resilint/resilint/blob/") || !strings.Contains(lines[3], "/docs/analyzers/hardcodedsecret.md") {
		t.Errorf("help lines: %q %q", lines[1], lines[3])
	}
}

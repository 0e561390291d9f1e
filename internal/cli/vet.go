package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"

	"github.com/resilint/resilint/internal/finding"
)

// The CLI does not load packages itself. It runs `go vet -vettool=<this
// binary> -json`: the go command type-checks dependencies from export data,
// keeps analysis facts in per-package files and caches every package's
// result in the build cache, so a re-run on unchanged code costs almost
// nothing. The x/tools checker would instead type-check the whole
// dependency graph from source on every run as soon as one analyzer uses
// facts.

// vetDiagnostic is the JSON form unitchecker prints for a diagnostic.
type vetDiagnostic struct {
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	End            string `json:"end"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
	Related []struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	} `json:"related"`
}

type rawDiagnostic struct {
	Package  string
	Analyzer string
	vetDiagnostic
}

type vetResult struct {
	Diagnostics []rawDiagnostic
	Packages    int
	Errors      []finding.LoadError
}

// vet runs go vet with this executable as the vet tool. An error is
// returned only when go vet could not run at all; package failures are
// collected in Errors.
func (g *goRunner) vet(ctx context.Context, args []string, overlay string) (*vetResult, error) {
	cmdArgs := append([]string{"vet", "-vettool=" + g.self, "-json"}, g.buildFlags...)
	if overlay != "" {
		cmdArgs = append(cmdArgs, "-overlay="+overlay)
	}
	// With -v the go command names each package it builds: what the
	// progress line and -v show while dependencies compile.
	showBuild := g.verbose || g.prog != nil
	if showBuild {
		cmdArgs = append(cmdArgs, "-v")
	}
	cmdArgs = append(append(cmdArgs, g.flags...), args...)
	if g.verbose {
		g.logf("resilint: go %s", strings.Join(cmdArgs, " "))
	}
	cmd := exec.CommandContext(ctx, "go", cmdArgs...)
	cmd.Dir = g.dir
	errOut := g.output(showBuild)
	cmd.Stderr = errOut
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("running go vet: %v", err)
	}
	res := &vetResult{}
	decodeErr := decodeTrees(stdout, res, g.prog.step)
	if decodeErr != nil {
		io.Copy(io.Discard, stdout)
	}
	runErr := cmd.Wait()
	errOut.flush()
	var exitErr *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exitErr) {
		return nil, fmt.Errorf("running go vet: %v", runErr)
	}
	if decodeErr != nil {
		return nil, decodeErr
	}
	kept := errOut.kept.String()
	res.Errors = append(res.Errors, parseVetStderr(kept)...)
	if runErr != nil && len(res.Errors) == 0 {
		res.Errors = append(res.Errors, finding.LoadError{Message: fmt.Sprintf("go vet failed (%v): %s", runErr, strings.TrimSpace(kept))})
	}
	return res, nil
}

func (g *goRunner) output(buildLines bool) *goStderr {
	return &goStderr{buildLines: buildLines, verbose: g.verbose, prog: g.prog, log: g.logf}
}

// goStderr receives the go command's stderr line by line. It keeps the
// text for parseVetStderr, minus the package names -v prints, echoes every
// line with -v, and shows downloads and builds on the progress line.
type goStderr struct {
	kept       bytes.Buffer
	partial    []byte
	buildLines bool // the go command runs with -v
	verbose    bool
	prog       *progress
	log        func(format string, args ...any)
}

// buildLine is what go build -v prints: a package, maybe a test variant.
var buildLine = regexp.MustCompile(`^[\w.~+/-]+( \[[\w.~+/-]+\])?$`)

func (o *goStderr) Write(b []byte) (int, error) {
	o.partial = append(o.partial, b...)
	for {
		i := bytes.IndexByte(o.partial, '\n')
		if i < 0 {
			return len(b), nil
		}
		o.line(string(o.partial[:i]))
		o.partial = o.partial[i+1:]
	}
}

func (o *goStderr) flush() {
	if len(o.partial) > 0 {
		o.line(string(o.partial))
		o.partial = nil
	}
}

func (o *goStderr) line(s string) {
	if o.verbose {
		o.log("%s", s)
	}
	switch {
	case o.buildLines && buildLine.MatchString(s):
		o.prog.setActivity("go: " + s)
		return
	case strings.HasPrefix(s, "go: downloading "):
		o.prog.setActivity(s)
	}
	o.kept.WriteString(s)
	o.kept.WriteByte('\n')
}

// decodeTrees reads the stream of JSON trees, one per analyzed package:
// {"pkg id": {"analyzer": [diagnostics] | {"error": "..."}}}.
func decodeTrees(r io.Reader, res *vetResult, onTree func()) error {
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("reading go vet output: %v", err)
		}
		res.Packages++
		onTree()
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var diags []vetDiagnostic
				if err := json.Unmarshal(raw, &diags); err == nil {
					for _, d := range diags {
						res.Diagnostics = append(res.Diagnostics, rawDiagnostic{Package: pkg, Analyzer: analyzer, vetDiagnostic: d})
					}
					continue
				}
				var failure struct {
					Error string `json:"error"`
				}
				if err := json.Unmarshal(raw, &failure); err != nil {
					return fmt.Errorf("reading go vet output for %s: %v", pkg, err)
				}
				res.Errors = append(res.Errors, finding.LoadError{Package: pkg, Message: analyzer + ": " + failure.Error, Internal: true})
			}
		}
	}
}

// parseVetStderr turns go vet's stderr into load errors. The go command
// prints "# import/path" before the compiler's or vet tool's errors for a
// package; progress lines ("go: downloading ...") are not errors.
func parseVetStderr(s string) []finding.LoadError {
	var out []finding.LoadError
	var cur *finding.LoadError
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "# [") && cur != nil && cur.Message == "":
			// A test variant is named twice: "# p" then "# [p]".
			continue
		case strings.HasPrefix(line, "# "):
			out = append(out, finding.LoadError{Package: strings.TrimPrefix(line, "# ")})
			cur = &out[len(out)-1]
		case strings.HasPrefix(line, "go: downloading "), strings.HasPrefix(line, "go: finding "), strings.HasPrefix(line, "go: extracting "):
			continue
		case cur != nil && (strings.HasPrefix(line, "\t") || !strings.HasPrefix(line, "go: ")):
			if cur.Message != "" {
				cur.Message += "\n"
			}
			cur.Message += line
		default:
			out = append(out, finding.LoadError{Message: line})
			cur = nil
		}
	}
	// The go command prints "# pkg" with nothing after it for packages
	// whose errors were already shown; drop those.
	kept := out[:0]
	for _, e := range out {
		if e.Message != "" {
			e.Package = strings.TrimSuffix(e.Package, " [test]")
			e.Internal = goCrash(e.Message)
			kept = append(kept, e)
		}
	}
	return kept
}

// goCrash reports whether a package's error output is a crashed vet tool:
// a Go panic or fatal error, at the start of a line, with a goroutine
// trace. A C compiler's "x.c:4:10: fatal error: foo.h: No such file" (cgo
// without its headers) is a build error of the package, not ours.
func goCrash(msg string) bool {
	crash, trace := false, false
	for line := range strings.Lines(msg) {
		line = strings.TrimLeft(line, "\t ")
		if strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "fatal error: ") {
			crash = true
		}
		if strings.HasPrefix(line, "goroutine ") {
			trace = true
		}
	}
	return crash && trace
}

// selfPath is the absolute path of the running executable, which go vet
// runs as the vet tool.
func selfPath() (string, error) {
	p, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cannot find the resilint executable for go vet: %v", err)
	}
	return p, nil
}

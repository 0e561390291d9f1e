package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// An app is one entry of eval/apps.txt: a service pinned to a commit of
// its GitHub repository, in the tune half (rules may be changed for it) or
// the report half (only measured).
type app struct {
	Name        string
	Owner, Repo string
	Commit      string
	Half        string // "tune", "report", "fresh" or "fresh2"
	Notes       string // the line's notes, directives included
	Setup       setup
	Line        int // in apps.txt, for error messages
}

// setup holds the directives of an apps.txt line: what makes the tree
// build, applied by `make corpus`, never by hand.
type setup struct {
	Embed   []string // module-relative dirs (or file globs) to create for //go:embed
	Replace []string // OLD=>NEW@VER, for go mod edit -replace
	Go      string   // go directive version, e.g. 1.22
	ModDir  string   // the module's directory in the repository, "" for its root
	Skip    []string // module-relative package patterns left out of the run
}

const (
	halfTune   = "tune"
	halfReport = "report"
	// halfFresh are apps added to be measured only, after the report half
	// had been read for a round: a report half nobody has seen yet.
	halfFresh = "fresh"
	// halfFresh2 are apps added after the fresh ones had been read once:
	// the next blind measurement.
	halfFresh2 = "fresh2"
)

// knownHalf reports whether h names a half.
func knownHalf(h string) bool {
	return h == halfTune || h == halfReport || h == halfFresh || h == halfFresh2
}

func (a app) Dir() string { return filepath.Join(corpusDir(), "apps", a.Name) }

// ModuleDir is where go commands and resilint run.
func (a app) ModuleDir() string { return filepath.Join(a.Dir(), filepath.FromSlash(a.Setup.ModDir)) }

var (
	namePattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	sourcePattern = regexp.MustCompile(`^github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)$`)
	commitPattern = regexp.MustCompile(`^[0-9a-f]{40}$`)
	goPattern     = regexp.MustCompile(`^1\.[0-9]+(\.[0-9]+)?$`)
	// A notes word whose key is a lowercase word is a directive; an
	// unknown key is an error rather than text, so a typo is not ignored.
	directivePattern = regexp.MustCompile(`^([a-z]+)=(.*)$`)
)

// readApps reads eval/apps.txt (absent: no apps), keeping the entries
// named in only (all when only is empty).
func readApps(only []string) ([]app, error) {
	f, err := os.Open(filepath.Join(repoDir(), "eval", "apps.txt"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	all, err := parseApps(f)
	if err != nil {
		return nil, fmt.Errorf("eval/apps.txt: %v", err)
	}
	var out []app
	for _, a := range all {
		if len(only) == 0 || contains(only, a.Name) {
			out = append(out, a)
		}
	}
	return out, nil
}

// parseApps parses lines `NAME github.com/OWNER/REPO COMMIT HALF [notes]`.
func parseApps(r io.Reader) ([]app, error) {
	var out []app
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		a, err := parseAppLine(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		if prev, dup := seen[a.Name]; dup {
			return nil, fmt.Errorf("line %d: %s already named on line %d", n, a.Name, prev)
		}
		seen[a.Name] = n
		a.Line = n
		out = append(out, a)
	}
	return out, sc.Err()
}

func parseAppLine(line string) (app, error) {
	f := strings.Fields(line)
	if len(f) < 4 {
		return app{}, fmt.Errorf("%q: want NAME github.com/OWNER/REPO COMMIT HALF [notes]", line)
	}
	a := app{Name: f[0], Commit: f[2], Half: f[3], Notes: strings.Join(f[4:], " ")}
	if !namePattern.MatchString(a.Name) {
		return a, fmt.Errorf("name %q: use letters, digits, '.', '_' and '-'", a.Name)
	}
	m := sourcePattern.FindStringSubmatch(strings.TrimSuffix(f[1], ".git"))
	if m == nil {
		return a, fmt.Errorf("%s: source %q is not github.com/OWNER/REPO", a.Name, f[1])
	}
	a.Owner, a.Repo = m[1], m[2]
	if !commitPattern.MatchString(a.Commit) {
		return a, fmt.Errorf("%s: commit %q is not a full 40-hex SHA", a.Name, a.Commit)
	}
	if !knownHalf(a.Half) {
		return a, fmt.Errorf("%s: half %q is not %s, %s, %s or %s", a.Name, a.Half, halfTune, halfReport, halfFresh, halfFresh2)
	}
	var err error
	if a.Setup, err = parseDirectives(f[4:]); err != nil {
		return a, fmt.Errorf("%s: %v", a.Name, err)
	}
	return a, nil
}

// parseDirectives picks the key=value directives out of the notes words.
// embed, replace and skip take comma-separated lists and may repeat.
func parseDirectives(words []string) (setup, error) {
	var s setup
	for _, w := range words {
		m := directivePattern.FindStringSubmatch(w)
		if m == nil {
			continue // free text
		}
		key, val := m[1], m[2]
		if val == "" {
			return s, fmt.Errorf("directive %s= has no value", key)
		}
		switch key {
		case "embed":
			for _, v := range splitList(val) {
				if !filepath.IsLocal(v) || path.Clean(v) != v {
					return s, fmt.Errorf("embed=%s: want a clean path inside the module", v)
				}
				s.Embed = append(s.Embed, v)
			}
		case "replace":
			for _, v := range splitList(val) {
				old, repl, ok := strings.Cut(v, "=>")
				mod, ver, versioned := strings.Cut(repl, "@")
				if !ok || old == "" || !versioned || mod == "" || ver == "" {
					return s, fmt.Errorf("replace=%s: want OLD=>NEW@VERSION", v)
				}
				s.Replace = append(s.Replace, v)
			}
		case "go":
			if s.Go != "" || !goPattern.MatchString(val) {
				return s, fmt.Errorf("go=%s: want one version such as 1.22", val)
			}
			s.Go = val
		case "moddir":
			if s.ModDir != "" || !filepath.IsLocal(val) || path.Clean(val) != val {
				return s, fmt.Errorf("moddir=%s: want one clean path inside the repository", val)
			}
			if val != "." {
				s.ModDir = val
			}
		case "skip":
			for _, v := range splitList(val) {
				if _, err := skipRegexp(v); err != nil {
					return s, fmt.Errorf("skip=%s: %v", v, err)
				}
				s.Skip = append(s.Skip, v)
			}
		default:
			return s, fmt.Errorf("unknown directive %s= (known: embed, replace, go, moddir, skip)", key)
		}
	}
	return s, nil
}

func splitList(val string) []string {
	var out []string
	for _, v := range strings.Split(val, ",") {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// setupVersion changes when the way a tree is set up changes, so that
// `make corpus` redoes every app.
const setupVersion = "1"

// appMarker is the content of the marker file of a materialized app: the
// commit and a hash of everything that shaped the tree.
func appMarker(a app, patch []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "v%s\n%s/%s\n%q\n", setupVersion, a.Owner, a.Repo, a.Setup)
	h.Write(patch)
	return fmt.Sprintf("commit %s\nsetup %s\n", a.Commit, hex.EncodeToString(h.Sum(nil)))
}

// readPatch returns eval/patches/NAME.patch, or nil when there is none.
func readPatch(name string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(repoDir(), "eval", "patches", name+".patch"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// Package config reads .resilint.yml. The file is a thin layer over the
// analyzers' own flags: every key of an analyzer's section is one of that
// analyzer's Analyzer.Flags, so go vet, nogo, the CLI and the golangci-lint
// plugin all configure an analyzer the same way.
package config

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/internal/rules"
)

// FileName is the name of the configuration file looked up from the
// working directory upwards.
const FileName = ".resilint.yml"

// Config is the decoded configuration. The golangci-lint plugin decodes its
// settings into the same struct.
type Config struct {
	// Enable, when non-empty, lists the only analyzers to run, or rule
	// IDs (RL101): the only rules of their analyzer to report.
	Enable []string `yaml:"enable" json:"enable,omitempty"`
	// Disable lists analyzers not to run, or rule IDs not to report.
	Disable []string `yaml:"disable" json:"disable,omitempty"`
	// Tests analyzes _test.go files too (sets every analyzer's -NAME.tests).
	Tests *bool `yaml:"tests" json:"tests,omitempty"`
	// Exclude lists the paths (globs relative to the config file, **
	// allowed) whose findings are dropped, each for every analyzer or for
	// some only. In the file an entry is a glob or {path, rules}.
	Exclude []Exclusion `yaml:"exclude" json:"exclude,omitempty"`
	// Settings holds one section per analyzer: flag name to value.
	// Lists are joined with commas, as the analyzers' list flags expect.
	Settings map[string]map[string]string `yaml:"-" json:"-"`

	// Path is the file the config was read from ("" for none).
	Path string `yaml:"-" json:"-"`
}

// An Error is a configuration mistake, located in its file.
type Error struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Key != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Key, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}

// Find returns the nearest .resilint.yml in dir or its parents.
func Find(dir string) (string, bool) {
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Load reads and validates a configuration file.
func Load(path string, analyzers []*analysis.Analyzer) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Decode(path, data, analyzers)
}

var topKeys = []string{"enable", "disable", "tests", "exclude"}

// Decode parses configuration text. name is used in error messages.
// Unknown keys, unknown analyzer names and values an analyzer's flag
// rejects are all errors.
func Decode(name string, data []byte, analyzers []*analysis.Analyzer) (*Config, error) {
	cfg := &Config{Path: name, Settings: map[string]map[string]string{}}
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range analyzers {
		byName[a.Name] = a
	}
	fail := func(n *yaml.Node, key, format string, args ...any) error {
		line := 0
		if n != nil {
			line = n.Line
		}
		return &Error{File: name, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)}
	}

	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return cfg, nil // empty file
		}
		return nil, &Error{File: name, Line: yamlErrLine(err), Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, "", "the top level must be a mapping of keys to values")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if seen[key] {
			return nil, fail(k, key, "duplicate key")
		}
		seen[key] = true
		switch key {
		case "enable", "disable":
			var names []string
			if err := v.Decode(&names); err != nil {
				return nil, fail(v, key, "want a list of analyzer names or rule IDs")
			}
			for _, n := range names {
				if !knownName(byName, n) {
					return nil, fail(v, key, "%s", unknownName(n, byName))
				}
			}
			if key == "enable" {
				cfg.Enable = names
			} else {
				cfg.Disable = names
			}
		case "tests":
			var b bool
			if err := v.Decode(&b); err != nil {
				return nil, fail(v, key, "want true or false")
			}
			cfg.Tests = &b
		case "exclude":
			ex, err := decodeExclude(name, v, byName)
			if err != nil {
				return nil, err
			}
			cfg.Exclude = ex
		default:
			a := byName[key]
			if a == nil {
				return nil, fail(k, key, "unknown key (known: %s)", strings.Join(append(slices.Clone(topKeys), sortedNames(byName)...), ", "))
			}
			section, err := decodeSection(name, a, v)
			if err != nil {
				return nil, err
			}
			cfg.Settings[key] = section
		}
	}
	return cfg, nil
}

// decodeSection validates an analyzer's section against its flags by
// setting a scratch copy of each flag, so a bad value fails here, with its
// line, rather than inside the vet tool.
func decodeSection(file string, a *analysis.Analyzer, n *yaml.Node) (map[string]string, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return map[string]string{}, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, &Error{File: file, Line: n.Line, Key: a.Name, Msg: "want a mapping of setting names to values"}
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := a.Name + "." + k.Value
		f := a.Flags.Lookup(k.Value)
		if f == nil {
			return nil, &Error{File: file, Line: k.Line, Key: key, Msg: fmt.Sprintf("unknown setting (known: %s)", strings.Join(flagNames(&a.Flags), ", "))}
		}
		val, err := scalarOrList(v)
		if err != nil {
			return nil, &Error{File: file, Line: v.Line, Key: key, Msg: err.Error()}
		}
		if err := CheckFlagValue(f, val); err != nil {
			return nil, &Error{File: file, Line: v.Line, Key: key, Msg: err.Error()}
		}
		out[k.Value] = val
	}
	return out, nil
}

// CheckFlagValue reports whether val is acceptable to f, without changing f.
func CheckFlagValue(f *flag.Flag, val string) error {
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool:
			if _, err := strconv.ParseBool(val); err != nil {
				return fmt.Errorf("want true or false, got %q", val)
			}
			return nil
		case time.Duration:
			// flag's own error is a bare "parse error", which does not
			// tell a user that "2" needs a unit.
			if _, err := time.ParseDuration(val); err != nil {
				return fmt.Errorf("want a Go duration such as 500ms, 2s or 1m30s, got %q", val)
			}
			return nil
		}
	}
	// Set on a throwaway flag set that shares nothing with f.
	scratch := flag.NewFlagSet("check", flag.ContinueOnError)
	scratch.SetOutput(discard{})
	probe := cloneValue(f)
	if probe == nil {
		return nil
	}
	scratch.Var(probe, f.Name, "")
	if err := scratch.Set(f.Name, val); err != nil {
		return fmt.Errorf("invalid value %q: %v", val, err)
	}
	return nil
}

func scalarOrList(v *yaml.Node) (string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		return v.Value, nil
	case yaml.SequenceNode:
		var items []string
		for _, it := range v.Content {
			if it.Kind != yaml.ScalarNode {
				return "", errors.New("want a list of plain values")
			}
			if strings.Contains(it.Value, ",") {
				return "", fmt.Errorf("list item %q must not contain a comma", it.Value)
			}
			items = append(items, it.Value)
		}
		return strings.Join(items, ","), nil
	}
	return "", errors.New("want a value or a list of values")
}

func flagNames(fs *flag.FlagSet) []string {
	var out []string
	fs.VisitAll(func(f *flag.Flag) { out = append(out, f.Name) })
	return out
}

func sortedNames(m map[string]*analysis.Analyzer) []string {
	var out []string
	for n := range m {
		if n != "resilint" {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// knownName reports whether n is an analyzer of byName or the ID of one
// of their rules (or of the directive checks).
func knownName(byName map[string]*analysis.Analyzer, n string) bool {
	if !rules.LooksLikeID(n) {
		return byName[n] != nil
	}
	r, ok := rules.Lookup(n)
	return ok && (byName[r.Analyzer] != nil || r.Analyzer == rules.Directives)
}

func unknownName(n string, byName map[string]*analysis.Analyzer) string {
	if rules.LooksLikeID(n) {
		return fmt.Sprintf("unknown rule %q (docs/rules.md lists them)", n)
	}
	return fmt.Sprintf("unknown analyzer %q (known: %s, or a rule ID such as RL101)", n, strings.Join(sortedNames(byName), ", "))
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

package config

import (
	"fmt"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"
)

// An Exclusion drops the findings in files matching Path from the analyzers
// named in Rules, or from every analyzer when Rules is empty.
type Exclusion struct {
	Path  string   `yaml:"path" json:"path"`
	Rules []string `yaml:"rules" json:"rules,omitempty"`
}

// Covers reports whether the exclusion applies to the findings of the
// named analyzer of the rule ID rule ("" for none): Rules names either.
func (e Exclusion) Covers(analyzer, rule string) bool {
	if len(e.Rules) == 0 {
		return true
	}
	for _, r := range e.Rules {
		if r == analyzer || rule != "" && r == rule {
			return true
		}
	}
	return false
}

// decodeExclude reads the exclude list: each item a path glob (every
// analyzer) or a mapping {path: GLOB, rules: [NAME, ...]}.
func decodeExclude(file string, n *yaml.Node, byName map[string]*analysis.Analyzer) ([]Exclusion, error) {
	bad := func(at *yaml.Node, key, format string, args ...any) error {
		return &Error{File: file, Line: at.Line, Key: key, Msg: fmt.Sprintf(format, args...)}
	}
	if n.Kind != yaml.SequenceNode {
		return nil, bad(n, "exclude", "want a list of path globs or {path, rules} entries")
	}
	var out []Exclusion
	for _, item := range n.Content {
		switch item.Kind {
		case yaml.ScalarNode:
			if item.Value == "" {
				return nil, bad(item, "exclude", "empty path glob")
			}
			out = append(out, Exclusion{Path: item.Value})
		case yaml.MappingNode:
			e, err := decodeExclusion(item, byName, bad)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		default:
			return nil, bad(item, "exclude", "want a path glob or {path, rules}")
		}
	}
	return out, nil
}

func decodeExclusion(n *yaml.Node, byName map[string]*analysis.Analyzer, bad func(*yaml.Node, string, string, ...any) error) (Exclusion, error) {
	var e Exclusion
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "path":
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				return e, bad(v, "exclude.path", "want a path glob")
			}
			e.Path = v.Value
		case "rules":
			if err := v.Decode(&e.Rules); err != nil {
				return e, bad(v, "exclude.rules", "want a list of analyzer names or rule IDs")
			}
			for _, r := range e.Rules {
				if !knownName(byName, r) {
					return e, bad(v, "exclude.rules", "%s", unknownName(r, byName))
				}
			}
		default:
			return e, bad(k, "exclude."+k.Value, "unknown key (known: path, rules)")
		}
	}
	if e.Path == "" {
		return e, bad(n, "exclude", "an entry with rules needs a path (to turn an analyzer off everywhere, use disable)")
	}
	return e, nil
}

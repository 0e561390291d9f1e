package hardcodedsecret

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// The analyzer's settings, bound to its flags in init.
var (
	minEntropy   = 3.0
	minLength    = 8
	ignoreValues regexList
	extraRules   ruleList
)

func init() {
	fs := &Analyzer.Flags
	fs.Float64Var(&minEntropy, "min-entropy", minEntropy,
		"name-based rule: minimum Shannon entropy, in bits per character, of a value with a base64-like alphabet (hex values need 0.85 of it; short values less, since n characters carry at most log2(n) bits each)")
	fs.IntVar(&minLength, "min-length", minLength,
		"name-based rule: minimum length of a value")
	fs.Var(&ignoreValues, "ignore-values",
		"comma-separated regular expressions (RE2): a secret or value that any of them matches is not reported; commas inside {m,n}, [...] and (...) do not separate")
	fs.Var(&extraRules, "extra-rules",
		"more provider rules, each id=regex or id:description=regex, separated by ';' (or ',' outside brackets, as a YAML list is joined); or a JSON array of {\"id\",\"description\",\"regex\"}; a named group (?P<secret>...) marks the secret within the match")
}

type settings struct {
	minEntropy float64
	minLength  int
	ignore     []*regexp.Regexp
	extra      []*Rule
}

func current() settings {
	return settings{minEntropy: minEntropy, minLength: minLength, ignore: ignoreValues.res, extra: extraRules.rules}
}

// A regexList is a flag holding a list of regular expressions.
type regexList struct {
	raw string
	res []*regexp.Regexp
}

func (l *regexList) String() string { return l.raw }

func (l *regexList) Set(s string) error {
	var res []*regexp.Regexp
	for _, item := range splitTop(s, ",") {
		re, err := regexp.Compile(item)
		if err != nil {
			return err
		}
		res = append(res, re)
	}
	l.raw, l.res = s, res
	return nil
}

// A ruleList is the extra-rules flag.
type ruleList struct {
	raw   string
	rules []*Rule
}

func (l *ruleList) String() string { return l.raw }

var ruleIDRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.\-]*$`)

func (l *ruleList) Set(s string) error {
	type spec struct {
		ID          string `json:"id"`
		Description string `json:"description"`
		Regex       string `json:"regex"`
	}
	var specs []spec
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "[") {
		dec := json.NewDecoder(strings.NewReader(t))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&specs); err != nil {
			return fmt.Errorf("extra-rules JSON: %v", err)
		}
	} else {
		for _, item := range splitTop(s, ";,") {
			head, regex, ok := strings.Cut(item, "=")
			if !ok {
				return fmt.Errorf("extra rule %q: want id=regex or id:description=regex", item)
			}
			id, desc, _ := strings.Cut(head, ":")
			specs = append(specs, spec{ID: strings.TrimSpace(id), Description: strings.TrimSpace(desc), Regex: regex})
		}
	}
	var rules []*Rule
	for _, sp := range specs {
		if !ruleIDRE.MatchString(sp.ID) {
			return fmt.Errorf("extra rule id %q: want letters, digits, '_', '.', '-'", sp.ID)
		}
		re, err := regexp.Compile(sp.Regex)
		if err != nil {
			return fmt.Errorf("extra rule %s: %v", sp.ID, err)
		}
		if re.MatchString("") {
			return fmt.Errorf("extra rule %s: the regex matches the empty string", sp.ID)
		}
		if sp.Description == "" {
			sp.Description = sp.ID + " secret"
		}
		r := &Rule{ID: sp.ID, Description: sp.Description, Pattern: re, Judge: judgePlaceholder}
		if prefix, _ := re.LiteralPrefix(); len(prefix) >= 3 {
			r.Keywords = []string{prefix}
		}
		rules = append(rules, r)
	}
	if len(rules) == 0 && strings.TrimSpace(s) != "" {
		return errors.New("no rule given")
	}
	l.raw, l.rules = s, rules
	return nil
}

// splitTop splits s at any of the separator bytes that is outside
// brackets, parentheses, braces and backslash escapes, so that a regular
// expression such as [a-z]{20,40} stays whole. Items are trimmed; empty
// items are dropped.
func splitTop(s, seps string) []string {
	var out []string
	depth, inClass, start := 0, false, 0
	add := func(item string) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			// A ']' right after '[' or '[^' is a literal.
			if i+1 < len(s) && s[i+1] == '^' {
				i++
			}
			if i+1 < len(s) && s[i+1] == ']' {
				i++
			}
		case c == '(' || c == '{':
			depth++
		case c == ')' || c == '}':
			depth = max(depth-1, 0)
		case depth == 0 && strings.IndexByte(seps, c) >= 0:
			add(s[start:i])
			start = i + 1
		}
	}
	add(s[start:])
	return out
}

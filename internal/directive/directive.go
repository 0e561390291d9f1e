// Package directive parses the comments that suppress resilint findings:
//
//	//resilint:ignore httptimeout,unpaginated the admin export is bounded by the caller
//	//resilint:ignore RL102 only the health check listens here
//	//resilint:file-ignore hardcodedsecret fixtures of a public test vector
//	//nolint:resilint // golangci-lint style
//
// Analyzers, the CLI and the golangci-lint plugin all read directives
// through this package so that their meaning cannot drift apart.
package directive

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"github.com/resilint/resilint/internal/rules"
)

// Kind tells which syntax a directive was written in.
type Kind int

const (
	Ignore     Kind = iota // //resilint:ignore names reason
	FileIgnore             // //resilint:file-ignore names reason
	Nolint                 // //nolint or //nolint:names
)

// A Directive is one parsed suppression comment.
type Directive struct {
	Kind   Kind
	Names  []string // analyzer names or rule IDs; for Nolint, linter names (empty means all)
	Reason string
	Line   int // line of the comment
	// Trailing is set when the comment follows code on its line; it then
	// covers only that line, not the next one.
	Trailing bool
	Pos      token.Pos
	Text     string // the comment as written
}

const (
	ignorePrefix     = "//resilint:ignore"
	fileIgnorePrefix = "//resilint:file-ignore"
)

// Parse parses one comment. ok is false when the comment is not a directive.
// A resilint directive with no names or no reason is still returned (with
// those fields empty) so that callers can report it as malformed.
func Parse(text string) (d Directive, ok bool) {
	d.Text = text
	switch {
	case strings.HasPrefix(text, fileIgnorePrefix):
		d.Kind = FileIgnore
		text = text[len(fileIgnorePrefix):]
	case strings.HasPrefix(text, ignorePrefix):
		d.Kind = Ignore
		text = text[len(ignorePrefix):]
	case strings.HasPrefix(text, "//nolint"):
		return parseNolint(text)
	default:
		return Directive{}, false
	}
	// "//resilint:ignorefoo" is some other word, not our directive.
	if text != "" && text[0] != ' ' && text[0] != '\t' {
		return Directive{}, false
	}
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return d, true
	}
	for _, n := range strings.Split(fields[0], ",") {
		if n = strings.TrimSpace(n); n != "" {
			d.Names = append(d.Names, n)
		}
	}
	d.Reason = strings.Join(fields[1:], " ")
	return d, true
}

// parseNolint follows golangci-lint's syntax: "//nolint", "//nolint:a,b",
// optionally followed by " // explanation".
func parseNolint(text string) (Directive, bool) {
	d := Directive{Kind: Nolint, Text: text}
	rest := strings.TrimPrefix(text, "//nolint")
	if explanation, found := strings.CutPrefix(strings.TrimLeft(rest, " \t"), "//"); found {
		d.Reason = strings.TrimSpace(explanation)
		return d, true
	}
	if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
		return d, true
	}
	if rest[0] != ':' {
		return Directive{}, false // "//nolintfoo"
	}
	list, explanation, _ := strings.Cut(rest[1:], "//")
	d.Reason = strings.TrimSpace(explanation)
	for _, n := range strings.Split(strings.TrimSpace(list), ",") {
		if n = strings.TrimSpace(n); n != "" {
			d.Names = append(d.Names, n)
		}
	}
	return d, true
}

// Valid reports whether a resilint directive is complete: it names at least
// one analyzer and gives a reason. Nolint directives follow golangci-lint's
// rules, which do not require a reason.
func (d Directive) Valid() bool {
	if d.Kind == Nolint {
		return true
	}
	return len(d.Names) > 0 && d.Reason != ""
}

// Problem says what is wrong with a resilint directive, or "" when it is
// well formed: it names nothing, names an analyzer not in known or an
// unknown rule ID, or gives no reason. Such a directive suppresses nothing,
// so every driver must say so (the CLI and the golangci-lint plugin both
// report this message) rather than leave the user believing the finding is
// silenced on purpose. Nolint directives are golangci-lint's to judge.
func (d Directive) Problem(known []string) string {
	if d.Kind == Nolint {
		return ""
	}
	word := ignorePrefix
	if d.Kind == FileIgnore {
		word = fileIgnorePrefix
	}
	if len(d.Names) == 0 {
		return fmt.Sprintf("malformed %s directive: name the analyzers it silences and why (an analyzer, or a rule ID such as RL101), e.g. %s httptimeout the sidecar is on localhost", word, word)
	}
	for _, n := range d.Names {
		if rules.LooksLikeID(n) {
			if _, ok := rules.Lookup(n); !ok {
				return fmt.Sprintf("%s names unknown rule %q (docs/rules.md lists them)", word, n)
			}
			continue
		}
		if !slices.Contains(known, n) {
			return fmt.Sprintf("%s names unknown analyzer %q (known: %s, or a rule ID such as RL101)", word, n, strings.Join(known, ", "))
		}
	}
	if d.Reason == "" {
		return fmt.Sprintf("%s needs a reason after the analyzer names: say why the finding does not apply, so the next reader can judge it", word)
	}
	return ""
}

// Covers reports whether the directive names the analyzer, or rule, the
// ID of the finding's kind ("" when it has none).
func (d Directive) Covers(analyzer, rule string) bool {
	if d.Kind == Nolint && len(d.Names) == 0 {
		return true
	}
	for _, n := range d.Names {
		if n == analyzer || (rule != "" && n == rule) || (d.Kind == Nolint && (n == "resilint" || n == "all")) {
			return true
		}
	}
	return false
}

// Suppresses reports whether the directive hides a finding of analyzer,
// of the given rule ID ("" for none), on line line. A directive on a line
// of its own covers the line below it; one that trails code covers its own
// line; a file directive covers the file.
func (d Directive) Suppresses(analyzer, rule string, line int) bool {
	if !d.Valid() || !d.Covers(analyzer, rule) {
		return false
	}
	return d.Kind == FileIgnore || line == d.Line || (line == d.Line+1 && !d.Trailing)
}

// File collects the directives of one file.
func File(fset *token.FileSet, f *ast.File) []Directive {
	var out []Directive
	for _, group := range f.Comments {
		for _, c := range group.List {
			if d, ok := Parse(c.Text); ok {
				d.Pos = c.Pos()
				d.Line = fset.Position(c.Pos()).Line
				out = append(out, d)
			}
		}
	}
	if len(out) > 0 {
		markTrailing(fset, f, out)
	}
	return out
}

// markTrailing sets Trailing on directives that follow code on their line.
// Only files that hold directives pay for this walk.
func markTrailing(fset *token.FileSet, f *ast.File, ds []Directive) {
	lines := make(map[int]token.Pos, len(ds)) // directive line -> its position
	for _, d := range ds {
		lines[d.Line] = d.Pos
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, isComment := n.(*ast.CommentGroup); isComment {
			return false
		}
		// A node that starts before a directive on the directive's line
		// means code precedes the comment.
		if pos, ok := lines[fset.Position(n.Pos()).Line]; ok && n.Pos() < pos {
			for i := range ds {
				if ds[i].Pos == pos {
					ds[i].Trailing = true
				}
			}
		}
		return true
	})
}

package testmod

// The `// want` expectations, as analysistest reads them (its matcher is
// unexported, and Module.Run cannot use analysistest's loader):
//
//	f()        // want `regexp` "another regexp"
//	func F() { // want F:`fact regexp`
//	// want +1 `regexp for the next line`
//
// Each diagnostic must match one expectation of its line, each fact of an
// object of the package one expectation named after the object ("package"
// for package facts, on line 1 of the first file), and every expectation
// must be matched once. The failures use analysistest's wording ("unexpected
// diagnostic", "no diagnostic was reported matching"), which tests assert
// on.

import (
	"fmt"
	"go/token"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/scanner"

	"golang.org/x/tools/go/analysis/checker"
)

type expectation struct {
	kind string // "diagnostic" or "fact"
	name string // a fact's object name, or "package"
	rx   *regexp.Regexp
}

type lineKey struct {
	file string
	line int
}

// check returns the mismatches between act's findings and the `// want`
// comments of its package.
func check(act *checker.Action) []string {
	var errs []string
	pkg := act.Package
	want := make(map[lineKey][]expectation)
	for _, f := range pkg.Syntax {
		for _, group := range f.Comments {
			for _, c := range group.List {
				text, ok := wantText(c.Text)
				if !ok {
					continue
				}
				// Position per comment: //line directives may change the file.
				posn := pkg.Fset.Position(c.Pos())
				delta, exps, err := parseWant(text)
				if err != nil {
					errs = append(errs, fmt.Sprintf("%s:%d: in 'want' comment: %s", posn.Filename, posn.Line, err))
					continue
				}
				k := lineKey{posn.Filename, posn.Line + delta}
				want[k] = append(want[k], exps...)
			}
		}
	}

	match := func(posn token.Position, kind, name, message string) {
		k := lineKey{posn.Filename, posn.Line}
		var tried []string
		for i, e := range want[k] {
			if e.kind != kind || e.name != name {
				continue
			}
			if e.rx.MatchString(message) {
				want[k] = slices.Delete(want[k], i, i+1)
				return
			}
			tried = append(tried, fmt.Sprintf("%#q", e.rx))
		}
		if tried == nil {
			errs = append(errs, fmt.Sprintf("%v: unexpected %s: %v", posn, kind, message))
		} else {
			errs = append(errs, fmt.Sprintf("%v: %s %q does not match pattern %s", posn, kind, message, strings.Join(tried, " or ")))
		}
	}

	for _, d := range act.Diagnostics {
		match(pkg.Fset.Position(d.Pos), "diagnostic", "", d.Message)
	}
	for _, f := range act.AllPackageFacts() {
		if f.Package == pkg.Types && len(pkg.Syntax) > 0 {
			posn := pkg.Fset.Position(pkg.Syntax[0].Pos())
			posn.Line, posn.Column = 1, 1
			match(posn, "fact", "package", fmt.Sprint(f.Fact))
		}
	}
	objFacts := act.AllObjectFacts()
	sort.SliceStable(objFacts, func(i, j int) bool { return objFacts[i].Object.Pos() < objFacts[j].Object.Pos() })
	for _, f := range objFacts {
		if f.Object.Pkg() == pkg.Types {
			match(pkg.Fset.Position(f.Object.Pos()), "fact", f.Object.Name(), fmt.Sprint(f.Fact))
		}
	}

	var unmet []string
	for k, exps := range want {
		for _, e := range exps {
			unmet = append(unmet, fmt.Sprintf("%s:%d: no %s was reported matching %#q", k.file, k.line, e.kind, e.rx))
		}
	}
	sort.Strings(unmet)
	return append(errs, unmet...)
}

// wantText returns what follows "want" in a comment that is an
// expectation: one starting with "want", or holding "// want" (a comment
// on a comment).
func wantText(comment string) (string, bool) {
	text, ok := strings.CutPrefix(comment, "//")
	if !ok {
		text = strings.TrimSuffix(strings.TrimPrefix(comment, "/*"), "*/")
	}
	if i := strings.Index(text, "// want"); i >= 0 {
		text = text[i+len("// "):]
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), "want")
	if !ok {
		return "", false
	}
	return rest, true
}

// parseWant parses the expectations after "want": an optional +N line
// offset, quoted regexps for diagnostics and name:"regexp" for facts.
func parseWant(text string) (delta int, exps []expectation, err error) {
	var scanErr string
	var sc scanner.Scanner
	sc.Init(strings.NewReader(text))
	sc.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings | scanner.ScanInts
	sc.Error = func(_ *scanner.Scanner, msg string) { scanErr = msg }
	regexpAt := func(tok rune) (*regexp.Regexp, error) {
		if tok != scanner.String && tok != scanner.RawString {
			return nil, fmt.Errorf("got %s, want regular expression", scanner.TokenString(tok))
		}
		s, err := strconv.Unquote(sc.TokenText())
		if err != nil {
			return nil, err
		}
		return regexp.Compile(s)
	}
	for {
		switch tok := sc.Scan(); tok {
		case scanner.EOF:
			if scanErr != "" {
				return 0, nil, fmt.Errorf("%s", scanErr)
			}
			return delta, exps, nil
		case '+':
			if sc.Scan() != scanner.Int {
				return 0, nil, fmt.Errorf("got +%s, want +Int", sc.TokenText())
			}
			delta, _ = strconv.Atoi(sc.TokenText())
		case scanner.String, scanner.RawString:
			rx, err := regexpAt(tok)
			if err != nil {
				return 0, nil, err
			}
			exps = append(exps, expectation{kind: "diagnostic", rx: rx})
		case scanner.Ident:
			name := sc.TokenText()
			if sc.Scan() != ':' {
				return 0, nil, fmt.Errorf("got %s after %s, want ':'", sc.TokenText(), name)
			}
			rx, err := regexpAt(sc.Scan())
			if err != nil {
				return 0, nil, err
			}
			exps = append(exps, expectation{kind: "fact", name: name, rx: rx})
		default:
			return 0, nil, fmt.Errorf("unexpected %s", scanner.TokenString(tok))
		}
	}
}

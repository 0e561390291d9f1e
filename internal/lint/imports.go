package lint

// Import edits are whole lines. Drivers merge the fixes of one file as a
// three-way merge (go vet -fix, the resilint CLI) or by deduplicating
// identical edits (golangci-lint): two fixes that add the same import make
// identical edits, and an insertion at a line boundary never falls inside
// another fix's deletion of a neighbouring import line, so the merged file
// still parses.

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// ImportDeletion returns the byte range [start, end) of src, the content
// of file, that removes spec: its lines (with its doc and line comments),
// or the whole declaration when spec is its only import, plus one blank
// line when spec stood alone in a group, so that no empty group is left.
// ok is false when spec shares a line with other code.
func ImportDeletion(tf *token.File, src []byte, file *ast.File, spec *ast.ImportSpec) (start, end int, ok bool) {
	decl := importDecl(file, spec)
	if decl == nil || len(src) != tf.Size() {
		return 0, 0, false
	}
	l := lines{tf, src}
	whole := !decl.Lparen.IsValid() || len(decl.Specs) == 1
	first, last := specExtent(spec)
	if whole {
		first, last = decl.Pos(), max(last, decl.End())
		if decl.Doc != nil {
			first = decl.Doc.Pos()
		}
	}
	if !l.firstOnLine(first) || !l.lastOnLine(last) {
		return 0, 0, false
	}
	from, to := tf.Line(first), tf.Line(last)
	start, end = l.start(from), l.start(to+1)
	before, after := from-1, to+1
	if whole {
		if l.blank(before) && l.blank(after) {
			end = l.start(after + 1)
		}
		return start, end, true
	}
	edge := func(line int) bool {
		return l.blank(line) || line == tf.Line(decl.Lparen) || line == tf.Line(decl.Rparen)
	}
	if edge(before) && edge(after) { // alone in its group
		if l.blank(after) {
			end = l.start(after + 1)
		} else if l.blank(before) {
			start = l.start(before)
		}
	}
	return start, end, true
}

// importInsertion returns where and what to insert into file to import
// path under its default name: in sorted position within the first group
// of the first import declaration (the standard library's, by convention),
// as gofmt would keep it; or as a new declaration when the file has none
// other than cgo's import "C".
func importInsertion(tf *token.File, src []byte, file *ast.File, path string) (offset int, text string, ok bool) {
	if len(src) != tf.Size() {
		return 0, "", false
	}
	l := lines{tf, src}
	quoted := strconv.Quote(path)
	var decl, lastDecl *ast.GenDecl
	for _, d := range file.Decls {
		gd, isGen := d.(*ast.GenDecl)
		if !isGen || gd.Tok != token.IMPORT {
			break // imports come first
		}
		lastDecl = gd
		if decl == nil && !isCgo(gd) {
			decl = gd
		}
	}
	// after returns the start of the line after the one holding pos.
	after := func(pos token.Pos, text string) (int, string, bool) {
		if !l.lastOnLine(pos) {
			return 0, "", false
		}
		line := tf.Line(pos)
		if line == tf.LineCount() && !strings.HasSuffix(string(src), "\n") {
			text = "\n" + text
		}
		return l.start(line + 1), text, true
	}
	before := func(pos token.Pos, text string) (int, string, bool) {
		if !l.firstOnLine(pos) {
			return 0, "", false
		}
		return l.start(tf.Line(pos)), text, true
	}
	switch {
	case decl == nil && lastDecl != nil:
		return after(lastDecl.End(), "\nimport "+quoted+"\n")
	case decl == nil:
		return after(file.Name.End(), "\nimport "+quoted+"\n")
	case !decl.Lparen.IsValid():
		spec := decl.Specs[0].(*ast.ImportSpec)
		if spec.Path.Value < quoted {
			_, last := specExtent(spec)
			return after(max(last, decl.End()), "import "+quoted+"\n")
		}
		first := decl.Pos()
		if decl.Doc != nil {
			first = decl.Doc.Pos()
		}
		return before(first, "import "+quoted+"\n")
	case len(decl.Specs) == 0:
		if tf.Line(decl.Lparen) == tf.Line(decl.Rparen) {
			return tf.Offset(decl.Rparen), quoted, true
		}
		return before(decl.Rparen, "\t"+quoted+"\n")
	}
	var prevEnd token.Pos
	for _, s := range decl.Specs {
		spec := s.(*ast.ImportSpec)
		first, last := specExtent(spec)
		if prevEnd.IsValid() && tf.Line(first) > tf.Line(prevEnd)+1 {
			break // a blank line (or a floating comment) ends the group
		}
		if spec.Path.Value > quoted {
			return before(first, "\t"+quoted+"\n")
		}
		prevEnd = last
	}
	return after(prevEnd, "\t"+quoted+"\n")
}

// specExtent returns where spec starts and ends, with its comments.
func specExtent(spec *ast.ImportSpec) (first, last token.Pos) {
	first, last = spec.Pos(), spec.End()
	if spec.Doc != nil {
		first = spec.Doc.Pos()
	}
	if spec.Comment != nil {
		last = max(last, spec.Comment.End())
	}
	return first, last
}

func importDecl(file *ast.File, spec *ast.ImportSpec) *ast.GenDecl {
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			for _, s := range gd.Specs {
				if s == spec {
					return gd
				}
			}
		}
	}
	return nil
}

// isCgo reports cgo's import "C", which must stay alone after its preamble.
func isCgo(gd *ast.GenDecl) bool {
	return len(gd.Specs) == 1 && gd.Specs[0].(*ast.ImportSpec).Path.Value == `"C"`
}

// lines answers questions about the lines of a file's source.
type lines struct {
	tf  *token.File
	src []byte
}

// start returns the offset of the start of line n (1-based), or the end of
// the file past its last line.
func (l lines) start(n int) int {
	if n > l.tf.LineCount() {
		return len(l.src)
	}
	return l.tf.Offset(l.tf.LineStart(n))
}

func (l lines) text(n int) string {
	if n < 1 || n > l.tf.LineCount() {
		return ""
	}
	return string(l.src[l.start(n):l.start(n+1)])
}

// blank reports whether line n exists and holds only white space.
func (l lines) blank(n int) bool {
	return n >= 1 && n <= l.tf.LineCount() && strings.TrimSpace(l.text(n)) == ""
}

// firstOnLine reports whether only white space precedes pos on its line.
func (l lines) firstOnLine(pos token.Pos) bool {
	off := l.tf.Offset(pos)
	return strings.TrimSpace(string(l.src[l.start(l.tf.Line(pos)):off])) == ""
}

// lastOnLine reports whether only white space or a line comment follows
// pos (an end position) on its line.
func (l lines) lastOnLine(pos token.Pos) bool {
	off := l.tf.Offset(pos)
	rest := strings.TrimSpace(string(l.src[off:l.start(l.tf.Line(pos)+1)]))
	return rest == "" || strings.HasPrefix(rest, "//")
}

package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
)

// Fingerprint sets each finding's Fingerprint. It keys on what survives
// unrelated edits — the analyzer, the file relative to root, the enclosing
// function and the flagged line with its white space folded — and not on
// the line number. The result is a hash, so a secret on the flagged line
// never appears in it. Findings identical on all of those get an
// occurrence number.
func Fingerprint(fs []Finding, root string) {
	files := map[string]*sourceFile{}
	count := map[string]int{}
	for i := range fs {
		f := &fs[i]
		sf, ok := files[f.File]
		if !ok {
			sf = readSource(f.File)
			files[f.File] = sf
		}
		key := strings.Join([]string{f.Analyzer, Rel(root, f.File), sf.funcAt(f.Line), sf.lineText(f.Line)}, "\x00")
		count[key]++
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(count[key])))
		f.Fingerprint = hex.EncodeToString(sum[:16])
	}
}

type sourceFile struct {
	lines []string
	funcs []funcSpan
}

type funcSpan struct {
	name       string
	start, end int
}

func readSource(path string) *sourceFile {
	src, err := os.ReadFile(path)
	if err != nil {
		return &sourceFile{}
	}
	sf := &sourceFile{lines: strings.Split(string(src), "\n")}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if err != nil {
		return sf
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		name := fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			name = recvName(fd.Recv.List[0].Type) + "." + name
		}
		sf.funcs = append(sf.funcs, funcSpan{name, fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line})
	}
	return sf
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.IndexListExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}

func (sf *sourceFile) funcAt(line int) string {
	for _, fn := range sf.funcs {
		if fn.start <= line && line <= fn.end {
			return fn.name
		}
	}
	return ""
}

func (sf *sourceFile) lineText(line int) string {
	if line < 1 || line > len(sf.lines) {
		return ""
	}
	return strings.Join(strings.Fields(sf.lines[line-1]), " ")
}

package hardcodedsecret

import (
	"bytes"
	"go/ast"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A file that a //go:embed directive puts in the binary ships with it: a
// service account JSON or a YAML config holding a storage key is as
// hardcoded as a string constant. The analysis framework does not list
// embedded files, so they are read from the package's directory, as the
// go command does when it builds it.

// maxEmbedFiles bounds the files read for one directive (an embed.FS of
// a whole web asset tree holds no credentials worth that time).
const maxEmbedFiles = 200

// embedded scans the files embedded by the directives of f.
func (c *checker) embedded(f *ast.File) {
	tf := c.p.Fset.File(f.FileStart)
	if tf == nil || !c.p.Analyzed(f.FileStart) {
		return
	}
	dir := filepath.Dir(tf.Name())
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			doc := vs.Doc
			if doc == nil && len(gd.Specs) == 1 {
				doc = gd.Doc
			}
			if doc == nil || len(vs.Names) != 1 {
				continue
			}
			for _, cm := range doc.List {
				if rest, ok := strings.CutPrefix(cm.Text, "//go:embed "); ok {
					for _, file := range embedFiles(dir, embedPatterns(rest)) {
						c.embeddedFile(vs.Names[0], dir, file)
					}
				}
			}
		}
	}
}

// embedPatterns splits the patterns of a //go:embed line, which may be
// quoted.
func embedPatterns(s string) []string {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' || s[0] == '`' {
			if q, err := strconv.QuotedPrefix(s); err == nil {
				p, _ := strconv.Unquote(q)
				out = append(out, p)
				s = s[len(q):]
				continue
			}
		}
		p, rest, _ := strings.Cut(s, " ")
		out = append(out, p)
		s = rest
	}
	return out
}

// embedFiles returns the files the patterns name, below dir, as the go
// command picks them: a directory brings its files, except those whose
// names start with '.' or '_' unless the pattern starts with "all:".
func embedFiles(dir string, patterns []string) []string {
	var files []string
	for _, p := range patterns {
		p, all := strings.CutPrefix(p, "all:")
		matches, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(p)))
		for _, m := range matches {
			filepath.WalkDir(m, func(path string, d fs.DirEntry, err error) error {
				if err != nil || len(files) >= maxEmbedFiles {
					return filepath.SkipAll
				}
				if path != m && !all && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if !d.IsDir() {
					files = append(files, path)
				}
				return nil
			})
		}
	}
	return files
}

// embeddedFile reports the credentials in one embedded file, at the name
// of the variable that embeds it.
func (c *checker) embeddedFile(at *ast.Ident, dir, path string) {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		rel = filepath.Base(path)
	}
	rel = filepath.ToSlash(rel)
	if !common.Tests && testFileRE.MatchString(filepath.Base(path)) {
		return // a fixture: testcert.pem, test_keys.json
	}
	info, err := os.Stat(path)
	if err != nil || info.Size() > maxScan {
		return
	}
	data, err := os.ReadFile(path)
	if err != nil || bytes.IndexByte(data, 0) >= 0 {
		return // binary
	}
	text := string(data)
	seen := map[int]bool{}
	report := func(line int, msg string) {
		if seen[line] {
			return
		}
		seen[line] = true
		c.p.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: "embedded", Message: msg})
	}
	for _, m := range c.det.scan(text) {
		line := 1 + strings.Count(text[:m.start], "\n")
		report(line, "hardcoded "+m.Rule.Description+" in embedded file "+rel+":"+strconv.Itoa(line)+
			" ("+mask(m.Secret)+humanNote(m.Human)+"): "+fixAdvice)
	}
	for _, kv := range keyValueRE.FindAllStringSubmatchIndex(text, 2000) {
		key, value := text[kv[2]:kv[3]], text[kv[4]:kv[5]]
		line := 1 + strings.Count(text[:kv[0]], "\n")
		kind, ok := secretKind(key)
		if !ok || seen[line] || len(c.det.scan(value)) > 0 {
			continue
		}
		if rep, human := c.det.judgeNamed(key, kind, value); rep {
			report(line, "hardcoded "+kind+" under key "+strconv.Quote(key)+" in embedded file "+rel+":"+strconv.Itoa(line)+
				" ("+mask(value)+humanNote(human)+"): "+fixAdvice)
		}
	}
}

// keyValueRE matches one key and its value per line in the formats
// configuration files use: YAML (key: value), .env and properties
// (KEY=value), TOML (key = "value") and one-pair-a-line JSON
// ("key": "value",).
var keyValueRE = regexp.MustCompile(`(?m)^[ \t]*["']?([A-Za-z_][\w.\-]{0,63})["']?[ \t]*[:=][ \t]*["']?([^\s"'#,]+)["']?[ \t]*,?[ \t]*$`)

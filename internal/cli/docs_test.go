package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCLIDocsListEveryFlag keeps docs/cli.md in step with the flags: every
// flag `resilint -help` prints must be in its flag table, and every
// -ANALYZER.SETTING in its row of the settings table.
func TestCLIDocsListEveryFlag(t *testing.T) {
	var stdout, stderr bytes.Buffer
	Main([]string{"-help"}, &stdout, &stderr)
	help := stdout.String() + stderr.String()
	flags := regexp.MustCompile(`(?m)^  -([\w.-]+)`).FindAllStringSubmatch(help, -1)
	if len(flags) < 10 {
		t.Fatalf("found only %d flags in the usage:\n%s", len(flags), help)
	}
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "cli.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{} // first cell of each table row -> the row
	for _, line := range strings.Split(string(doc), "\n") {
		if cells := strings.Split(line, "|"); len(cells) > 2 && strings.HasPrefix(line, "| ") {
			rows[strings.TrimSpace(cells[1])] = line
		}
	}
	for _, m := range flags {
		name := m[1]
		if analyzer, setting, ok := strings.Cut(name, "."); ok {
			row := rows["["+analyzer+"](analyzers/"+analyzer+".md)"]
			if !strings.Contains(row, "`"+setting+"`") {
				t.Errorf("docs/cli.md: the settings table's %s row lacks `%s`", analyzer, setting)
			}
			continue
		}
		// "| `-config FILE`", "| `-format text|...`", "| `-fix`"
		if !regexp.MustCompile("\\| `-" + regexp.QuoteMeta(name) + "[ `]").Match(doc) {
			t.Errorf("docs/cli.md: the flag table lacks -%s", name)
		}
	}
}

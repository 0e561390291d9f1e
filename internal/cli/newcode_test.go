package cli

import (
	"testing"

	"github.com/resilint/resilint/internal/finding"
)

func TestChangedLinesFromDiff(t *testing.T) {
	diff := `diff --git a/a.go b/a.go
--- a/a.go
+++ b/a.go
@@ -3 +3 @@ func A() {
-	old()
+	changed()
@@ -10,0 +11,2 @@ func B() {
+	added()
+	added()
@@ -20,2 +22,0 @@ func C() {
-	gone()
-	gone()
diff --git a/old.go b/old.go
deleted file mode 100644
--- a/old.go
+++ /dev/null
@@ -1 +0,0 @@
-package old
diff --git "a/sp ace.go" "b/sp ace.go"
--- "a/sp ace.go"
+++ "b/sp ace.go"
@@ -1,0 +2 @@
+x
`
	c := &changedLines{top: "/repo", files: map[string]map[int]bool{"new.go": nil}, real: map[string]string{"/repo": "/repo"}}
	if err := c.addDiff(diff); err != nil {
		t.Fatal(err)
	}
	at := func(file string, line int) finding.Finding { return finding.Finding{File: "/repo/" + file, Line: line} }
	cases := []struct {
		f   finding.Finding
		new bool
	}{
		{at("a.go", 3), true}, {at("a.go", 4), false}, {at("a.go", 11), true}, {at("a.go", 12), true}, {at("a.go", 13), false},
		{at("a.go", 22), false}, // only deleted there
		{at("sp ace.go", 2), true}, {at("sp ace.go", 1), false},
		{at("new.go", 99), true}, // untracked: all of it is new
		{at("same.go", 1), false},
		{finding.Finding{File: "/elsewhere/x.go", Line: 1}, true},
	}
	for _, k := range cases {
		if got := c.isNew(k.f); got != k.new {
			t.Errorf("%s:%d new = %v, want %v", k.f.File, k.f.Line, got, k.new)
		}
	}
}

package testmod

import (
	"strings"
	"testing"
)

func TestWantText(t *testing.T) {
	for comment, want := range map[string]string{
		"// want `x`":              " `x`",
		"//want `x`":               " `x`",
		"/* want `x` */":           " `x`",
		"// note // want `x`":      " `x`",
		"// wanted `x`":            "ed `x`", // parsed, then rejected, as analysistest does
		"// nothing expected here": "",
	} {
		got, ok := wantText(comment)
		if ok != (want != "") || got != want {
			t.Errorf("wantText(%q) = %q, %v; want %q", comment, got, ok, want)
		}
	}
}

func TestParseWant(t *testing.T) {
	delta, exps, err := parseWant(" +2 `a\\.b` \"c\" F:`fact\\(x\\)` package:\"p\"")
	if err != nil {
		t.Fatal(err)
	}
	if delta != 2 {
		t.Errorf("delta = %d, want 2", delta)
	}
	var got []string
	for _, e := range exps {
		got = append(got, e.kind+"/"+e.name+"/"+e.rx.String())
	}
	if want := `diagnostic//a\.b diagnostic//c fact/F/fact\(x\) fact/package/p`; strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
	for _, bad := range []string{"ed `x`", " x", " 3", " +x", " `(`", " F `x`"} {
		if _, _, err := parseWant(bad); err == nil {
			t.Errorf("parseWant(%q) accepted", bad)
		}
	}
}

package retrybackoff

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestRetryRule(t *testing.T) {
	for _, c := range []struct {
		problems []string
		want     string
	}{
		{[]string{"has no wait between attempts", "never gives up and never checks for cancellation"}, "RL601"},
		{[]string{"waits the same fixed delay between attempts"}, "RL602"},
		{[]string{"grows its delay without jitter", "never gives up and never checks for cancellation"}, "RL603"},
		{[]string{"never gives up and never checks for cancellation"}, "RL604"},
		{nil, ""},
	} {
		if got := retryRule(c.problems); got != c.want {
			t.Errorf("retryRule(%q) = %q, want %q", c.problems, got, c.want)
		}
	}
}

// TestRetryRuleKnowsEveryProblem: every problem the analyzer can name has
// its own rule; a reworded one would otherwise fall to RL604.
func TestRetryRuleKnowsEveryProblem(t *testing.T) {
	src, err := os.ReadFile("retrybackoff.go")
	if err != nil {
		t.Fatal(err)
	}
	found := regexp.MustCompile(`problems = append\(problems, "([^"]+)"\)`).FindAllStringSubmatch(string(src), -1)
	if len(found) < 4 {
		t.Fatalf("found %d problems in retrybackoff.go, want at least 4", len(found))
	}
	for _, m := range found {
		got := retryRule([]string{m[1]})
		if unbounded := strings.HasPrefix(m[1], "never"); unbounded != (got == "RL604") {
			t.Errorf("problem %q has rule %s", m[1], got)
		}
	}
}

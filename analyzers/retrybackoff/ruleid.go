package retrybackoff

import "strings"

// retryRule is the rule ID (internal/rules) of a retry loop's finding. One
// finding may name several problems; its rule is the first, the one its
// fix starts with: no wait, then a fixed wait, then a wait without jitter,
// and a loop whose only problem is that it never stops.
func retryRule(problems []string) string {
	if len(problems) == 0 {
		return ""
	}
	switch p := problems[0]; {
	case strings.HasPrefix(p, "has no wait"):
		return "RL601"
	case strings.HasPrefix(p, "waits the same fixed delay"):
		return "RL602"
	case strings.HasPrefix(p, "grows its delay without jitter"):
		return "RL603"
	}
	return "RL604"
}

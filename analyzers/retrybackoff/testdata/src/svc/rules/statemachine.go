package rules

import (
	"context"
	"fmt"
	"net/http"
)

// FetchRouted retries a call whose URL comes out of a state machine of the
// shape code generators emit (encoders, lexers, VMs): a few variables, each
// assigned hundreds of times from the others. Following every assignment
// of every variable along every path is exponential in the nesting depth;
// the analyzer must follow each variable once, so this package is analysed
// in milliseconds instead of never finishing. The loop is still reported:
// each attempt recomputes the same URL and calls again at once.
func FetchRouted(ctx context.Context, c *http.Client, ops []byte) (*http.Response, error) {
	s0, s1, s2, s3, s4, s5 := "a", "b", "c", "d", "e", "f"
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ { // want `retry loop has no wait between attempts:`
		for _, op := range ops {
			switch op {
			case 0:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 1:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 2:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 3:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 4:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 5:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 6:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 7:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 8:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 9:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 10:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 11:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 12:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 13:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 14:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 15:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 16:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 17:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 18:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 19:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 20:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 21:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 22:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 23:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 24:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 25:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 26:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 27:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 28:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 29:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 30:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 31:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 32:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 33:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 34:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 35:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 36:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 37:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 38:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			case 39:
				s0 = s1 + s2
				s1 = s2 + s3
				s2 = s3 + s4
				s3 = s4 + s5
				s4 = s5 + s0
				s5 = s0 + s1
			}
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, s5, nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.Do(req)
		if err != nil {
			lastErr = err
			continue
		}
		return resp, nil
	}
	return nil, fmt.Errorf("fetch routed: %w", lastErr)
}

package ctxpropagation

import "testing"

// Without module information from the driver, repoRoot decides which
// imports are the module's own: a dotless module's packages share their
// first element, and std packages do not share it.
func TestRepoRootFallback(t *testing.T) {
	same := [][2]string{
		{"corp/app/internal/api", "corp/app/store"},
		{"app/api", "app"},
		{"github.com/acme/svc/api", "github.com/acme/svc/store"},
		{"example.com/svc/api", "example.com/svc/store/sql"},
	}
	for _, p := range same {
		if repoRoot(p[0]) != repoRoot(p[1]) {
			t.Errorf("repoRoot(%q) = %q, repoRoot(%q) = %q: want the same module", p[0], repoRoot(p[0]), p[1], repoRoot(p[1]))
		}
	}
	differ := [][2]string{
		{"corp/app/api", "net/http"},
		{"app/api", "database/sql"},
		{"github.com/acme/svc/api", "github.com/acme/other"},
		{"example.com/svc/api", "net/http"},
	}
	for _, p := range differ {
		if repoRoot(p[0]) == repoRoot(p[1]) {
			t.Errorf("repoRoot(%q) = repoRoot(%q) = %q: want different modules", p[0], p[1], repoRoot(p[0]))
		}
	}
}

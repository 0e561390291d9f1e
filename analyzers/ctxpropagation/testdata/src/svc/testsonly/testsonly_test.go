package testsonly

import (
	"context"
	"testing"
)

func query(ctx context.Context, r *Repo) {
	_, _ = r.db.Exec("SELECT 1") // want `sql\.DB\.Exec ignores ctx`
}

func TestRepo(t *testing.T) {
	t.Cleanup(func() {
		_ = context.Background()
	})
}

// Package testmod prepares the analyzers' testdata modules for
// analysistest. Each testdata module requires the real libraries an
// analyzer understands (GORM, pgx, gin, the backoff libraries...), and
// analysistest loads packages with GOPROXY=off, so the module cache must
// hold them first.
package testmod

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

var downloads sync.Map // module dir -> *download

type download struct {
	once sync.Once
	err  error
}

// Dir returns the analyzer's testdata module testdata/src/name, after
// downloading its dependencies once per test binary (a no-op when the
// module cache already has them).
func Dir(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join(analysistest.TestData(), "src", name)
	v, _ := downloads.LoadOrStore(dir, new(download))
	d := v.(*download)
	d.once.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			d.err = fmt.Errorf("go mod download in %s: %v\n%s", dir, err, out)
		}
	})
	if d.err != nil {
		t.Fatal(d.err)
	}
	return dir
}

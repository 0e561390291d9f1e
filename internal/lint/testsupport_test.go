package lint

import (
	"go/types"
	"path/filepath"
	"testing"
)

func TestTestSupport(t *testing.T) {
	for path, want := range map[string]bool{
		"example.com/svc/internal/testutil": true, "net/http/httptest": true, "example.com/e2e/testing": true,
		"example.com/x/testdata/src/a": true, "example.com/svc/config": false, "example.com/release/latest": false,
		"example.com/svc/manifest": false, "example.com/envoy/pkg/test/resource": true,
		"example.com/ctfe/testonly": true, "example.com/hydra/test/mock-cb": true, "example.com/svc/testfiles": false,
		"example.com/site/testimonials": false, "example.com/svc/dbtest": true,
		"github.com/fsouza/fake-gcs-server": true, "github.com/fsouza/fake-gcs-server/fakestorage": true,
		"example.com/svc/internal/mocks": true, "example.com/svc/fakeclock": true, "example.com/svc/mockstore": true,
		"github.com/sigstore/rekor/pkg/fuzz": true, "example.com/svc/internal/fuzzing/corpus": true,
		"github.com/hatchet-dev/hatchet/examples/go/streaming": true, "example.com/svc/sdks/go/_examples/chat": true,
		"example.com/svc/example/simple": true, "example.com/svc/examplestore": false,
		"example.com/svc/fuzzy": false, "example.com/svc/featureflags": false, "example.com/svc/storage": false, "example.com/svc/fakery-free/api": false,
	} {
		pkg := types.NewPackage(path, filepath.Base(path))
		if got := TestSupport(pkg); got != want {
			t.Errorf("TestSupport(%s) = %v, want %v", path, got, want)
		}
	}
	// A repository of a fake server is test support down to its main
	// package, whose name says nothing.
	for path, want := range map[string]bool{
		"github.com/fsouza/fake-gcs-server": true, "example.com/mock-oauth2-server/cmd/server": true,
		"example.com/shop/cmd/server": false,
	} {
		if got := TestSupport(types.NewPackage(path, "main")); got != want {
			t.Errorf("TestSupport(main package %s) = %v, want %v", path, got, want)
		}
	}
}

// Package localtwins calls APIs whose context-taking twins do no
// cancellable I/O: not reported where a context is in scope.
package localtwins

import (
	"context"
	"net/http"

	"github.com/shirou/gopsutil/v4/process"
	"go.opentelemetry.io/otel/sdk/resource"
)

// An audit middleware names the calling process from the local process
// table (SPIRE's audit log).
func callerExe(ctx context.Context, pid int32) (string, error) {
	p, err := process.NewProcess(pid)
	if err != nil {
		return "", err
	}
	return p.Exe()
}

// A metrics provider describes the service with the SDK's default
// resource (caddy's metrics app).
func provision(ctx context.Context) (*resource.Resource, error) {
	return resource.Merge(resource.Default(), resource.Environment())
}

// The table names only those: a twinned HTTP call is still reported.
func fetch(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	return c.Get(url) // want `http\.Client\.Get ignores ctx`
}

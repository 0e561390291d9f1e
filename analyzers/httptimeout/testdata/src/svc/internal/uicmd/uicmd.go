// Package uicmd is the body of a command kept outside cmd/, the way
// riverui's internal/riveruicmd is: cmd/riverui's main only calls Run. Its
// -healthcheck flag probes the server once and exits; the server it starts
// otherwise is judged like any server.
package uicmd

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
)

func Run() {
	healthcheck := flag.String("healthcheck", "", "probe the running server's health endpoint and exit")
	flag.Parse()
	ctx := context.Background()
	if *healthcheck != "" {
		if err := checkHealth(ctx, *healthcheck); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	http.HandleFunc("/api/health-checks/", func(w http.ResponseWriter, r *http.Request) {
		// A handler's request runs for every caller: reported.
		resp, err := http.Get("http://localhost:5432/ready") // want `http.Get uses http.DefaultClient, which has no timeout`
		if err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		resp.Body.Close()
	})
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5e9}
	srv.ListenAndServe()
}

func checkHealth(ctx context.Context, name string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://localhost:8080/api/health-checks/"+name, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("health check %s: %s", name, resp.Status)
	}
	return nil
}

// Package diag holds the listeners a service opens for its own
// diagnostics next to its API server.
package diag

import (
	"expvar"
	"log"
	"net/http"
	"net/http/pprof"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type config struct {
	MetricsAddr, ProfileAddr, APIAddr string
}

// A Prometheus scrape port: not reported.
func serveMetrics(cfg config) *http.Server {
	srv := &http.Server{Addr: cfg.MetricsAddr, Handler: promhttp.Handler()}
	go func() { log.Println(srv.ListenAndServe()) }()
	return srv
}

// A registry of its own, on a mux that serves only /metrics: not reported.
func serveRegistry(cfg config, reg *prometheus.Registry) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	srv := &http.Server{Addr: cfg.MetricsAddr, Handler: mux}
	go func() { log.Println(srv.ListenAndServe()) }()
}

// An opt-in pprof port: not reported.
func serveProfiler(cfg config) {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.Handle("/debug/pprof/heap", pprof.Handler("heap"))
	mux.Handle("/debug/vars", expvar.Handler())
	go func() { log.Println(http.ListenAndServe(cfg.ProfileAddr, mux)) }()
}

// Metrics next to the API on one mux: the API is exposed, reported.
func serveAPI(cfg config, api http.Handler) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.Handle("/", api)
	srv := &http.Server{Addr: cfg.APIAddr, Handler: mux} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	log.Fatal(srv.ListenAndServe())
}

// A mux handed in from elsewhere may carry anything: reported.
func serveGiven(cfg config, mux *http.ServeMux) {
	mux.Handle("/metrics", promhttp.Handler())
	log.Fatal(http.ListenAndServe(cfg.MetricsAddr, mux)) // want `http.ListenAndServe serves with no read timeouts`
}

func registerAPI(mux *http.ServeMux) {}

// A mux handed to the API's registration gets its routes there: reported.
func serveRegistered(cfg config) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	registerAPI(mux)
	srv := &http.Server{Addr: cfg.APIAddr, Handler: mux} // want `http.Server has no ReadHeaderTimeout or ReadTimeout`
	log.Fatal(srv.ListenAndServe())
}

package ignore

import "net/http"

func Health(u string) (*http.Response, error) {
	//resilint:ignore httptimeout the sidecar answers locally and is killed with the pod
	return http.Get(u)
}

func Metrics(u string) (*http.Response, error) {
	return http.Get(u) //resilint:ignore httptimeout probe of a local exporter
}

func NoReason(u string) (*http.Response, error) {
	//resilint:ignore httptimeout
	return http.Get(u) // want `http.Get uses http.DefaultClient`
}

func OtherAnalyzer(u string) (*http.Response, error) {
	//resilint:ignore unpaginated this is about something else
	return http.Get(u) // want `http.Get uses http.DefaultClient`
}

func Nolint(u string) (*http.Response, error) {
	return http.Get(u) //nolint:resilint // local only
}

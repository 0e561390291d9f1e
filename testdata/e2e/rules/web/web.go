// Package web fetches from an upstream and serves, with the two kinds of
// httptimeout finding side by side, and directives naming rule IDs.
package web

import (
	"io"
	"net/http"
)

func Fetch(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func Ping(url string) error {
	//resilint:ignore RL101 the sidecar answers on localhost and dies with the pod
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Probe(url string) error {
	//resilint:ignore RL102 names the wrong rule, so the finding below stays
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Serve() error {
	return http.ListenAndServe(":8080", nil)
}

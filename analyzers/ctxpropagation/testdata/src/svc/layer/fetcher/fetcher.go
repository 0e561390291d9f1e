// Package fetcher downloads feeds with one context-less request: a single
// function is an omission, fixed once, not a layer; its callers keep one
// finding per callee.
package fetcher

import (
	"io"
	"net/http"
)

func Fetch(url string) ([]byte, error) { // want Fetch:`noContextIO\(calls http\.Get, which takes no context\)`
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

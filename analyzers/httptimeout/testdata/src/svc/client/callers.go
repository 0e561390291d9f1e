package client

import (
	"bytes"
	"context"
	"net/http"
	"time"
)

// The deadline is set by the caller: reportUsage is unexported, and its only
// caller gives it three seconds (k6's usage report).
func reportUsage(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://stats.example.com/usage", bytes.NewReader(body))
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err == nil {
		_ = res.Body.Close()
	}
	return err
}

func SendReport(parent context.Context, body []byte) {
	go func() {
		ctx, cancel := context.WithTimeout(parent, 3*time.Second)
		defer cancel()
		_ = reportUsage(ctx, body)
	}()
}

// Every caller of promote bounds the context, one of them through a local
// client created for the purpose (etcd's promoteMemberHTTP).
func promote(ctx context.Context, url string, rt http.RoundTripper) error {
	cc := &http.Client{Transport: rt}
	req, err := http.NewRequest(http.MethodPost, url+"/members/promote", nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	resp, err := cc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Promote(ctx context.Context, urls []string, rt http.RoundTripper, timeout time.Duration) error {
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var err error
	for _, u := range urls {
		if err = promote(cctx, u, rt); err == nil {
			return nil
		}
	}
	return err
}

func PromoteOne(ctx context.Context, url string, rt http.RoundTripper) error {
	dctx, cancel := context.WithDeadline(ctx, time.Now().Add(time.Second))
	defer cancel()
	return promote(dctx, url, rt)
}

// One caller passes a context with no deadline: the request may hang.
func notify(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `request sent through http.DefaultClient, which has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func NotifyBounded(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return notify(ctx, url)
}

func NotifyRequest(r *http.Request, url string) error {
	return notify(r.Context(), url)
}

// Exported: its callers, in this package and others, set the deadline and
// are checked (see ../peer).
func Fetch(ctx context.Context, url string) error { // want Fetch:"deadlineFromCaller.param 0."
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Used as a value: its callers are not known.
func poll(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `request sent through http.DefaultClient, which has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var Poller = poll

func PollBounded(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return poll(ctx, url)
}

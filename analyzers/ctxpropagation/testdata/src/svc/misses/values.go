package misses

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
)

// Kept in a variable for tests to replace; production calls http.Get.
var httpGet = http.Get

func Mirror(ctx context.Context, url string) error {
	get := http.Get
	if _, err := get(url); err != nil { // want `http\.Get ignores ctx`
		return err
	}
	_, err := httpGet(url) // want `http\.Get ignores ctx`
	return err
}

// A variable that may hold either function is not known to be either.
func Pick(ctx context.Context, url string, head bool) error {
	call := http.Get
	if head {
		call = http.Head
	}
	_, err := call(url)
	return err
}

// A function value the caller passes in: nothing says what it is.
func Each(ctx context.Context, urls []string, get func(string) (*http.Response, error)) {
	for _, u := range urls {
		_, _ = get(u)
	}
}

func Resolve(ctx context.Context, host string) {
	_, _ = net.LookupIP(host)             // want `net\.LookupIP ignores ctx.*DefaultResolver\.LookupIP`
	_, _ = net.LookupPort("tcp", "https") // want `net\.LookupPort ignores ctx.*DefaultResolver\.LookupPort`
	_, _ = net.DefaultResolver.LookupIP(ctx, "ip", host)
}

func Secure(ctx context.Context, addr string) {
	d := &net.Dialer{}
	if c, err := tls.DialWithDialer(d, "tcp", addr, nil); err == nil { // want `tls\.DialWithDialer ignores ctx.*tls\.Dialer`
		c.Close()
	}
	if c, err := (&tls.Dialer{NetDialer: d}).DialContext(ctx, "tcp", addr); err == nil {
		c.Close()
	}
}

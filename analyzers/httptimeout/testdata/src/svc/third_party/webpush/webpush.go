// Package webpush is a stand-in for github.com/SherClockHolmes/webpush-go
// v1.4: SendNotification sends through a new &http.Client{} unless
// Options.HTTPClient is set.
package webpush

import "net/http"

type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

type Subscription struct{ Endpoint string }

type Options struct {
	HTTPClient      HTTPClient
	Subscriber      string
	TTL             int
	VAPIDPublicKey  string
	VAPIDPrivateKey string
}

func SendNotification(message []byte, s *Subscription, options *Options) (*http.Response, error) {
	return nil, nil
}

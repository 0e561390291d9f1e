package oauthlogin

import (
	"bytes"
	"context"
	"net/http"
	"time"

	"golang.org/x/oauth2"
)

// A Pub/Sub publisher, as IoT integrations write it: the authorised client
// lives in a field, and every publish builds its request on a context with
// a one-second deadline. Not reported.
type publisher struct {
	client *http.Client
	url    string
}

func newPublisher(ts oauth2.TokenSource, url string) *publisher {
	return &publisher{client: oauth2.NewClient(context.Background(), ts), url: url}
}

func (p *publisher) publish(body []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same client used once without a deadline: reported.
type looseClient struct {
	client *http.Client
}

func newLoose(ts oauth2.TokenSource) *looseClient {
	return &looseClient{client: oauth2.NewClient(context.Background(), ts)} // want `oauth2.NewClient returns a client with no timeout`
}

func (l *looseClient) fetch(url string) error {
	resp, err := l.client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

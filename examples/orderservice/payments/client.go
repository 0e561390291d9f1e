// Package payments is the client of the payment provider.
package payments

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Client charges customers through the payment provider.
type Client struct {
	baseURL string
	http    *http.Client
}

// New returns a client for the provider at baseURL.
func New(baseURL string) *Client {
	// Bug(httptimeout): no Timeout, so one stalled provider call blocks its goroutine forever.
	return &Client{baseURL: baseURL, http: &http.Client{}}
}

// Charge charges amount cents to the customer, retrying failed attempts.
func (c *Client) Charge(ctx context.Context, customerID string, amount int64) error {
	body, err := json.Marshal(map[string]any{"customer": customerID, "amount": amount})
	if err != nil {
		return err
	}
	// Bug(retrybackoff): retries in lockstep every 100ms, forever, ignoring ctx.
	for {
		err = c.post(ctx, "/v1/charges", body)
		if err == nil {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (c *Client) post(ctx context.Context, path string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("payments: %s", resp.Status)
	}
	return nil
}

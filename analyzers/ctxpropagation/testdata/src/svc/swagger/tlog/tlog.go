// Package tlog is shaped like a go-swagger client (rekor's): each
// operation has a parameters constructor whose context-taking variant is
// deprecated in favour of the operation call that takes the context.
package tlog

import (
	"context"
	"net/http"
	"time"
)

type GetLogInfoParams struct {
	timeout time.Duration
	Context context.Context
	TreeID  *string
}

// NewGetLogInfoParams creates a new GetLogInfoParams object, with the
// default timeout for this client.
func NewGetLogInfoParams() *GetLogInfoParams { return &GetLogInfoParams{timeout: 30 * time.Second} }

// NewGetLogInfoParamsWithContext creates a new GetLogInfoParams object
// with the ability to set a context for a request.
//
// Deprecated: use the operation call with context to pass the context instead of [GetLogInfoParams].
func NewGetLogInfoParamsWithContext(ctx context.Context) *GetLogInfoParams {
	return &GetLogInfoParams{timeout: 30 * time.Second, Context: ctx}
}

type Client struct{ HTTP *http.Client }

type GetLogInfoOK struct{ Size int64 }

// GetLogInfo gets the log's current state.
func (c *Client) GetLogInfo(params *GetLogInfoParams) (*GetLogInfoOK, error) { // want GetLogInfo:"noContextIO"
	return c.GetLogInfoContext(context.Background(), params)
}

// GetLogInfoContext gets the log's current state, bounded by ctx.
func (c *Client) GetLogInfoContext(ctx context.Context, params *GetLogInfoParams) (*GetLogInfoOK, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://log.example/api/v1/log", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return &GetLogInfoOK{}, nil
}

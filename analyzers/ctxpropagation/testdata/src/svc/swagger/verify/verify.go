// Package verify calls the go-swagger-shaped client the way rekor does.
package verify

import (
	"context"

	"example.com/svc/swagger/tlog"
)

// The parameters are built without a context and the context goes to the
// operation call, as the deprecation asks: nothing is dropped.
func LogSize(ctx context.Context, c *tlog.Client) (int64, error) {
	params := tlog.NewGetLogInfoParams()
	res, err := c.GetLogInfoContext(ctx, params)
	if err != nil {
		return 0, err
	}
	return res.Size, nil
}

// The operation call without a context has a twin that is not deprecated:
// reported.
func LogSizeDropped(ctx context.Context, c *tlog.Client) (int64, error) {
	res, err := c.GetLogInfo(tlog.NewGetLogInfoParams()) // want `tlog.Client.GetLogInfo ignores ctx`
	if err != nil {
		return 0, err
	}
	return res.Size, nil
}

// Package libs holds loops that delegate their waiting to a backoff
// library: none is reported, although each would be without the library.
package libs

import (
	"context"
	"log"
	"net/http"
	"time"

	avast "github.com/avast/retry-go/v4"
	backoff4 "github.com/cenkalti/backoff/v4"
	backoff5 "github.com/cenkalti/backoff/v5"
	"github.com/hashicorp/go-retryablehttp"
	sethvargo "github.com/sethvargo/go-retry"
	"k8s.io/apimachinery/pkg/util/wait"
	k8sretry "k8s.io/client-go/util/retry"
)

// Keeps reconnecting forever, each round with cenkalti/backoff v4.
func KeepConnected(ctx context.Context, connect func() error) {
	for {
		err := backoff4.Retry(connect, backoff4.WithContext(backoff4.NewExponentialBackOff(), ctx))
		if err == nil {
			return
		}
		log.Printf("connect: %v", err)
	}
}

// A hand-written loop that takes its delays from a v4 BackOff.
func PublishV4(ctx context.Context, publish func(context.Context) error) error {
	b := backoff4.NewExponentialBackOff()
	for {
		err := publish(ctx)
		if err == nil {
			return nil
		}
		time.Sleep(b.NextBackOff())
	}
}

// cenkalti/backoff v5.
func FetchV5(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	var lastErr error
	for range 3 {
		resp, err := backoff5.Retry(ctx, func() (*http.Response, error) {
			return c.Get(url)
		}, backoff5.WithBackOff(backoff5.NewExponentialBackOff()))
		if err == nil {
			return resp, nil
		}
		lastErr = err
	}
	return nil, lastErr
}

// avast/retry-go.
func SaveAvast(save func() error) error {
	var err error
	for i := 0; i < 2; i++ {
		if err = avast.Do(save, avast.Attempts(5), avast.DelayType(avast.BackOffDelay)); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// hashicorp/go-retryablehttp: the client backs off inside Do.
func PostEvent(rc *retryablehttp.Client, url string, body []byte) (*http.Response, error) {
	for {
		resp, err := rc.Post(url, "application/json", body)
		if err == nil {
			return resp, nil
		}
		log.Printf("post event: %v", err)
	}
}

// sethvargo/go-retry.
func PingSethvargo(ctx context.Context, ping func(context.Context) error) error {
	b := sethvargo.WithMaxRetries(5, sethvargo.NewExponential(100*time.Millisecond))
	for {
		err := sethvargo.Do(ctx, b, func(ctx context.Context) error {
			if err := ping(ctx); err != nil {
				return sethvargo.RetryableError(err)
			}
			return nil
		})
		if err == nil {
			return nil
		}
		time.Sleep(time.Minute)
	}
}

// k8s.io/apimachinery/pkg/util/wait: a Backoff stepped by hand.
func ApplyWithK8sBackoff(ctx context.Context, apply func(context.Context) error) error {
	b := wait.Backoff{Duration: time.Second, Factor: 2, Jitter: 0.1, Steps: 5}
	var err error
	for b.Steps > 0 {
		if err = apply(ctx); err == nil {
			return nil
		}
		time.Sleep(b.Step())
	}
	return err
}

// k8s.io/client-go/util/retry.
func UpdateStatus(update func() error) {
	for {
		err := k8sretry.RetryOnConflict(k8sretry.DefaultBackoff, update)
		if err == nil {
			return
		}
		log.Printf("update status: %v", err)
	}
}

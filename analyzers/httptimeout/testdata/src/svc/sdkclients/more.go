package sdkclients

import (
	"net/http"
	"net/url"
	"time"

	webpush "github.com/SherClockHolmes/webpush-go"
	"github.com/hekmon/transmissionrpc/v3"
	"github.com/mmcdole/gofeed"
	"github.com/rhnvrm/simples3"
)

// Media storage on S3, as a CMS wires it.
func newMediaStore(region, key, secret string) *simples3.S3 {
	return simples3.New(region, key, secret) // want `simples3.New sends through an http.Client with no Timeout`
}

func newBoundedMediaStore(region, key, secret string) *simples3.S3 {
	s3 := simples3.New(region, key, secret)
	s3.SetClient(&http.Client{Timeout: 30 * time.Second})
	return s3
}

// A podcast refresher.
func refreshFeeds(urls []string) {
	fp := gofeed.NewParser() // want `gofeed.NewParser sends through an http.Client with no Timeout`
	for _, u := range urls {
		_, _ = fp.ParseURL(u)
	}
}

func refreshFeedsBounded(urls []string) {
	fp := gofeed.NewParser()
	fp.Client = &http.Client{Timeout: 20 * time.Second}
	for _, u := range urls {
		_, _ = fp.ParseURL(u)
	}
}

// The offline downloader's torrent client.
func newTorrents(endpoint *url.URL) (*transmissionrpc.Client, error) {
	return transmissionrpc.New(endpoint, nil) // want `transmissionrpc.New sends through an http.Client with no Timeout`
}

func newTorrentsBounded(endpoint *url.URL) (*transmissionrpc.Client, error) {
	return transmissionrpc.New(endpoint, &transmissionrpc.Config{CustomClient: &http.Client{Timeout: time.Minute}})
}

// Web push fan-out to subscribers' push services.
func push(msg []byte, sub *webpush.Subscription, pub, priv string) error {
	_, err := webpush.SendNotification(msg, sub, &webpush.Options{ // want `webpush.SendNotification sends through an http.Client with no Timeout`
		Subscriber: "ops@example.com", VAPIDPublicKey: pub, VAPIDPrivateKey: priv, TTL: 60,
	})
	return err
}

var pushClient = &http.Client{Timeout: 10 * time.Second}

func pushBounded(msg []byte, sub *webpush.Subscription, pub, priv string) error {
	_, err := webpush.SendNotification(msg, sub, &webpush.Options{
		HTTPClient: pushClient, Subscriber: "ops@example.com", VAPIDPublicKey: pub, VAPIDPrivateKey: priv,
	})
	return err
}

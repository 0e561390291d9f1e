// Package pubsub is a stand-in for cloud.google.com/go/pubsub with the
// same Receive signature and documented behaviour, so that the testdata
// module does not pull in the whole Google Cloud client.
package pubsub

import "context"

type Message struct{ Data []byte }

func (m *Message) Ack() {}

type Subscription struct{}

// Receive calls f with the subscription's messages until ctx is done, and
// then returns nil; it returns an error only when it cannot receive.
func (s *Subscription) Receive(ctx context.Context, f func(context.Context, *Message)) error {
	<-ctx.Done()
	return nil
}

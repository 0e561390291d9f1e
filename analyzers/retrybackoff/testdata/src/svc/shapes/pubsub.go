package shapes

import (
	"context"
	"log"
	"time"

	"cloud.google.com/go/pubsub"
)

type uplinks struct {
	ctx context.Context // cancelled by Close
	sub *pubsub.Subscription
}

func (u *uplinks) handle(ctx context.Context, m *pubsub.Message) { m.Ack() }

// Receive returns nil once u.ctx is cancelled, and the loop leaves on nil:
// Close stops it. The backend starts it once, from its constructor. Not
// reported.
func newUplinks(sub *pubsub.Subscription) (*uplinks, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	u := &uplinks{ctx: ctx, sub: sub}
	go func() {
		for {
			err := u.sub.Receive(u.ctx, u.handle)
			if err != nil {
				log.Printf("receive: %v", err)
				time.Sleep(2 * time.Second)
				continue
			}
			break
		}
	}()
	return u, cancel
}

// With a context nobody can cancel, nothing stops it: reported.
func (u *uplinks) consumeForever() {
	for { // want `retry loop waits the same fixed delay between attempts`
		err := u.sub.Receive(context.Background(), u.handle)
		if err != nil {
			log.Printf("receive: %v", err)
			time.Sleep(2 * time.Second)
			continue
		}
		break
	}
}

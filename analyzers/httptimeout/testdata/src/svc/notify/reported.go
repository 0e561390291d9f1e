package notify

import (
	"context"
	"net/http"
	"time"
)

// Reported: a sibling method sends with no deadline at all.
type slack struct {
	url string
	hc  *http.Client
}

func newSlack(url string) *slack {
	return &slack{url: url, hc: &http.Client{}} // want `http.Client has no Timeout`
}

func (s *slack) post(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, nil)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *slack) health() error {
	resp, err := s.hc.Get(s.url + "/health")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func SlackAlert(url string) error {
	s := newSlack(url)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.health(); err != nil {
		return err
	}
	return s.post(ctx)
}

// Reported: one caller, through the interface, gives no deadline.
type Alerter interface {
	Alert(ctx context.Context, e Event) error
}

type pager struct {
	hc *http.Client
}

func NewPager() Alerter {
	return &pager{hc: &http.Client{}} // want `http.Client has no Timeout`
}

func (p *pager) Alert(ctx context.Context, e Event) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://pager.example.com/v1/"+e.Kind, nil)
	if err != nil {
		return err
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Page(a Alerter, e Event) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := a.Alert(ctx, e); err == nil {
		return nil
	}
	return a.Alert(context.Background(), e) // the fallback has no deadline
}

// Reported: an exported type's method, callable from any package with
// any context.
type Mailer struct {
	hc *http.Client
}

func NewMailer() *Mailer {
	return &Mailer{hc: &http.Client{}} // want `http.Client has no Timeout`
}

func (m *Mailer) Deliver(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := m.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

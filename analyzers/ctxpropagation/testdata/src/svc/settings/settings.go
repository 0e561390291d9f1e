// Package settings is checked with extra-twins and extra-context-types.
package settings

import (
	"context"
	"time"
)

// Job is a worker framework's context: not a context.Context, but it
// carries one.
type Job struct {
	ctx context.Context
	ID  string
}

func (j *Job) Ctx() context.Context { return j.ctx }

// Mailer has a twin under another name.
type Mailer struct{}

func (m *Mailer) Send(to, body string) error { return nil }

func (m *Mailer) Deliver(ctx context.Context, to, body string) error { return nil }

func Load(key string) (string, error) { return "", nil }

func LoadFrom(ctx context.Context, key string) (string, error) { return "", nil }

func Resolve(name string) string { return name }

func HandleJob(j *Job, m *Mailer) error {
	_ = m.Send("a@example.com", "hi")                                     // want `settings\.Mailer\.Send ignores j\.Ctx\(\).*call Deliver\(j\.Ctx\(\), \.\.\.\) instead`
	_, _ = Load("k")                                                      // want `settings\.Load ignores j\.Ctx\(\).*LoadFrom`
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context\.Background\(\) ignores j\.Ctx\(\), which is in scope`
	defer cancel()
	_ = ctx
	return nil
}

// Package logs uses slog: its context carries values, not cancellation,
// so logging twins are not reported by default.
package logs

import (
	"context"
	"log/slog"
)

type Service struct {
	log *slog.Logger
}

func (s *Service) Handle(ctx context.Context, id string) { // want Handle:`inertContext\(\[0\]\)`
	slog.Info("handling", "id", id)
	s.log.Warn("slow request", "id", id)
	s.log.InfoContext(ctx, "done", "id", id)
}

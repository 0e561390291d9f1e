// Package logsoptin is checked with -logging set.
package logsoptin

import (
	"context"
	"log/slog"
)

type Service struct {
	log *slog.Logger
}

func (s *Service) Handle(ctx context.Context, id string) { // want Handle:`inertContext\(\[0\]\)`
	slog.Info("handling", "id", id)      // want `slog\.Info ignores ctx.*InfoContext`
	s.log.Warn("slow request", "id", id) // want `slog\.Logger\.Warn ignores ctx.*WarnContext`
	s.log.InfoContext(ctx, "done", "id", id)
}

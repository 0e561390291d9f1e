package store

import (
	"context"
	"database/sql"
	"sync"
)

// From gitea's graceful manager and git features: a package-level
// component initialized lazily by its getter. Its root context must not be
// the first caller's (a cancelled request would poison the singleton), so
// the getter is not a function that "drops" a context.

type Manager struct{ db *sql.DB }

var (
	manager     *Manager
	managerOnce sync.Once
)

func initManager(ctx context.Context) {
	managerOnce.Do(func() {
		manager = &Manager{}
		_ = manager.warm(ctx)
	})
}

func (m *Manager) warm(ctx context.Context) error {
	if m.db == nil {
		return nil
	}
	return m.db.PingContext(ctx)
}

// GetManager returns the process-wide manager, creating it on first use.
func GetManager() *Manager {
	initManager(context.Background())
	return manager
}

type Features struct{ Version string }

var defaultFeatures *Features

// InitSimple loads the features once, at start-up.
func InitSimple() error {
	db, err := sql.Open("postgres", "")
	if err != nil {
		return err
	}
	var v string
	if err := db.QueryRowContext(context.Background(), "SELECT version()").Scan(&v); err != nil {
		return err
	}
	defaultFeatures = &Features{Version: v}
	return nil
}

// DefaultFeatures returns the features, loading them if start-up did not.
func DefaultFeatures() *Features {
	if defaultFeatures == nil {
		_ = InitSimple()
	}
	return defaultFeatures
}

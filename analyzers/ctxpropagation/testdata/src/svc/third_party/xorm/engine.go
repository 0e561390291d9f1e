// Package xorm is a stand-in for xorm.io/xorm: an engine whose
// context-less methods run under a default context the caller sets.
package xorm

import (
	"context"
	"database/sql"
)

type Engine struct {
	db  *sql.DB
	ctx context.Context
}

func NewEngine(driver, dsn string) (*Engine, error) {
	db, err := sql.Open(driver, dsn)
	return &Engine{db: db, ctx: context.Background()}, err
}

// SetDefaultContext sets the context of the engine's context-less calls.
func (e *Engine) SetDefaultContext(ctx context.Context) { e.ctx = ctx }

func (e *Engine) Ping() error { return e.PingContext(e.ctx) }

func (e *Engine) PingContext(ctx context.Context) error { return e.db.PingContext(ctx) }

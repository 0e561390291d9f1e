// Package pgxrepo is a pgx v5 repository.
package pgxrepo

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Event struct {
	ID      int64
	Kind    string
	Payload []byte
}

type Store struct{ pool *pgxpool.Pool }

const eventsTable = "events"

func (s *Store) ByKind(ctx context.Context, kind string) ([]Event, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, kind, payload FROM events WHERE kind = $1`, kind) // want `query returns every matching row`
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Event])
}

func (s *Store) After(ctx context.Context, after int64, n int) ([]Event, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT id, kind, payload
		FROM events
		WHERE id > $1
		ORDER BY id
		LIMIT $2`, after, n)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Event])
}

func (s *Store) InTx(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, fmt.Sprintf("SELECT id FROM %s WHERE kind = $1", eventsTable), "x") // want `query returns every matching row`
	if err != nil {
		return err
	}
	rows.Close()
	var n int64
	return tx.QueryRow(ctx, "SELECT id FROM events").Scan(&n)
}

func (s *Store) OnConn(ctx context.Context, conn *pgx.Conn, ids []int64) error {
	rows, err := conn.Query(ctx, "SELECT id, kind FROM events WHERE id = ANY($1::bigint[])", ids)
	if err != nil {
		return err
	}
	rows.Close()
	rows, err = conn.Query(ctx, "SELECT kind, count(*) FROM events GROUP BY kind") // one row per kind: not judged
	if err != nil {
		return err
	}
	rows.Close()
	rows, err = conn.Query(ctx, "DELETE FROM events WHERE kind = $1 RETURNING id", "x")
	if err != nil {
		return err
	}
	rows.Close()
	return nil
}

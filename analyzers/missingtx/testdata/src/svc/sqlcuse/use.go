package sqlcuse

import (
	"context"
	"database/sql"

	"example.com/svc/sqlcdb"
)

// Queries built from the pool: counted.
func Publish(ctx context.Context, db *sql.DB, name, title string) error { // want Publish:"writes"
	q := sqlcdb.New(db)
	id, err := q.CreateAuthor(ctx, name) // want `2 writes .*CreateAuthor here, CreateBook at line 17`
	if err != nil {
		return err
	}
	return q.CreateBook(ctx, id, title)
}

// Queries built from a transaction: transactional.
func PublishTx(ctx context.Context, db *sql.DB, name, title string) error { // want PublishTx:"atomic"
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	q := sqlcdb.New(db).WithTx(tx)
	id, err := q.CreateAuthor(ctx, name)
	if err != nil {
		return err
	}
	if err := q.CreateBook(ctx, id, title); err != nil {
		return err
	}
	return tx.Commit()
}

func PublishNewTx(ctx context.Context, db *sql.DB, name, title string) error { // want PublishNewTx:"atomic"
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	q := sqlcdb.New(tx)
	id, err := q.CreateAuthor(ctx, name)
	if err != nil {
		return err
	}
	if err := q.CreateBook(ctx, id, title); err != nil {
		return err
	}
	return tx.Commit()
}

// Queries of unknown origin: not counted.
type Service struct{ q *sqlcdb.Queries }

func (s *Service) Publish(ctx context.Context, name, title string) error { // want Publish:"writes\\(sql recv\\)"
	id, err := s.q.CreateAuthor(ctx, name)
	if err != nil {
		return err
	}
	return s.q.CreateBook(ctx, id, title)
}

// A read then a write.
func Ensure(ctx context.Context, db *sql.DB, name string) (int64, error) { // want Ensure:"writes"
	q := sqlcdb.New(db)
	if id, err := q.GetAuthor(ctx, name); err == nil {
		return id, nil
	}
	return q.CreateAuthor(ctx, name)
}

// Package sqlxrepo is a sqlx repository.
package sqlxrepo

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Product struct {
	ID    int64  `db:"id"`
	SKU   string `db:"sku"`
	Price int64  `db:"price"`
}

const productColumns = "id, sku, price"

type Repo struct{ db *sqlx.DB }

func (r *Repo) All(ctx context.Context) ([]Product, error) {
	var out []Product
	err := r.db.SelectContext(ctx, &out, "SELECT "+productColumns+" FROM products ORDER BY sku") // want `query returns every matching row`
	return out, err
}

func (r *Repo) Page(ctx context.Context, after int64) ([]Product, error) {
	var out []Product
	err := r.db.SelectContext(ctx, &out, "SELECT "+productColumns+" FROM products WHERE id > $1 ORDER BY id LIMIT 100", after)
	return out, err
}

func (r *Repo) Get(ctx context.Context, id int64) (Product, error) {
	var p Product
	err := r.db.GetContext(ctx, &p, "SELECT "+productColumns+" FROM products") // Get reads one row
	return p, err
}

func (r *Repo) ByIDs(ids []int64) ([]Product, error) {
	q, args, err := sqlx.In("SELECT "+productColumns+" FROM products WHERE id IN (?)", ids)
	if err != nil {
		return nil, err
	}
	var out []Product
	err = r.db.Select(&out, r.db.Rebind(q), args...)
	return out, err
}

func (r *Repo) Cheap(tx *sqlx.Tx, max int64) ([]Product, error) {
	var out []Product
	err := tx.Select(&out, "SELECT * FROM products WHERE price < ?", max) // want `query returns every matching row`
	return out, err
}

func (r *Repo) Rows(ctx context.Context, conn *sqlx.Conn) error {
	rows, err := conn.QueryxContext(ctx, "SELECT * FROM products") // want `query returns every matching row`
	if err != nil {
		return err
	}
	defer rows.Close()
	rows2, err := r.db.Queryx("SELECT * FROM products WHERE sku = $1", "x") // want `query returns every matching row`
	if err != nil {
		return err
	}
	return rows2.Close()
}

func (r *Repo) Named(ctx context.Context, arg map[string]any) error {
	rows, err := r.db.NamedQueryContext(ctx, "SELECT * FROM products WHERE price > :min", arg) // want `query returns every matching row`
	if err != nil {
		return err
	}
	rows.Close()
	rows, err = r.db.NamedQuery("SELECT * FROM products WHERE id = :id", arg)
	if err != nil {
		return err
	}
	return rows.Close()
}

func (r *Repo) PackageLevel(ctx context.Context, q sqlx.QueryerContext, e sqlx.Ext) error {
	var out []Product
	if err := sqlx.SelectContext(ctx, q, &out, "SELECT * FROM products"); err != nil { // want `query returns every matching row`
		return err
	}
	if err := sqlx.Select(e, &out, "SELECT * FROM products LIMIT 10"); err != nil {
		return err
	}
	rows, err := sqlx.NamedQuery(e, "SELECT * FROM products WHERE sku = :sku", map[string]any{"sku": "x"}) // want `query returns every matching row`
	if err != nil {
		return err
	}
	return rows.Close()
}

// sqlx.DB embeds sql.DB: its Query is database/sql's.
func (r *Repo) Embedded(ctx context.Context) error {
	rows, err := r.db.QueryContext(ctx, "SELECT sku FROM products") // want `query returns every matching row`
	if err != nil {
		return err
	}
	return rows.Close()
}

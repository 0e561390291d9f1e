// Package settings is checked with -unique-columns=id,email,slug and
// -allow-tables=countries,currencies,ref.feature_flags.
package settings

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
)

type Currency struct{ Code string }

type Plan struct{ ID uint }

func Lookups(ctx context.Context, db *sql.DB, g *gorm.DB) error {
	for _, rows := range []func() (*sql.Rows, error){
		func() (*sql.Rows, error) {
			return db.QueryContext(ctx, "SELECT code, name FROM countries ORDER BY name")
		},
		func() (*sql.Rows, error) { return db.QueryContext(ctx, "SELECT * FROM ref.feature_flags") },
		func() (*sql.Rows, error) { return db.QueryContext(ctx, "SELECT * FROM users WHERE email = $1", "a") },
		func() (*sql.Rows, error) { return db.QueryContext(ctx, "SELECT * FROM articles WHERE slug = ?", "a") },
		func() (*sql.Rows, error) { return db.QueryContext(ctx, "SELECT * FROM users WHERE name = $1", "a") },   // want `query returns every matching row`
		func() (*sql.Rows, error) { return db.QueryContext(ctx, "SELECT * FROM countries JOIN users ON true") }, // want `query returns every matching row`
	} {
		r, err := rows()
		if err != nil {
			return err
		}
		r.Close()
	}
	var cs []Currency
	if err := g.Find(&cs).Error; err != nil {
		return err
	}
	var plans []Plan
	return g.Find(&plans).Error // want `Find loads every matching row`
}

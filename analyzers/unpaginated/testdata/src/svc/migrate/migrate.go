// Package migrate holds schema migrations: code that runs once per // want package:`tables\(grows: ; written: account accounts; keys: \)`
// database at start-up, whose whole-table reads are its job.
package migrate

import (
	"database/sql"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

func tenant(name string) string { return "app_" + name }

// A schema runner: it creates its bookkeeping table, reads the versions
// already applied (a legacy table included) and applies the rest.
func ApplySchemas(db *sql.DB, scripts map[string]string) error {
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS ` + tenant("schemas") + ` (version TEXT PRIMARY KEY NOT NULL)`); err != nil {
		return err
	}
	rows, err := db.Query(`SELECT version FROM ` + tenant("legacy_migrations"))
	if err != nil {
		return err
	}
	defer rows.Close()
	applied := map[string]bool{}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return err
		}
		applied[v] = true
	}
	for v, script := range scripts {
		if applied[v] {
			continue
		}
		if _, err := db.Exec(script); err != nil {
			return err
		}
	}
	return rows.Err()
}

// A list of migrations, one function each: the data fix-up visits every
// user once, beside its siblings that alter the schema.
var migrations = []func(tx *sql.Tx) error{
	func(tx *sql.Tx) error {
		query := `ALTER TABLE users ADD COLUMN timezone text NOT NULL DEFAULT 'UTC'`
		_, err := tx.Exec(query)
		return err
	},
	func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT id, timezone FROM users`)
		if err != nil {
			return err
		}
		fix := map[int64]string{}
		for rows.Next() {
			var id int64
			var tz string
			if err := rows.Scan(&id, &tz); err != nil {
				return err
			}
			if tz == "US/Pacific-New" {
				fix[id] = "America/Los_Angeles"
			}
		}
		rows.Close()
		for id, tz := range fix {
			if _, err := tx.Exec(`UPDATE users SET timezone = $1 WHERE id = $2`, tz, id); err != nil {
				return err
			}
		}
		return nil
	},
}

func Migrate(db *sql.DB) error {
	for i, m := range migrations {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		if err := m(tx); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i, err)
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// gormigrate's shape: migrations are structs whose Migrate field is a
// function; the list changes the schema with AutoMigrate.
type Migration struct {
	ID      string
	Migrate func(*gorm.DB) error
}

type Account struct {
	ID    int64
	Email string
}

var gormMigrations = []*Migration{
	{ID: "1", Migrate: func(tx *gorm.DB) error { return tx.AutoMigrate(&Account{}) }},
	{ID: "2", Migrate: func(tx *gorm.DB) error {
		var all []Account
		if err := tx.Find(&all).Error; err != nil {
			return err
		}
		for i := range all {
			all[i].Email = strings.ToLower(all[i].Email)
		}
		return tx.Save(&all).Error
	}},
}

// A list of handlers is not a list of migrations: none of them changes
// the schema, so their reads are judged.
var reports = []func(db *sql.DB) error{
	func(db *sql.DB) error {
		rows, err := db.Query(`SELECT id, email FROM users`) // want `query returns every matching row`
		if err != nil {
			return err
		}
		return rows.Close()
	},
}

// A function beside the migrations that does not change the schema is
// ordinary code.
func ListUsers(db *sql.DB) ([]string, error) {
	rows, err := db.Query(`SELECT email FROM users ORDER BY email`) // want `query returns every matching row`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// A function that creates a temporary table is not a migration only
// because of a CREATE in a string it logs.
func Export(db *sql.DB, logf func(string, ...any)) error {
	logf("CREATE TABLE is not run here")
	rows, err := db.Query(`SELECT id FROM users`) // want `query returns every matching row`
	if err != nil {
		return err
	}
	return rows.Close()
}

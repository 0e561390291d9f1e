// Package sqlrepo is a database/sql repository.
package sqlrepo

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

type User struct {
	ID        int64
	Email     string
	Name      string
	CreatedAt time.Time
}

type Repo struct {
	db    *sql.DB
	table string
}

func New(db *sql.DB) *Repo { return &Repo{db: db, table: "users"} }

func (r *Repo) ListByOrg(ctx context.Context, org int64) ([]User, error) {
	rows, err := r.db.QueryContext(ctx, listUsersByOrg, org) // want `query returns every matching row \(a SELECT with no LIMIT\): the result grows with the table until it spikes memory, times out or saturates the database; paginate with a keyset \(WHERE id > \$1 ORDER BY id LIMIT \$2\) or add a LIMIT`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanUsers(rows)
}

func (r *Repo) ListPage(ctx context.Context, org, after int64, n int) ([]User, error) {
	rows, err := r.db.QueryContext(ctx, listUsersPage, org, after, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanUsers(rows)
}

func (r *Repo) Get(ctx context.Context, id int64) ([]User, error) {
	rows, err := r.db.QueryContext(ctx, getUser, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanUsers(rows)
}

func (r *Repo) GetRow(ctx context.Context, email string) (User, error) {
	var u User
	err := r.db.QueryRowContext(ctx, "SELECT id, email FROM users WHERE email = $1", email).Scan(&u.ID, &u.Email)
	return u, err
}

func (r *Repo) Reports(ctx context.Context, tx *sql.Tx, conn *sql.Conn, since time.Time) error {
	queries := []func() (*sql.Rows, error){
		func() (*sql.Rows, error) { return r.db.Query(ordersOfRecentUsers) },                           // want `query returns every matching row`
		func() (*sql.Rows, error) { return tx.QueryContext(ctx, recentOrdersCTE) },                     // bounded CTE
		func() (*sql.Rows, error) { return tx.QueryContext(ctx, allOrdersCTE) },                        // want `query returns every matching row`
		func() (*sql.Rows, error) { return conn.QueryContext(ctx, auditLimitInComment, 1) },            // want `query returns every matching row`
		func() (*sql.Rows, error) { return r.db.Query(auditLimitInString) },                            // want `query returns every matching row`
		func() (*sql.Rows, error) { return r.db.Query(unionBounded, 1) },                               // every branch bounded
		func() (*sql.Rows, error) { return r.db.Query(unionUnbounded, 1) },                             // want `query returns every matching row`
		func() (*sql.Rows, error) { return r.db.Query(unionLimited) },                                  // LIMIT applies to the union
		func() (*sql.Rows, error) { return r.db.Query(countOrders, 1) },                                // aggregate
		func() (*sql.Rows, error) { return r.db.Query(totals, since) },                                 // aggregates
		func() (*sql.Rows, error) { return r.db.Query(totalsByUser) },                                  // one row per group: not judged
		func() (*sql.Rows, error) { return r.db.Query(ping) },                                          // no FROM
		func() (*sql.Rows, error) { return r.db.Query(exists, "a@b.c") },                               // no FROM
		func() (*sql.Rows, error) { return r.db.Query(insertOrder, 1, 2) },                             // not a SELECT
		func() (*sql.Rows, error) { return r.db.Query(ordersByIDs, []int64{1, 2}) },                    // bounded by the caller's list
		func() (*sql.Rows, error) { return r.db.Query(ordersByIDList, "paid", 1, 2, 3) },               // bounded by the caller's list
		func() (*sql.Rows, error) { return r.db.Query(qualifiedID, 1) },                                // unique column
		func() (*sql.Rows, error) { return r.db.Query(fetchFirst, 0) },                                 // FETCH NEXT
		func() (*sql.Rows, error) { return r.db.Query(lowerCase, 1) },                                  // want `query returns every matching row`
		func() (*sql.Rows, error) { return r.db.Query("SELECT id FROM orders /* LIMIT 10 */") },        // want `query returns every matching row`
		func() (*sql.Rows, error) { return r.db.Query(`SELECT "limit" FROM quotas`) },                  // want `query returns every matching row`
		func() (*sql.Rows, error) { return r.db.Query("SELECT * FROM orders WHERE id > $1", 10) },      // want `query returns every matching row`
		func() (*sql.Rows, error) { return r.db.Query("SELECT * FROM orders WHERE id = $1 OR 1 = 1") }, // want `query returns every matching row`
	}
	for _, q := range queries {
		rows, err := q()
		if err != nil {
			return err
		}
		rows.Close()
	}
	return nil
}

// Sprintf with a constant format: the verbs are opaque.
func (r *Repo) ByStatus(ctx context.Context, status string) (*sql.Rows, error) {
	q := fmt.Sprintf("SELECT %s FROM %s WHERE status = $1", userColumns, r.table)
	return r.db.QueryContext(ctx, q, status) // want `query returns every matching row`
}

func (r *Repo) ByStatusPage(ctx context.Context, status string, limit int) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s WHERE status = $1 LIMIT %d", userColumns, r.table, limit), status)
}

// A verb where a clause could go may hold the LIMIT: not judged.
func (r *Repo) Filtered(ctx context.Context, where string, args ...any) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, fmt.Sprintf("SELECT id FROM orders WHERE %s", where), args...)
}

func (r *Repo) Paged(ctx context.Context, page string) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, "SELECT id FROM orders ORDER BY id "+page)
}

func (r *Repo) FromTable(ctx context.Context, table string) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, "SELECT id FROM "+table) // want `query returns every matching row`
}

// Non-constant SQL is never judged.
func (r *Repo) Dynamic(ctx context.Context, query string) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, query)
}

// A LIMIT appended only when limit > 0 is a switch: no limit at 0.
func (r *Repo) Search(ctx context.Context, name string, limit int) (*sql.Rows, error) {
	q := "SELECT id FROM users WHERE name LIKE $1"
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	return r.db.QueryContext(ctx, q, name+"%") // want `query returns every matching row when its limit is switched off \(the LIMIT is added only when limit > 0\)`
}

// A multi-line raw string assigned once is followed.
func (r *Repo) Export(ctx context.Context) (*sql.Rows, error) {
	query := `
		SELECT u.id, u.email, o.id, o.total
		FROM users u
		JOIN orders o ON o.user_id = u.id
		ORDER BY u.id`
	return r.db.QueryContext(ctx, query) // want `query returns every matching row`
}

// Prepared statements are judged by the text given to Prepare.
func (r *Repo) Prepared(ctx context.Context, org int64) error {
	stmt, err := r.db.PrepareContext(ctx, listUsersByOrg)
	if err != nil {
		return err
	}
	defer stmt.Close()
	rows, err := stmt.QueryContext(ctx, org) // want `query returns every matching row`
	if err != nil {
		return err
	}
	defer rows.Close()

	one, err := r.db.Prepare(getUser)
	if err != nil {
		return err
	}
	defer one.Close()
	rows2, err := one.Query(1)
	if err != nil {
		return err
	}
	return rows2.Close()
}

// A statement prepared elsewhere is not judged.
type cachedStmts struct{ list *sql.Stmt }

func (c *cachedStmts) List(ctx context.Context) (*sql.Rows, error) { return c.list.QueryContext(ctx) }

func scanUsers(rows *sql.Rows) ([]User, error) {
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email, &u.Name, &u.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// The database's own catalogs follow the schema, not the data.
func (r *Repo) Timezones(ctx context.Context) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, "SELECT name FROM pg_timezone_names ORDER BY name")
}

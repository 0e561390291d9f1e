// Package builders reads an audit trail (a table that records occurrences)
// and its admin-managed tags through query builders.
package builders

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"
	"github.com/doug-martin/goqu/v9"
	"github.com/huandu/go-sqlbuilder"
)

type Entry struct {
	ID    int64  `db:"id"`
	Actor string `db:"actor"`
}

type Repo struct {
	db   *sql.DB
	gdb  *goqu.Database
	psql sq.StatementBuilderType
}

// --- squirrel ---

func (r *Repo) ByActor(ctx context.Context, actor string) (*sql.Rows, error) {
	return sq.Select("id", "actor").From("audit_entries").Where(sq.Eq{"actor": actor}).OrderBy("id").RunWith(r.db).QueryContext(ctx) // want `query builder runs a SELECT with no Limit and returns every matching row, and table audit_entries grows with use`
}

func (r *Repo) ByActorPage(ctx context.Context, actor string, after int64) (*sql.Rows, error) {
	return sq.Select("id", "actor").From("audit_entries").Where(sq.Eq{"actor": actor}).Where(sq.Gt{"id": after}).OrderBy("id").Limit(50).RunWith(r.db).QueryContext(ctx)
}

func (r *Repo) ByIDs(ctx context.Context, ids []int64) (*sql.Rows, error) {
	return sq.Select("id").From("audit_entries").Where(sq.Eq{"id": ids}).RunWith(r.db).QueryContext(ctx)
}

// ToSql then database/sql: the text comes from the builder.
func (r *Repo) All(ctx context.Context) (*sql.Rows, error) {
	query, args, err := r.psql.Select("*").From("audit_entries").ToSql()
	if err != nil {
		return nil, err
	}
	return r.db.QueryContext(ctx, query, args...) // want `query builder runs a SELECT with no Limit .*table audit_entries grows with use`
}

// A Limit under a condition is a switch: no limit when limit is 0.
func (r *Repo) List(ctx context.Context, limit uint64) (*sql.Rows, error) {
	b := r.psql.Select("id", "actor").From("audit_entries").OrderBy("id DESC")
	if limit > 0 {
		b = b.Limit(limit)
	}
	return b.RunWith(r.db).QueryContext(ctx) // want `query builder runs a SELECT with no Limit and returns every matching row when its limit is switched off \(Limit is called only when limit > 0\)`
}

func (r *Repo) Count(ctx context.Context) (*sql.Rows, error) {
	return sq.Select("count(*)").From("audit_entries").RunWith(r.db).QueryContext(ctx)
}

// tags has no growth evidence: a child list of it is quiet by default.
func (r *Repo) Tags(ctx context.Context, owner int64) (*sql.Rows, error) {
	return sq.Select("name").From("tags").Where("owner_id = ?", owner).RunWith(r.db).QueryContext(ctx)
}

// --- goqu ---

func (r *Repo) GoquByActor(ctx context.Context, actor string) ([]Entry, error) {
	var out []Entry
	err := r.gdb.From("audit_entries").Where(goqu.C("actor").Eq(actor)).ScanStructsContext(ctx, &out) // want `query builder runs a SELECT with no Limit .*table audit_entries grows with use`
	return out, err
}

func (r *Repo) GoquPage(ctx context.Context, after int64) ([]Entry, error) {
	var out []Entry
	err := goqu.From("audit_entries").Where(goqu.C("id").Gt(after)).Order(goqu.C("id").Asc()).Limit(100).ScanStructsContext(ctx, &out)
	return out, err
}

func (r *Repo) GoquByID(ctx context.Context, ids []int64) ([]Entry, error) {
	var out []Entry
	err := r.gdb.From(goqu.T("audit_entries")).Where(goqu.C("id").In(ids)).ScanStructs(&out)
	return out, err
}

// --- go-sqlbuilder ---

func (r *Repo) BuilderByActor(ctx context.Context, actor string) (*sql.Rows, error) {
	sb := sqlbuilder.NewSelectBuilder()
	sb.Select("id", "actor").From("audit_entries").Where(sb.Equal("actor", actor))
	query, args := sb.BuildWithFlavor(sqlbuilder.PostgreSQL)
	return r.db.QueryContext(ctx, query, args...) // want `query builder runs a SELECT with no Limit .*table audit_entries grows with use`
}

func (r *Repo) BuilderPage(ctx context.Context, actor string, n int) (*sql.Rows, error) {
	sb := sqlbuilder.NewSelectBuilder()
	sb.Select("id").From("audit_entries").Where(sb.Equal("actor", actor)).OrderBy("id").Limit(n)
	query, args := sb.Build()
	return r.db.QueryContext(ctx, query, args...)
}

func (r *Repo) BuilderByID(ctx context.Context, id int64) (*sql.Rows, error) {
	sb := sqlbuilder.Select("id", "actor").From("audit_entries")
	sb.Where(sb.Equal("id", id))
	query, args := sb.Build()
	return r.db.QueryContext(ctx, query, args...)
}

// A helper may paginate: the builder it returns is not judged.
func (r *Repo) Helper(ctx context.Context) (*sql.Rows, error) {
	query, args := paged(sqlbuilder.Select("id").From("audit_entries")).Build()
	return r.db.QueryContext(ctx, query, args...)
}

func paged(sb *sqlbuilder.SelectBuilder) *sqlbuilder.SelectBuilder { return sb.Limit(20) }

package missingtx

// Doc is the analyzer's documentation, shown by go vet -help and the CLI.
const Doc = `report multi-write paths that run outside a transaction

Two writes that must succeed or fail together, done outside a transaction,
leave half-written data when the process dies or the second write fails:
an order without its line items, money debited and never credited.

The checker reports a function in which some path performs two or more
database writes on a handle that is not a transaction (database/sql,
sqlx, pgx v5, GORM, the MongoDB driver v1 and v2, sqlc-generated
Queries), counting the calls of repository helpers that write, in this
package or another one:

	func (s *Service) PlaceOrder(ctx context.Context, o Order) error {
		if err := s.repo.CreateOrder(ctx, o); err != nil { // reported
			return err
		}
		return s.repo.CreateItems(ctx, o.ID, o.Items)
	}

should run both writes in one transaction:

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	... writes through tx ...
	return tx.Commit()

By default only writes the code shows belong together are reported (the
evidence rule): a later write uses a value an earlier one produced (the id
from INSERT ... RETURNING or LastInsertId, the model GORM filled in on
Create, a helper's result), or the same key flows into both (parent and
child rows, deletes cascading over one key, two updates of one entity);
the message names that evidence. Writes that share nothing but the
context, the handle or the clock (an audit row, a last-seen time, clean-up
of expired rows) stay quiet, as does the create of a find-or-create (the
value is also filled in by a read). -missingtx.strict reports any two
writes. Schema steps (CREATE/ALTER/DROP, DO blocks, re-runnable seed rows,
in a const or a never-reassigned var) are not writes; BEGIN IMMEDIATE ...
COMMIT run as statements on a pinned *sql.Conn is a transaction; GORM v1
(github.com/jinzhu/gorm) is covered like v2.

Writes in exclusive branches do not add up; a write in a loop counts as
two, unless the loop ends on its outcome (a retry until success, a batch
delete until no row is left); a write on the path where an earlier write
failed or changed no row (the error path, an UPDATE then INSERT when no
row matched) does not add to it. Writes through a transaction, in a
callback of db.Transaction, session.WithTransaction or pgx.BeginFunc, and
statements that are DDL (migrations) are not counted. A write whose
failure the function accepts (its error discarded with _, or logged and
carried on) is bookkeeping and does not add up; the iterations of an event
loop (for with no condition, range over a channel) are separate units; and
a function's fact counts only the writes on its own path, not those of the
handlers it returns or the goroutines it starts.

It also reports transaction hygiene: a transaction from Begin, BeginTx,
Beginx, pgx's Begin or GORM's Begin() that is not rolled back on every
path that does not commit (add defer tx.Rollback() after the error
check), and a Commit whose error is discarded (tx.Commit() as a
statement, defer tx.Commit(), GORM's tx.Commit() without .Error, a
Commit in a deferred closure whose error is only logged, not handed to a
named result).`

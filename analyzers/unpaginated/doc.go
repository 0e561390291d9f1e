package unpaginated

// Doc is the analyzer's documentation, shown by go vet -help and the CLI.
const Doc = `report queries that can return an unbounded number of rows

A query that loads every matching row works with a thousand rows and takes
the service down with ten million: the result set grows with the table, so
memory spikes, requests time out and the database saturates, long after
the code was written and tested.

"No LIMIT" alone is not evidence: by default a read without a bound is
reported only when the code shows its table grows, and the message names
the evidence ("table events grows with use (rows are inserted in a loop at
store.go:21)"). A table grows when the package, or one it imports (through
facts), inserts into it in a loop (or calls a function that inserts, from
a loop), or when its name's head noun says it records occurrences
(events, *_log, results, messages, history, deliveries, notifications,
audit). An upsert (ON CONFLICT, ON DUPLICATE KEY, INSERT IGNORE, REPLACE,
FirstOrCreate) keeps one row per key and is not evidence. A whole read, a
non-selective filter (also status = $1 and other enumerations) or an open
range of a growing table is reported. A child list (user_id = $1, or
user1 = ? OR user2 = ?) is reported only when one parent's rows
accumulate: the table records occurrences and the parent is not itself
one (event_id = $1 reads one event's details). A table inserted into one
row at a time outside loops (webhooks, settings, a self-hosted tool's
users) is not reported; a whole read of a table no code inserts into is
reported only in a request handler. A recent period (created_at >
NOW() - INTERVAL '1 day', or >= an argument computed from time.Now()
moved by constants) is a window, like BETWEEN. Reading only the first row
(if rows.Next(), pgx.CollectOneRow) and SELECT DISTINCT of one or two
columns are never reported. A read in a
function that also deletes rows (a cascade's ids) is not reported. Unique
keys are read from the schema the package carries (CREATE TABLE, CREATE
UNIQUE INDEX in string constants and .sql files, GORM primaryKey/unique/
uniqueIndex tags): mac = ANY($1) or both columns of a composite key bound
a read of that table. When the code skips rows after loading them all
(if ... { continue }), the advice is to move the filter into the WHERE.
-strict reports every read without a bound, as described below.

The checker judges, at the call that runs the query:

  - SQL text that is statically known (a constant, a concatenation of
    constants, fmt.Sprintf with a constant format, or a local variable
    assigned once from one of those) run for many rows by database/sql
    (Query, QueryContext on DB, Tx, Conn, and on a Stmt prepared in the
    same function), sqlx (Select, SelectContext, Queryx, QueryxContext,
    NamedQuery, NamedQueryContext, and the package-level forms), pgx v5
    (Query on Conn, pgxpool.Pool, pgx.Tx) or any Query method returning
    *sql.Rows, *sqlx.Rows or pgx.Rows, when its outermost statement is a
    SELECT with no LIMIT, FETCH FIRST/NEXT or TOP;
  - GORM (gorm.io/gorm and v1, github.com/jinzhu/gorm) Find into a slice,
    and Raw(...).Scan into a slice, through a
    chain with no Limit and no Scopes;
  - ent's All and AllX on a query builder (a type with Limit, Offset and
    All methods) with no Limit;
  - MongoDB (driver v1 and v2) Collection.Find with no options, or with
    options built in the function from options.Find() without SetLimit.

For example:

	rows, err := db.QueryContext(ctx, "SELECT id, email FROM users WHERE org_id = $1", org) // reported

should be

	rows, err := db.QueryContext(ctx,
		"SELECT id, email FROM users WHERE org_id = $1 AND id > $2 ORDER BY id LIMIT $3",
		org, afterID, pageSize)

It does not report QueryRow, Get, First, Take, Last or FindOne; SQL that
is not constant; a SELECT with no FROM (SELECT 1, SELECT now()), made only
of aggregates with no GROUP BY (SELECT count(*) ...), or whose WHERE
requires a unique column (-unique-columns, default id) to equal a value
(id = $1, t.id = ?, id = ANY($1), id IN (...)); a UNION whose branches are
all bounded; reads of the small tables listed in -allow-tables; a locking read (FOR
UPDATE, FOR SHARE, LOCK IN SHARE MODE) without SKIP LOCKED, whose rows are
the write set of its transaction; statements that are not a SELECT; reads
in schema migrations (a function that runs DDL or AutoMigrate, a function
literal inside one, a function called only from migration code, or a function
literal in a list of migrations one of which does); and, unless -cli is set,
the reads a command-line tool (a main package or one under cmd) makes once
per run, outside goroutines, endless or waiting loops and HTTP handlers. A LIMIT in a subquery, a string literal
or a comment does not bound the outer query. A chain or options value held
in a local variable is bounded if any assignment or call on it in the
function adds a limit; one built by another function is not judged.`

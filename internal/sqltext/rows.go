package sqltext

import "strings"

// Rows tells whether a read has a bound on the number of rows it returns.
type Rows uint8

const (
	RowsUnknown   Rows = iota // not a read, opaque, or malformed
	RowsBounded               // at most a known number of rows, or as many as the caller passed
	RowsUnbounded             // as many rows as the tables hold
)

func (r Rows) String() string {
	switch r {
	case RowsBounded:
		return "bounded"
	case RowsUnbounded:
		return "unbounded"
	}
	return "unknown"
}

// Config holds what the caller knows about the schema. The zero Config
// treats "id" as the only unique column and no table as small.
type Config struct {
	// UniqueColumns are the columns whose equality to a value selects at
	// most one row (default: id). Case-insensitive.
	UniqueColumns []string
	// AllowTables are tables known to stay small (lookup tables, enums):
	// reading all of their rows is fine. A name matches with or without
	// its schema. Case-insensitive.
	AllowTables []string
	// TableKeys maps a table name (lower case, without its schema) to its
	// unique keys, each a list of lower-case columns, as the schema
	// declares them (PRIMARY KEY, UNIQUE, CREATE UNIQUE INDEX): a WHERE
	// requiring every column of one key to equal a value bounds a read of
	// that table. See UniqueKeys.
	TableKeys map[string][][]string
}

// IsUnique reports whether col names a unique column.
func (c *Config) IsUnique(col string) bool {
	if c == nil || len(c.UniqueColumns) == 0 {
		return strings.EqualFold(col, "id")
	}
	for _, u := range c.UniqueColumns {
		if strings.EqualFold(strings.TrimSpace(u), col) {
			return true
		}
	}
	return false
}

// AllowTable reports whether table (possibly schema-qualified) is listed
// in AllowTables. When either name has no schema, the table names alone
// are compared.
func (c *Config) AllowTable(table string) bool {
	if c == nil {
		return false
	}
	last := func(s string) (string, bool) {
		if i := strings.LastIndexByte(s, '.'); i >= 0 {
			return s[i+1:], true
		}
		return s, false
	}
	tl, tq := last(table)
	for _, a := range c.AllowTables {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		al, aq := last(a)
		if strings.EqualFold(a, table) || (!tq || !aq) && strings.EqualFold(al, tl) {
			return true
		}
	}
	return false
}

// Rows tells whether the reads in sql are bounded. Only the outermost
// statement counts: a LIMIT in a subquery, a string or a comment does not
// bound it. A read is bounded when it has a LIMIT, FETCH FIRST/NEXT, TOP or
// ROWNUM condition; when it reads no table (SELECT 1, SELECT now()); when
// its select list is made only of aggregates and it has no GROUP BY; when
// its WHERE clause requires a unique column to equal a value (id = $1,
// t.id = ?, id = ANY($1), id IN (...)); when it reads only small tables
// (AllowTables and the database's own catalogs, pg_* and
// information_schema), table functions and bounded subqueries or CTEs; and
// a UNION when every
// branch is. A read with a GROUP BY returns one row per group, whose number
// the text does not tell: RowsUnknown, like text that is not a read. With several
// statements, the text is unbounded if any of its reads is.
func (c *Config) Rows(sql string) Rows {
	stmts, complete := split(sql)
	if !complete {
		return RowsUnknown
	}
	result := RowsUnknown
	for _, s := range stmts {
		if s.kind(0, len(s.toks)) != Select || s.clauseHole(0, len(s.toks)) {
			continue
		}
		r := &reader{stmt: s, cfg: c, ctes: make(map[string]bool)}
		switch r.rows(0, len(s.toks), 0) {
		case RowsUnbounded:
			return RowsUnbounded
		case RowsBounded:
			result = RowsBounded
		}
	}
	return result
}

// Cond judges a condition as an ORM writes it in a Where call ("id = ?",
// "org_id = ? AND id = ?"): RowsBounded if it requires a unique column to
// equal a value, RowsUnknown if it cannot tell, RowsUnbounded otherwise.
func (c *Config) Cond(cond string) Rows { return c.CondOn(cond) }

// CondOn is Cond for a condition on the given tables, whose keys
// (TableKeys) also bound it.
func (c *Config) CondOn(cond string, tables ...string) Rows {
	toks, complete := Tokenize(cond)
	if !complete || len(toks) == 0 {
		return RowsUnknown
	}
	s := newStmt(toks)
	if s.clauseHole(0, len(toks)) {
		return RowsUnknown
	}
	r := &reader{stmt: s, cfg: c, from: tables}
	if r.whereUnique(0, len(toks), 0) {
		return RowsBounded
	}
	return RowsUnbounded
}

// valueWords are the keywords after which a hole stands for a value or a
// name, not for a clause.
var valueWords = map[string]bool{
	"SELECT": true, "DISTINCT": true, "FROM": true, "JOIN": true, "INTO": true, "UPDATE": true,
	"TABLE": true, "BY": true, "IN": true, "LIKE": true, "ILIKE": true, "IS": true, "AS": true,
	"LIMIT": true, "OFFSET": true, "TOP": true, "FIRST": true, "NEXT": true, "THEN": true, "ELSE": true,
	"WHEN": true, "CASE": true, "BETWEEN": true, "INTERVAL": true, "ONLY": true, "ANY": true, "SOME": true,
}

// conditionWords open a condition: "(" after them opens a condition too.
var conditionWords = map[string]bool{
	"WHERE": true, "AND": true, "OR": true, "ON": true, "HAVING": true, "NOT": true,
}

// clauseHole reports whether a hole in [lo, hi) stands where a clause or a
// whole condition could go, so that the text around it says nothing.
func (s *stmt) clauseHole(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if s.toks[i].Kind != HoleTok {
			continue
		}
		if i == lo {
			return true
		}
		p := s.toks[i-1]
		switch p.Kind {
		case Op, Comma, Dot:
			continue
		case Word:
			if valueWords[strings.ToUpper(p.Text)] {
				continue
			}
		case LParen:
			if i-2 >= lo {
				pp := s.toks[i-2]
				if pp.Kind == Word && !conditionWords[strings.ToUpper(pp.Text)] {
					continue
				}
			}
		}
		return true
	}
	return false
}

// A reader judges the query expressions of one statement.
type reader struct {
	stmt
	cfg  *Config
	ctes map[string]bool // CTE name (lower case) -> bounded
	from []string        // the tables the WHERE being judged filters
	// switched is the outermost LIMIT that a caller can switch off
	// (LIMIT NULLIF($1, 0)), see limitSwitch.
	switched string
	// sides records, while a WHERE is read for its Shape, which sides of
	// each column a comparison with a caller's value bounds.
	sides map[string]rangeSides
	// lowArgs are the argument positions of the parameters each column's
	// low side is compared with.
	lowArgs map[string][]int
}

// rows judges the query expression [lo, hi) whose top level is depth d.
func (r *reader) rows(lo, hi, d int) Rows {
	if lo >= hi {
		return RowsUnknown
	}
	if r.toks[lo].Is("WITH") {
		main, ctes := r.with(lo, hi)
		if main < 0 {
			return RowsUnknown
		}
		for _, c := range ctes {
			r.ctes[strings.ToLower(c.name)] = r.rows(c.lo, c.hi, d+1) == RowsBounded
		}
		lo = main
	}
	type branch struct {
		lo, hi int
		op     string // the set operator before the branch
	}
	var branches []branch
	start, op := lo, ""
	for i := lo; i < hi; {
		t := r.toks[i]
		if t.Kind == Word {
			switch u := strings.ToUpper(t.Text); u {
			case "UNION", "INTERSECT", "EXCEPT", "MINUS":
				branches = append(branches, branch{start, i, op})
				op = u
				i++
				if r.is(i, hi, "ALL") || r.is(i, hi, "DISTINCT") {
					i++
				}
				start = i
				continue
			}
		}
		i = r.skip(i)
	}
	branches = append(branches, branch{start, hi, op})
	// ORDER BY and LIMIT after the last branch apply to the whole.
	last := branches[len(branches)-1]
	if r.hasLimit(last.lo, last.hi, d) {
		return RowsBounded
	}
	acc := r.branch(branches[0].lo, branches[0].hi, d)
	for _, b := range branches[1:] {
		x := r.branch(b.lo, b.hi, d)
		switch b.op {
		case "UNION":
			acc = union(acc, x)
		case "INTERSECT":
			if acc == RowsBounded || x == RowsBounded {
				acc = RowsBounded
			} else if acc == RowsUnknown || x == RowsUnknown {
				acc = RowsUnknown
			}
		}
		// EXCEPT and MINUS keep the left side's bound.
	}
	return acc
}

func union(a, b Rows) Rows {
	switch {
	case a == RowsUnbounded || b == RowsUnbounded:
		return RowsUnbounded
	case a == RowsUnknown || b == RowsUnknown:
		return RowsUnknown
	}
	return RowsBounded
}

// hasLimit reports whether [lo, hi) has a row limit at depth d.
func (r *reader) hasLimit(lo, hi, d int) bool {
	for i := lo; i < hi; i = r.skip(i) {
		t := r.toks[i]
		switch {
		case t.Is("LIMIT"):
			if sw, off := r.limitSwitch(i, hi); off {
				if d == 0 && r.switched == "" {
					r.switched = sw
				}
				continue
			}
			return true
		case t.Is("FETCH"):
			if r.is(i+1, hi, "FIRST") || r.is(i+1, hi, "NEXT") {
				return true
			}
		case t.Is("ROWNUM"):
			return true
		}
	}
	return false
}

// branch judges one operand of a set operation.
func (r *reader) branch(lo, hi, d int) Rows {
	if lo >= hi {
		return RowsUnknown
	}
	t := r.toks[lo]
	switch {
	case t.Kind == LParen:
		glo, ghi := r.group(lo)
		return r.rows(glo, min(ghi, hi), d+1)
	case t.Is("VALUES"):
		return RowsBounded
	case t.Is("TABLE"):
		if r.sourceBounded(lo+1, hi, d) {
			return RowsBounded
		}
		return RowsUnbounded
	case t.Is("SELECT"):
		return r.selectRows(lo, hi, d)
	}
	return RowsUnknown
}

// selectModifiers may follow SELECT before the select list.
var selectModifiers = map[string]bool{
	"ALL": true, "DISTINCTROW": true, "SQL_CALC_FOUND_ROWS": true, "HIGH_PRIORITY": true,
	"STRAIGHT_JOIN": true, "SQL_NO_CACHE": true, "SQL_CACHE": true, "SQL_BUFFER_RESULT": true,
	"SQL_SMALL_RESULT": true, "SQL_BIG_RESULT": true,
}

// fewColumns reports whether the select list [lo, hi) names one or two
// expressions and no *: what a DISTINCT makes one row per value of.
func (r *reader) fewColumns(lo, hi int) bool {
	items := 1
	for i := lo; i < hi; i = r.skip(i) {
		switch t := r.toks[i]; {
		case t.Kind == Comma:
			items++
		case t.Kind == Op && t.Text == "*":
			return false
		}
	}
	return lo < hi && items <= 2
}

// clauseWords end the clause before them.
var clauseWords = map[string]bool{
	"FROM": true, "WHERE": true, "GROUP": true, "HAVING": true, "WINDOW": true, "ORDER": true,
	"LIMIT": true, "OFFSET": true, "FETCH": true, "FOR": true, "INTO": true, "QUALIFY": true, "LOCK": true,
}

// selectRows judges one SELECT [lo, hi) at depth d.
func (r *reader) selectRows(lo, hi, d int) Rows {
	if r.hasLimit(lo, hi, d) {
		return RowsBounded
	}
	i := lo + 1
	distinct := false
	for i < hi {
		t := r.toks[i]
		switch {
		case t.Is("TOP"):
			return RowsBounded
		case t.Is("DISTINCT"):
			i++
			if r.is(i, hi, "ON") && r.kindAt(i+1, hi) == LParen {
				i = r.skip(i + 1)
			} else {
				distinct = true
			}
			continue
		case t.Kind == Word && selectModifiers[strings.ToUpper(t.Text)]:
			i++
			continue
		}
		break
	}
	listLo := i
	clauses := make(map[string]int)
	var order []int
	for j := listLo; j < hi; j = r.skip(j) {
		t := r.toks[j]
		if t.Kind != Word {
			continue
		}
		u := strings.ToUpper(t.Text)
		if !clauseWords[u] {
			continue
		}
		if u == "FROM" && j >= 2 && r.toks[j-1].Is("DISTINCT") && (r.toks[j-2].Is("IS") || r.toks[j-2].Is("NOT")) {
			continue // a IS DISTINCT FROM b
		}
		if _, seen := clauses[u]; !seen {
			clauses[u] = j
		}
		order = append(order, j)
	}
	end := func(start int) int {
		for _, j := range order {
			if j > start {
				return j
			}
		}
		return hi
	}
	if _, ok := clauses["INTO"]; ok {
		return RowsBounded // SELECT ... INTO stores rows, it returns none
	}
	from, ok := clauses["FROM"]
	if !ok {
		return RowsBounded // SELECT 1, SELECT now(), SELECT EXISTS(...)
	}
	if distinct && r.fewColumns(listLo, from) {
		// SELECT DISTINCT endpoint_key: one row per value, like a GROUP BY.
		return RowsUnknown
	}
	if _, grouped := clauses["GROUP"]; grouped {
		// One row per group: how many groups there are (statuses, days,
		// users) is not in the text, and is usually far below the table's
		// row count. Not judged.
		return RowsUnknown
	}
	if r.aggOnly(listLo, from, d) {
		return RowsBounded
	}
	if where, ok := clauses["WHERE"]; ok {
		outer := r.from
		r.from = r.fromTables(from+1, end(from))
		unique := r.whereUnique(where+1, end(where), d)
		r.from = outer
		if unique {
			return RowsBounded
		}
	}
	if r.fromBounded(from+1, end(from), d) {
		return RowsBounded
	}
	for _, j := range order {
		if r.lockingRead(j, hi) {
			// The rows are the write set of the transaction, which holds a
			// lock on each of them until it ends: their number is that of
			// the write they prepare (UPDATE ... RETURNING, which is not
			// judged either), and nobody locks an unbounded set by accident.
			return RowsUnknown
		}
	}
	return RowsUnbounded
}

// lockingRead reports whether the clause at i locks the rows the SELECT
// reads and waits for those another transaction holds: FOR UPDATE, FOR NO
// KEY UPDATE, FOR SHARE, FOR KEY SHARE, MySQL's LOCK IN SHARE MODE. With
// SKIP LOCKED it claims work from a queue instead, where a claim with no
// LIMIT takes every ready job: that is still judged.
func (r *reader) lockingRead(i, hi int) bool {
	switch {
	case r.is(i, hi, "FOR"):
		j := i + 1
		switch {
		case r.is(j, hi, "NO") && r.is(j+1, hi, "KEY"):
			j += 2
		case r.is(j, hi, "KEY"):
			j++
		}
		if !r.is(j, hi, "UPDATE") && !r.is(j, hi, "SHARE") {
			return false // FOR JSON, FOR XML, FOR SYSTEM_TIME
		}
	case r.is(i, hi, "LOCK"):
		if !r.is(i+1, hi, "IN") || !r.is(i+2, hi, "SHARE") {
			return false
		}
	default:
		return false
	}
	for j := i; j < hi; j = r.skip(j) {
		if r.toks[j].Is("SKIP") && r.is(j+1, hi, "LOCKED") {
			return false
		}
	}
	return true
}

// aggregates are the aggregate functions: with no GROUP BY, a select list
// made of them returns one row.
var aggregates = map[string]bool{
	"count": true, "sum": true, "avg": true, "min": true, "max": true, "array_agg": true,
	"string_agg": true, "group_concat": true, "json_agg": true, "jsonb_agg": true,
	"json_object_agg": true, "jsonb_object_agg": true, "json_arrayagg": true, "json_objectagg": true,
	"bool_and": true, "bool_or": true, "every": true, "bit_and": true, "bit_or": true, "bit_xor": true,
	"stddev": true, "stddev_pop": true, "stddev_samp": true, "variance": true, "var_pop": true,
	"var_samp": true, "percentile_cont": true, "percentile_disc": true, "mode": true, "listagg": true,
	"xmlagg": true, "count_big": true, "approx_count_distinct": true, "any_value": true,
	"corr": true, "covar_pop": true, "covar_samp": true, "median": true, "checksum_agg": true,
	"regr_count": true, "regr_avgx": true, "regr_avgy": true, "regr_slope": true, "regr_intercept": true,
}

// exprKeywords are keywords that may appear in a select-list expression
// without referring to a column.
var exprKeywords = map[string]bool{
	"AS": true, "CASE": true, "WHEN": true, "THEN": true, "ELSE": true, "END": true, "AND": true,
	"OR": true, "NOT": true, "NULL": true, "TRUE": true, "FALSE": true, "IS": true, "IN": true,
	"LIKE": true, "ILIKE": true, "BETWEEN": true, "DISTINCT": true, "INTERVAL": true,
	"CURRENT_DATE": true, "CURRENT_TIME": true, "CURRENT_TIMESTAMP": true, "LOCALTIME": true,
	"LOCALTIMESTAMP": true, "ESCAPE": true, "COLLATE": true, "AT": true, "TIME": true, "ZONE": true,
	"SIMILAR": true, "UNKNOWN": true,
}

// aggOnly reports whether the select list [lo, hi) is made only of
// aggregate calls and expressions over them and constants, with at least
// one aggregate.
func (r *reader) aggOnly(lo, hi, d int) bool {
	if lo >= hi {
		return false
	}
	hasAgg := false
	start := lo
	for i := lo; i <= hi; {
		if i < hi && r.toks[i].Kind != Comma {
			i = r.skip(i)
			continue
		}
		ok, agg := r.itemAgg(start, min(i, hi), d)
		if !ok {
			return false
		}
		hasAgg = hasAgg || agg
		i++
		start = i
	}
	return hasAgg
}

// itemAgg judges one select-list expression [lo, hi) at depth d: ok if it
// refers to no column outside an aggregate call, agg if it has one.
func (r *reader) itemAgg(lo, hi, d int) (ok, agg bool) {
	if lo >= hi {
		return false, false
	}
	for i := lo; i < hi; {
		t := r.toks[i]
		var prev Token
		if i > lo {
			prev = r.toks[i-1]
		}
		switch t.Kind {
		case Word:
			if r.kindAt(i+1, hi) == LParen { // a call
				k := r.skip(i + 1)
				if aggregates[strings.ToLower(t.Text)] {
					agg = true
					for {
						if r.is(k, hi, "FILTER") && r.kindAt(k+1, hi) == LParen {
							k = r.skip(k + 1)
						} else if r.is(k, hi, "WITHIN") && r.is(k+1, hi, "GROUP") && r.kindAt(k+2, hi) == LParen {
							k = r.skip(k + 2)
						} else {
							break
						}
					}
				} else {
					glo, ghi := r.group(i + 1)
					if glo < ghi {
						iok, iagg := r.itemAgg(glo, min(ghi, hi), d+1)
						if !iok {
							return false, false
						}
						agg = agg || iagg
					}
				}
				if r.is(k, hi, "OVER") {
					return false, false // a window function: one value per row
				}
				i = k
				continue
			}
			switch {
			case exprKeywords[strings.ToUpper(t.Text)]:
			case prev.Is("AS") || prev.Kind == Op && prev.Text == "::":
				// a type or an alias
			case i == hi-1 && i > lo && prev.Kind != Op && prev.Kind != Dot && prev.Kind != Comma:
				// a trailing alias: count(*) total
			default:
				return false, false // a column
			}
		case QuotedIdent:
			if !(prev.Is("AS") || i == hi-1 && i > lo && prev.Kind != Op && prev.Kind != Dot && prev.Kind != Comma) {
				return false, false
			}
		case LParen:
			glo, ghi := r.group(i)
			ghi = min(ghi, hi)
			if r.is(glo, ghi, "SELECT") || r.is(glo, ghi, "WITH") {
				// a scalar subquery: one value
			} else if glo < ghi {
				iok, iagg := r.itemAgg(glo, ghi, d+1)
				if !iok {
					return false, false
				}
				agg = agg || iagg
			}
			i = r.skip(i)
			continue
		case HoleTok:
			return false, false
		case Op:
			if t.Text == "*" && hi-lo == 1 {
				return false, false
			}
		}
		i++
	}
	return true, agg
}

// whereUnique reports whether the condition [lo, hi) at depth d requires a
// unique column to equal a value in each of its OR branches.
func (r *reader) whereUnique(lo, hi, d int) bool {
	if lo >= hi {
		return false
	}
	start := lo
	for i := lo; i <= hi; {
		if i < hi && !r.toks[i].Is("OR") {
			i = r.skip(i)
			continue
		}
		if !r.conjunctsUnique(start, min(i, hi), d) {
			return false
		}
		i++
		start = i
	}
	return true
}

// conjunctsUnique reports whether one of the AND-ed conditions in [lo, hi)
// requires a unique column to equal a value.
func (r *reader) conjunctsUnique(lo, hi, d int) bool {
	var equal []string // columns required to equal a value, for TableKeys
	start := lo
	between := false
	for i := lo; i <= hi; {
		if i < hi {
			t := r.toks[i]
			if t.Is("BETWEEN") {
				between = true
			}
			if !t.Is("AND") || between {
				if t.Is("AND") {
					between = false
				}
				i = r.skip(i)
				continue
			}
		}
		if r.uniqueCond(start, min(i, hi), d) {
			return true
		}
		if col, ok := r.equated(start, min(i, hi), d); ok {
			equal = append(equal, col)
		}
		i++
		start = i
	}
	return r.coversKey(equal)
}

// uniqueCond reports whether the condition [lo, hi) is "col = value",
// "value = col", "col = ANY(...)" or "col IN (list)" for a unique col.
func (r *reader) uniqueCond(lo, hi, d int) bool {
	if lo >= hi {
		return false
	}
	if r.toks[lo].Kind == LParen && r.match[lo] == hi-1 {
		return r.whereUnique(lo+1, hi-1, d+1)
	}
	if col, j := r.column(lo, hi); j > lo && r.cfg.IsUnique(col) && j < hi {
		t := r.toks[j]
		switch {
		case t.Kind == Op && (t.Text == "=" || t.Text == "=="):
			return r.value(j+1, hi, d)
		case t.Is("IN"):
			if j+2 == hi && (r.kindAt(j+1, hi) == Param || r.kindAt(j+1, hi) == HoleTok) {
				return true // gorm "id IN ?"
			}
			if r.kindAt(j+1, hi) == LParen && r.match[j+1] == hi-1 {
				glo, ghi := r.group(j + 1)
				return glo < ghi && !r.is(glo, ghi, "SELECT") && !r.is(glo, ghi, "WITH")
			}
		}
		return false
	}
	// value = col
	for i := lo; i < hi; i = r.skip(i) {
		t := r.toks[i]
		if t.Kind == Op && (t.Text == "=" || t.Text == "==") {
			col, j := r.column(i+1, hi)
			return j == hi && r.cfg.IsUnique(col) && r.value(lo, i, d)
		}
	}
	return false
}

// column reads a possibly qualified column name at lo and returns its last
// part and the index after it (lo if there is none).
func (r *reader) column(lo, hi int) (string, int) {
	name := ""
	i := lo
	for i < hi {
		t := r.toks[i]
		if t.Kind != Word && t.Kind != QuotedIdent {
			break
		}
		name = t.Text
		i++
		if r.kindAt(i, hi) == Dot {
			i++
			continue
		}
		return name, i
	}
	return "", lo
}

// value reports whether [lo, hi) is a value the caller supplies: a
// parameter, a literal, a cast or a function of those, or ANY(array).
func (r *reader) value(lo, hi, d int) bool {
	if lo >= hi {
		return false
	}
	t := r.toks[lo]
	if (t.Is("ANY") || t.Is("SOME")) && r.kindAt(lo+1, hi) == LParen && r.match[lo+1] == hi-1 {
		glo, ghi := r.group(lo + 1)
		return glo < ghi && !r.is(glo, ghi, "SELECT") && !r.is(glo, ghi, "WITH")
	}
	i := lo
	if t.Kind == Op && (t.Text == "-" || t.Text == "+") {
		i++
	}
	switch r.kindAt(i, hi) {
	case Param, Number, String, HoleTok:
		i++
	case LParen:
		glo, ghi := r.group(i)
		if ghi > hi || !r.value(glo, ghi, d+1) {
			return false
		}
		i = r.skip(i)
	case Word:
		// CAST($1 AS uuid), lower($1), uuid($1)
		if r.kindAt(i+1, hi) != LParen {
			return false
		}
		glo, ghi := r.group(i + 1)
		if ghi > hi || !r.constantArgs(glo, ghi) {
			return false
		}
		i = r.skip(i + 1)
	default:
		return false
	}
	for i < hi && r.toks[i].Kind == Op && r.toks[i].Text == "::" { // $1::uuid, $1::text[]
		i++
		if r.kindAt(i, hi) != Word {
			return false
		}
		i++
		for r.kindAt(i, hi) == LParen {
			i = r.skip(i)
		}
	}
	return i == hi
}

// constantArgs reports whether the arguments [lo, hi) of a function refer
// to no column.
func (r *reader) constantArgs(lo, hi int) bool {
	if lo >= hi {
		return false
	}
	for i := lo; i < hi; i++ {
		t := r.toks[i]
		switch t.Kind {
		case Param, Number, String, HoleTok, Comma, Op, LParen, RParen:
		case Word:
			p := r.toks[i-1]
			if !(p.Is("AS") || t.Is("AS") || p.Kind == Op && p.Text == "::") {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// joinWords start a new item of a FROM clause.
var joinWords = map[string]bool{"JOIN": true, "APPLY": true, "STRAIGHT_JOIN": true}

// fromBounded reports whether every source of the FROM clause [lo, hi) is
// bounded: a small table, a bounded CTE or subquery, or a table function.
func (r *reader) fromBounded(lo, hi, d int) bool {
	if lo >= hi {
		return false
	}
	for i := lo; i < hi; {
		for r.is(i, hi, "LATERAL") || r.is(i, hi, "ONLY") {
			i++
		}
		if !r.sourceBounded(i, hi, d) {
			return false
		}
		// Move to the next item.
		for i < hi {
			i = r.skip(i)
			if i >= hi {
				break
			}
			t := r.toks[i]
			if t.Kind == Comma || t.Kind == Word && joinWords[strings.ToUpper(t.Text)] {
				i++
				break
			}
		}
	}
	return true
}

// sourceBounded judges the FROM item starting at i.
func (r *reader) sourceBounded(i, hi, d int) bool {
	if i >= hi {
		return false
	}
	t := r.toks[i]
	switch t.Kind {
	case LParen:
		glo, ghi := r.group(i)
		ghi = min(ghi, hi)
		if r.is(glo, ghi, "SELECT") || r.is(glo, ghi, "WITH") || r.is(glo, ghi, "VALUES") || r.kindAt(glo, ghi) == LParen {
			return r.rows(glo, ghi, d+1) == RowsBounded
		}
		return r.fromBounded(glo, ghi, d+1) // a parenthesized join
	case Word, QuotedIdent:
		name := t.Text
		parts := 1
		j := i + 1
		for r.kindAt(j, hi) == Dot && (r.kindAt(j+1, hi) == Word || r.kindAt(j+1, hi) == QuotedIdent) {
			name += "." + r.toks[j+1].Text
			parts++
			j += 2
		}
		if r.kindAt(j, hi) == LParen {
			return true // a table function: unnest($1), generate_series(1, 10)
		}
		if parts == 1 && r.ctes[strings.ToLower(name)] {
			return true
		}
		return systemTable(name) || r.cfg.AllowTable(name)
	}
	return false
}

// systemTable reports whether name is a catalog of the database itself
// (pg_timezone_names, information_schema.tables, sqlite_master): its size
// follows the schema, not the data.
func systemTable(name string) bool {
	n := strings.ToLower(name)
	for _, schema := range []string{"information_schema.", "pg_catalog.", "mysql.", "performance_schema.", "sys."} {
		if strings.HasPrefix(n, schema) {
			return true
		}
	}
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		n = n[i+1:]
	}
	return strings.HasPrefix(n, "pg_") || n == "sqlite_master" || n == "sqlite_schema" || n == "sqlite_sequence"
}

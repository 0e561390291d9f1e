package sqltext

import (
	"slices"
	"strconv"
	"strings"
)

// This file reads what SQL text says about tables rather than rows: the
// unique keys a schema declares, the table an INSERT writes, and which
// tables a read scans and how it filters them.

// baseName is a table name without its schema and quotes, in lower case.
func baseName(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToLower(name)
}

// equated returns the column a condition [lo, hi) requires to equal a
// value (col = $1, $1 = col, col = ANY($1), col IN (...)), unique or not.
func (r *reader) equated(lo, hi, d int) (string, bool) {
	if lo >= hi {
		return "", false
	}
	col, j := r.column(lo, hi)
	if j == lo || j >= hi {
		return "", false
	}
	t := r.toks[j]
	switch {
	case t.Kind == Op && (t.Text == "=" || t.Text == "=="):
		if r.value(j+1, hi, d) {
			return strings.ToLower(col), true
		}
	case t.Is("IN"):
		if j+2 == hi && (r.kindAt(j+1, hi) == Param || r.kindAt(j+1, hi) == HoleTok) {
			return strings.ToLower(col), true
		}
		if r.kindAt(j+1, hi) == LParen && r.match[j+1] == hi-1 {
			glo, ghi := r.group(j + 1)
			if glo < ghi && !r.is(glo, ghi, "SELECT") && !r.is(glo, ghi, "WITH") {
				return strings.ToLower(col), true
			}
		}
	}
	return "", false
}

// coversKey reports whether the columns cols include every column of a
// unique key of one of the tables the WHERE filters.
func (r *reader) coversKey(cols []string) bool {
	if len(cols) == 0 || r.cfg == nil {
		return false
	}
	for _, t := range r.from {
		for _, key := range r.cfg.TableKeys[baseName(t)] {
			if len(key) > 0 && !slices.ContainsFunc(key, func(k string) bool { return !slices.Contains(cols, k) }) {
				return true
			}
		}
	}
	return false
}

// fromTables returns the names of the tables the FROM clause [lo, hi)
// reads, joins included.
func (r *reader) fromTables(lo, hi int) []string {
	var out []string
	for i := lo; i < hi; i = r.skip(i) {
		t := r.toks[i]
		if t.Kind != Word && t.Kind != QuotedIdent {
			continue
		}
		if i > lo {
			p := r.toks[i-1]
			if !(p.Kind == Comma || p.Is("JOIN") || p.Is("ONLY") || p.Is("LATERAL")) {
				continue
			}
		}
		if t.Kind == Word && (t.Is("LATERAL") || t.Is("ONLY")) {
			continue
		}
		name, j := r.column(i, hi)
		if j > i && r.kindAt(j, hi) != LParen {
			out = append(out, baseName(name))
		}
	}
	return out
}

// UniqueKeys returns the unique keys that DDL declares, by table (lower
// case, without schema): the PRIMARY KEY and UNIQUE columns and
// constraints of CREATE TABLE, and CREATE UNIQUE INDEX. A partial unique
// index (one with a WHERE) counts too: it is unique among the rows reads
// usually filter on.
func UniqueKeys(sql string) map[string][][]string {
	stmts, _ := split(sql)
	keys := make(map[string][][]string)
	for _, s := range stmts {
		s.uniqueKeys(keys)
	}
	return keys
}

func (s *stmt) uniqueKeys(keys map[string][][]string) {
	toks := s.toks
	n := len(toks)
	if n < 3 || !toks[0].Is("CREATE") {
		return
	}
	i := 1
	for i < n && (toks[i].Is("OR") || toks[i].Is("REPLACE") || toks[i].Is("TEMPORARY") || toks[i].Is("TEMP") ||
		toks[i].Is("UNLOGGED") || toks[i].Is("GLOBAL") || toks[i].Is("LOCAL")) {
		i++
	}
	ifNotExists := func(i int) int {
		if s.is(i, n, "IF") && s.is(i+1, n, "NOT") && s.is(i+2, n, "EXISTS") {
			return i + 3
		}
		return i
	}
	switch {
	case s.is(i, n, "UNIQUE"):
		i++
		if !s.is(i, n, "INDEX") {
			return
		}
		i = ifNotExists(i + 1)
		if s.is(i, n, "CONCURRENTLY") {
			i = ifNotExists(i + 1)
		}
		for i < n && !toks[i].Is("ON") {
			i++
		}
		i++
		if s.is(i, n, "ONLY") {
			i++
		}
		table, j := s.qualified(i, n)
		if table == "" {
			return
		}
		if s.is(j, n, "USING") {
			j += 2
		}
		if s.kindAt(j, n) == LParen {
			if cols := s.columnList(j); len(cols) > 0 {
				keys[table] = append(keys[table], cols)
			}
		}
	case s.is(i, n, "TABLE"):
		i = ifNotExists(i + 1)
		table, j := s.qualified(i, n)
		if table == "" || s.kindAt(j, n) != LParen {
			return
		}
		lo, hi := s.group(j)
		s.tableKeys(table, lo, hi, keys)
	}
}

// qualified reads a possibly qualified name at i and returns its base name
// and the index after it.
func (s *stmt) qualified(i, hi int) (string, int) {
	name := ""
	for i < hi && (s.toks[i].Kind == Word || s.toks[i].Kind == QuotedIdent) {
		name = s.toks[i].Text
		i++
		if s.kindAt(i, hi) != Dot {
			break
		}
		i++
	}
	if name == "" {
		return "", i
	}
	return baseName(name), i
}

// columnList returns the lower-case column names in the group opened at
// i; nil if an item is an expression (lower(email)).
func (s *stmt) columnList(i int) []string {
	lo, hi := s.group(i)
	var cols []string
	start := lo
	for j := lo; j <= hi; j++ {
		if j < hi && s.toks[j].Kind != Comma {
			continue
		}
		k := start
		if k < j && (s.toks[k].Kind == Word || s.toks[k].Kind == QuotedIdent) {
			cols = append(cols, strings.ToLower(s.toks[k].Text))
			k++
		}
		for k < j && (s.toks[k].Is("ASC") || s.toks[k].Is("DESC") || s.toks[k].Is("COLLATE") || s.toks[k].Kind == QuotedIdent) {
			k++
		}
		if k != j && !(s.toks[k].Is("NULLS")) {
			return nil
		}
		start = j + 1
	}
	return cols
}

// tableKeys reads the element list [lo, hi) of CREATE TABLE.
func (s *stmt) tableKeys(table string, lo, hi int, keys map[string][][]string) {
	start := lo
	for j := lo; j <= hi; {
		if j < hi && s.toks[j].Kind != Comma {
			j = s.skip(j)
			continue
		}
		s.elementKey(table, start, min(j, hi), keys)
		j++
		start = j
	}
}

// elementKey reads one element of a CREATE TABLE: a column definition
// with PRIMARY KEY or UNIQUE, or a table constraint.
func (s *stmt) elementKey(table string, lo, hi int, keys map[string][][]string) {
	if lo >= hi {
		return
	}
	i := lo
	if s.toks[i].Is("CONSTRAINT") {
		i += 2
	}
	switch {
	case s.is(i, hi, "PRIMARY") && s.is(i+1, hi, "KEY"), s.is(i, hi, "UNIQUE"):
		for j := i; j < hi; j++ {
			if s.toks[j].Kind == LParen {
				if cols := s.columnList(j); len(cols) > 0 {
					keys[table] = append(keys[table], cols)
				}
				return
			}
		}
		return
	case s.is(i, hi, "FOREIGN"), s.is(i, hi, "CHECK"), s.is(i, hi, "INDEX"), s.is(i, hi, "KEY"), s.is(i, hi, "EXCLUDE"):
		return
	}
	col := s.toks[lo]
	if col.Kind != Word && col.Kind != QuotedIdent {
		return
	}
	for j := lo + 1; j < hi; j = s.skip(j) {
		if s.toks[j].Is("UNIQUE") || s.toks[j].Is("PRIMARY") && s.is(j+1, hi, "KEY") {
			keys[table] = append(keys[table], []string{strings.ToLower(col.Text)})
			return
		}
	}
}

// Target returns the table (lower case, without schema) that the first
// INSERT, REPLACE, UPSERT or MERGE in sql writes, or "".
func Target(sql string) string {
	s, lo, _, ok := firstInsert(sql)
	if ok {
		n := len(s.toks)
		for i := lo + 1; i < n && i < lo+6; i++ {
			t := s.toks[i]
			if t.Is("INTO") || t.Is("IGNORE") || t.Is("OR") || t.Is("LOW_PRIORITY") || t.Is("DELAYED") ||
				t.Is("HIGH_PRIORITY") || t.Is("REPLACE") || t.Is("ABORT") || t.Is("FAIL") || t.Is("ROLLBACK") {
				continue
			}
			if name, _ := s.qualified(i, n); name != "" {
				return name
			}
			break
		}
	}
	return ""
}

// firstInsert returns the first statement of sql that adds rows (INSERT,
// REPLACE, UPSERT or MERGE, possibly after a WITH), the index where that
// verb starts and its kind.
func firstInsert(sql string) (s stmt, lo int, k Kind, ok bool) {
	stmts, _ := split(sql)
	for _, s := range stmts {
		n := len(s.toks)
		lo := 0
		if s.is(0, n, "WITH") {
			if lo, _ = s.with(0, n); lo < 0 {
				continue
			}
		}
		switch k := s.kind(lo, n); k {
		case Insert, Replace, Upsert, Merge:
			return s, lo, k, true
		}
	}
	return stmt{}, 0, Unknown, false
}

// Keyed reports whether the first write in sql is an upsert: INSERT ...
// ON CONFLICT, ON DUPLICATE KEY UPDATE, INSERT IGNORE, INSERT OR REPLACE,
// REPLACE, UPSERT or MERGE. Its rows are one per key (a setting, a
// registered task, a metric definition), so running it again, even in a
// loop, does not make the table grow with use.
func Keyed(sql string) bool {
	s, lo, k, ok := firstInsert(sql)
	if !ok {
		return false
	}
	if k != Insert {
		return true // REPLACE, UPSERT, MERGE
	}
	n := len(s.toks)
	for i := lo + 1; i < n; i = s.skip(i) {
		t := s.toks[i]
		if i < lo+3 && (t.Is("IGNORE") || t.Is("OR")) {
			return true
		}
		if t.Is("ON") && (s.is(i+1, n, "CONFLICT") || s.is(i+1, n, "DUPLICATE")) {
			return true
		}
	}
	return false
}

// A Shape tells which tables an unbounded read scans and how its WHERE
// narrows them.
type Shape struct {
	Tables []string // lower case, without schema; the first is the FROM's first item
	// Parent is true when a condition of the WHERE requires a column to
	// equal a value the caller passes (user_id = $1, campaign_id IN (?)):
	// the rows belong to one parent, or to the few the caller lists.
	Parent bool
	// ParentCols are those columns, lower case, without qualifier.
	ParentCols []string
	// ParentArgs are, for each of ParentCols, the positions (0-based, in
	// the query's arguments; -1 when unknown) of the parameters it is
	// compared with: a caller passing a constant there filters by a
	// category rather than picking a parent.
	ParentArgs [][]int
	// Range is true when a condition compares a column with a value the
	// caller passes (id > $1, created_at >= ?) and no other condition
	// bounds that column on the other side: an open range, everything
	// after a cursor.
	Range bool
	// Window is true when every such comparison is closed (BETWEEN, or
	// both > and < on the same column): a window the caller chooses. A
	// lower bound relative to the current time (created_at > NOW() -
	// INTERVAL '7 days') closes its column too: the rows of a recent period.
	Window bool
	// LowArgs are the positions (0-based, in the query's arguments) of the
	// parameters that open ranges start from (id > $1, created_at >= ?),
	// when the range is open on the low side only; the caller may show that
	// they are relative to the current time. Unknown positions (named
	// parameters) are -1.
	LowArgs []int
	// HighOpen is true when a column is bounded only from above
	// (send_date <= $1): everything up to a point, such as a queue's due
	// items.
	HighOpen bool
	// Switch is the outermost LIMIT when a caller can switch it off
	// (LIMIT NULLIF($1, 0)) or it is off (LIMIT ALL); see limitSwitch.
	Switch string
}

// ShapeOf describes the first unbounded read in sql; ok is false when
// there is none or it cannot tell.
func (c *Config) ShapeOf(sql string) (Shape, bool) {
	stmts, complete := split(sql)
	if !complete {
		return Shape{}, false
	}
	for _, s := range stmts {
		if s.kind(0, len(s.toks)) != Select {
			continue
		}
		r := &reader{stmt: s, cfg: c, ctes: make(map[string]bool)}
		if r.rows(0, len(s.toks), 0) != RowsUnbounded {
			continue
		}
		sh, ok := r.shape()
		sh.Switch = r.switched
		return sh, ok
	}
	return Shape{}, false
}

// shape reads the main SELECT of the statement.
func (r *reader) shape() (Shape, bool) {
	lo, hi := 0, len(r.toks)
	if r.toks[0].Is("WITH") {
		main, _ := r.with(lo, hi)
		if main < 0 {
			return Shape{}, false
		}
		lo = main
	}
	for lo < hi && r.toks[lo].Kind == LParen {
		lo, hi = lo+1, min(hi, r.match[lo])
	}
	if !r.is(lo, hi, "SELECT") {
		return Shape{}, false
	}
	var from, where, end = -1, -1, hi
	for j := lo + 1; j < hi; j = r.skip(j) {
		t := r.toks[j]
		switch {
		case t.Is("FROM") && from < 0 && !(r.toks[j-1].Is("DISTINCT")):
			from = j
		case t.Is("WHERE") && from >= 0 && where < 0:
			where = j
		case from >= 0 && (t.Is("GROUP") || t.Is("ORDER") || t.Is("HAVING") || t.Is("WINDOW") || t.Is("FOR") ||
			t.Is("UNION") || t.Is("INTERSECT") || t.Is("EXCEPT") || t.Is("LOCK")):
			if j < end {
				end = j
			}
		}
	}
	if from < 0 {
		return Shape{}, false
	}
	fromEnd := end
	if where > 0 {
		fromEnd = where
	}
	sh := Shape{Tables: r.fromTables(from+1, fromEnd)}
	if where > 0 {
		r.sides = make(map[string]rangeSides)
		r.conditions(where+1, end, &sh)
		sh.Range, sh.Window = openRange(r.sides)
		for col, s := range r.sides {
			switch {
			case s.high && !s.low:
				sh.HighOpen = true
			case s.low && !s.high:
				sh.LowArgs = append(sh.LowArgs, r.lowArgs[col]...)
			}
		}
		slices.Sort(sh.LowArgs)
	}
	return sh, true
}

// conditions reads the AND-ed conditions of a WHERE; one with an OR at
// its top level narrows nothing for sure.
func (r *reader) conditions(lo, hi int, sh *Shape) {
	for i := lo; i < hi; i = r.skip(i) {
		if r.toks[i].Is("OR") {
			r.eitherParent(lo, hi, sh)
			return
		}
	}
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
		r.condition(start, min(i, hi), sh)
		i++
		start = i
	}
}

// eitherParent reads an OR of conditions [lo, hi): when every branch picks
// a parent's rows (user1 = $1 OR user2 = $1) or is a column IS NULL (the
// shared rows beside a client's own: client = $1 OR client IS NULL), the
// rows are still those of the caller's parent.
func (r *reader) eitherParent(lo, hi int, sh *Shape) {
	var cols []string
	var args [][]int
	start := lo
	for i := lo; i <= hi; {
		if i < hi && !r.toks[i].Is("OR") {
			i = r.skip(i)
			continue
		}
		if !r.isNull(start, i) {
			var branch Shape
			saved := r.sides
			r.sides = nil // a range inside an OR bounds nothing for sure
			r.conditions(start, i, &branch)
			r.sides = saved
			if !branch.Parent {
				return
			}
			cols = append(cols, branch.ParentCols...)
			args = append(args, branch.ParentArgs...)
		}
		i++
		start = i
	}
	if len(cols) > 0 {
		sh.Parent = true
		sh.ParentCols = append(sh.ParentCols, cols...)
		sh.ParentArgs = append(sh.ParentArgs, args...)
	}
}

// isNull reports whether [lo, hi) is "column IS NULL".
func (r *reader) isNull(lo, hi int) bool {
	_, j := r.column(lo, hi)
	return j > lo && j+2 == hi && r.toks[j].Is("IS") && r.toks[j+1].Is("NULL")
}

func (r *reader) condition(lo, hi int, sh *Shape) {
	if lo < hi && r.toks[lo].Kind == LParen && r.match[lo] == hi-1 {
		r.conditions(lo+1, hi-1, sh)
		return
	}
	col, j := r.column(lo, hi)
	if j == lo || j >= hi {
		return
	}
	t := r.toks[j]
	switch {
	case t.Kind == Op && (t.Text == "=" || t.Text == "=="), t.Is("IN"):
		if r.callerValue(j+1, hi) {
			sh.Parent = true
			sh.ParentCols = append(sh.ParentCols, strings.ToLower(col))
			sh.ParentArgs = append(sh.ParentArgs, r.paramArgs(j+1, hi))
		}
	case t.Kind == Op && (t.Text == ">" || t.Text == ">=" || t.Text == "<" || t.Text == "<="), t.Is("BETWEEN"):
		switch {
		case strings.HasPrefix(t.Text, ">") && r.nowRelative(j+1, hi):
			// A recent period (NOW() - INTERVAL '1 day'): closed by the clock.
			r.bound(col, Token{Kind: Word, Text: "BETWEEN"})
		case r.callerValue(j+1, hi):
			r.bound(col, t)
			if strings.HasPrefix(t.Text, ">") {
				r.noteLowArgs(col, j+1, hi)
			}
		}
	}
}

// nowWords are the SQL spellings of the current time.
var nowWords = map[string]bool{
	"NOW": true, "CURRENT_TIMESTAMP": true, "CURRENT_DATE": true, "LOCALTIMESTAMP": true,
	"SYSDATE": true, "GETDATE": true, "GETUTCDATE": true, "UTC_TIMESTAMP": true, "SYSDATETIME": true,
}

// nowRelative reports whether [lo, hi) is computed from the current time
// and no caller's value: NOW() - INTERVAL '7 days', DATE_SUB(NOW(),
// INTERVAL 1 DAY), datetime('now', '-1 day').
func (r *reader) nowRelative(lo, hi int) bool {
	now := false
	for i := lo; i < hi; i++ {
		t := r.toks[i]
		switch {
		case t.Kind == Param || t.Kind == HoleTok || t.Is("SELECT"):
			return false
		case t.Kind == Word && nowWords[strings.ToUpper(t.Text)]:
			now = true
		case t.Kind == String && strings.EqualFold(strings.Trim(t.Text, "'"), "now"):
			now = true
		}
	}
	return now
}

// noteLowArgs records the argument positions of the parameters in
// [lo, hi), the low side of col's range.
func (r *reader) noteLowArgs(col string, lo, hi int) {
	if r.lowArgs == nil {
		r.lowArgs = make(map[string][]int)
	}
	col = strings.ToLower(col)
	r.lowArgs[col] = append(r.lowArgs[col], r.paramArgs(lo, hi)...)
}

// paramArgs returns the argument positions of the parameters in [lo, hi).
func (r *reader) paramArgs(lo, hi int) []int {
	var out []int
	for i := lo; i < hi; i++ {
		if r.toks[i].Kind == Param {
			out = append(out, r.argIndex(i))
		}
	}
	return out
}

// argIndex is the position in the query's arguments of the parameter at
// token i: n-1 for $n, the count of ? before it for ?, -1 for a named one.
func (r *reader) argIndex(i int) int {
	text := r.toks[i].Text
	switch {
	case text == "?":
		n := 0
		for _, t := range r.toks[:i] {
			if t.Kind == Param && t.Text == "?" {
				n++
			}
		}
		return n
	case strings.HasPrefix(text, "$"):
		if n, err := strconv.Atoi(text[1:]); err == nil && n > 0 {
			return n - 1
		}
	}
	return -1
}

// callerValue reports whether [lo, hi) holds a parameter or hole: a value
// the caller passes rather than a constant of the query.
func (r *reader) callerValue(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		switch r.toks[i].Kind {
		case Param, HoleTok:
			return true
		case Word:
			if r.toks[i].Is("SELECT") {
				return false
			}
		}
	}
	return false
}

// InsertArgs maps the columns of the first INSERT in sql that lists its
// columns and a single VALUES row to the positions of the query arguments
// they take (INSERT INTO t (a, b) VALUES ($1, $2): a→0, b→1). Columns
// given a constant or an expression are left out.
func InsertArgs(sql string) map[string]int {
	stmts, _ := split(sql)
	for _, s := range stmts {
		n := len(s.toks)
		if s.kind(0, n) != Insert {
			continue
		}
		var cols []string
		for i := 1; i < n; i++ {
			if s.toks[i].Kind == LParen && cols == nil {
				cols = s.columnList(i)
				i = s.match[i]
				continue
			}
			if !s.toks[i].Is("VALUES") || i+1 >= n || s.toks[i+1].Kind != LParen || cols == nil {
				continue
			}
			r := &reader{stmt: s}
			lo, hi := s.group(i + 1)
			out := make(map[string]int)
			k, start := 0, lo
			for j := lo; j <= hi; j++ {
				if j < hi && s.toks[j].Kind != Comma {
					if s.toks[j].Kind == LParen {
						j = s.match[j]
					}
					continue
				}
				if j == start+1 && s.toks[start].Kind == Param && k < len(cols) {
					if a := r.argIndex(start); a >= 0 {
						out[cols[k]] = a
					}
				}
				k++
				start = j + 1
			}
			return out
		}
	}
	return nil
}

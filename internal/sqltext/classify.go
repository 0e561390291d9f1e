package sqltext

import "strings"

// A Kind is what a statement does, judged on its outermost statement.
type Kind uint8

const (
	Unknown Kind = iota // empty, opaque, or a statement that may do anything (CALL, EXECUTE)
	Select              // a read: SELECT, WITH ... SELECT, VALUES, TABLE
	Insert              // INSERT, also WITH ... INSERT
	Update
	Delete
	Merge
	Replace // MySQL REPLACE
	Upsert  // CockroachDB UPSERT
	DDL     // CREATE, ALTER, DROP, TRUNCATE, RENAME, COMMENT, GRANT, REVOKE
	Other   // session and utility statements: SET, SHOW, EXPLAIN, BEGIN, COMMIT, LOCK, VACUUM...
)

var kindNames = [...]string{"unknown", "select", "insert", "update", "delete", "merge", "replace", "upsert", "ddl", "other"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// IsWrite reports whether k changes rows: INSERT, UPDATE, DELETE, MERGE,
// REPLACE or UPSERT. DDL is not a write.
func (k Kind) IsWrite() bool { return Insert <= k && k <= Upsert }

var leadKinds = map[string]Kind{
	"SELECT": Select, "VALUES": Select, "TABLE": Select,
	"INSERT": Insert, "UPDATE": Update, "DELETE": Delete, "MERGE": Merge, "REPLACE": Replace, "UPSERT": Upsert,
	"CREATE": DDL, "ALTER": DDL, "DROP": DDL, "TRUNCATE": DDL, "RENAME": DDL, "COMMENT": DDL, "GRANT": DDL, "REVOKE": DDL,
	"SET": Other, "SHOW": Other, "EXPLAIN": Other, "DESCRIBE": Other, "DESC": Other, "BEGIN": Other, "START": Other,
	"COMMIT": Other, "ROLLBACK": Other, "END": Other, "ABORT": Other, "SAVEPOINT": Other, "RELEASE": Other,
	"LOCK": Other, "UNLOCK": Other, "LISTEN": Other, "UNLISTEN": Other, "NOTIFY": Other, "VACUUM": Other,
	"ANALYZE": Other, "ANALYSE": Other, "PRAGMA": Other, "USE": Other, "RESET": Other, "DISCARD": Other,
	"DEALLOCATE": Other, "PREPARE": Other, "CHECKPOINT": Other, "REINDEX": Other, "CLUSTER": Other,
	"REFRESH": Other, "DECLARE": Other, "FETCH": Other, "CLOSE": Other, "MOVE": Other,
}

// Classify tells what the statements in sql do. When the text holds several
// statements, a write wins over an unknown statement, which wins over DDL,
// a read and a utility statement, in that order: the text is a write if
// any of its statements is. A read whose WITH clause holds an INSERT,
// UPDATE, DELETE or MERGE is that write.
func Classify(sql string) Kind {
	stmts, _ := split(sql)
	result := Unknown
	rank := func(k Kind) int {
		switch {
		case k.IsWrite():
			return 4
		case k == Unknown:
			return 3
		case k == DDL:
			return 2
		case k == Select:
			return 1
		}
		return 0
	}
	for i, s := range stmts {
		k := s.kind(0, len(s.toks))
		if i == 0 || rank(k) > rank(result) {
			result = k
		}
	}
	return result
}

// A stmt is the tokens of one statement.
type stmt struct {
	toks []Token
	// match maps the index of each LParen to the index of its RParen, or
	// len(toks) when it has none.
	match map[int]int
}

// split tokenizes sql into its non-empty statements.
func split(sql string) ([]stmt, bool) {
	toks, complete := Tokenize(sql)
	var out []stmt
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && !(toks[i].Kind == Semicolon && toks[i].Depth == 0) {
			continue
		}
		if i > start {
			out = append(out, newStmt(toks[start:i]))
		}
		start = i + 1
	}
	return out, complete
}

func newStmt(toks []Token) stmt {
	s := stmt{toks: toks, match: make(map[int]int)}
	var open []int
	for i, t := range toks {
		switch t.Kind {
		case LParen:
			open = append(open, i)
		case RParen:
			if len(open) > 0 {
				s.match[open[len(open)-1]] = i
				open = open[:len(open)-1]
			}
		}
	}
	for _, i := range open {
		s.match[i] = len(toks)
	}
	return s
}

// skip returns the index after the token at i, or after the group it opens.
func (s *stmt) skip(i int) int {
	if s.toks[i].Kind == LParen {
		return s.match[i] + 1
	}
	return i + 1
}

// group returns the bounds of the text inside the group opened at i.
func (s *stmt) group(i int) (lo, hi int) { return i + 1, s.match[i] }

func (s *stmt) is(i, hi int, kw string) bool { return i < hi && s.toks[i].Is(kw) }

func (s *stmt) kindAt(i, hi int) TokenKind {
	if i < hi {
		return s.toks[i].Kind
	}
	return 0
}

// kind classifies the statement or query expression in [lo, hi).
func (s *stmt) kind(lo, hi int) Kind {
	for lo < hi && s.toks[lo].Kind == LParen {
		hi = min(hi, s.match[lo])
		lo++
	}
	if lo >= hi || s.toks[lo].Kind != Word {
		return Unknown
	}
	if s.toks[lo].Is("WITH") {
		main, ctes := s.with(lo, hi)
		if main < 0 {
			return Unknown
		}
		k := s.kind(main, hi)
		if k == Select {
			for _, c := range ctes {
				if ck := s.kind(c.lo, c.hi); ck.IsWrite() {
					return ck
				}
			}
		}
		return k
	}
	if k, ok := leadKinds[strings.ToUpper(s.toks[lo].Text)]; ok {
		return k
	}
	return Unknown
}

// A cte is one named query of a WITH clause.
type cte struct {
	name   string
	lo, hi int // the query inside the parentheses
}

var mainKeywords = map[string]bool{
	"SELECT": true, "VALUES": true, "TABLE": true, "INSERT": true, "UPDATE": true, "DELETE": true,
	"MERGE": true, "REPLACE": true, "UPSERT": true,
}

// with reads the WITH clause starting at lo and returns the index of the
// statement it introduces (-1 if it cannot tell) and its named queries.
func (s *stmt) with(lo, hi int) (int, []cte) {
	var ctes []cte
	i := lo + 1
	if s.is(i, hi, "RECURSIVE") {
		i++
	}
	for i < hi {
		t := s.toks[i]
		if t.Kind != Word && t.Kind != QuotedIdent {
			return -1, ctes
		}
		name := t.Text
		i++
		if s.kindAt(i, hi) == LParen { // column list
			i = s.skip(i)
		}
		if !s.is(i, hi, "AS") {
			return -1, ctes
		}
		i++
		if s.is(i, hi, "NOT") {
			i++
		}
		if s.is(i, hi, "MATERIALIZED") {
			i++
		}
		if s.kindAt(i, hi) != LParen {
			return -1, ctes
		}
		glo, ghi := s.group(i)
		ctes = append(ctes, cte{name: name, lo: glo, hi: min(ghi, hi)})
		i = s.skip(i)
		// SEARCH ... SET ..., CYCLE ... SET ... USING ...
		for i < hi && s.toks[i].Kind != Comma && !(s.toks[i].Kind == Word && mainKeywords[strings.ToUpper(s.toks[i].Text)]) {
			if s.toks[i].Kind == LParen && i > lo && s.toks[i-1].Kind != Word {
				break // "(SELECT ...)" as the main statement
			}
			i = s.skip(i)
		}
		if i < hi && s.toks[i].Kind == Comma {
			i++
			continue
		}
		if i >= hi {
			return -1, ctes
		}
		return i, ctes
	}
	return -1, ctes
}

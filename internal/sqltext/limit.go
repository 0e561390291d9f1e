package sqltext

import "strings"

// A LIMIT can be written so that a caller switches it off: LIMIT
// NULLIF($1, 0) and LIMIT (CASE WHEN $1 < 1 THEN NULL ELSE $1 END) are no
// limit when the argument is 0, LIMIT ALL and LIMIT NULL are none at all.
// A repository List built that way returns the whole table whenever a
// caller leaves its page size zero, so the read counts as unbounded, and
// the finding names the clause.

// limitSwitch returns the text of the LIMIT clause at i when it can be
// switched off (or is off), and whether it can.
func (r *reader) limitSwitch(i, hi int) (string, bool) {
	end := i + 1
	for end < hi {
		t := r.toks[end]
		if t.Kind == Semicolon || t.Kind == RParen || t.Kind == Word && (t.Is("OFFSET") || t.Is("FOR") || t.Is("FETCH")) {
			break
		}
		end = r.skip(end)
	}
	end = min(end, hi)
	off, cases, elses := false, 0, 0
	for j := i + 1; j < end; j++ {
		t := r.toks[j]
		switch {
		case t.Is("NULL") || t.Is("NULLIF") || t.Is("ALL") && j == i+1:
			off = true
		case t.Is("CASE"):
			cases++
		case t.Is("ELSE"):
			elses++
		}
	}
	off = off || cases > elses // a CASE with no ELSE is NULL when no branch holds
	if !off {
		return "", false
	}
	return r.text(i, end), true
}

// text renders the tokens [lo, hi) back as SQL, for a message.
func (r *reader) text(lo, hi int) string {
	var b strings.Builder
	for j := lo; j < hi && j < len(r.toks); j++ {
		t := r.toks[j]
		if j > lo && t.Kind != RParen && t.Kind != Comma && r.toks[j-1].Kind != LParen &&
			!(t.Kind == LParen && r.toks[j-1].Kind == Word && !isKeyword(r.toks[j-1])) {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// isKeyword reports whether a word before "(" is a keyword (WHEN (, AND ()
// rather than a function name (NULLIF().
func isKeyword(t Token) bool {
	u := strings.ToUpper(t.Text)
	return conditionWords[u] || valueWords[u] || u == "WHEN"
}

// An open range (id > $1, created_at >= ?) reads everything after a
// cursor: a sync position or a since-timestamp taken from a client, as
// unbounded as no WHERE at all once the table grows. A closed one
// (BETWEEN, or > and < on the same column) is a window the caller chose.

// rangeSides are the sides of one column a WHERE bounds.
type rangeSides struct{ low, high bool }

// bound records the comparison op (>, >=, <, <=, BETWEEN) of col with a
// caller's value.
func (r *reader) bound(col string, op Token) {
	if r.sides == nil {
		return
	}
	col = strings.ToLower(col)
	s := r.sides[col]
	switch {
	case op.Is("BETWEEN"):
		s.low, s.high = true, true
	case strings.HasPrefix(op.Text, ">"):
		s.low = true
	default:
		s.high = true
	}
	r.sides[col] = s
}

// openRange tells whether some column is bounded on one side only (open)
// and, when none is, whether a column is bounded on both (a window).
func openRange(sides map[string]rangeSides) (open, window bool) {
	for _, s := range sides {
		if s.low != s.high {
			return true, false
		}
		window = true
	}
	return false, window
}

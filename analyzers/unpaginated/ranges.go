package unpaginated

import "strings"

// An open range (WHERE id > $1, created_at >= ?) with no LIMIT reads
// everything after a cursor: a sync position or a since-timestamp a
// client sends. It narrows nothing for sure (an old cursor returns the
// whole table), so it is judged as a non-selective filter: reported when
// the table grows, or on a request path when nothing shows the table
// stays small. A closed range (BETWEEN $1 AND $2, or > and < on the same
// column) is a window the caller chose, such as a chart's time span, and
// is reported only with -strict. The ranges are read by sqltext.ShapeOf.

// switchedHead is the head of a finding whose limit a caller can switch
// off: it names the switch instead of saying there is no LIMIT.
func switchedHead(rd read) string {
	head := rd.api.head
	if i := strings.Index(head, " ("); i >= 0 {
		head = head[:i]
	}
	return head + " when its limit is switched off (" + rd.switchOff + ")"
}

package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// GORM statements without WithContext are reported once per function
// that has the context in scope, at its first such statement: the fix is
// one line at the top of the function (db := r.db.WithContext(ctx)), and a
// repository function with eight statements is one thing to change, not
// eight findings. The other statements are the finding's related
// locations. eachCall (-ctxpropagation.each-call) restores one finding
// per statement.

// A gormCall is a GORM statement, run where a context is available, on a
// handle that carries none.
type gormCall struct {
	call    *ast.CallExpr
	fn      *types.Func
	a       *avail
	fixes   []analysis.SuggestedFix
	ctxExpr string // the context the fix passes, "" without a fix
}

// reportGorm reports the GORM statements found by checkGorm, grouped by
// the function whose context they ignore (in the order of their first
// statement). This is the only place the analyzer reports rule 3.
func (c *checker) reportGorm() {
	if eachCall {
		for _, gc := range c.gormCalls {
			c.reportGormGroup([]gormCall{gc})
		}
		return
	}
	groups := map[ast.Node][]gormCall{}
	var order []ast.Node
	for _, gc := range c.gormCalls {
		if groups[gc.a.fn] == nil {
			order = append(order, gc.a.fn)
		}
		groups[gc.a.fn] = append(groups[gc.a.fn], gc)
	}
	for _, fn := range order {
		c.reportGormGroup(groups[fn])
	}
}

// reportGormGroup reports the statements of one function (at least one,
// in source order) as one finding at the first.
func (c *checker) reportGormGroup(calls []gormCall) {
	first, rest := calls[0], calls[1:]
	more := ""
	if len(rest) > 0 {
		more = fmt.Sprintf(", and %d more GORM %s in this function", len(rest), verb(len(rest), "call", "calls"))
	}
	d := analysis.Diagnostic{
		Pos: first.call.Pos(), End: first.call.End(), Category: "RL504",
		Message: fmt.Sprintf("gorm %s runs without %s, which is in scope: the handle has no WithContext, so a cancelled or timed-out caller does not stop the query%s; use .WithContext(%s) on the handle",
			first.fn.Name(), first.a.display(), more, orCtx(first.a)),
		SuggestedFixes: mergeGormFixes(calls),
	}
	for _, gc := range rest {
		d.Related = append(d.Related, analysis.RelatedInformation{
			Pos: gc.call.Pos(), End: gc.call.End(),
			Message: fmt.Sprintf("gorm %s runs here without %s too", gc.fn.Name(), gc.a.display()),
		})
	}
	c.p.Report(d)
}

// mergeGormFixes returns one fix that adds WithContext to every statement
// of the group that has a mechanical fix; an edit several fixes share
// (an import they add) is kept once.
func mergeGormFixes(calls []gormCall) []analysis.SuggestedFix {
	if len(calls) == 1 {
		return calls[0].fixes
	}
	type key struct {
		pos, end int
		text     string
	}
	seen := map[key]bool{}
	var edits []analysis.TextEdit
	n, ctxExpr := 0, ""
	for _, gc := range calls {
		if len(gc.fixes) == 0 {
			continue
		}
		n++
		if ctxExpr == "" {
			ctxExpr = gc.ctxExpr
		}
		for _, fix := range gc.fixes {
			for _, e := range fix.TextEdits {
				k := key{int(e.Pos), int(e.End), string(e.NewText)}
				if !seen[k] {
					seen[k] = true
					edits = append(edits, e)
				}
			}
		}
	}
	if n == 0 {
		return nil
	}
	if n == 1 {
		return []analysis.SuggestedFix{{Message: "add .WithContext(" + ctxExpr + ")", TextEdits: edits}}
	}
	return []analysis.SuggestedFix{{Message: fmt.Sprintf("add .WithContext(%s) to %d GORM calls", ctxExpr, n), TextEdits: edits}}
}

package ctxpropagation

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// libraryInert judges a versioned dependency (a library the module
// imports) for one thing only: which context parameters of its exported
// functions are read for values and nothing else. A logger, an i18n
// helper or a tracing accessor that takes ctx only for ctx.Value lookups
// (directly, through context.WithValue, a logging call or another such
// parameter) starts nothing that a deadline or cancellation could stop,
// so passing context.Background() there is not a dropped context. The
// verdict is exported as an inertContext fact, which the module's
// packages read where a fresh context is passed (see inertAt).
//
// The judgement is stricter than the one for the module's own functions:
// a library that checks ctx.Err(), reads ctx.Deadline() or polls
// ctx.Done() honors cancellation, and so does one that starts bounded
// goroutines with the context; those parameters are not inert here.
func libraryInert(pass *analysis.Pass) {
	c := &checker{
		p:          lint.NewPass(pass, &common),
		info:       pass.TypesInfo,
		ins:        pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		inert:      make(map[*types.Func][]bool),
		implInert:  make(map[implKey]bool),
		valuesOnly: true,
	}
	c.exportInert()
}

package unpaginated

import (
	"go/types"

	"github.com/resilint/resilint/internal/lint"
)

// chainFinds reports whether a GORM chain runs a Find before its last
// call (db.Find(&xs).Scan(&ys)).
func chainFinds(info *types.Info, chain *lint.Chain) bool {
	for _, cc := range chain.Calls {
		if fn := lint.Callee(info, cc); fn != nil && fn.Name() == "Find" {
			return true
		}
	}
	return false
}

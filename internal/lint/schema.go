package lint

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/resilint/resilint/internal/sqltext"
)

// ChangesSchema reports whether the function fn (a declaration or a
// literal) changes the database schema: it runs DDL whose text is known
// statically (CREATE, ALTER, DROP ...) through an Exec or Raw call, or
// calls GORM's AutoMigrate or Migrator. Such a function is schema
// migration code: it runs once per database, at start-up, and what it
// does to the data (reading every row of its bookkeeping, a version bump
// after a script) is judged by the migration's own design, not by the
// rules for a service's requests. A statement mentioned in any other call
// (a log line) does not count.
func ChangesSchema(info *types.Info, fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok {
			return !found
		}
		callee := Callee(info, call)
		if callee == nil {
			return true
		}
		if IsMethod(callee, "gorm.io/gorm", "DB", "AutoMigrate", "Migrator") || IsMethod(callee, "github.com/jinzhu/gorm", "DB", "AutoMigrate") {
			found = true
			return false
		}
		if name := callee.Name(); !strings.HasPrefix(name, "Exec") && !strings.HasPrefix(name, "MustExec") && name != "Raw" {
			return true
		}
		for _, arg := range call.Args {
			if b, ok := info.TypeOf(arg).Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
				continue
			}
			if text, ok := StaticString(info, fn, arg, sqltext.Hole); ok && sqltext.Classify(text) == sqltext.DDL {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

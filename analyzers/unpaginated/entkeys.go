package unpaginated

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/resilint/resilint/internal/lint"
)

// ent declares unique fields in its schema (field.String("token").Unique())
// and generates them into ent/migrate (schema.Column{Name: "token", Unique:
// true} in the table's column list). The migrate package is imported by
// the generated client, so its keys reach every package that queries
// through facts; the schema package usually is not, but its keys are read
// too for the packages that do import it. Where(user.TokenIn(tokens...))
// then reads at most one row per token.

const (
	entSQLSchemaPkg = "entgo.io/ent/dialect/sql/schema"
	entFieldPkg     = "entgo.io/ent/schema/field"
)

// entKeys adds the unique ent fields the package declares to t.
func (c *checker) entKeys(t *tables) {
	columns := make(map[types.Object][]string) // UsersColumns -> its unique columns
	type table struct {
		name string
		cols types.Object
	}
	var tables []table
	for _, f := range c.p.Pass.Files { // generated files too: ent/migrate is generated
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						if cols := c.uniqueEntColumns(n.Values[i]); len(cols) > 0 {
							columns[c.info.Defs[name]] = cols
						}
					}
				}
			case *ast.CompositeLit:
				if lint.IsNamed(c.info.TypeOf(n), entSQLSchemaPkg, "Table") {
					var tb table
					for _, elt := range n.Elts {
						kv, ok := elt.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						switch key, _ := kv.Key.(*ast.Ident); {
						case key == nil:
						case key.Name == "Name":
							tb.name, _ = lint.ConstString(c.info, kv.Value)
						case key.Name == "Columns":
							tb.cols = lint.ObjectOf(c.info, kv.Value)
						}
					}
					tables = append(tables, tb)
				}
			case *ast.FuncDecl:
				c.entSchemaFields(n, t)
				return false
			}
			return true
		})
	}
	for _, tb := range tables {
		for _, col := range columns[tb.cols] {
			if tb.name != "" {
				t.keys[strings.ToLower(tb.name)] = append(t.keys[strings.ToLower(tb.name)], []string{col})
			}
		}
	}
}

// uniqueEntColumns returns the columns marked Unique in a generated
// []*schema.Column literal.
func (c *checker) uniqueEntColumns(e ast.Expr) []string {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, elt := range lit.Elts {
		col, ok := ast.Unparen(elt).(*ast.CompositeLit)
		if u, isAddr := ast.Unparen(elt).(*ast.UnaryExpr); isAddr {
			col, ok = ast.Unparen(u.X).(*ast.CompositeLit)
		}
		if !ok || !lint.IsNamed(c.info.TypeOf(col), entSQLSchemaPkg, "Column") && !isPtrTo(c.info.TypeOf(col), entSQLSchemaPkg, "Column") {
			continue
		}
		name, unique := "", false
		for _, f := range col.Elts {
			kv, ok := f.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch key, _ := kv.Key.(*ast.Ident); {
			case key == nil:
			case key.Name == "Name":
				name, _ = lint.ConstString(c.info, kv.Value)
			case key.Name == "Unique":
				id, _ := ast.Unparen(kv.Value).(*ast.Ident)
				unique = id != nil && id.Name == "true"
			}
		}
		if unique && name != "" {
			out = append(out, strings.ToLower(name))
		}
	}
	return out
}

func isPtrTo(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && lint.IsNamed(p.Elem(), pkg, name)
}

// entSchemaFields reads an ent schema's Fields method: every
// field.X("name")...Unique() is a key of the entity's table.
func (c *checker) entSchemaFields(fd *ast.FuncDecl, t *tables) {
	if fd.Name.Name != "Fields" || fd.Recv == nil || len(fd.Recv.List) != 1 || fd.Body == nil {
		return
	}
	named := namedOf(c.info.TypeOf(fd.Recv.List[0].Type))
	if named == nil {
		return
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Unique" {
			return true
		}
		// Walk down the chain to field.String("token").
		e := sel.X
		for {
			fc, ok := ast.Unparen(e).(*ast.CallExpr)
			if !ok {
				return false
			}
			fn := lint.Callee(c.info, fc)
			if fn != nil && fn.Signature().Recv() == nil && fn.Pkg() != nil && fn.Pkg().Path() == entFieldPkg {
				if len(fc.Args) > 0 {
					if col, ok := lint.ConstString(c.info, fc.Args[0]); ok {
						for _, table := range tableNames(named) {
							t.keys[table] = append(t.keys[table], []string{strings.ToLower(col)})
						}
					}
				}
				return false
			}
			fs, ok := ast.Unparen(fc.Fun).(*ast.SelectorExpr)
			if !ok {
				return false
			}
			e = fs.X
		}
	})
}

package unpaginated

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"strings"

	"github.com/resilint/resilint/internal/sqltext"
)

// A lookup by a unique column other than id (mac = ANY($1), a (kind,
// application_id) key) reads at most one row per value. The keys come
// from the schema the package carries: CREATE TABLE and CREATE UNIQUE
// INDEX in its string constants (migrations) and embedded .sql files, and
// GORM primaryKey/uniqueIndex tags.

// schemaKeys adds the package's unique keys to t.
func (c *checker) schemaKeys(t *tables) {
	addDDL := func(text string) {
		if !strings.Contains(strings.ToUpper(text), "UNIQUE") && !strings.Contains(strings.ToUpper(text), "PRIMARY") {
			return
		}
		for table, keys := range sqltext.UniqueKeys(text) {
			t.keys[table] = append(t.keys[table], keys...)
		}
	}
	for f := range c.p.Files() {
		ast.Inspect(f, func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			tv, ok := c.info.Types[e]
			if ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				addDDL(constant.StringVal(tv.Value))
				return false // the outermost constant holds the whole text
			}
			return true
		})
	}
	for _, name := range c.p.OtherFiles {
		if !strings.HasSuffix(strings.ToLower(name), ".sql") {
			continue
		}
		if data, err := c.p.ReadFile(name); err == nil {
			addDDL(string(data))
		}
	}
	c.gormKeys(t)
	c.entKeys(t)
}

// gormKeys reads the GORM tags of the package's struct types: a field
// tagged primaryKey, unique or uniqueIndex is a key of its own; fields
// sharing a named uniqueIndex form one key.
func (c *checker) gormKeys(t *tables) {
	scope := c.p.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		st, ok := named.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		var keys [][]string
		var primary []string // several primaryKey fields make one composite key
		composite := make(map[string][]string)
		var order []string
		for i := 0; i < st.NumFields(); i++ {
			tag, ok := reflect.StructTag(st.Tag(i)).Lookup("gorm")
			if !ok {
				continue
			}
			col := snake(st.Field(i).Name())
			var single, pk bool
			var index []string
			for _, part := range strings.Split(tag, ";") {
				k, v, _ := strings.Cut(strings.TrimSpace(part), ":")
				switch strings.ToLower(k) {
				case "column":
					col = strings.ToLower(v)
				case "primarykey", "primary_key":
					pk = true
				case "unique":
					single = true
				case "uniqueindex", "unique_index":
					if v == "" {
						single = true
					} else {
						index = append(index, strings.Split(v, ",")[0])
					}
				}
			}
			if single {
				keys = append(keys, []string{col})
			}
			if pk {
				primary = append(primary, col)
			}
			for _, ix := range index {
				if _, seen := composite[ix]; !seen {
					order = append(order, ix)
				}
				composite[ix] = append(composite[ix], col)
			}
		}
		if len(primary) > 0 {
			keys = append(keys, primary)
		}
		for _, ix := range order {
			keys = append(keys, composite[ix])
		}
		if len(keys) == 0 {
			continue
		}
		for _, table := range c.modelTables(named) {
			t.keys[table] = append(t.keys[table], keys...)
		}
	}
}

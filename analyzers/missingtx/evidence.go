package missingtx

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/sqltext"
)

// The evidence rule: by default a path of writes outside a transaction is
// reported only when the code itself shows that the writes belong
// together, so that a half-write corrupts data. Two writes belong together
// when the later one uses a value the earlier one produced (the id from
// RETURNING or LastInsertId, a model GORM filled in on Create, a helper's
// result) or when the same key flows into both (an order and its items,
// the deletes of a user's rows, the debit and the credit of one amount).
// Writes that share nothing (an audit row, a last-seen time, independent
// clean-ups of expired rows) are each a unit of their own: a failure
// between them leaves nothing inconsistent. -strict restores the rule
// "any two writes".

// A ref is a value a write takes: a local variable or parameter, and the
// fields selected from it ("o", "o.ID").
type ref struct {
	v    *types.Var
	path string
}

// related reports whether a and b name the same value or one is a part of
// the other: o and o.ID, but not o.ID and o.Name.
func (a ref) related(b ref) bool {
	if a.v != b.v {
		return false
	}
	return a.path == b.path || strings.HasPrefix(a.path, b.path+".") || strings.HasPrefix(b.path, a.path+".")
}

// proof is what a write takes and makes, for the evidence rule.
type proof struct {
	uses  []ref
	makes map[*types.Var]bool // values only this write produces
	kind  sqltext.Kind        // Insert, Update, Delete, or Unknown
}

// proofs computes the evidence of each write of f.
func (f *flow) proofs() []proof {
	f.readFilled = make(map[*types.Var]bool)
	out := make([]proof, len(f.writes))
	for i, w := range f.writes {
		out[i] = proof{uses: f.uses(w), makes: make(map[*types.Var]bool), kind: f.c.kindOf(f.u, w)}
	}
	f.produced(out)
	return out
}

// uses returns the values a write takes: its arguments (not the SQL text,
// the context or the handle) and, on a GORM chain, the arguments of the
// chain (db.Model(&u).Where("id = ?", id)).
func (f *flow) uses(w *write) []ref {
	var out []ref
	var text ast.Expr
	if fn := lint.Callee(f.c.info, w.call); fn != nil {
		sig := fn.Signature()
		for i := 0; i < sig.Params().Len() && i < len(w.call.Args); i++ {
			if b, ok := sig.Params().At(i).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				text = w.call.Args[i]
				break
			}
		}
	}
	add := func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.SelectorExpr, *ast.Ident:
				if r, ok := f.refOf(x.(ast.Expr)); ok {
					out = append(out, r)
					return false
				}
			}
			return true
		})
	}
	for _, a := range w.call.Args {
		if a != text {
			add(a)
		}
	}
	if w.family == "gorm" {
		if sel, ok := ast.Unparen(w.call.Fun).(*ast.SelectorExpr); ok {
			for _, call := range lint.WalkChain(f.c.info, f.u.outer, sel.X, nil).Calls {
				for _, a := range call.Args {
					if _, isText := lint.ConstString(f.c.info, a); !isText {
						add(a)
					}
				}
			}
		}
	}
	return out
}

// refOf returns the value e names when it is a local variable or a
// parameter (not the receiver, whose fields are configuration), or a field
// path from one, of a type that can identify a row.
func (f *flow) refOf(e ast.Expr) (ref, bool) {
	var path []string
	x := ast.Unparen(e)
	for {
		sel, ok := x.(*ast.SelectorExpr)
		if !ok {
			break
		}
		if s := f.c.info.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
			return ref{}, false
		}
		path = append([]string{sel.Sel.Name}, path...)
		x = ast.Unparen(sel.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return ref{}, false
	}
	v, ok := f.c.info.ObjectOf(id).(*types.Var)
	if !ok || isGlobal(v) || f.u.params[v] == -1 && f.isRecv(v) || !keyType(f.c.info.TypeOf(e)) {
		return ref{}, false
	}
	return ref{v: v, path: strings.Join(append([]string{v.Name()}, path...), ".")}, true
}

func (f *flow) isRecv(v *types.Var) bool {
	d, ok := f.u.node.(*ast.FuncDecl)
	if !ok || d.Recv == nil {
		return false
	}
	for _, fld := range d.Recv.List {
		for _, n := range fld.Names {
			if f.c.info.Defs[n] == v {
				return true
			}
		}
	}
	return false
}

// keyType reports whether a value of type t may identify rows: not a
// context, an error, a handle, a clock value or a function, which every
// write of a path may share without being related.
func keyType(t types.Type) bool {
	if t == nil || isErrorType(t) || lint.IsNamed(t, "context", "Context") ||
		lint.IsNamed(t, "time", "Time") || lint.IsNamed(t, "time", "Duration") || handleish(t, 0) {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Signature, *types.Chan:
		return false
	case *types.Basic:
		return u.Kind() != types.Bool && u.Kind() != types.UntypedNil
	}
	return true
}

// produced fills in what each write makes: the variables its results
// are assigned to (id, err := repo.Create(...)), the targets of a Scan of
// its row (INSERT ... RETURNING id), what LastInsertId of its result
// returns, and the model GORM's Create fills in. A variable that anything
// else also assigns (the read of a find-or-create) is not the write's own.
func (f *flow) produced(out []proof) {
	info := f.c.info
	owner := make(map[*types.Var]int) // variable -> write, -1 when shared
	claim := func(v *types.Var, w int) {
		if v == nil || v.Name() == "_" || isErrorType(v.Type()) {
			return
		}
		if o, ok := owner[v]; ok && o != w {
			owner[v] = -1
			return
		}
		owner[v] = w
	}
	// read records a variable that something other than a write fills
	// in: a find-or-create's lookup.
	read := func(v *types.Var) {
		if v != nil && !isErrorType(v.Type()) {
			f.readFilled[v] = true
			claim(v, -2)
		}
	}
	targets := func(args []ast.Expr) []*types.Var {
		var vs []*types.Var
		for _, a := range args {
			if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok {
				if id, ok := ast.Unparen(u.X).(*ast.Ident); ok {
					if v, ok := info.ObjectOf(id).(*types.Var); ok {
						vs = append(vs, v)
					}
				}
			}
		}
		return vs
	}
	// source tells which write e's value comes from: the write itself, a
	// method of its result (row.Scan, res.LastInsertId), or -1.
	var source func(e ast.Expr) int
	source = func(e ast.Expr) int {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if i, ok := f.index[x]; ok {
				return i
			}
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				return source(x.Args[0]) // id = uint64(lastID)
			}
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return source(sel.X)
			}
		case *ast.Ident:
			if v, ok := info.ObjectOf(x).(*types.Var); ok {
				if o, ok := owner[v]; ok {
					return o
				}
			}
		}
		return -1
	}
	ast.Inspect(f.u.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 {
				w := source(n.Rhs[0])
				for _, l := range n.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok {
						if v, ok := info.ObjectOf(id).(*types.Var); ok {
							if w >= 0 {
								claim(v, w)
							} else if callOf(n.Rhs[0]) != nil {
								read(v) // u, err := s.users.Find(email)
							}
						}
					}
				}
			}
		case *ast.CallExpr:
			fn := lint.Callee(info, n)
			if fn == nil {
				return true
			}
			if i, ok := f.index[n]; ok && ((strings.HasPrefix(fn.Name(), "Create") || fn.Name() == "Save") && f.writes[i].family == "gorm" ||
				strings.HasPrefix(fn.Name(), "Get") && f.writes[i].text != "") { // sqlx stmt.Get(&id, ...) of INSERT ... RETURNING
				for _, v := range targets(n.Args) {
					claim(v, i) // GORM fills in the model's ID
				}
				return true
			}
			if _, isWrite := f.index[n]; isWrite {
				return true
			}
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && strings.HasPrefix(fn.Name(), "Scan") {
				w := source(sel.X)
				for _, v := range targets(n.Args) {
					if w >= 0 {
						claim(v, w)
					} else {
						read(v)
					}
				}
				return true
			}
			if isGormDB(info.TypeOf(n)) {
				for _, v := range targets(n.Args) {
					read(v) // db.First(&u)
				}
			}
		}
		return true
	})
	for v, w := range owner {
		if w >= 0 {
			out[w].makes[v] = true
		}
	}
}

// kindOf tells what a write does: from its SQL text, its method name
// (GORM, MongoDB) or its helper's name.
func (c *checker) kindOf(u *unit, w *write) sqltext.Kind {
	if w.text != "" {
		return sqltext.Classify(w.text) // a prepared statement's
	}
	fn := lint.Callee(c.info, w.call)
	if fn == nil {
		return sqltext.Unknown
	}
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len() && i < len(w.call.Args); i++ {
		if b, ok := sig.Params().At(i).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			if s, ok := lint.StaticString(c.info, u.outer, w.call.Args[i], sqltext.Hole); ok {
				if k := sqltext.Classify(s); k.IsWrite() {
					return k
				}
			}
			break
		}
	}
	name := fn.Name()
	for _, p := range []struct {
		prefixes []string
		kind     sqltext.Kind
	}{
		{[]string{"Delete", "Remove", "Purge", "Destroy", "Drop", "Unlink", "Clear"}, sqltext.Delete},
		{[]string{"Create", "Insert", "Add", "New", "Register", "Link"}, sqltext.Insert},
		{[]string{"Update", "Save", "Set", "Replace", "Increment", "Decrement", "Mark"}, sqltext.Update},
	} {
		for _, pre := range p.prefixes {
			if strings.HasPrefix(name, pre) {
				return p.kind
			}
		}
	}
	return sqltext.Unknown
}

// link returns why the writes a (earlier) and b (later) belong together,
// or "".
func (f *flow) link(ps []proof, a, b int, line func(*write) int) string {
	ws := f.writes
	pa, pb := ps[a], ps[b]
	for _, r := range pb.uses {
		if pa.makes[r.v] {
			return fmt.Sprintf("the %s at line %d uses %s, produced by the %s at line %d",
				kindWord(pb.kind), line(ws[b]), r.path, kindWord(pa.kind), line(ws[a]))
		}
	}
	for _, ra := range pa.uses {
		for _, rb := range pb.uses {
			if !ra.related(rb) || pa.kind == sqltext.Insert && f.readFilled[ra.v] {
				// The insert of a find-or-create: a retry finds the
				// row it made and goes on.
				continue
			}
			key := ra.path // the narrower name: o.ID rather than o
			if len(rb.path) > len(key) {
				key = rb.path
			}
			switch {
			case pa.kind == sqltext.Delete && pb.kind == sqltext.Delete:
				return fmt.Sprintf("the deletes at lines %d and %d cascade over %s", line(ws[a]), line(ws[b]), key)
			case pa.kind == sqltext.Update && pb.kind == sqltext.Update:
				return fmt.Sprintf("the updates at lines %d and %d change the same %s", line(ws[a]), line(ws[b]), key)
			}
			return fmt.Sprintf("%s flows into the %s at line %d and the %s at line %d",
				key, kindWord(pa.kind), line(ws[a]), kindWord(pb.kind), line(ws[b]))
		}
	}
	return ""
}

func kindWord(k sqltext.Kind) string {
	switch k {
	case sqltext.Insert, sqltext.Update, sqltext.Delete, sqltext.Merge, sqltext.Replace, sqltext.Upsert:
		return k.String()
	}
	return "write"
}

// inCascade reports whether write i is a delete that shares a key with
// another delete of the function.
func (f *flow) inCascade(ps []proof, i int) bool {
	if ps[i].kind != sqltext.Delete {
		return false
	}
	for j := range ps {
		if j != i && ps[j].kind == sqltext.Delete && sharesKey(ps[i], ps[j]) {
			return true
		}
	}
	return false
}

func sharesKey(a, b proof) bool {
	for _, ra := range a.uses {
		for _, rb := range b.uses {
			if ra.related(rb) {
				return true
			}
		}
	}
	return false
}

// maxPairs bounds the pairs of writes linkedPath tries one by one.
const maxPairs = 200

// linkedPath returns a path of writes among those in selects that holds
// two linked writes, and why they are linked; nil when there is none.
// path is the longest path, tried first.
func (f *flow) linkedPath(in func(int) bool, ps []proof, path []int) ([]int, string) {
	line := func(w *write) int { return f.c.pass.Fset.Position(w.call.Pos()).Line }
	if why := f.pathLink(path, ps, line); why != "" {
		return path, why
	}
	tried := 0
	for a := range f.writes {
		for b := range f.writes {
			if a == b || !in(a) || !in(b) || tried >= maxPairs {
				continue
			}
			if f.link(ps, a, b, line) == "" && f.link(ps, b, a, line) == "" {
				continue
			}
			tried++
			p := f.longest(func(i int) bool { return i == a || i == b })
			if why := f.pathLink(p, ps, line); why != "" {
				return p, why
			}
		}
	}
	return nil, ""
}

// pathLink returns why two distinct writes of path, in path order, are
// linked, or "".
func (f *flow) pathLink(path []int, ps []proof, line func(*write) int) string {
	for x, a := range path {
		for _, b := range path[x+1:] {
			if a == b {
				continue
			}
			if why := f.link(ps, a, b, line); why != "" {
				return why
			}
		}
	}
	return ""
}

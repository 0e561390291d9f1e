package lint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// StaticString returns the text of the string expression e as far as it
// is known statically, for judging SQL text passed to a query function. It
// follows constants, named constants and concatenations; fmt.Sprintf with a
// constant format, whose verbs take the value of constant arguments and
// hole otherwise; and a local variable of fn that is assigned exactly once
// (at its declaration) and whose address is not taken. A part that is not
// known (a verb, a non-constant operand of +) is replaced by hole. ok is
// false when no part of e is known.
func StaticString(info *types.Info, fn ast.Node, e ast.Expr, hole string) (text string, ok bool) {
	r := &staticReader{info: info, body: FuncBody(fn), hole: hole}
	return r.expr(e, 0)
}

type staticReader struct {
	info *types.Info
	body *ast.BlockStmt
	hole string
}

const maxStaticDepth = 16

func (r *staticReader) expr(e ast.Expr, depth int) (string, bool) {
	if s, ok := ConstString(r.info, e); ok {
		return s, true
	}
	if depth > maxStaticDepth {
		return r.hole, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			l, lok := r.expr(x.X, depth+1)
			rt, rok := r.expr(x.Y, depth+1)
			return l + rt, lok || rok
		}
	case *ast.CallExpr:
		if IsFunc(Callee(r.info, x), "fmt", "Sprintf") && len(x.Args) > 0 && !x.Ellipsis.IsValid() {
			if format, ok := ConstString(r.info, x.Args[0]); ok {
				return r.sprintf(format, x.Args[1:], depth), true
			}
		}
	case *ast.Ident:
		if v := LocalVar(r.info, r.body, x); v != nil {
			if val := SingleAssignment(r.info, r.body, v); val != nil {
				return r.expr(val, depth+1)
			}
		}
	}
	return r.hole, false
}

// sprintf formats format with args, writing the value of constant
// arguments for %s, %v, %d and %q... verbs with no flags, and hole for
// every other verb.
func (r *staticReader) sprintf(format string, args []ast.Expr, depth int) string {
	var b strings.Builder
	argi := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		if j < len(format) && format[j] == '%' {
			b.WriteByte('%')
			i = j
			continue
		}
		plain := true
		for j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0 {
			switch format[j] {
			case '[':
				k := strings.IndexByte(format[j:], ']')
				if k < 0 {
					break
				}
				var n int
				for _, d := range format[j+1 : j+k] {
					if d < '0' || d > '9' {
						n = -1
						break
					}
					if n >= 0 {
						n = n*10 + int(d-'0')
					}
				}
				if n > 0 {
					argi = n - 1
				}
				j += k
			case '*':
				argi++ // the width is an argument
				plain = false
			default:
				plain = false
			}
			j++
		}
		if j >= len(format) {
			b.WriteString(r.hole)
			break
		}
		verb := format[j]
		text := r.hole
		if plain && argi < len(args) {
			text = r.verb(verb, args[argi], depth)
		}
		b.WriteString(text)
		argi++
		i = j
	}
	return b.String()
}

func (r *staticReader) verb(verb byte, arg ast.Expr, depth int) string {
	v := ConstValue(r.info, arg)
	switch verb {
	case 's', 'v':
		if v != nil && v.Kind() == constant.String {
			return constant.StringVal(v)
		}
		if v != nil && (v.Kind() == constant.Int || v.Kind() == constant.Bool) {
			return v.ExactString()
		}
		if t, ok := r.info.Types[arg]; ok && types.Identical(types.Default(t.Type).Underlying(), types.Typ[types.String]) {
			if s, ok := r.expr(arg, depth+1); ok {
				return s
			}
		}
	case 'd':
		if v != nil && v.Kind() == constant.Int {
			return v.ExactString()
		}
	}
	return r.hole
}

// SingleAssignment returns the value of the local variable v when body
// gives it exactly one value, at its declaration, and never takes its
// address; otherwise nil.
func SingleAssignment(info *types.Info, body *ast.BlockStmt, v *types.Var) ast.Expr {
	if body == nil {
		return nil
	}
	var value ast.Expr
	writes := 0
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if writes > 1 {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok || info.ObjectOf(id) != v {
					continue
				}
				writes++
				if n.Tok == token.DEFINE && info.Defs[id] == v && len(n.Lhs) == len(n.Rhs) {
					value = n.Rhs[i]
				} else {
					writes++
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] != v {
					continue
				}
				writes++
				if len(n.Values) == len(n.Names) {
					value = n.Values[i]
				} else {
					writes++
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.ObjectOf(id) == v {
				writes += 2
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok && info.ObjectOf(id) == v {
					writes += 2
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.ObjectOf(id) == v {
				writes += 2
			}
		}
		return true
	})
	if writes != 1 {
		return nil
	}
	return value
}

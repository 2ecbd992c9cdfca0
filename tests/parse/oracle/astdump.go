// astdump: the oracle for goro-viz's parser. Parses Go files with go/parser
// and prints each AST in exactly the s-expression form of sim/ast.c's
// ast_dump_opts(AST_DUMP_POS), mapping go/ast onto goro-viz's node kinds, so
// that check_ast_oracle.sh can diff the two parsers over many files.
//
// Usage: go run astdump.go FILE...   (one dump per file, each followed by a
// line "=== FILE")
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
)

type dumper struct {
	fset *token.FileSet
	b    strings.Builder
}

func (d *dumper) nl(ind int) {
	d.b.WriteByte('\n')
	d.b.WriteString(strings.Repeat(" ", ind))
}

func (d *dumper) pos(p token.Pos) string {
	ps := d.fset.PositionFor(p, false)
	return fmt.Sprintf(" @%d:%d", ps.Line, ps.Column)
}

// child prints an expression, statement or helper node on its own line.
func (d *dumper) child(n ast.Node, ind int, typ bool) {
	d.nl(ind)
	if n == nil || isNilNode(n) {
		d.b.WriteString("_")
		return
	}
	d.node(n, ind, typ)
}

func isNilNode(n ast.Node) bool {
	switch x := n.(type) {
	case ast.Expr:
		return x == nil
	case *ast.BlockStmt:
		return x == nil
	}
	return false
}

func (d *dumper) exprs(l []ast.Expr, ind int, typ bool) {
	for _, e := range l {
		d.child(e, ind, typ)
	}
}

func (d *dumper) stmts(l []ast.Stmt, ind int) {
	for _, s := range l {
		d.child(s, ind, false)
	}
}

func (d *dumper) group(name string, l []ast.Node, ind int) {
	d.nl(ind)
	d.b.WriteString("[" + name)
	for _, n := range l {
		d.child(n, ind+2, false)
	}
	d.b.WriteString("]")
}

func fields(fl *ast.FieldList) []ast.Node {
	var r []ast.Node
	if fl != nil {
		for _, f := range fl.List {
			r = append(r, f)
		}
	}
	return r
}

func exprNodes(l []ast.Expr) []ast.Node {
	var r []ast.Node
	for _, e := range l {
		r = append(r, e)
	}
	return r
}

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

func (d *dumper) funcType(t *ast.FuncType, ind int) {
	d.b.WriteString("(FUNC_TYPE" + d.pos(t.Pos()))
	in := ind + 2
	if t.TypeParams != nil && len(t.TypeParams.List) > 0 {
		d.group("tparams", fields(t.TypeParams), in)
	}
	d.group("params", fields(t.Params), in)
	d.group("results", fields(t.Results), in)
	d.b.WriteString(")")
}

// node prints n; typ is set in type positions, where goro-viz's parser (like
// Go's own syntax package) does not keep parentheses.
func (d *dumper) node(n ast.Node, ind int, typ bool) {
	in := ind + 2
	if e, ok := n.(ast.Expr); ok && typ {
		n = unparen(e)
	}
	np := n.Pos()
	switch x := n.(type) {
	case *ast.BinaryExpr:
		np = x.OpPos // goro-viz: binary expressions sit at their operator
	case *ast.SendStmt:
		np = x.Arrow
	}
	switch x := n.(type) {
	case *ast.Ident:
		d.b.WriteString("(IDENT" + d.pos(x.Pos()) + " " + x.Name + ")")
		return
	case *ast.BasicLit:
		d.b.WriteString("(BASIC_LIT" + d.pos(x.Pos()) + " " + x.Value + ")")
		return
	case *ast.CompositeLit:
		d.b.WriteString("(COMPOSITE_LIT" + d.pos(np))
		d.child(x.Type, in, true)
		d.exprs(x.Elts, in, false)
	case *ast.FuncLit:
		d.b.WriteString("(FUNC_LIT" + d.pos(np))
		d.nl(in)
		d.funcType(x.Type, in)
		d.child(x.Body, in, false)
	case *ast.ParenExpr:
		d.b.WriteString("(PAREN" + d.pos(np))
		d.child(x.X, in, false)
	case *ast.SelectorExpr:
		d.b.WriteString("(SELECTOR" + d.pos(np))
		d.child(x.X, in, false)
		d.child(x.Sel, in, false)
	case *ast.IndexExpr:
		d.b.WriteString("(INDEX" + d.pos(np))
		d.child(x.X, in, false)
		d.child(x.Index, in, false)
	case *ast.IndexListExpr:
		d.b.WriteString("(INDEX" + d.pos(np))
		d.child(x.X, in, false)
		d.exprs(x.Indices, in, false)
	case *ast.SliceExpr:
		d.b.WriteString("(SLICE_EXPR" + d.pos(np))
		if x.Slice3 {
			d.b.WriteString(" 3")
		}
		d.child(x.X, in, false)
		d.child(x.Low, in, false)
		d.child(x.High, in, false)
		if x.Slice3 {
			d.child(x.Max, in, false)
		}
	case *ast.TypeAssertExpr:
		d.b.WriteString("(TYPE_ASSERT" + d.pos(np))
		d.child(x.X, in, false)
		if x.Type != nil {
			d.child(x.Type, in, true)
		} else {
			d.b.WriteString(" type")
		}
	case *ast.CallExpr:
		d.b.WriteString("(CALL" + d.pos(np))
		if x.Ellipsis.IsValid() {
			d.b.WriteString(" ...")
		}
		d.child(x.Fun, in, false)
		d.exprs(x.Args, in, false)
	case *ast.StarExpr:
		d.b.WriteString("(STAR" + d.pos(np))
		d.child(x.X, in, typ)
	case *ast.UnaryExpr:
		d.b.WriteString("(UNARY" + d.pos(np) + " " + x.Op.String())
		if x.Op == token.AND {
			d.child(unparen(x.X), in, false)
		} else {
			d.child(x.X, in, x.Op == token.TILDE)
		}
	case *ast.BinaryExpr:
		d.b.WriteString("(BINARY" + d.pos(np) + " " + x.Op.String())
		d.child(x.X, in, typ)
		d.child(x.Y, in, typ)
	case *ast.KeyValueExpr:
		d.b.WriteString("(KEY_VALUE" + d.pos(np))
		d.child(x.Key, in, false)
		d.child(x.Value, in, false)
	case *ast.ArrayType:
		d.b.WriteString("(ARRAY_TYPE" + d.pos(np))
		d.child(x.Len, in, false)
		d.child(x.Elt, in, true)
	case *ast.Ellipsis:
		d.b.WriteString("(ELLIPSIS" + d.pos(np))
		if x.Elt != nil {
			d.child(x.Elt, in, true)
		}
	case *ast.StructType:
		d.b.WriteString("(STRUCT_TYPE" + d.pos(np))
		for _, f := range x.Fields.List {
			d.child(f, in, false)
		}
	case *ast.InterfaceType:
		d.b.WriteString("(INTERFACE_TYPE" + d.pos(np))
		for _, f := range x.Methods.List {
			d.child(f, in, false)
		}
	case *ast.FuncType:
		d.funcType(x, ind)
		return
	case *ast.MapType:
		d.b.WriteString("(MAP_TYPE" + d.pos(np))
		d.child(x.Key, in, true)
		d.child(x.Value, in, true)
	case *ast.ChanType:
		switch x.Dir {
		case ast.SEND:
			d.b.WriteString("(CHAN_TYPE" + d.pos(np) + " chan<-")
		case ast.RECV:
			d.b.WriteString("(CHAN_TYPE" + d.pos(np) + " <-chan")
		default:
			d.b.WriteString("(CHAN_TYPE" + d.pos(np) + " chan")
		}
		d.child(x.Value, in, true)
	case *ast.DeclStmt:
		d.b.WriteString("(DECL_STMT" + d.pos(np))
		d.child(x.Decl, in, false)
	case *ast.EmptyStmt:
		d.b.WriteString("(EMPTY_STMT" + d.pos(np))
	case *ast.LabeledStmt:
		d.b.WriteString("(LABELED" + d.pos(np))
		d.child(x.Label, in, false)
		d.child(x.Stmt, in, false)
	case *ast.ExprStmt:
		d.b.WriteString("(EXPR_STMT" + d.pos(np))
		d.child(x.X, in, false)
	case *ast.SendStmt:
		d.b.WriteString("(SEND" + d.pos(np) + " <-")
		d.child(x.Chan, in, false)
		d.child(x.Value, in, false)
	case *ast.IncDecStmt:
		d.b.WriteString("(INC_DEC" + d.pos(np) + " " + x.Tok.String())
		d.child(x.X, in, false)
	case *ast.AssignStmt:
		d.b.WriteString("(ASSIGN" + d.pos(np) + " " + x.Tok.String())
		d.group("lhs", exprNodes(x.Lhs), in)
		d.group("rhs", exprNodes(x.Rhs), in)
	case *ast.GoStmt:
		d.b.WriteString("(GO" + d.pos(np))
		d.child(x.Call, in, false)
	case *ast.DeferStmt:
		d.b.WriteString("(DEFER" + d.pos(np))
		d.child(x.Call, in, false)
	case *ast.ReturnStmt:
		d.b.WriteString("(RETURN" + d.pos(np))
		d.exprs(x.Results, in, false)
	case *ast.BranchStmt:
		d.b.WriteString("(BRANCH" + d.pos(np) + " " + x.Tok.String())
		if x.Label != nil {
			d.b.WriteString(" " + x.Label.Name)
		}
	case *ast.BlockStmt:
		d.b.WriteString("(BLOCK" + d.pos(np))
		d.stmts(x.List, in)
	case *ast.IfStmt:
		d.b.WriteString("(IF" + d.pos(np))
		d.child(x.Init, in, false)
		d.child(x.Cond, in, false)
		d.child(x.Body, in, false)
		d.child(x.Else, in, false)
	case *ast.CaseClause:
		d.b.WriteString("(CASE_CLAUSE" + d.pos(np))
		if x.List != nil {
			d.group("case", exprNodes(x.List), in)
		} else {
			d.b.WriteString(" default")
		}
		d.stmts(x.Body, in)
	case *ast.SwitchStmt:
		d.b.WriteString("(SWITCH" + d.pos(np))
		d.child(x.Init, in, false)
		d.child(x.Tag, in, false)
		d.child(x.Body, in, false)
	case *ast.TypeSwitchStmt:
		d.b.WriteString("(TYPE_SWITCH" + d.pos(np))
		d.child(x.Init, in, false)
		d.child(x.Assign, in, false)
		d.child(x.Body, in, false)
	case *ast.CommClause:
		d.b.WriteString("(COMM_CLAUSE" + d.pos(np))
		if x.Comm != nil {
			d.child(x.Comm, in, false)
		} else {
			d.b.WriteString(" default")
		}
		d.stmts(x.Body, in)
	case *ast.SelectStmt:
		d.b.WriteString("(SELECT" + d.pos(np))
		d.child(x.Body, in, false)
	case *ast.ForStmt:
		d.b.WriteString("(FOR" + d.pos(np))
		d.child(x.Init, in, false)
		d.child(x.Cond, in, false)
		d.child(x.Post, in, false)
		d.child(x.Body, in, false)
	case *ast.RangeStmt:
		d.b.WriteString("(RANGE" + d.pos(np))
		if x.Tok != token.ILLEGAL {
			d.b.WriteString(" " + x.Tok.String())
		}
		d.child(x.Key, in, false)
		d.child(x.Value, in, false)
		d.child(x.X, in, false)
		d.child(x.Body, in, false)
	case *ast.Field:
		d.b.WriteString("(FIELD" + d.pos(np))
		for _, nm := range x.Names {
			d.b.WriteString(" " + nm.Name)
		}
		d.child(x.Type, in, true)
		if x.Tag != nil {
			d.child(x.Tag, in, false)
		}
	case *ast.ImportSpec:
		d.b.WriteString("(IMPORT_SPEC" + d.pos(np))
		if x.Name != nil {
			d.b.WriteString(" " + x.Name.Name)
		}
		d.b.WriteString(" " + x.Path.Value)
	case *ast.GenDecl:
		d.b.WriteString("(GEN_DECL" + d.pos(np) + " " + x.Tok.String())
		for i, s := range x.Specs {
			d.nl(in)
			switch sp := s.(type) {
			case *ast.ValueSpec:
				iota := 0
				if x.Tok == token.CONST {
					iota = i
				}
				d.b.WriteString("(VALUE_SPEC" + d.pos(sp.Pos()) + fmt.Sprintf(" iota=%d", iota))
				for _, nm := range sp.Names {
					d.b.WriteString(" " + nm.Name)
				}
				d.child(sp.Type, in+2, true)
				d.exprs(sp.Values, in+2, false)
				d.b.WriteString(")")
			case *ast.TypeSpec:
				d.b.WriteString("(TYPE_SPEC" + d.pos(sp.Pos()) + " " + sp.Name.Name)
				if sp.Assign.IsValid() {
					d.b.WriteString(" =")
				}
				if sp.TypeParams != nil && len(sp.TypeParams.List) > 0 {
					d.group("tparams", fields(sp.TypeParams), in+2)
				}
				d.child(sp.Type, in+2, true)
				d.b.WriteString(")")
			case *ast.ImportSpec:
				d.node(sp, in, false)
			}
		}
	case *ast.FuncDecl:
		d.b.WriteString("(FUNC_DECL" + d.pos(np) + " " + x.Name.Name)
		if x.Recv != nil && len(x.Recv.List) > 0 {
			d.group("recv", fields(x.Recv), in)
		}
		d.nl(in)
		d.funcType(x.Type, in)
		d.child(x.Body, in, false)
	default:
		d.b.WriteString(fmt.Sprintf("(?%T", n))
	}
	d.b.WriteString(")")
}

func (d *dumper) file(f *ast.File) {
	d.b.WriteString("(FILE" + d.pos(f.Package) + " " + f.Name.Name)
	for _, decl := range f.Decls {
		if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			for _, s := range g.Specs {
				d.nl(2)
				d.node(s, 2, false)
			}
		}
	}
	for _, decl := range f.Decls {
		if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			continue
		}
		d.child(decl, 2, false)
	}
	d.b.WriteString(")\n")
}

func main() {
	for _, name := range os.Args[1:] {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			fmt.Printf("ERROR %v\n=== %s\n", err, name)
			continue
		}
		d := &dumper{fset: fset}
		d.file(f)
		fmt.Print(d.b.String())
		fmt.Printf("=== %s\n", name)
	}
}

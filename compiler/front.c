/* front.c — the libclang front end: C source to the structured SSA graph.
 *
 * The only file that includes <clang-c/Index.h>; no libclang type leaves it.
 * Needs: the IR builder (ir.c).  Produces: a Module with every function
 * defined in the main file, the structs and globals they use, and
 * declarations of the external functions they call.
 *
 * Lowering, per function:
 *   - a pre-pass finds every local variable; arrays, structs and scalars
 *     whose address is taken live in memory (alloca), all others become SSA
 *     values tracked in an environment (`env`, one slot per variable);
 *   - if/else becomes an `if` whose results are the variables either branch
 *     assigns; loops become `while`/`dowhile` carrying the variables their
 *     body assigns (loops.c later turns counting loops into `for`);
 *   - break, continue and return set flag variables; the statements after
 *     one that may set a flag run under `if (!flags)`, and loop conditions
 *     test the flags, so control flow stays structured;
 *   - && || and ?: keep C's short-circuit semantics (an `if`), except when
 *     the skipped operand is cheap and cannot fault (then `and`/`select`).
 * Anything outside the accepted subset is a file:line:col error naming the
 * construct and a way out.
 */
#define _DEFAULT_SOURCE /* readlink */
#include <clang-c/Index.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "adcc.h"

/* ---- state ---- */

typedef struct Var Var;
struct Var {
	CXCursor decl;   /* VarDecl or ParmDecl; null cursor for flags */
	const char *name;
	Type *ty;
	int inmem;       /* lives in memory: the alloca is `addr` */
	Val *addr;
	int id;
	int mark;        /* assigned inside the loop being lowered */
};

typedef struct Lv Lv;  /* an lvalue */
struct Lv {
	Var *var;        /* an SSA variable, or NULL for memory */
	Val *ptr;        /* memory: the object is ptr[idx0][idx1]… */
	Val *idx[8];
	int nidx;
	Type *ty;        /* the object's type */
};

enum { X_BRK = 1, X_CONT = 2, X_RET = 4 }; /* exit flags a statement may set */

typedef struct {
	Module *m;
	CXTranslationUnit tu;
	const char *file;
	/* per function */
	Fn *f;
	Region *r;       /* where instructions go */
	Var **vars;
	int nvars, capvars;
	Val **env;       /* current value of each SSA variable, NULL = not in scope */
	Var *brk, *cont; /* flags of the innermost loop (NULL if unused) */
	Var *ret, *retval;
	int *scope;      /* ids of variables declared in open blocks */
	int nscope, capscope;
	/* struct types seen, by record cursor */
	CXCursor *recs;
	Struct **recst;
	int nrecs;
	/* typedef names of records, from a pre-pass over the file */
	CXCursor *tdrec;
	const char **tdname;
	int ntd;
} L;

static L *cur_l; /* for the libclang visitor callbacks */

/* ---- small helpers ---- */

static Loc loc_of(CXCursor c)
{
	CXSourceLocation sl = clang_getCursorLocation(c);
	unsigned line, col;
	clang_getExpansionLocation(sl, NULL, &line, &col, NULL);
	return (Loc){(int)line, (int)col};
}

static const char *file_of(L *l, CXCursor c)
{
	CXFile f;
	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, NULL);
	if (!f)
		return l->file;
	CXString s = clang_getFileName(f);
	const char *r = arena_strdup(l->m->arena, clang_getCString(s));
	clang_disposeString(s);
	return r;
}

#define FAIL(l, c, ...) diag_fatal(file_of(l, c), loc_of(c), __VA_ARGS__)

static const char *spell(L *l, CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *r = arena_strdup(l->m->arena, clang_getCString(s));
	clang_disposeString(s);
	return r;
}

static const char *type_spell(L *l, CXType t)
{
	CXString s = clang_getTypeSpelling(t);
	const char *r = arena_strdup(l->m->arena, clang_getCString(s));
	clang_disposeString(s);
	return r;
}

/* Children of a cursor, in order. */
typedef struct {
	CXCursor *c;     /* in the run's arena */
	int n;
} Kids;

typedef struct {
	CXCursor *c;
	int n, cap;
	int code;        /* only expressions and statements */
} KidBuf;

static enum CXChildVisitResult kid_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	KidBuf *k = d;
	enum CXCursorKind kk = clang_getCursorKind(c);
	if (k->code && !clang_isExpression(kk) && !clang_isStatement(kk))
		return CXChildVisit_Continue;
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 8;
		k->c = xrealloc(k->c, sizeof(CXCursor) * (size_t)k->cap);
	}
	k->c[k->n++] = c;
	return CXChildVisit_Continue;
}

static Kids collect(CXCursor c, int code)
{
	KidBuf b = {NULL, 0, 0, code};
	clang_visitChildren(c, kid_visit, &b);
	Kids k;
	k.n = b.n;
	k.c = arena_alloc(cur_l->m->arena, sizeof(CXCursor) * (size_t)(b.n + 1));
	if (b.n)
		memcpy(k.c, b.c, sizeof(CXCursor) * (size_t)b.n);
	free(b.c);
	return k;
}

static Kids kids(CXCursor c) { return collect(c, 0); }
/* Kids that are expressions or statements (not type references, attrs). */
static Kids code_kids(CXCursor c) { return collect(c, 1); }

/* Strip parentheses (and, if `casts`, implicit casts). */
static CXCursor strip(CXCursor c, int casts)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		if (k != CXCursor_ParenExpr && !(casts && k == CXCursor_UnexposedExpr))
			return c;
		Kids ks = code_kids(c);
		if (ks.n != 1)
			return c;
		c = ks.c[0];
	}
}

static CXType ctype(CXCursor c)
{
	return clang_getCanonicalType(clang_getCursorType(c));
}

/* Does c name an array parameter (`double a[3]`)?  It is a pointer, but
 * libclang reports a decayed type as the array type written. */
static int array_param(CXCursor c)
{
	c = strip(c, 1);
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return 0;
	CXCursor d = clang_getCursorReferenced(c);
	enum CXTypeKind k = ctype(d).kind;
	return clang_getCursorKind(d) == CXCursor_ParmDecl &&
		(k == CXType_ConstantArray || k == CXType_IncompleteArray ||
		k == CXType_VariableArray);
}

/* Is c's value a pointer (array parameters included)? */
static int is_ptr(CXCursor c)
{
	return ctype(c).kind == CXType_Pointer || array_param(c);
}

/* ---- types ---- */

static Struct *conv_struct(L *l, CXCursor rec, CXCursor where);

static Type *conv_type(L *l, CXType t, CXCursor where)
{
	t = clang_getCanonicalType(t);
	switch (t.kind) {
	case CXType_Void: return ty_basic(T_VOID);
	case CXType_Bool: return ty_basic(T_U8);
	case CXType_Char_S: case CXType_SChar: return ty_basic(T_I8);
	case CXType_Char_U: case CXType_UChar: return ty_basic(T_U8);
	case CXType_Short: return ty_basic(T_I16);
	case CXType_UShort: return ty_basic(T_U16);
	case CXType_Int: return ty_basic(T_I32);
	case CXType_UInt: return ty_basic(T_U32);
	case CXType_Long: case CXType_LongLong: return ty_basic(T_I64);
	case CXType_ULong: case CXType_ULongLong: return ty_basic(T_U64);
	case CXType_Float: return ty_basic(T_F32);
	case CXType_Double: return ty_basic(T_F64);
	case CXType_Enum: return ty_basic(T_I32);
	case CXType_LongDouble:
		FAIL(l, where, "long double is not supported; use double");
		break;
	case CXType_Pointer: {
		CXType p = clang_getCanonicalType(clang_getPointeeType(t));
		if (p.kind == CXType_FunctionProto || p.kind == CXType_FunctionNoProto)
			FAIL(l, where, "function pointers are not supported; call the "
				"function directly (adcc differentiates direct calls)");
		return ty_ptr(conv_type(l, p, where));
	}
	case CXType_ConstantArray:
		return ty_arr(conv_type(l, clang_getArrayElementType(t), where),
			(long)clang_getArraySize(t));
	case CXType_IncompleteArray:
		return ty_ptr(conv_type(l, clang_getArrayElementType(t), where));
	case CXType_VariableArray:
		FAIL(l, where, "variable-length arrays are not supported; allocate "
			"the array with malloc or give it a constant size");
		break;
	case CXType_Record: {
		CXCursor d = clang_getTypeDeclaration(t);
		if (clang_getCursorKind(d) == CXCursor_UnionDecl)
			FAIL(l, where, "unions are not supported (a union can "
				"reinterpret a value's bits, which has no derivative); use a "
				"struct");
		return conv_struct(l, d, where)->type;
	}
	case CXType_FunctionProto: case CXType_FunctionNoProto:
		FAIL(l, where, "function pointers are not supported; call the "
			"function directly");
		break;
	default:
		break;
	}
	FAIL(l, where, "type '%s' is not supported", type_spell(l, t));
	return NULL;
}

typedef struct {
	L *l;
	Struct *st;
	CXCursor where;
	Field f[256];
	int nf;
} FieldScan;

static enum CXChildVisitResult field_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	FieldScan *fs = d;
	if (clang_getCursorKind(c) != CXCursor_FieldDecl)
		return CXChildVisit_Continue;
	if (clang_Cursor_isBitField(c))
		FAIL(fs->l, c, "bit-fields are not supported; use a whole integer member");
	if (fs->nf == 256)
		FAIL(fs->l, c, "structs with more than 256 members are not supported");
	const char *name = spell(fs->l, c);
	if (!*name)
		FAIL(fs->l, c, "anonymous struct members are not supported; name the member");
	fs->f[fs->nf].name = name;
	fs->f[fs->nf].type = conv_type(fs->l, clang_getCursorType(c), c);
	fs->nf++;
	return CXChildVisit_Continue;
}

/* Is the struct written with a tag (`struct P {`)?  libclang spells an
 * untagged struct with its typedef name, so look at the tokens. */
static int has_tag(L *l, CXCursor def)
{
	CXToken *tok;
	unsigned nt;
	clang_tokenize(l->tu, clang_getCursorExtent(def), &tok, &nt);
	int tagged = 1;
	if (nt >= 2) {
		CXString s = clang_getTokenSpelling(l->tu, tok[1]);
		tagged = strcmp(clang_getCString(s), "{") != 0;
		clang_disposeString(s);
	}
	clang_disposeTokens(l->tu, tok, nt);
	return tagged;
}

/* The Struct for a record declaration, made (with its members) on first use. */
static Struct *conv_struct(L *l, CXCursor rec, CXCursor where)
{
	rec = clang_getCanonicalCursor(rec);
	for (int i = 0; i < l->nrecs; i++)
		if (clang_equalCursors(l->recs[i], rec))
			return l->recst[i];
	CXCursor def = clang_getCursorDefinition(rec);
	if (clang_Cursor_isNull(def))
		FAIL(l, where, "struct '%s' is incomplete here; adcc needs its definition",
			spell(l, rec));
	Arena *a = l->m->arena;
	Struct *st = arena_alloc(a, sizeof *st);
	const char *tag = spell(l, def);
	if (*tag && !strchr(tag, ' ') && !strchr(tag, '(') && has_tag(l, def))
		st->tag = tag;
	for (int i = 0; i < l->ntd; i++)
		if (clang_equalCursors(l->tdrec[i], rec)) {
			st->tdname = l->tdname[i];
			break;
		}
	if (!st->tag && !st->tdname)
		FAIL(l, where, "anonymous struct without a typedef name is not "
			"supported; give it a tag or a typedef");
	/* register before the members so self-referential pointers resolve */
	l->recs = xrealloc(l->recs, sizeof(CXCursor) * (size_t)(l->nrecs + 1));
	l->recst = xrealloc(l->recst, sizeof(Struct *) * (size_t)(l->nrecs + 1));
	l->recs[l->nrecs] = rec;
	l->recst[l->nrecs++] = st;
	st->type = ty_struct(st);
	FieldScan *fs = xmalloc(sizeof *fs);
	fs->l = l;
	fs->st = st;
	fs->where = where;
	clang_visitChildren(def, field_visit, fs);
	if (fs->nf == 0)
		FAIL(l, where, "empty structs are not supported");
	st->f = arena_alloc(a, sizeof(Field) * (size_t)fs->nf);
	memcpy(st->f, fs->f, sizeof(Field) * (size_t)fs->nf);
	st->nf = fs->nf;
	free(fs);
	/* append in definition order: members' structs were appended first */
	Struct **p = &l->m->structs;
	while (*p)
		p = &(*p)->next;
	*p = st;
	return st;
}

static Type *expr_type(L *l, CXCursor e)
{
	return conv_type(l, clang_getCursorType(e), e);
}

/* ---- variables ---- */

static Var *new_var(L *l, CXCursor decl, const char *name, Type *t)
{
	if (l->r && l->nvars == l->capvars)
		ICE("variable table full while lowering");
	Var *v = arena_alloc(l->m->arena, sizeof *v);
	v->decl = decl;
	v->name = name;
	v->ty = t;
	v->id = l->nvars;
	if (l->nvars == l->capvars) {
		l->capvars = l->capvars ? 2 * l->capvars : 32;
		l->vars = xrealloc(l->vars, sizeof(Var *) * (size_t)l->capvars);
		l->env = xrealloc(l->env, sizeof(Val *) * (size_t)l->capvars);
	}
	l->vars[l->nvars] = v;
	l->env[l->nvars++] = NULL;
	return v;
}

static Var *find_var(L *l, CXCursor decl)
{
	for (int i = 0; i < l->nvars; i++)
		if (!clang_Cursor_isNull(l->vars[i]->decl) &&
			clang_equalCursors(l->vars[i]->decl, decl))
			return l->vars[i];
	return NULL;
}

/* Pre-pass over a function body: every local variable, and which scalars
 * have their address taken. */
static enum CXChildVisitResult scan_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	L *l = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_VarDecl) {
		Type *t = conv_type(l, clang_getCursorType(c), c);
		Var *v = new_var(l, c, spell(l, c), t);
		v->inmem = t->kind == T_ARR || t->kind == T_STRUCT;
	} else if (k == CXCursor_UnaryOperator &&
		clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf) {
		Kids ks = code_kids(c);
		CXCursor e = ks.n ? strip(ks.c[0], 0) : c;
		if (clang_getCursorKind(e) == CXCursor_DeclRefExpr) {
			Var *v = find_var(l, clang_getCursorReferenced(e));
			if (v)
				v->inmem = 1;
		}
	}
	return CXChildVisit_Recurse;
}

/* Snapshot and restore of the environment.  Snapshots have room for every
 * variable the function can have (flags are made while lowering; lower_fn
 * reserves capvars so env never moves), zero beyond nvars. */
static Val **env_save(L *l)
{
	Val **s = arena_alloc(l->m->arena, sizeof(Val *) * (size_t)l->capvars);
	memcpy(s, l->env, sizeof(Val *) * (size_t)l->nvars);
	return s;
}

static void env_load(L *l, Val **s)
{
	memcpy(l->env, s, sizeof(Val *) * (size_t)l->nvars);
}

static Val *cst_i(L *l, Type *t, long long v, Loc loc)
{
	return ir_const_i(l->r, t, v, loc);
}

static Val *cst_bool(L *l, int v, Loc loc)
{
	return cst_i(l, ty_basic(T_I1), v, loc);
}

static Val *undef(L *l, Type *t, Loc loc)
{
	Ins *in = ir_ins(l->f, O_UNDEF, NULL, 0, &t, 1, 0, loc);
	ir_append(l->r, in);
	return in->res[0];
}

static Val *named(Val *v, const char *name)
{
	if (!v->name && name)
		v->name = name;
	return v;
}

/* A structured if.  `thenf`/`elsef` lower each branch into the current
 * region and may return a value (both must, or neither); variables either
 * branch assigns become results of the `if` and take them in env.  Returns
 * the branches' value as a result, or NULL. */
typedef Val *(*Branch)(L *l, void *ctx);

static Val *lower_if(L *l, Val *c, Branch thenf, void *tctx, Branch elsef,
	void *ectx, Loc loc)
{
	Ins *in = ir_ins(l->f, O_IF, &c, 1, NULL, 0, 2, loc);
	ir_append(l->r, in);
	Region *outer = l->r;
	Val **before = env_save(l);
	l->r = in->regs[R_THEN];
	Val *tv = thenf ? thenf(l, tctx) : NULL;
	Val **tenv = env_save(l);
	env_load(l, before);
	l->r = in->regs[R_ELSE];
	Val *ev = elsef ? elsef(l, ectx) : NULL;
	Val **eenv = env_save(l);
	l->r = outer;
	/* results: the expression value, then every changed variable */
	Val *ty[256], *ey[256];
	int n = 0;
	Val *res = NULL;
	if (tv || ev) {
		if (!tv || !ev || tv->ty != ev->ty)
			ICE("if branches yield different values");
		ty[n] = tv, ey[n] = ev, n++;
		res = ir_addres(in, tv->ty);
	}
	for (int i = 0; i < l->nvars; i++) {
		l->env[i] = before[i];
		if (!before[i] || (tenv[i] == before[i] && eenv[i] == before[i]))
			continue;
		if (n == 256)
			ICE("too many variables assigned in one if");
		ty[n] = tenv[i], ey[n] = eenv[i], n++;
		l->env[i] = named(ir_addres(in, l->vars[i]->ty), l->vars[i]->name);
	}
	ir_term(in->regs[R_THEN], O_YIELD, ty, n, loc);
	ir_term(in->regs[R_ELSE], O_YIELD, ey, n, loc);
	if (res)
		res->name = tv->name;
	return res;
}

/* ---- expressions ---- */

static Val *rv(L *l, CXCursor e);
static Val *cond(L *l, CXCursor e);
static Lv lv(L *l, CXCursor e);

static int is_null_const(Val *v)
{
	return v->kind == V_RES && v->def->op == O_CONST && ty_isint(v->ty) &&
		v->def->i == 0;
}

/* A constant converted as C converts it. */
static Val *fold_cast(L *l, Ins *c, Type *to, Loc loc)
{
	Type *from = c->res[0]->ty;
	if (ty_isfloat(to)) {
		double d = ty_isfloat(from) ? c->f
			: from->kind == T_U64 ? (double)(unsigned long long)c->i : (double)c->i;
		return ir_const_f(l->r, to, to->kind == T_F32 ? (float)d : d, loc);
	}
	long long i = ty_isfloat(from) ? (long long)c->f : c->i;
	switch (to->kind) {
	case T_I8: i = (signed char)i; break;
	case T_I16: i = (short)i; break;
	case T_I32: i = (int)i; break;
	case T_U8: i = (unsigned char)i; break;
	case T_U16: i = (unsigned short)i; break;
	case T_U32: i = (unsigned)i; break;
	default: break;
	}
	return ir_const_i(l->r, to, i, loc);
}

/* Convert v to type `to` as C does on assignment (not to _Bool; see
 * to_bool). */
static Val *conv(L *l, Val *v, Type *to, CXCursor where)
{
	Type *from = v->ty;
	Loc loc = loc_of(where);
	if (from == to)
		return v;
	if (to->kind == T_PTR) {
		if (is_null_const(v)) {
			Ins *in = ir_ins(l->f, O_CONST, NULL, 0, &to, 1, 0, loc);
			ir_append(l->r, in);
			return in->res[0];
		}
		if (from->kind != T_PTR)
			FAIL(l, where, "conversion from an integer to a pointer is not "
				"supported");
		Type *a = from->elem, *b = to->elem;
		if (a->kind != T_VOID && b->kind != T_VOID && a != b)
			FAIL(l, where, "pointer cast from '%s' to '%s' reinterprets memory, "
				"which adcc cannot differentiate; keep one element type",
				ty_str(l->m->arena, from), ty_str(l->m->arena, to));
		return ir_cast(l->r, to, v, loc);
	}
	if (from->kind == T_PTR)
		FAIL(l, where, "conversion from a pointer to an integer is not supported");
	if (from->kind == T_STRUCT || to->kind == T_STRUCT)
		ICE("struct conversion");
	if (v->kind == V_RES && v->def->op == O_CONST && from->kind != T_I1)
		return fold_cast(l, v->def, to, loc);
	return ir_cast(l->r, to, v, loc);
}

/* C's conversion to _Bool: 0 or 1. */
static Val *to_bool(L *l, Val *v, CXCursor where)
{
	Loc loc = loc_of(where);
	Val *b;
	if (v->ty->kind == T_I1)
		b = v;
	else if (v->ty->kind == T_PTR) {
		Type *t = v->ty;
		Ins *in = ir_ins(l->f, O_CONST, NULL, 0, &t, 1, 0, loc);
		ir_append(l->r, in);
		b = ir_op2(l->r, O_NE, ty_basic(T_I1), v, in->res[0], loc);
	} else {
		Val *z = ty_isfloat(v->ty) ? ir_const_f(l->r, v->ty, 0, loc)
			: cst_i(l, v->ty, 0, loc);
		b = ir_op2(l->r, O_NE, ty_basic(T_I1), v, z, loc);
	}
	return b;
}

/* Convert to the C type of `target` (a cursor whose type is the goal). */
static Val *conv_to(L *l, Val *v, CXType target, CXCursor where)
{
	if (clang_getCanonicalType(target).kind == CXType_Bool)
		return ir_cast(l->r, ty_basic(T_U8), to_bool(l, v, where), loc_of(where));
	return conv(l, v, conv_type(l, target, where), where);
}

/* Usual arithmetic conversions (C11 6.3.1.8) on IR types. */
static Type *promote(Type *t)
{
	switch (t->kind) {
	case T_I1: case T_I8: case T_I16: case T_U8: case T_U16:
		return ty_basic(T_I32);
	default:
		return t;
	}
}

static Type *uac(Type *a, Type *b)
{
	if (a->kind == T_F64 || b->kind == T_F64)
		return ty_basic(T_F64);
	if (a->kind == T_F32 || b->kind == T_F32)
		return ty_basic(T_F32);
	a = promote(a), b = promote(b);
	if (a == b)
		return a;
	int ra = (a->kind == T_I64 || a->kind == T_U64), rb = (b->kind == T_I64 || b->kind == T_U64);
	if (ty_issigned(a) == ty_issigned(b))
		return ra >= rb ? a : b;
	Type *u = ty_issigned(a) ? b : a, *s = ty_issigned(a) ? a : b;
	int ru = u == a ? ra : rb, rs = s == a ? ra : rb;
	if (ru >= rs)
		return u;
	return s; /* i64 holds every u32 */
}

static Var *var_of(L *l, CXCursor declref)
{
	CXCursor d = clang_getCursorReferenced(declref);
	return find_var(l, d);
}

/* The global a DeclRefExpr names, made on first use. */
static Global *global_of(L *l, CXCursor d, CXCursor where);

static Val *global_addr(L *l, Global *g, Loc loc)
{
	Type *t = ty_ptr(ty_decay(g->type));
	Ins *in = ir_ins(l->f, O_GLOBAL, NULL, 0, &t, 1, 0, loc);
	in->sym = g->name;
	ir_append(l->r, in);
	return named(in->res[0], g->name);
}

static Type *index_type(Type *t, int nidx)
{
	/* ptr<T>[i0][i1]…: i0 offsets the pointer, later ones index arrays */
	for (int i = 1; i < nidx; i++) {
		if (t->kind != T_ARR)
			ICE("index into a non-array");
		t = t->elem;
	}
	return t;
}

static Val *mk_addr(L *l, Val *p, Val **idx, int nidx, Loc loc)
{
	Val *args[9];
	args[0] = p;
	for (int i = 0; i < nidx; i++)
		args[i + 1] = idx[i];
	Type *t = ty_ptr(ty_decay(index_type(p->ty->elem, nidx)));
	Ins *in = ir_ins(l->f, O_ADDR, args, nidx + 1, &t, 1, 0, loc);
	ir_append(l->r, in);
	return in->res[0];
}

/* Address of a non-array lvalue in memory (C's &lv). */
static Val *lv_addr(L *l, Lv *v, Loc loc)
{
	if (v->var)
		ICE("address of an SSA variable");
	if (!v->nidx)
		return v->ptr;
	return mk_addr(l, v->ptr, v->idx, v->nidx, loc);
}

/* Pointer to the first element of an array lvalue (array-to-pointer decay). */
static Val *lv_decay(L *l, Lv *v, Loc loc)
{
	if (!v->nidx)
		return v->ptr;
	Lv w = *v;
	w.idx[w.nidx++] = cst_i(l, ty_basic(T_I64), 0, loc);
	return mk_addr(l, w.ptr, w.idx, w.nidx, loc);
}

static Val *lv_load(L *l, Lv *v, CXCursor where)
{
	Loc loc = loc_of(where);
	if (v->var) {
		Val *x = l->env[v->var->id];
		if (!x)
			ICE("variable '%s' has no value", v->var->name);
		return x;
	}
	if (v->ty->kind == T_ARR)
		return lv_decay(l, v, loc);
	Val *args[9];
	args[0] = v->ptr;
	for (int i = 0; i < v->nidx; i++)
		args[i + 1] = v->idx[i];
	Type *t = v->ty;
	Ins *in = ir_ins(l->f, O_LOAD, args, v->nidx + 1, &t, 1, 0, loc);
	ir_append(l->r, in);
	return in->res[0];
}

static void check_store(L *l, Val *p, CXCursor where);
static Global *written_global(L *l, Val *p);

static void lv_store(L *l, Lv *v, Val *x, CXCursor where)
{
	Loc loc = loc_of(where);
	if (v->var) {
		l->env[v->var->id] = named(x, v->var->name);
		return;
	}
	check_store(l, v->ptr, where);
	Val *args[10];
	args[0] = x;
	args[1] = v->ptr;
	for (int i = 0; i < v->nidx; i++)
		args[i + 2] = v->idx[i];
	Ins *in = ir_ins(l->f, O_STORE, args, v->nidx + 2, NULL, 0, 0, loc);
	ir_append(l->r, in);
}

/* The lvalue an expression designates. */
static Lv lv(L *l, CXCursor e)
{
	Lv v;
	memset(&v, 0, sizeof v);
	e = strip(e, 0);
	Loc loc = loc_of(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(e);
		Var *x = find_var(l, d);
		v.ty = x ? x->ty : expr_type(l, e);
		if (x && !x->inmem) {
			v.var = x;
			return v;
		}
		if (x) {
			if (!x->addr)
				ICE("'%s' used before its declaration", x->name);
			v.ptr = x->addr;
			return v;
		}
		if (clang_getCursorKind(d) == CXCursor_VarDecl) {
			v.ptr = global_addr(l, global_of(l, d, e), loc);
			return v;
		}
		FAIL(l, e, "'%s' is not a variable adcc can use here", spell(l, e));
	}
	v.ty = expr_type(l, e);
	if (k == CXCursor_ArraySubscriptExpr) {
		Kids ks = code_kids(e);
		if (ks.n != 2)
			FAIL(l, e, "unexpected array subscript");
		CXCursor base = ks.c[0], ix = ks.c[1];
		if (!is_ptr(base)) {
			CXCursor t = base;
			base = ix, ix = t;
		}
		Val *i = rv(l, ix);
		/* a[i][j] on an array lvalue: extend its index list */
		CXCursor sb = strip(base, 1);
		if (ctype(sb).kind == CXType_ConstantArray && !array_param(sb)) {
			Lv b = lv(l, sb);
			if (b.var || b.nidx >= 7)
				FAIL(l, e, "arrays of more than 7 dimensions are not supported");
			b.idx[b.nidx++] = i;
			b.ty = v.ty;
			return b;
		}
		v.ptr = rv(l, base);
		v.idx[0] = i;
		v.nidx = 1;
		return v;
	}
	if (k == CXCursor_MemberRefExpr) {
		Kids ks = code_kids(e);
		if (ks.n != 1)
			FAIL(l, e, "unexpected member access");
		CXCursor base = ks.c[0];
		Val *p;
		if (is_ptr(base))
			p = rv(l, base);
		else {
			Lv b = lv(l, base);
			if (b.var)
				ICE("struct in an SSA variable");
			p = lv_addr(l, &b, loc);
		}
		if (p->ty->kind != T_PTR || p->ty->elem->kind != T_STRUCT)
			FAIL(l, e, "member access on a non-struct");
		Struct *st = p->ty->elem->st;
		const char *name = spell(l, clang_getCursorReferenced(e));
		int fi = ty_field(st, name);
		if (fi < 0)
			FAIL(l, e, "no member '%s' in struct %s", name, ty_irname(st));
		Type *ft = ty_ptr(ty_decay(st->f[fi].type));
		Ins *in = ir_ins(l->f, O_FIELD, &p, 1, &ft, 1, 0, loc);
		in->fld = fi;
		ir_append(l->r, in);
		v.ptr = named(in->res[0], name);
		v.ty = st->f[fi].type;
		return v;
	}
	if (k == CXCursor_UnaryOperator &&
		clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref) {
		Kids ks = code_kids(e);
		v.ptr = rv(l, ks.c[0]);
		return v;
	}
	if (k == CXCursor_UnexposedExpr) {
		Kids ks = code_kids(e);
		if (ks.n == 1 && clang_equalTypes(ctype(ks.c[0]), ctype(e)))
			return lv(l, ks.c[0]);
	}
	if (k == CXCursor_StringLiteral) /* decays to a pointer */
		FAIL(l, e, "string literals are not supported; move input/output "
			"out of the differentiated code");
	FAIL(l, e, "this expression cannot be assigned to or have its address "
		"taken in adcc's C subset");
	return v;
}

/* Does evaluating e have no side effects, no memory access through
 * pointers, no calls and no division, so it may run speculatively? */
static int cheap(L *l, CXCursor e)
{
	e = strip(e, 1);
	switch (clang_getCursorKind(e)) {
	case CXCursor_IntegerLiteral: case CXCursor_FloatingLiteral:
	case CXCursor_CharacterLiteral:
		return 1;
	case CXCursor_DeclRefExpr: {
		Var *x = var_of(l, e);
		return x && !x->inmem;
	}
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind k = clang_getCursorUnaryOperatorKind(e);
		Kids ks = code_kids(e);
		return (k == CXUnaryOperator_Plus || k == CXUnaryOperator_Minus ||
			k == CXUnaryOperator_LNot || k == CXUnaryOperator_Not) &&
			ks.n == 1 && cheap(l, ks.c[0]);
	}
	case CXCursor_BinaryOperator: {
		enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(e);
		Kids ks = code_kids(e);
		if (k >= CXBinaryOperator_Assign || k == CXBinaryOperator_Div ||
			k == CXBinaryOperator_Rem || ks.n != 2)
			return 0;
		return cheap(l, ks.c[0]) && cheap(l, ks.c[1]);
	}
	default:
		return 0;
	}
}

static Op arith_op(enum CXBinaryOperatorKind k)
{
	switch (k) {
	case CXBinaryOperator_Mul: case CXBinaryOperator_MulAssign: return O_MUL;
	case CXBinaryOperator_Div: case CXBinaryOperator_DivAssign: return O_DIV;
	case CXBinaryOperator_Rem: case CXBinaryOperator_RemAssign: return O_REM;
	case CXBinaryOperator_Add: case CXBinaryOperator_AddAssign: return O_ADD;
	case CXBinaryOperator_Sub: case CXBinaryOperator_SubAssign: return O_SUB;
	case CXBinaryOperator_Shl: case CXBinaryOperator_ShlAssign: return O_SHL;
	case CXBinaryOperator_Shr: case CXBinaryOperator_ShrAssign: return O_SHR;
	case CXBinaryOperator_And: case CXBinaryOperator_AndAssign: return O_AND;
	case CXBinaryOperator_Xor: case CXBinaryOperator_XorAssign: return O_XOR;
	case CXBinaryOperator_Or: case CXBinaryOperator_OrAssign: return O_OR;
	case CXBinaryOperator_LT: return O_LT;
	case CXBinaryOperator_GT: return O_GT;
	case CXBinaryOperator_LE: return O_LE;
	case CXBinaryOperator_GE: return O_GE;
	case CXBinaryOperator_EQ: return O_EQ;
	case CXBinaryOperator_NE: return O_NE;
	default: return NOPS;
	}
}

/* a op b with pointer arithmetic; both already converted for arithmetic. */
static Val *arith(L *l, Op op, Val *a, Val *b, Type *t, CXCursor where)
{
	Loc loc = loc_of(where);
	if (a->ty->kind == T_PTR || b->ty->kind == T_PTR) {
		if (a->ty->kind == T_PTR && b->ty->kind == T_PTR)
			FAIL(l, where, "subtracting pointers is not supported; keep an "
				"integer index instead");
		if (b->ty->kind == T_PTR) {
			Val *x = a;
			a = b, b = x;
		}
		if (op == O_SUB) { /* p - u, u unsigned: negate a signed offset */
			if (!ty_issigned(b->ty))
				b = conv(l, b, ty_basic(T_I64), where);
			b = ir_op1(l->r, O_NEG, b->ty, b, loc);
		}
		else if (op != O_ADD)
			FAIL(l, where, "unsupported pointer arithmetic");
		return mk_addr(l, a, &b, 1, loc);
	}
	if (op == O_SHL || op == O_SHR)
		b = conv(l, b, a->ty, where);
	return ir_op2(l->r, op, t, a, b, loc);
}

static Val *then_cond(L *l, void *e) { return cond(l, *(CXCursor *)e); }
static Val *const_false(L *l, void *e) { return cst_bool(l, 0, loc_of(*(CXCursor *)e)); }
static Val *const_true(L *l, void *e) { return cst_bool(l, 1, loc_of(*(CXCursor *)e)); }

/* e as a condition: an i1. */
static Val *cond(L *l, CXCursor e)
{
	CXCursor s = strip(e, 0);
	Loc loc = loc_of(s);
	enum CXCursorKind k = clang_getCursorKind(s);
	if (k == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind bk = clang_getCursorBinaryOperatorKind(s);
		Kids ks = code_kids(s);
		if (bk == CXBinaryOperator_LAnd || bk == CXBinaryOperator_LOr) {
			Val *a = cond(l, ks.c[0]);
			if (cheap(l, ks.c[1]))
				return ir_op2(l->r, bk == CXBinaryOperator_LAnd ? O_AND : O_OR,
					ty_basic(T_I1), a, cond(l, ks.c[1]), loc);
			if (bk == CXBinaryOperator_LAnd)
				return lower_if(l, a, then_cond, &ks.c[1], const_false, &s, loc);
			return lower_if(l, a, const_true, &s, then_cond, &ks.c[1], loc);
		}
		Op op = arith_op(bk);
		if (op != NOPS && (opinfo[op].flags & F_CMP)) {
			Val *a = rv(l, ks.c[0]), *b = rv(l, ks.c[1]);
			if (a->ty != b->ty)
				b = conv(l, b, a->ty, s);
			return ir_op2(l->r, op, ty_basic(T_I1), a, b, loc);
		}
	}
	if (k == CXCursor_UnaryOperator &&
		clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_LNot) {
		Kids ks = code_kids(s);
		return ir_op1(l->r, O_NOT, ty_basic(T_I1), cond(l, ks.c[0]), loc);
	}
	return to_bool(l, rv(l, s), s);
}

static Val *call(L *l, CXCursor e);
static Val *then_rv(L *l, void *e) { return rv(l, *(CXCursor *)e); }
static Val *effect_rv(L *l, void *e) { rv(l, *(CXCursor *)e); return NULL; }

/* ++ and -- */
static Val *incdec(L *l, CXCursor e, int inc, int post)
{
	Kids ks = code_kids(e);
	Lv v = lv(l, ks.c[0]);
	Loc loc = loc_of(e);
	Val *old = lv_load(l, &v, e), *nv;
	if (old->ty->kind == T_PTR) {
		Val *one = cst_i(l, ty_basic(T_I64), inc ? 1 : -1, loc);
		nv = mk_addr(l, old, &one, 1, loc);
	} else {
		Type *ct = promote(old->ty);
		Val *one = ty_isfloat(ct) ? ir_const_f(l->r, ct, 1, loc) : cst_i(l, ct, 1, loc);
		nv = ir_op2(l->r, inc ? O_ADD : O_SUB, ct, conv(l, old, ct, e), one, loc);
		nv = conv(l, nv, old->ty, e);
	}
	lv_store(l, &v, nv, e);
	return post ? old : nv;
}

static Val *literal(L *l, CXCursor e, Type *t)
{
	Loc loc = loc_of(e);
	CXEvalResult r = clang_Cursor_Evaluate(e);
	if (!r)
		FAIL(l, e, "cannot evaluate this constant");
	Val *v;
	if (clang_EvalResult_getKind(r) == CXEval_Float) {
		double d = clang_EvalResult_getAsDouble(r);
		v = ty_isfloat(t) ? ir_const_f(l->r, t, d, loc) : NULL;
	} else if (clang_EvalResult_getKind(r) == CXEval_Int) {
		long long i = clang_EvalResult_isUnsignedInt(r)
			? (long long)clang_EvalResult_getAsUnsigned(r)
			: clang_EvalResult_getAsLongLong(r);
		v = ty_isfloat(t) ? ir_const_f(l->r, t, (double)i, loc) : cst_i(l, t, i, loc);
	} else {
		v = NULL;
	}
	clang_EvalResult_dispose(r);
	if (!v)
		FAIL(l, e, "unsupported constant (string literals are not supported: "
			"move input/output out of the differentiated code)");
	return v;
}

static Val *sizeof_expr(L *l, CXCursor e)
{
	Loc loc = loc_of(e);
	Kids ks = kids(e);
	Type *t = NULL;
	int is_expr = 0;
	for (int i = 0; i < ks.n && !t; i++) {
		enum CXCursorKind k = clang_getCursorKind(ks.c[i]);
		if (k == CXCursor_TypeRef || clang_isExpression(k)) {
			CXType ct = clang_getCanonicalType(clang_getCursorType(ks.c[i]));
			is_expr = clang_isExpression(k);
			if (ct.kind != CXType_VariableArray && ct.kind != CXType_Invalid)
				t = conv_type(l, ct, e);
		}
	}
	if (!is_expr) {
		/* sizeof(type): a builtin type is read from the tokens, and the
		 * stars of `sizeof(double *)`, `sizeof(struct S *)` are counted */
		CXToken *tok;
		unsigned nt;
		clang_tokenize(l->tu, clang_getCursorExtent(e), &tok, &nt);
		static const struct { const char *w; TypeKind k; } kw[] = {
			{"double", T_F64}, {"float", T_F32}, {"long", T_I64},
			{"short", T_I16}, {"char", T_I8}, {"int", T_I32},
		};
		int nptr = 0, uns = 0, named = t != NULL;
		for (unsigned i = 0; i < nt; i++) {
			CXString s = clang_getTokenSpelling(l->tu, tok[i]);
			const char *w = clang_getCString(s);
			if (!strcmp(w, "*"))
				nptr++;
			if (!strcmp(w, "unsigned"))
				uns = 1;
			for (size_t k = 0; k < sizeof kw / sizeof *kw && !t; k++)
				if (!strcmp(w, kw[k].w))
					t = ty_basic(kw[k].k);
			clang_disposeString(s);
		}
		clang_disposeTokens(l->tu, tok, nt);
		if (t && uns && !named && ty_issigned(t))
			t = ty_basic(t->kind - T_I8 + T_U8);
		for (; t && nptr > 0; nptr--)
			t = ty_ptr(t);
	}
	CXEvalResult r = clang_Cursor_Evaluate(e);
	long long n = r ? clang_EvalResult_getAsLongLong(r) : -1;
	if (r)
		clang_EvalResult_dispose(r);
	if (t && ty_size(t) == n) {
		Type *u = ty_basic(T_U64);
		Ins *in = ir_ins(l->f, O_SIZEOF, NULL, 0, &u, 1, 0, loc);
		in->aty = t;
		ir_append(l->r, in);
		return in->res[0];
	}
	if (n < 0)
		FAIL(l, e, "cannot evaluate this sizeof");
	return cst_i(l, ty_basic(T_U64), n, loc);
}

/* e as an rvalue of its own C type. */
static Val *rv(L *l, CXCursor e)
{
	Loc loc = loc_of(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	Type *t;
	switch (k) {
	case CXCursor_ParenExpr: {
		Kids ks = code_kids(e);
		return rv(l, ks.c[0]);
	}
	case CXCursor_IntegerLiteral: case CXCursor_FloatingLiteral:
	case CXCursor_CharacterLiteral:
		return literal(l, e, expr_type(l, e));
	case CXCursor_UnexposedExpr: case CXCursor_CStyleCastExpr: {
		Kids ks = code_kids(e);
		if (ks.n != 1)
			FAIL(l, e, "unsupported expression");
		CXCursor c = ks.c[0];
		CXType te = ctype(e), tc = ctype(c);
		if (tc.kind == CXType_ConstantArray && te.kind == CXType_Pointer &&
			!array_param(c)) {
			Lv v = lv(l, c);
			return lv_decay(l, &v, loc);
		}
		if (tc.kind == CXType_FunctionProto || tc.kind == CXType_FunctionNoProto)
			FAIL(l, e, "function pointers are not supported; call the "
				"function directly");
		if (te.kind == CXType_Void) { /* (void)x */
			rv(l, c);
			return NULL;
		}
		if (clang_equalTypes(te, tc))
			return rv(l, c);
		return conv_to(l, rv(l, c), te, e);
	}
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(e);
		if (clang_getCursorKind(d) == CXCursor_EnumConstantDecl)
			return cst_i(l, expr_type(l, e), clang_getEnumConstantDeclValue(d), loc);
		if (clang_getCursorKind(d) == CXCursor_FunctionDecl)
			FAIL(l, e, "function pointers are not supported; call the "
				"function directly");
		Lv v = lv(l, e);
		return lv_load(l, &v, e);
	}
	case CXCursor_ArraySubscriptExpr: case CXCursor_MemberRefExpr: {
		Lv v = lv(l, e);
		return lv_load(l, &v, e);
	}
	case CXCursor_CallExpr:
		return call(l, e);
	case CXCursor_UnaryExpr:
		return sizeof_expr(l, e);
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind uk = clang_getCursorUnaryOperatorKind(e);
		Kids ks = code_kids(e);
		t = expr_type(l, e);
		switch (uk) {
		case CXUnaryOperator_PostInc: return incdec(l, e, 1, 1);
		case CXUnaryOperator_PostDec: return incdec(l, e, 0, 1);
		case CXUnaryOperator_PreInc: return incdec(l, e, 1, 0);
		case CXUnaryOperator_PreDec: return incdec(l, e, 0, 0);
		case CXUnaryOperator_AddrOf: {
			CXCursor s = strip(ks.c[0], 0);
			if (ctype(s).kind == CXType_FunctionProto)
				FAIL(l, e, "function pointers are not supported; call the "
					"function directly");
			Lv v = lv(l, s);
			if (v.var)
				ICE("address of SSA variable '%s'", v.var->name);
			if (v.ty->kind == T_ARR)
				FAIL(l, e, "the address of a whole array is not supported; "
					"use the array itself (it decays to a pointer)");
			return lv_addr(l, &v, loc);
		}
		case CXUnaryOperator_Deref: {
			Lv v = lv(l, e);
			return lv_load(l, &v, e);
		}
		case CXUnaryOperator_Plus:
			return conv(l, rv(l, ks.c[0]), t, e);
		case CXUnaryOperator_Minus:
			return ir_op1(l->r, O_NEG, t, conv(l, rv(l, ks.c[0]), t, e), loc);
		case CXUnaryOperator_Not:
			return ir_op1(l->r, O_NOT, t, conv(l, rv(l, ks.c[0]), t, e), loc);
		case CXUnaryOperator_LNot:
			return ir_cast(l->r, t, cond(l, e), loc);
		default:
			FAIL(l, e, "unsupported unary operator");
		}
		break;
	}
	case CXCursor_CompoundAssignOperator: case CXCursor_BinaryOperator: {
		enum CXBinaryOperatorKind bk = clang_getCursorBinaryOperatorKind(e);
		Kids ks = code_kids(e);
		if (ks.n != 2)
			FAIL(l, e, "unsupported binary expression");
		t = expr_type(l, e);
		if (bk == CXBinaryOperator_Comma) {
			rv(l, ks.c[0]);
			return rv(l, ks.c[1]);
		}
		if (bk == CXBinaryOperator_Assign) {
			Lv v = lv(l, ks.c[0]);
			Val *x = conv_to(l, rv(l, ks.c[1]), clang_getCursorType(ks.c[0]), e);
			lv_store(l, &v, x, e);
			return x;
		}
		if (bk > CXBinaryOperator_Assign && bk < CXBinaryOperator_Comma) {
			Lv v = lv(l, ks.c[0]);
			Val *b = rv(l, ks.c[1]);
			Val *a = lv_load(l, &v, e);
			Op op = arith_op(bk);
			Val *x;
			if (a->ty->kind == T_PTR) {
				x = arith(l, op, a, b, a->ty, e);
			} else {
				Type *ct = (op == O_SHL || op == O_SHR) ? promote(a->ty)
					: uac(a->ty, b->ty);
				x = arith(l, op, conv(l, a, ct, e), conv(l, b, ct, e), ct, e);
				x = conv_to(l, x, clang_getCursorType(ks.c[0]), e);
			}
			lv_store(l, &v, x, e);
			return x;
		}
		if (bk == CXBinaryOperator_LAnd || bk == CXBinaryOperator_LOr)
			return ir_cast(l->r, t, cond(l, e), loc);
		Op op = arith_op(bk);
		if (op == NOPS)
			FAIL(l, e, "unsupported binary operator");
		if (opinfo[op].flags & F_CMP)
			return ir_cast(l->r, t, cond(l, e), loc);
		Val *a = rv(l, ks.c[0]), *b = rv(l, ks.c[1]);
		if (t->kind != T_PTR) {
			if (op != O_SHL && op != O_SHR)
				a = conv(l, a, t, e), b = conv(l, b, t, e);
			else
				a = conv(l, a, t, e);
		}
		return arith(l, op, a, b, t, e);
	}
	case CXCursor_ConditionalOperator: {
		Kids ks = code_kids(e);
		if (ks.n != 3)
			FAIL(l, e, "the GNU ?: extension is not supported");
		t = expr_type(l, e);
		if (t->kind == T_VOID)
			FAIL(l, e, "a ?: without a value is not supported; use if/else");
		Val *c = cond(l, ks.c[0]);
		if (cheap(l, ks.c[1]) && cheap(l, ks.c[2]) && t->kind != T_STRUCT) {
			Val *a = conv(l, rv(l, ks.c[1]), t, e);
			Val *b = conv(l, rv(l, ks.c[2]), t, e);
			Val *args[3] = {c, a, b};
			Ins *in = ir_ins(l->f, O_SELECT, args, 3, &t, 1, 0, loc);
			ir_append(l->r, in);
			return in->res[0];
		}
		/* branches with effects or faults keep C's lazy evaluation */
		CXCursor arms[2] = {ks.c[1], ks.c[2]};
		return lower_if(l, c, then_rv, &arms[0], then_rv, &arms[1], loc);
	}
	case CXCursor_InitListExpr:
		FAIL(l, e, "an initializer list is only supported in a declaration");
		break;
	case CXCursor_StringLiteral:
		FAIL(l, e, "string literals are not supported; move input/output "
			"out of the differentiated code");
		break;
	case CXCursor_CompoundLiteralExpr:
		FAIL(l, e, "compound literals are not supported; declare a local "
			"variable");
		break;
	case CXCursor_StmtExpr:
		FAIL(l, e, "statement expressions are not supported");
		break;
	default:
		break;
	}
	FAIL(l, e, "unsupported expression (%s)", spell(l, e));
	return NULL;
}

/* ---- calls ---- */

static int in_main_file(CXCursor c)
{
	return clang_Location_isFromMainFile(clang_getCursorLocation(c));
}

static Decl *declare(L *l, CXCursor fd, CXCursor where)
{
	const char *name = spell(l, fd);
	Decl *d = ir_finddecl(l->m, name);
	if (d)
		return d;
	Arena *a = l->m->arena;
	CXType ft = clang_getCanonicalType(clang_getCursorType(fd));
	d = arena_alloc(a, sizeof *d);
	d->name = name;
	d->ret = conv_type(l, clang_getResultType(ft), where);
	if (ft.kind == CXType_FunctionProto) {
		d->np = clang_getNumArgTypes(ft);
		d->params = arena_alloc(a, sizeof(Type *) * (size_t)(d->np + 1));
		for (int i = 0; i < d->np; i++)
			d->params[i] = conv_type(l, clang_getArgType(ft, (unsigned)i), where);
		d->variadic = clang_isFunctionTypeVariadic(ft);
	}
	Decl **p = &l->m->decls;
	while (*p)
		p = &(*p)->next;
	*p = d;
	return d;
}

static Val *call(L *l, CXCursor e)
{
	Loc loc = loc_of(e);
	CXCursor fd = clang_getCursorReferenced(e);
	if (clang_Cursor_isNull(fd) || clang_getCursorKind(fd) != CXCursor_FunctionDecl)
		FAIL(l, e, "calls through function pointers are not supported; call "
			"the function directly");
	const char *name = spell(l, fd);
	static const char *refused[] = {"setjmp", "_setjmp", "sigsetjmp",
		"longjmp", "_longjmp", "siglongjmp", "alloca", "__builtin_alloca"};
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
		if (!strcmp(name, refused[i]))
			FAIL(l, e, "'%s' is not supported (non-local control flow or "
				"stack allocation); restructure the code or use malloc", name);
	if (!strncmp(name, "__builtin_", 10)) {
		/* INFINITY, NAN, HUGE_VAL: builtins that are constants */
		CXEvalResult r = clang_Cursor_Evaluate(e);
		Type *t = expr_type(l, e);
		if (r && clang_EvalResult_getKind(r) == CXEval_Float && ty_isfloat(t)) {
			double d = clang_EvalResult_getAsDouble(r);
			clang_EvalResult_dispose(r);
			return ir_const_f(l->r, t, d, loc);
		}
		if (r)
			clang_EvalResult_dispose(r);
	}
	CXCursor def = clang_getCursorDefinition(fd);
	int local = !clang_Cursor_isNull(def) && in_main_file(def);
	if (!local)
		declare(l, fd, e);
	int n = clang_Cursor_getNumArguments(e);
	Val **args = xmalloc(sizeof(Val *) * (size_t)(n + 1));
	for (int i = 0; i < n; i++) {
		CXCursor ac = clang_Cursor_getArgument(e, (unsigned)i);
		args[i] = rv(l, ac);
		if (!args[i])
			FAIL(l, e, "a void argument");
		/* a non-const pointer parameter may write what it points to */
		CXType pt = clang_getCanonicalType(clang_getArgType(
			clang_getCanonicalType(clang_getCursorType(fd)), (unsigned)i));
		Global *g = written_global(l, args[i]);
		if (g && pt.kind == CXType_Pointer &&
			!clang_isConstQualifiedType(clang_getPointeeType(pt)))
			FAIL(l, ac, "passing the global variable '%s' to '%s', which may "
				"write it, is not supported (a function must not keep state "
				"between calls); pass it as a parameter, or make the "
				"parameter a pointer to const if '%s' only reads it",
				g->name, name, name);
	}
	Type *rt = expr_type(l, e);
	Ins *in = ir_ins(l->f, O_CALL, args, n, &rt, rt->kind != T_VOID, 0, loc);
	free(args);
	in->sym = name;
	ir_append(l->r, in);
	return in->nres ? in->res[0] : NULL;
}

/* ---- statements ---- */

static int stmt(L *l, CXCursor s);

/* Which exit flags can statement s set: break/continue of the enclosing
 * loop (not of loops nested in s), return. */
typedef struct {
	int mask;
	int depth;
} ExitScan;

static enum CXChildVisitResult exit_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	ExitScan *x = d;
	switch (clang_getCursorKind(c)) {
	case CXCursor_BreakStmt:
		if (!x->depth)
			x->mask |= X_BRK;
		break;
	case CXCursor_ContinueStmt:
		if (!x->depth)
			x->mask |= X_CONT;
		break;
	case CXCursor_ReturnStmt:
		x->mask |= X_RET;
		break;
	case CXCursor_ForStmt: case CXCursor_WhileStmt: case CXCursor_DoStmt: {
		x->depth++;
		clang_visitChildren(c, exit_visit, x);
		x->depth--;
		return CXChildVisit_Continue;
	}
	default:
		break;
	}
	return CXChildVisit_Recurse;
}

static int exits(CXCursor s)
{
	ExitScan x = {0, 0};
	enum CXCursorKind k = clang_getCursorKind(s);
	if (k == CXCursor_BreakStmt)
		return X_BRK;
	if (k == CXCursor_ContinueStmt)
		return X_CONT;
	if (k == CXCursor_ReturnStmt)
		return X_RET;
	clang_visitChildren(s, exit_visit, &x);
	return x.mask;
}

/* Variables assigned anywhere inside s. */
static enum CXChildVisitResult assign_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	L *l = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor target = clang_getNullCursor();
	if (k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator) {
		enum CXBinaryOperatorKind bk = clang_getCursorBinaryOperatorKind(c);
		if (bk >= CXBinaryOperator_Assign && bk < CXBinaryOperator_Comma) {
			Kids ks = code_kids(c);
			target = ks.c[0];
		}
	} else if (k == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind uk = clang_getCursorUnaryOperatorKind(c);
		if (uk >= CXUnaryOperator_PostInc && uk <= CXUnaryOperator_PreDec) {
			Kids ks = code_kids(c);
			target = ks.c[0];
		}
	}
	if (!clang_Cursor_isNull(target)) {
		target = strip(target, 0);
		if (clang_getCursorKind(target) == CXCursor_DeclRefExpr) {
			Var *v = var_of(l, target);
			if (v && !v->inmem)
				v->mark = 1;
		}
	}
	return CXChildVisit_Recurse;
}

static Val *flag(L *l, Var *v)
{
	return v ? l->env[v->id] : NULL;
}

/* !(brk || cont || ret) for the flags in mask that exist, or NULL. */
static Val *no_exit(L *l, int mask, Loc loc)
{
	Val *any = NULL;
	Var *fl[3] = {mask & X_BRK ? l->brk : NULL, mask & X_CONT ? l->cont : NULL,
		mask & X_RET ? l->ret : NULL};
	for (int i = 0; i < 3; i++) {
		Val *f = flag(l, fl[i]);
		if (!f)
			continue;
		any = any ? ir_op2(l->r, O_OR, ty_basic(T_I1), any, f, loc) : f;
	}
	return any ? ir_op1(l->r, O_NOT, ty_basic(T_I1), any, loc) : NULL;
}

typedef struct {
	CXCursor *ss;
	int n;
	int mask;
} Rest;

static int block_from(L *l, CXCursor *ss, int n);
static void scope_end(L *l, int mark);

static Val *rest_branch(L *l, void *ctx)
{
	Rest *r = ctx;
	r->mask = block_from(l, r->ss, r->n);
	return NULL;
}

/* Does s always leave the block (return, break or continue on every path)? */
static int always_exits(CXCursor s)
{
	switch (clang_getCursorKind(s)) {
	case CXCursor_ReturnStmt: case CXCursor_BreakStmt: case CXCursor_ContinueStmt:
		return 1;
	case CXCursor_CompoundStmt: {
		Kids ks = code_kids(s);
		for (int i = 0; i < ks.n; i++)
			if (always_exits(ks.c[i]))
				return 1;
		return 0;
	}
	case CXCursor_IfStmt: {
		Kids ks = code_kids(s);
		return ks.n == 3 && always_exits(ks.c[1]) && always_exits(ks.c[2]);
	}
	default:
		return 0;
	}
}

/* One arm of an if followed by the rest of the block (or just the rest). */
typedef struct {
	CXCursor arm;    /* may be null */
	CXCursor *ss;
	int n;
	int mask;
} ArmRest;

static Val *armrest_branch(L *l, void *ctx)
{
	ArmRest *a = ctx;
	int mark = l->nscope;
	a->mask = clang_Cursor_isNull(a->arm) ? 0 : stmt(l, a->arm);
	scope_end(l, mark);
	a->mask |= block_from(l, a->ss, a->n);
	return NULL;
}

/* Statements ss[0..n) of one block; after a statement that may exit, the
 * rest runs under a guard.  `if (c) return …;` puts the rest in the else
 * branch instead, the shape a person would write. */
static int block_from(L *l, CXCursor *ss, int n)
{
	int mask = 0;
	for (int i = 0; i < n; i++) {
		if (i + 1 < n && clang_getCursorKind(ss[i]) == CXCursor_IfStmt) {
			Kids ks = code_kids(ss[i]);
			CXCursor els = ks.n > 2 ? ks.c[2] : clang_getNullCursor();
			int te = always_exits(ks.c[1]);
			int ee = !clang_Cursor_isNull(els) && always_exits(els);
			if (te != ee) {
				Val *c = cond(l, ks.c[0]);
				ArmRest a = {ks.c[1], NULL, 0, 0}, b = {els, NULL, 0, 0};
				ArmRest *cont = te ? &b : &a;
				cont->ss = ss + i + 1;
				cont->n = n - i - 1;
				lower_if(l, c, armrest_branch, &a, armrest_branch, &b,
					loc_of(ss[i]));
				return mask | a.mask | b.mask;
			}
		}
		int m = stmt(l, ss[i]);
		mask |= m;
		if (m && i + 1 < n) {
			Val *go = no_exit(l, m, loc_of(ss[i + 1]));
			if (!go)
				continue;
			Rest r = {ss + i + 1, n - i - 1, 0};
			lower_if(l, go, rest_branch, &r, NULL, NULL, loc_of(ss[i + 1]));
			return mask | r.mask;
		}
	}
	return mask;
}

static void scope_push(L *l, Var *v)
{
	if (l->nscope == l->capscope) {
		l->capscope = l->capscope ? 2 * l->capscope : 32;
		l->scope = xrealloc(l->scope, sizeof(int) * (size_t)l->capscope);
	}
	l->scope[l->nscope++] = v->id;
}

/* Closes the block opened when nscope was `mark`: its variables leave env. */
static void scope_end(L *l, int mark)
{
	while (l->nscope > mark)
		l->env[l->scope[--l->nscope]] = NULL;
}

static void init_mem(L *l, Lv *dst, CXCursor init);

/* Zero a memory object (missing initializers). */
static void zero_mem(L *l, Lv *dst, CXCursor where)
{
	Loc loc = loc_of(where);
	Type *t = dst->ty;
	if (t->kind == T_ARR) {
		if (dst->nidx >= 7)
			FAIL(l, where, "initializer nested too deeply");
		/* a loop: for (k = 0; k < n; k++) zero dst[k] */
		Type *it = ty_basic(T_I64);
		Val *lo = cst_i(l, it, 0, loc), *hi = cst_i(l, it, t->n, loc);
		Val *st = cst_i(l, it, 1, loc);
		Val *args[3] = {lo, hi, st};
		Ins *in = ir_ins(l->f, O_FOR, args, 3, NULL, 0, 1, loc);
		in->pred = O_LT;
		ir_append(l->r, in);
		Region *outer = l->r;
		l->r = in->regs[0];
		Val *k = ir_regarg(l->r, it, "k");
		Lv e = *dst;
		e.idx[e.nidx++] = k;
		e.ty = t->elem;
		zero_mem(l, &e, where);
		ir_term(l->r, O_YIELD, NULL, 0, loc);
		l->r = outer;
	} else if (t->kind == T_STRUCT) {
		for (int i = 0; i < t->st->nf; i++) {
			Val *p = lv_addr(l, dst, loc);
			Type *ft = ty_ptr(ty_decay(t->st->f[i].type));
			Ins *in = ir_ins(l->f, O_FIELD, &p, 1, &ft, 1, 0, loc);
			in->fld = i;
			ir_append(l->r, in);
			Lv e = {NULL, in->res[0], {0}, 0, t->st->f[i].type};
			zero_mem(l, &e, where);
		}
	} else {
		Val *z;
		if (ty_isfloat(t))
			z = ir_const_f(l->r, t, 0, loc);
		else if (t->kind == T_PTR) {
			Ins *in = ir_ins(l->f, O_CONST, NULL, 0, &t, 1, 0, loc);
			ir_append(l->r, in);
			z = in->res[0];
		} else
			z = cst_i(l, t, 0, loc);
		lv_store(l, dst, z, where);
	}
}

static void init_mem(L *l, Lv *dst, CXCursor init)
{
	Loc loc = loc_of(init);
	Type *t = dst->ty;
	CXCursor s = strip(init, 0);
	if (clang_getCursorKind(s) != CXCursor_InitListExpr) {
		if (t->kind == T_ARR)
			FAIL(l, init, "this array initializer is not supported");
		if (clang_getCursorKind(strip(s, 1)) == CXCursor_UnexposedExpr &&
			code_kids(strip(s, 1)).n == 0) { /* implicit value init */
			zero_mem(l, dst, init);
			return;
		}
		lv_store(l, dst, conv(l, rv(l, init), t, init), init);
		return;
	}
	Kids ks = code_kids(s);
	if (t->kind == T_ARR) {
		if (ks.n > t->n)
			FAIL(l, init, "too many initializers");
		for (int i = 0; i < t->n; i++) {
			Lv e = *dst;
			e.idx[e.nidx++] = cst_i(l, ty_basic(T_I64), i, loc);
			e.ty = t->elem;
			if (i < ks.n) {
				init_mem(l, &e, ks.c[i]);
			} else {
				/* the rest is zero: one loop over the remaining elements */
				if (t->n - i > 4) {
					Type *it = ty_basic(T_I64);
					Val *args[3] = {cst_i(l, it, i, loc), cst_i(l, it, t->n, loc),
						cst_i(l, it, 1, loc)};
					Ins *in = ir_ins(l->f, O_FOR, args, 3, NULL, 0, 1, loc);
					in->pred = O_LT;
					ir_append(l->r, in);
					Region *outer = l->r;
					l->r = in->regs[0];
					Lv f = *dst;
					f.idx[f.nidx++] = ir_regarg(l->r, it, "k");
					f.ty = t->elem;
					zero_mem(l, &f, init);
					ir_term(l->r, O_YIELD, NULL, 0, loc);
					l->r = outer;
					return;
				}
				zero_mem(l, &e, init);
			}
		}
		return;
	}
	if (t->kind == T_STRUCT) {
		for (int i = 0; i < t->st->nf; i++) {
			Val *p = lv_addr(l, dst, loc);
			Type *ft = ty_ptr(ty_decay(t->st->f[i].type));
			Ins *in = ir_ins(l->f, O_FIELD, &p, 1, &ft, 1, 0, loc);
			in->fld = i;
			ir_append(l->r, in);
			Lv e = {NULL, named(in->res[0], t->st->f[i].name), {0}, 0,
				t->st->f[i].type};
			if (i < ks.n)
				init_mem(l, &e, ks.c[i]);
			else
				zero_mem(l, &e, init);
		}
		return;
	}
	if (ks.n != 1)
		FAIL(l, init, "a scalar initializer needs one value");
	init_mem(l, dst, ks.c[0]);
}

static void decl(L *l, CXCursor d)
{
	if (clang_getCursorKind(d) != CXCursor_VarDecl)
		return; /* local struct/typedef declarations need no code */
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);
	if (sc == CX_SC_Static)
		FAIL(l, d, "static local variables are not supported (their value "
			"persists between calls); use a file-scope const or a parameter");
	if (sc == CX_SC_Extern)
		FAIL(l, d, "block-scope extern declarations are not supported; "
			"declare it at file scope");
	Var *v = find_var(l, d);
	if (!v)
		ICE("variable '%s' missed by the pre-pass", spell(l, d));
	Loc loc = loc_of(d);
	CXCursor init = clang_Cursor_getVarDeclInitializer(d);
	int has_init = !clang_Cursor_isNull(init);
	if (v->inmem) {
		Type *pt = ty_ptr(ty_decay(v->ty));
		Ins *in = ir_ins(l->f, O_ALLOCA, NULL, 0, &pt, 1, 0, loc);
		in->aty = v->ty;
		ir_append(l->r, in);
		v->addr = named(in->res[0], v->name);
		l->env[v->id] = v->addr; /* in scope */
		scope_push(l, v);
		if (has_init) {
			Lv dst = {NULL, v->addr, {0}, 0, v->ty};
			init_mem(l, &dst, init);
		}
		return;
	}
	Val *x = has_init ? conv_to(l, rv(l, init), clang_getCursorType(d), d)
		: undef(l, v->ty, loc);
	l->env[v->id] = named(x, v->name);
	scope_push(l, v);
}

/* A loop.  is_do: body first.  condc may be null (for(;;)), inc may be
 * null.  Variables the loop assigns are carried. */
static int loop(L *l, CXCursor condc, CXCursor body, CXCursor inc, int is_do,
	Loc loc)
{
	int mask = exits(body);
	/* carried variables: assigned in cond, body or inc, and in scope */
	assign_visit(body, body, l);
	clang_visitChildren(body, assign_visit, l);
	if (!clang_Cursor_isNull(condc)) {
		assign_visit(condc, condc, l);
		clang_visitChildren(condc, assign_visit, l);
	}
	if (!clang_Cursor_isNull(inc)) {
		assign_visit(inc, inc, l);
		clang_visitChildren(inc, assign_visit, l);
	}
	Var *outer_brk = l->brk, *outer_cont = l->cont;
	l->brk = l->cont = NULL;
	if (mask & X_BRK) {
		l->brk = new_var(l, clang_getNullCursor(), "brk", ty_basic(T_I1));
		l->env[l->brk->id] = cst_bool(l, 0, loc);
		l->brk->mark = 1;
	}
	if (mask & X_CONT)
		l->cont = new_var(l, clang_getNullCursor(), "cont", ty_basic(T_I1));
	if (mask & X_RET) {
		l->ret->mark = 1;
		if (l->retval)
			l->retval->mark = 1;
	}
	Var *car[256];
	Val *init[256];
	int nc = 0;
	for (int i = 0; i < l->nvars; i++) {
		Var *v = l->vars[i];
		if (!v->mark)
			continue;
		v->mark = 0;
		if (!l->env[i])
			continue;
		if (nc == 256)
			FAIL(l, body, "more than 256 variables change in one loop");
		car[nc] = v;
		init[nc++] = l->env[i];
	}
	Ins *w = ir_ins(l->f, is_do ? O_DOWHILE : O_WHILE, init, nc, NULL, 0, 2, loc);
	ir_append(l->r, w);
	Region *outer = l->r;
	Val *yv[256];
	for (int pass = 0; pass < 2; pass++) {
		int is_cond = is_do ? pass == 1 : pass == 0;
		Region *r = w->regs[is_cond ? R_COND : R_BODY];
		l->r = r;
		for (int i = 0; i < nc; i++)
			l->env[car[i]->id] = ir_regarg(r, car[i]->ty, car[i]->name);
		if (is_cond) {
			Loc cl = clang_Cursor_isNull(condc) ? loc : loc_of(condc);
			Val *go = no_exit(l, mask & (X_BRK | X_RET), cl), *c;
			if (clang_Cursor_isNull(condc))
				c = go ? go : cst_bool(l, 1, cl);
			else if (!go)
				c = cond(l, condc);
			else if (cheap(l, condc))
				c = ir_op2(l->r, O_AND, ty_basic(T_I1), go, cond(l, condc), cl);
			else
				c = lower_if(l, go, then_cond, &condc, const_false, &condc, cl);
			Val *fw[257];
			fw[0] = c;
			for (int i = 0; i < nc; i++)
				fw[i + 1] = l->env[car[i]->id];
			ir_term(r, O_COND, fw, nc + 1, cl);
		} else {
			if (l->cont)
				l->env[l->cont->id] = cst_bool(l, 0, loc);
			int m = stmt(l, body);
			if (!clang_Cursor_isNull(inc)) {
				Val *go = no_exit(l, m & (X_BRK | X_RET), loc_of(inc));
				if (go) {
					lower_if(l, go, effect_rv, &inc, NULL, NULL, loc_of(inc));
				} else {
					rv(l, inc);
				}
			}
			for (int i = 0; i < nc; i++)
				yv[i] = l->env[car[i]->id];
			ir_term(r, O_YIELD, yv, nc, loc);
		}
	}
	l->r = outer;
	for (int i = 0; i < nc; i++)
		l->env[car[i]->id] = named(ir_addres(w, car[i]->ty), car[i]->name);
	if (l->brk)
		l->env[l->brk->id] = NULL;
	if (l->cont)
		l->env[l->cont->id] = NULL;
	l->brk = outer_brk, l->cont = outer_cont;
	return mask & X_RET;
}

/* The parts of a for statement: libclang omits absent ones, so place each
 * child by its position relative to the two semicolons of the header. */
static void for_parts(L *l, CXCursor s, CXCursor part[4])
{
	for (int i = 0; i < 4; i++)
		part[i] = clang_getNullCursor();
	Kids ks = code_kids(s);
	if (ks.n == 0)
		FAIL(l, s, "malformed for statement");
	part[3] = ks.c[ks.n - 1];
	CXToken *tok;
	unsigned nt;
	clang_tokenize(l->tu, clang_getCursorExtent(s), &tok, &nt);
	unsigned semi[2] = {0, 0}, ns = 0;
	int depth = 0;
	for (unsigned i = 0; i < nt && ns < 2; i++) {
		CXString sp = clang_getTokenSpelling(l->tu, tok[i]);
		const char *w = clang_getCString(sp);
		if (!strcmp(w, "("))
			depth++;
		else if (!strcmp(w, ")"))
			depth--;
		else if (!strcmp(w, ";") && depth == 1) {
			unsigned off;
			clang_getExpansionLocation(clang_getTokenLocation(l->tu, tok[i]),
				NULL, NULL, NULL, &off);
			semi[ns++] = off;
		}
		clang_disposeString(sp);
	}
	clang_disposeTokens(l->tu, tok, nt);
	if (ns != 2)
		FAIL(l, s, "a for statement written through a macro is not "
			"supported; write the loop header out");
	for (int i = 0; i < ks.n - 1; i++) {
		unsigned off;
		clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(ks.c[i])),
			NULL, NULL, NULL, &off);
		part[off < semi[0] ? 0 : off < semi[1] ? 1 : 2] = ks.c[i];
	}
}

typedef struct {
	CXCursor s;
	int mask;
} Arm;

static Val *arm_branch(L *l, void *ctx)
{
	Arm *a = ctx;
	a->mask = clang_Cursor_isNull(a->s) ? 0 : stmt(l, a->s);
	return NULL;
}

/* Lowers one statement; returns the exit flags it may set. */
static int stmt(L *l, CXCursor s)
{
	Loc loc = loc_of(s);
	enum CXCursorKind k = clang_getCursorKind(s);
	switch (k) {
	case CXCursor_CompoundStmt: {
		Kids ks = code_kids(s);
		int mark = l->nscope;
		int m = block_from(l, ks.c, ks.n);
		scope_end(l, mark);
		return m;
	}
	case CXCursor_DeclStmt: {
		Kids ks = kids(s);
		for (int i = 0; i < ks.n; i++)
			decl(l, ks.c[i]);
		return 0;
	}
	case CXCursor_NullStmt:
		return 0;
	case CXCursor_IfStmt: {
		Kids ks = code_kids(s);
		Val *c = cond(l, ks.c[0]);
		Arm a = {ks.c[1], 0}, b = {ks.n > 2 ? ks.c[2] : clang_getNullCursor(), 0};
		lower_if(l, c, arm_branch, &a, arm_branch, &b, loc);
		return a.mask | b.mask;
	}
	case CXCursor_WhileStmt: {
		Kids ks = code_kids(s);
		return loop(l, ks.c[0], ks.c[1], clang_getNullCursor(), 0, loc);
	}
	case CXCursor_DoStmt: {
		Kids ks = code_kids(s);
		return loop(l, ks.c[1], ks.c[0], clang_getNullCursor(), 1, loc);
	}
	case CXCursor_ForStmt: {
		CXCursor part[4];
		for_parts(l, s, part);
		int mark = l->nscope;
		if (!clang_Cursor_isNull(part[0]))
			stmt(l, part[0]);
		int m = loop(l, part[1], part[3], part[2], 0, loc);
		scope_end(l, mark);
		return m;
	}
	case CXCursor_BreakStmt:
		if (!l->brk)
			ICE("break outside a loop");
		l->env[l->brk->id] = cst_bool(l, 1, loc);
		return X_BRK;
	case CXCursor_ContinueStmt:
		if (!l->cont)
			ICE("continue outside a loop");
		l->env[l->cont->id] = cst_bool(l, 1, loc);
		return X_CONT;
	case CXCursor_ReturnStmt: {
		Kids ks = code_kids(s);
		if (ks.n) {
			Val *v = rv(l, ks.c[0]);
			if (l->retval)
				l->env[l->retval->id] = conv(l, v, l->retval->ty, s);
		}
		l->env[l->ret->id] = cst_bool(l, 1, loc);
		return X_RET;
	}
	case CXCursor_SwitchStmt:
		FAIL(l, s, "switch statements are not supported yet; rewrite the "
			"switch as if/else");
		break;
	case CXCursor_GotoStmt: case CXCursor_IndirectGotoStmt:
	case CXCursor_LabelStmt:
		FAIL(l, s, "goto and labels are not supported; use structured "
			"control flow (loops with break/continue, if/else, return)");
		break;
	case CXCursor_GCCAsmStmt: case CXCursor_MSAsmStmt:
		FAIL(l, s, "inline assembly is not supported; move it into a "
			"function outside the differentiated code");
		break;
	default:
		if (clang_isExpression(k)) {
			rv(l, s);
			return 0;
		}
		break;
	}
	FAIL(l, s, "unsupported statement (%s)", spell(l, s));
	return 0;
}

/* ---- globals ---- */

/* const, at the object or (for arrays) the element level */
static int const_object(CXType t)
{
	for (;;) {
		if (clang_isConstQualifiedType(t))
			return 1;
		CXType c = clang_getCanonicalType(t);
		if (clang_isConstQualifiedType(c))
			return 1;
		if (c.kind != CXType_ConstantArray)
			return 0;
		t = clang_getArrayElementType(c);
	}
}

typedef struct {
	double *v;
	int n, cap;
} Flat;

static void flat_push(Flat *f, double d)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 16;
		f->v = xrealloc(f->v, sizeof(double) * (size_t)f->cap);
	}
	f->v[f->n++] = d;
}

/* The initializer of a global, flattened to scalars in memory order. */
static void flatten(L *l, Type *t, CXCursor init, int has, Flat *out)
{
	CXCursor s = has ? strip(init, 0) : init;
	if (t->kind == T_ARR || t->kind == T_STRUCT) {
		Kids ks = {NULL, 0};
		if (has) {
			if (clang_getCursorKind(s) != CXCursor_InitListExpr)
				FAIL(l, init, "unsupported initializer for a global array "
					"or struct");
			ks = code_kids(s);
		}
		long n = t->kind == T_ARR ? t->n : t->st->nf;
		for (long i = 0; i < n; i++) {
			Type *et = t->kind == T_ARR ? t->elem : t->st->f[i].type;
			flatten(l, et, i < ks.n ? ks.c[i] : init, i < ks.n, out);
		}
		return;
	}
	if (t->kind == T_PTR)
		FAIL(l, init, "globals holding pointers are not supported; pass the "
			"data as a parameter");
	if (!has) {
		flat_push(out, 0);
		return;
	}
	if (clang_getCursorKind(s) == CXCursor_InitListExpr) {
		Kids ks = code_kids(s);
		flatten(l, t, ks.c[0], ks.n > 0, out);
		return;
	}
	CXEvalResult r = clang_Cursor_Evaluate(init);
	double d = 0;
	int ok = 0;
	if (r && clang_EvalResult_getKind(r) == CXEval_Float)
		d = clang_EvalResult_getAsDouble(r), ok = 1;
	else if (r && clang_EvalResult_getKind(r) == CXEval_Int) {
		d = clang_EvalResult_isUnsignedInt(r)
			? (double)clang_EvalResult_getAsUnsigned(r)
			: (double)clang_EvalResult_getAsLongLong(r);
		ok = 1;
	} else if (clang_getCursorKind(strip(s, 1)) == CXCursor_UnexposedExpr &&
		code_kids(strip(s, 1)).n == 0) {
		ok = 1; /* implicit zero */
	}
	if (r)
		clang_EvalResult_dispose(r);
	if (!ok)
		FAIL(l, init, "the initializer of a global must be a constant");
	if (t->kind == T_F32)
		d = (float)d;
	flat_push(out, d);
}

static Global *global_of(L *l, CXCursor d, CXCursor where)
{
	const char *name = spell(l, d);
	Global *g = ir_findglobal(l->m, name);
	if (g)
		return g;
	CXCursor def = clang_getCursorDefinition(d);
	if (clang_Cursor_isNull(def) && in_main_file(d) &&
		clang_Cursor_getStorageClass(d) != CX_SC_Extern)
		def = d; /* a tentative definition (`double g;`): zero */
	if (clang_Cursor_isNull(def) || !in_main_file(def))
		FAIL(l, where, "global '%s' is not defined in this file; adcc needs "
			"its definition (or pass it as a parameter)", name);
	Arena *a = l->m->arena;
	g = arena_alloc(a, sizeof *g);
	g->name = name;
	g->type = conv_type(l, clang_getCursorType(def), def);
	g->is_const = const_object(clang_getCursorType(def));
	g->is_static = clang_Cursor_getStorageClass(def) == CX_SC_Static;
	g->loc = loc_of(def);
	CXCursor init = clang_Cursor_getVarDeclInitializer(def);
	if (!clang_Cursor_isNull(init)) {
		Flat f = {0};
		flatten(l, g->type, init, 1, &f);
		g->init = arena_alloc(a, sizeof(double) * (size_t)f.n);
		memcpy(g->init, f.v, sizeof(double) * (size_t)f.n);
		g->ninit = f.n;
		free(f.v);
		int allzero = 1;
		for (int i = 0; i < f.n; i++)
			if (g->init[i] != 0 || 1 / g->init[i] < 0)
				allzero = 0;
		if (allzero)
			g->ninit = 0;
	}
	Global **p = &l->m->globals;
	while (*p)
		p = &(*p)->next;
	*p = g;
	return g;
}

/* Refuse stores into non-const globals. */
/* The global a pointer value points into, or NULL. */
static Global *written_global(L *l, Val *p)
{
	while (p->kind == V_RES && (p->def->op == O_FIELD || p->def->op == O_ADDR ||
		(p->def->op == O_CAST && p->def->args[0]->ty->kind == T_PTR)))
		p = p->def->args[0];
	if (p->kind == V_RES && p->def->op == O_GLOBAL)
		return ir_findglobal(l->m, p->def->sym);
	return NULL;
}

static void check_store(L *l, Val *p, CXCursor where)
{
	Global *g = written_global(l, p);
	if (g)
		FAIL(l, where, "writing the global variable '%s' is not supported "
			"(a function must not keep state between calls); pass it as a "
			"parameter", g->name);
}

/* Refuse stores into a non-const global through any pointer derived from
 * it (selects, if results and loop-carried pointers included): values
 * derived from such a global are marked until nothing changes. */
typedef struct {
	L *l;
	int changed;
} GW;

static int gw_marked(Val *v) { return v->mark == 7; }

static void gw_mark(GW *g, Val *v)
{
	if (!gw_marked(v) && v->ty->kind == T_PTR) {
		v->mark = 7;
		g->changed = 1;
	}
}

static void gw_step(Ins *in, void *ctx)
{
	GW *g = ctx;
	switch (in->op) {
	case O_GLOBAL: {
		Global *gl = ir_findglobal(g->l->m, in->sym);
		if (gl && !gl->is_const)
			gw_mark(g, in->res[0]);
		break;
	}
	case O_ADDR: case O_FIELD: case O_CAST:
		if (gw_marked(in->args[0]))
			gw_mark(g, in->res[0]);
		break;
	case O_SELECT:
		if (gw_marked(in->args[1]) || gw_marked(in->args[2]))
			gw_mark(g, in->res[0]);
		break;
	case O_IF: case O_FOR: case O_WHILE: case O_DOWHILE:
		for (int k = 0; k < in->nres; k++) {
			Slot sl = ir_slot(in, k);
			Val *vs[6];
			int n = 0;
			for (int i = 0; i < sl.nsame; i++)
				vs[n++] = sl.same[i];
			for (int i = 0; i < sl.nin; i++)
				vs[n++] = sl.in[i];
			int any = 0;
			for (int i = 0; i < n; i++)
				any |= gw_marked(vs[i]);
			if (any)
				for (int i = 0; i < n; i++)
					gw_mark(g, vs[i]);
		}
		break;
	default:
		break;
	}
}

static void gw_clear(Ins *in, void *ctx)
{
	(void)ctx;
	for (int i = 0; i < in->nres; i++)
		in->res[i]->mark = 0;
	for (int r = 0; r < in->nregs; r++)
		for (int i = 0; i < in->regs[r]->nargs; i++)
			in->regs[r]->args[i]->mark = 0;
}

static void gw_check(Ins *in, void *ctx)
{
	GW *g = ctx;
	Val *p = in->op == O_STORE ? in->args[1] : NULL;
	if (p && gw_marked(p)) {
		diag_fatal(g->l->file, in->loc, "writing a global variable through a "
			"pointer is not supported (a function must not keep state between "
			"calls); pass the data as a parameter");
	}
}

static void check_global_writes(L *l, Fn *f)
{
	GW g = {l, 1};
	for (int i = 0; i < f->np; i++)
		f->params[i]->mark = 0;
	ir_walk(f->body, gw_clear, NULL);
	while (g.changed) {
		g.changed = 0;
		ir_walk(f->body, gw_step, &g);
	}
	ir_walk(f->body, gw_check, &g);
	ir_walk(f->body, gw_clear, NULL);
}

/* ---- functions ---- */

static enum CXChildVisitResult annot_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	L *l = d;
	if (clang_getCursorKind(c) == CXCursor_AnnotateAttr) {
		const char *s = spell(l, c);
		if (!strncmp(s, "adcc:", 5)) {
			Fn *f = l->f;
			const char **a = arena_alloc(l->m->arena, sizeof(char *) * (size_t)(f->nannot + 1));
			for (int i = 0; i < f->nannot; i++)
				a[i] = f->annots[i];
			a[f->nannot++] = s;
			f->annots = a;
		}
	}
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult count_loops(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_ForStmt || k == CXCursor_WhileStmt || k == CXCursor_DoStmt)
		++*(int *)d;
	return CXChildVisit_Recurse;
}

/* A parameter's type: libclang gives the type as written, so adjust an
 * array parameter (`double a[3][3]`, `double x[n]`) to a pointer to its
 * element, as C does. */
static Type *param_type(L *l, CXCursor p)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(p));
	if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
		t.kind == CXType_VariableArray)
		return ty_ptr(conv_type(l, clang_getArrayElementType(t), p));
	return conv_type(l, t, p);
}

static void lower_fn(L *l, CXCursor fd)
{
	CXType ft = clang_getCanonicalType(clang_getCursorType(fd));
	const char *name = spell(l, fd);
	if (ft.kind == CXType_FunctionProto && clang_isFunctionTypeVariadic(ft))
		FAIL(l, fd, "variadic function '%s' is not supported; pass an array "
			"and a count instead", name);
	l->nvars = 0;
	l->nscope = 0;
	l->r = NULL;
	l->brk = l->cont = NULL;
	Fn *f = ir_fn(l->m, name, conv_type(l, clang_getResultType(ft), fd));
	l->f = f;
	f->loc = loc_of(fd);
	f->is_static = clang_Cursor_getStorageClass(fd) == CX_SC_Static;
	clang_visitChildren(fd, annot_visit, l);
	int np = clang_Cursor_getNumArguments(fd);
	Var **pv = xmalloc(sizeof(Var *) * (size_t)(np + 1));
	for (int i = 0; i < np; i++) {
		CXCursor p = clang_Cursor_getArgument(fd, (unsigned)i);
		pv[i] = new_var(l, p, spell(l, p), param_type(l, p));
		pv[i]->inmem = pv[i]->ty->kind == T_STRUCT;
	}
	CXCursor body = clang_getNullCursor();
	Kids ks = kids(fd);
	for (int i = 0; i < ks.n; i++)
		if (clang_getCursorKind(ks.c[i]) == CXCursor_CompoundStmt)
			body = ks.c[i];
	clang_visitChildren(body, scan_visit, l);
	int nloops = 0;
	clang_visitChildren(body, count_loops, &nloops);
	/* room for the flags, so env never moves while lowering */
	int need = l->nvars + 2 * nloops + 4;
	if (l->capvars < need) {
		l->capvars = need;
		l->vars = xrealloc(l->vars, sizeof(Var *) * (size_t)need);
		l->env = xrealloc(l->env, sizeof(Val *) * (size_t)need);
	}
	l->r = f->body;
	Loc loc = loc_of(fd);
	for (int i = 0; i < np; i++) {
		Var *v = pv[i];
		CXCursor pc = clang_Cursor_getArgument(fd, (unsigned)i);
		const char *pn = *v->name ? v->name : arena_printf(l->m->arena, "p%d", i);
		Val *p = ir_param(f, v->ty, pn);
		CXType pt = clang_getCanonicalType(clang_getCursorType(pc));
		if (pt.kind == CXType_Pointer)
			p->cnst = clang_isConstQualifiedType(clang_getPointeeType(pt)) != 0;
		else if (v->ty->kind == T_PTR) /* an array parameter */
			p->cnst = clang_isConstQualifiedType(pt) ||
				clang_isConstQualifiedType(clang_getArrayElementType(pt));
		if (v->inmem) {
			Type *at = ty_ptr(v->ty);
			Ins *in = ir_ins(f, O_ALLOCA, NULL, 0, &at, 1, 0, loc);
			in->aty = v->ty;
			ir_append(l->r, in);
			v->addr = named(in->res[0], v->name);
			Lv dst = {NULL, v->addr, {0}, 0, v->ty};
			lv_store(l, &dst, p, pc);
			l->env[v->id] = v->addr;
		} else {
			l->env[v->id] = p;
		}
	}
	free(pv);
	l->ret = new_var(l, clang_getNullCursor(), "done", ty_basic(T_I1));
	l->env[l->ret->id] = cst_bool(l, 0, loc);
	l->retval = NULL;
	if (f->ret->kind != T_VOID) {
		l->retval = new_var(l, clang_getNullCursor(), "ret", f->ret);
		l->env[l->retval->id] = undef(l, f->ret, loc);
	}
	stmt(l, body);
	Val *rv_ = l->retval ? l->env[l->retval->id] : NULL;
	ir_term(l->r, O_RET, rv_ ? &rv_ : NULL, rv_ != NULL, loc_of(body));
	check_global_writes(l, f);
}

/* ---- the translation unit ---- */

static enum CXChildVisitResult td_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	L *l = d;
	if (clang_getCursorKind(c) != CXCursor_TypedefDecl)
		return CXChildVisit_Continue;
	CXType u = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c));
	if (u.kind != CXType_Record)
		return CXChildVisit_Continue;
	CXCursor rec = clang_getCanonicalCursor(clang_getTypeDeclaration(u));
	for (int i = 0; i < l->ntd; i++)
		if (clang_equalCursors(l->tdrec[i], rec))
			return CXChildVisit_Continue;
	l->tdrec = xrealloc(l->tdrec, sizeof(CXCursor) * (size_t)(l->ntd + 1));
	l->tdname = xrealloc(l->tdname, sizeof(char *) * (size_t)(l->ntd + 1));
	l->tdrec[l->ntd] = rec;
	l->tdname[l->ntd++] = spell(l, c);
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult fn_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	L *l = d;
	if (!in_main_file(c))
		return CXChildVisit_Continue;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c))
		lower_fn(l, c);
	else if (k == CXCursor_VarDecl && clang_isCursorDefinition(c))
		global_of(l, c, c);
	else if (k == CXCursor_UnionDecl && clang_isCursorDefinition(c))
		FAIL(l, c, "unions are not supported (a union can reinterpret a "
			"value's bits, which has no derivative); use a struct");
	return CXChildVisit_Continue;
}

/* Where the adcc binary lives, to find adcc.h next to it. */
static const char *self_dir(Arena *a)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return ".";
	buf[n] = 0;
	char *slash = strrchr(buf, '/');
	if (slash)
		*slash = 0;
	return arena_strdup(a, buf);
}

Module *front_parse(const char *path, int nclang, const char **clang_args)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		diag_fatal(path, (Loc){0, 0}, "cannot open the input file");
	fclose(fp);
	Module *m = ir_module(path);
	L *l = xmalloc(sizeof *l);
	l->m = m;
	l->file = m->file;
	cur_l = l;

	const char *dir = self_dir(m->arena);
	const char **args = xmalloc(sizeof(char *) * (size_t)(nclang + 8));
	int na = 0, has_std = 0;
	for (int i = 0; i < nclang; i++)
		if (!strncmp(clang_args[i], "-std=", 5))
			has_std = 1;
	args[na++] = "-xc";
	args[na++] = "-D__ADCC__=1"; /* lets a file hide code from adcc */
	if (!has_std)
		args[na++] = "-std=gnu11";
	args[na++] = arena_printf(m->arena, "-I%s/runtime", dir);
	args[na++] = arena_printf(m->arena, "-I%s/../include", dir);
	for (int i = 0; i < nclang; i++)
		args[na++] = clang_args[i];

	CXIndex idx = clang_createIndex(0, 0);
	CXTranslationUnit tu;
	enum CXErrorCode err = clang_parseTranslationUnit2(idx, path, args, na,
		NULL, 0, CXTranslationUnit_None, &tu);
	free(args);
	if (err != CXError_Success)
		diag_fatal(path, (Loc){0, 0}, "cannot parse the file (libclang "
			"error %d)", (int)err);
	int nerr = 0;
	for (unsigned i = 0; i < clang_getNumDiagnostics(tu); i++) {
		CXDiagnostic dg = clang_getDiagnostic(tu, i);
		if (clang_getDiagnosticSeverity(dg) >= CXDiagnostic_Error) {
			CXString s = clang_formatDiagnostic(dg,
				CXDiagnostic_DisplaySourceLocation | CXDiagnostic_DisplayColumn);
			fprintf(stderr, "%s\n", clang_getCString(s));
			clang_disposeString(s);
			nerr++;
		}
		clang_disposeDiagnostic(dg);
	}
	if (nerr)
		exit(1);
	l->tu = tu;
	CXCursor root = clang_getTranslationUnitCursor(tu);
	clang_visitChildren(root, td_visit, l);
	clang_visitChildren(root, fn_visit, l);
	if (!m->fns)
		diag_fatal(path, (Loc){0, 0}, "no function definitions found");
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(idx);
	free(l->vars);
	free(l->env);
	free(l->recs);
	free(l->recst);
	free(l->tdrec);
	free(l->tdname);
	free(l->scope);
	free(l);
	cur_l = NULL;
	return m;
}

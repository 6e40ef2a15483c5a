/* verify.c — the IR verifier: the rules of docs/ir.md §"Verifier".
 *
 * One walk over each function, in text order, checks single definition,
 * dominance (a value is visible from its definition to the end of the region
 * that defines it, nested regions included), operand and result types,
 * region arguments and terminators.  It is linear in the size of the IR: a
 * state byte per value id (not defined yet / visible / out of scope).
 * Changes nothing.  Value names in messages are those print.c would print,
 * computed only when a function has a problem.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

enum { S_NONE, S_LIVE, S_DEAD };

typedef struct {
	Module *m;
	Fn *f;
	const char *when;
	Arena *a;            /* message text */
	unsigned char *st;   /* by value id */
	const char **names;  /* by value id, once needed */
	int nerr;
} V;

/* ---- messages ---- */

/* The location of `in`, or of the closest enclosing instruction that has
 * one, or of the function. */
static Loc where(V *v, Ins *in)
{
	for (; in; in = in->parent ? in->parent->parent : NULL)
		if (in->loc.line > 0)
			return in->loc;
	return v->f ? v->f->loc : (Loc){0, 0};
}

static void bad(V *v, Ins *in, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	Loc l = where(v, in);
	fflush(stdout);
	if (l.line > 0)
		fprintf(stderr, "%s:%d:%d: ", v->m->file, l.line, l.col);
	else
		fprintf(stderr, "%s: ", v->m->file);
	fprintf(stderr, "error: invalid IR %s: %s", v->when, buf);
	if (v->f)
		fprintf(stderr, " (in @%s)", v->f->name);
	fputc('\n', stderr);
	v->nerr++;
}

static const char *ts(V *v, Type *t)
{
	return t ? ty_str(v->a, t) : "(no type)";
}

/* ---- printer names (same rules and order as print.c) ---- */

typedef struct {
	V *v;
	const char **set;    /* open addressing */
	size_t cap, n;
	int next;
} Namer;

static size_t hash(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Adds s to the set; 0 if it was there already. */
static int claim(Namer *nm, const char *s)
{
	size_t i = hash(s) & (nm->cap - 1);
	for (; nm->set[i]; i = (i + 1) & (nm->cap - 1))
		if (!strcmp(nm->set[i], s))
			return 0;
	nm->set[i] = s;
	nm->n++;
	return 1;
}

static void name1(Namer *nm, Val *x)
{
	V *v = nm->v;
	if (!x || x->id < 0 || x->id >= v->f->nval || v->names[x->id])
		return;
	const char *s;
	if (x->name) {
		s = x->name;
		for (int k = 1; !claim(nm, s); k++)
			s = arena_printf(v->a, "%s.%d", x->name, k);
	} else {
		s = arena_printf(v->a, "%d", nm->next++);
		claim(nm, s);
	}
	v->names[x->id] = s;
}

static void name_region(Namer *nm, Region *r)
{
	for (int i = 0; i < r->nargs; i++)
		name1(nm, r->args[i]);
	for (Ins *in = r->first; in; in = in->next) {
		for (int i = 0; i < in->nregs; i++)
			if (in->regs[i])
				name_region(nm, in->regs[i]);
		for (int i = 0; i < in->nres; i++)
			name1(nm, in->res[i]);
	}
}

static void name_all(V *v)
{
	v->names = verify_names(v->f, v->a);
}

const char **verify_names(Fn *f, Arena *a)
{
	V vv = {f->m, f, "", a, NULL, NULL, 0}, *v = &vv;
	Namer nm = {v, NULL, 0, 0, 0};
	nm.cap = 64;
	while (nm.cap < 2 * (size_t)f->nval + 2)
		nm.cap *= 2;
	nm.set = xmalloc(sizeof(char *) * nm.cap);
	v->names = arena_alloc(v->a, sizeof(char *) * (size_t)(f->nval + 1));
	for (int i = 0; i < f->np; i++)
		name1(&nm, f->params[i]);
	name_region(&nm, f->body);
	free(nm.set);
	return v->names;
}

static int mine(V *v, Val *x);

/* "%x.1" as print.c would print x */
static const char *vn(V *v, Val *x)
{
	if (!x)
		return "(null)";
	if (!mine(v, x))
		return arena_printf(v->a, "%%%s (a value of another function)",
			x->name ? x->name : "?");
	if (!v->names)
		name_all(v);
	const char *s = v->names[x->id];
	return arena_printf(v->a, "%%%s", s ? s : "?");
}

/* ---- definitions and uses ---- */

/* Does x belong to the function being checked? */
static int mine(V *v, Val *x)
{
	if (x->id < 0 || x->id >= v->f->nval)
		return 0;
	switch (x->kind) {
	case V_PARAM:
		return x->idx >= 0 && x->idx < v->f->np && v->f->params[x->idx] == x;
	case V_ARG:
		return x->reg && x->reg->fn == v->f;
	case V_RES:
		return x->def && x->def->parent && x->def->parent->fn == v->f;
	}
	return 0;
}

static void def(V *v, Ins *in, Val *x, const char *what)
{
	if (!x) {
		bad(v, in, "%s is missing", what);
		return;
	}
	if (!mine(v, x)) {
		bad(v, in, "%s %s does not belong to this function", what, vn(v, x));
		return;
	}
	if (v->st[x->id] != S_NONE)
		bad(v, in, "%s is defined twice", vn(v, x));
	v->st[x->id] = S_LIVE;
	if (!x->ty || x->ty->kind == T_VOID)
		bad(v, in, "%s has no value type", vn(v, x));
}

/* Operand k of in must be visible here. */
static int use(V *v, Ins *in, int k)
{
	Val *x = in->args[k];
	if (!x) {
		bad(v, in, "operand %d of '%s' is missing", k + 1, opinfo[in->op].name);
		return 0;
	}
	if (!mine(v, x)) {
		bad(v, in, "'%s' uses %s", opinfo[in->op].name, vn(v, x));
		return 0;
	}
	if (v->st[x->id] == S_NONE) {
		bad(v, in, "%s is used before its definition", vn(v, x));
		return 0;
	}
	if (v->st[x->id] == S_DEAD) {
		bad(v, in, "%s is used outside the region that defines it", vn(v, x));
		return 0;
	}
	return 1;
}

/* ---- types ---- */

static void want(V *v, Ins *in, Val *x, Type *t, const char *what)
{
	if (x && x->ty != t)
		bad(v, in, "%s %s of '%s' has type %s, expected %s", what, vn(v, x),
			opinfo[in->op].name, ts(v, x->ty), ts(v, t));
}

static int isnum(Type *t) { return ty_isint(t) || ty_isfloat(t); }

/* Element type reached by load/store/addr: index 1 offsets the pointer,
 * each further index steps into an array.  NULL (reported) if invalid. */
static Type *indexed(V *v, Ins *in, Val *p, Val **idx, int n)
{
	if (!p || !p->ty || p->ty->kind != T_PTR) {
		bad(v, in, "'%s' needs a pointer, %s has type %s",
			opinfo[in->op].name, vn(v, p), ts(v, p ? p->ty : NULL));
		return NULL;
	}
	Type *e = p->ty->elem;
	for (int k = 0; k < n; k++) {
		if (idx[k] && !ty_isint(idx[k]->ty))
			bad(v, in, "index %s has type %s, expected an integer",
				vn(v, idx[k]), ts(v, idx[k]->ty));
		if (k > 0) {
			if (e->kind != T_ARR) {
				bad(v, in, "index %d steps into %s, which is not an array",
					k + 1, ts(v, e));
				return NULL;
			}
			e = e->elem;
		}
	}
	if (e->kind == T_VOID && n > 0) {
		bad(v, in, "cannot index ptr<void>");
		return NULL;
	}
	return e;
}

/* Can a value of type `got` be passed for a parameter of type `par`? */
static int passable(Type *got, Type *par)
{
	if (got == par)
		return 1;
	return got && got->kind == T_PTR && par->kind == T_PTR &&
		(got->elem->kind == T_VOID || par->elem->kind == T_VOID);
}

static void check_call(V *v, Ins *in)
{
	if (!in->sym) {
		bad(v, in, "call without a callee");
		return;
	}
	Type *ret, **pt = NULL;
	int np, variadic = 0;
	Fn *g = ir_findfn(v->m, in->sym);
	Decl *d = g ? NULL : ir_finddecl(v->m, in->sym);
	if (g) {
		ret = g->ret;
		np = g->np;
	} else if (d) {
		ret = d->ret;
		np = d->np;
		pt = d->params;
		variadic = d->variadic;
	} else {
		return; /* external, unknown: not checked */
	}
	if (in->nargs < np || (in->nargs > np && !variadic))
		bad(v, in, "@%s takes %d argument%s, %d given", in->sym, np,
			np == 1 ? "" : "s", in->nargs);
	for (int i = 0; i < np && i < in->nargs; i++) {
		Type *par = g ? g->params[i]->ty : pt[i];
		if (in->args[i] && !passable(in->args[i]->ty, par))
			bad(v, in, "argument %d of @%s has type %s, expected %s", i + 1,
				in->sym, ts(v, in->args[i]->ty), ts(v, par));
	}
	if (in->nres > 1 || (in->nres == 1 && ret->kind == T_VOID))
		bad(v, in, "call of @%s (returning %s) has %d results", in->sym,
			ts(v, ret), in->nres);
	else if (in->nres == 1)
		want(v, in, in->res[0], ret, "the result");
}

/* The terminator ending r, if it is an `op` with n operands; else NULL
 * (reported).  Where: "the body of 'for'". */
static Ins *term(V *v, Ins *owner, Region *r, Op op, int n, const char *where)
{
	Ins *t = r->last;
	if (!t || !(opinfo[t->op].flags & F_TERM)) {
		bad(v, t ? t : owner, "%s does not end with %s", where, opinfo[op].name);
		return NULL;
	}
	if (t->op != op) {
		bad(v, t, "%s ends with %s instead of %s", where, opinfo[t->op].name,
			opinfo[op].name);
		return NULL;
	}
	if (t->nargs != n) {
		bad(v, t, "'%s' ending %s has %d operand%s, expected %d",
			opinfo[op].name, where, t->nargs, t->nargs == 1 ? "" : "s", n);
		return NULL;
	}
	return t;
}

/* Region r of a loop or if: n arguments typed like vals[0..n). */
static void regargs_like(V *v, Ins *in, Region *r, Val **vals, int n,
	const char *where)
{
	if (r->nargs != n) {
		bad(v, in, "%s has %d argument%s, expected %d", where, r->nargs,
			r->nargs == 1 ? "" : "s", n);
		return;
	}
	for (int i = 0; i < n; i++)
		if (r->args[i] && vals[i] && r->args[i]->ty != vals[i]->ty)
			bad(v, in, "argument %s of %s has type %s, expected %s",
				vn(v, r->args[i]), where, ts(v, r->args[i]->ty),
				ts(v, vals[i]->ty));
}

/* Operands t->args[off..] must have the types of vals[0..n). */
static void same_types(V *v, Ins *t, int off, Val **vals, int n)
{
	for (int i = 0; i < n; i++)
		if (t->args[off + i] && vals[i] && t->args[off + i]->ty != vals[i]->ty)
			bad(v, t, "'%s' operand %s has type %s, expected %s",
				opinfo[t->op].name, vn(v, t->args[off + i]),
				ts(v, t->args[off + i]->ty), ts(v, vals[i]->ty));
}

/* while / dowhile: every carried value has the type of its initial value. */
static void check_loop(V *v, Ins *in)
{
	const char *k = opinfo[in->op].name;
	int n = in->nargs;
	Region *c = in->regs[R_COND], *b = in->regs[R_BODY];
	const char *cw = arena_printf(v->a, "the cond region of '%s'", k);
	const char *bw = arena_printf(v->a, "the do region of '%s'", k);
	regargs_like(v, in, c, in->args, n, cw);
	regargs_like(v, in, b, in->args, n, bw);
	if (in->nres != n)
		bad(v, in, "'%s' has %d results, expected %d", k, in->nres, n);
	for (int i = 0; i < n && i < in->nres; i++)
		if (in->args[i] && in->res[i] && in->res[i]->ty != in->args[i]->ty)
			bad(v, in, "result %s of '%s' has type %s, expected %s",
				vn(v, in->res[i]), k, ts(v, in->res[i]->ty),
				ts(v, in->args[i]->ty));
	/* the terminators, in text order: dowhile prints its body first */
	for (int j = 0; j < 2; j++) {
		if ((j == 0) == (in->op == O_WHILE)) {
			Ins *t = term(v, in, c, O_COND, n + 1, cw);
			if (t && t->args[0] && t->args[0]->ty->kind != T_I1)
				bad(v, t, "condition %s has type %s, expected i1",
					vn(v, t->args[0]), ts(v, t->args[0]->ty));
			if (t)
				same_types(v, t, 1, in->args, n);
		} else {
			Ins *t = term(v, in, b, O_YIELD, n, bw);
			if (t)
				same_types(v, t, 0, in->args, n);
		}
	}
}

static void check_for(V *v, Ins *in)
{
	if (in->nargs < 3) {
		bad(v, in, "'for' needs lower bound, upper bound and step");
		return;
	}
	Type *it = in->args[0] ? in->args[0]->ty : NULL;
	if (!ty_isint(it))
		bad(v, in, "the lower bound %s of 'for' has type %s, expected an "
			"integer", vn(v, in->args[0]), ts(v, it));
	want(v, in, in->args[1], it, "the upper bound");
	want(v, in, in->args[2], it, "the step");
	if (in->pred >= NOPS || !(opinfo[in->pred].flags & F_CMP))
		bad(v, in, "'for' has no comparison for its test");
	int n = in->nargs - 3;
	Region *b = in->regs[0];
	if (b->nargs != n + 1) {
		bad(v, in, "the body of 'for' has %d arguments, expected %d",
			b->nargs, n + 1);
	} else {
		if (b->args[0] && b->args[0]->ty != it)
			bad(v, in, "induction variable %s has type %s, expected %s",
				vn(v, b->args[0]), ts(v, b->args[0]->ty), ts(v, it));
		for (int i = 0; i < n; i++)
			if (b->args[i + 1] && in->args[3 + i] &&
				b->args[i + 1]->ty != in->args[3 + i]->ty)
				bad(v, in, "iter argument %s has type %s, expected %s",
					vn(v, b->args[i + 1]), ts(v, b->args[i + 1]->ty),
					ts(v, in->args[3 + i]->ty));
	}
	if (in->nres != n)
		bad(v, in, "'for' has %d results, expected %d", in->nres, n);
	for (int i = 0; i < n && i < in->nres; i++)
		want(v, in, in->res[i], in->args[3 + i] ? in->args[3 + i]->ty : NULL,
			"result");
	Ins *t = term(v, in, b, O_YIELD, n, "the body of 'for'");
	if (t)
		same_types(v, t, 0, in->args + 3, n);
}

static void check_if(V *v, Ins *in)
{
	for (int k = 0; k < 2; k++) {
		Region *r = in->regs[k];
		const char *w = k == R_THEN ? "the then-region of 'if'"
			: "the else-region of 'if'";
		if (r->nargs)
			bad(v, in, "%s has arguments", w);
		Ins *t = term(v, in, r, O_YIELD, in->nres, w);
		if (t)
			same_types(v, t, 0, in->res, in->nres);
	}
	if (in->args[0] && in->args[0]->ty->kind != T_I1)
		bad(v, in, "condition %s of 'if' has type %s, expected i1",
			vn(v, in->args[0]), ts(v, in->args[0]->ty));
}

/* Result count of op (-1: variable, checked by the op's own rule). */
static int nres_of(Op op)
{
	switch (op) {
	case O_CALL: case O_IF: case O_FOR: case O_WHILE: case O_DOWHILE:
		return -1;
	case O_STORE: case O_YIELD: case O_COND: case O_RET:
		return 0;
	default:
		return 1;
	}
}

/* Types of a non-region instruction (operands already checked visible). */
static void check_types(V *v, Ins *in)
{
	Op op = in->op;
	const char *nm = opinfo[op].name;
	Type *rt = in->nres == 1 && in->res[0] ? in->res[0]->ty : NULL;
	Val **a = in->args;
	switch (op) {
	case O_CONST:
	case O_UNDEF:
		if (!ty_isscalar(rt) && !(op == O_UNDEF && rt && rt->kind == T_STRUCT))
			bad(v, in, "'%s' of non-scalar type %s", nm, ts(v, rt));
		break;
	case O_SIZEOF:
		want(v, in, in->res[0], ty_basic(T_U64), "the result");
		if (!in->aty || in->aty->kind == T_VOID)
			bad(v, in, "'sizeof' of no type");
		break;
	case O_GLOBAL: {
		Global *g = in->sym ? ir_findglobal(v->m, in->sym) : NULL;
		if (!g)
			bad(v, in, "unknown global @%s", in->sym ? in->sym : "?");
		else
			want(v, in, in->res[0], ty_ptr(ty_decay(g->type)), "the result");
		break;
	}
	case O_ADD: case O_SUB: case O_MUL: case O_DIV:
	case O_REM: case O_AND: case O_OR: case O_XOR: case O_SHL: case O_SHR:
	case O_NEG: case O_NOT: {
		int intonly = op != O_ADD && op != O_SUB && op != O_MUL &&
			op != O_DIV && op != O_NEG;
		if (intonly ? !ty_isint(rt) : !isnum(rt))
			bad(v, in, "'%s' on type %s, expected %s", nm, ts(v, rt),
				intonly ? "an integer type" : "an integer or floating type");
		for (int i = 0; i < in->nargs; i++)
			want(v, in, a[i], rt, "operand");
		break;
	}
	case O_EQ: case O_NE: case O_LT: case O_LE: case O_GT: case O_GE:
		want(v, in, in->res[0], ty_basic(T_I1), "the result");
		if (!ty_isscalar(a[0]->ty))
			bad(v, in, "'%s' compares values of type %s", nm, ts(v, a[0]->ty));
		want(v, in, a[1], a[0]->ty, "operand");
		break;
	case O_SELECT:
		want(v, in, a[0], ty_basic(T_I1), "the condition");
		want(v, in, a[1], rt, "operand");
		want(v, in, a[2], rt, "operand");
		break;
	case O_CAST:
		if (!ty_isscalar(rt) || !ty_isscalar(a[0]->ty))
			bad(v, in, "'cast' from %s to %s: both must be scalars",
				ts(v, a[0]->ty), ts(v, rt));
		break;
	case O_CALL:
		check_call(v, in);
		break;
	case O_ALLOCA:
		if (!in->aty || in->aty->kind == T_VOID)
			bad(v, in, "'alloca' of no type");
		else if (in->nargs > 1 || (in->nargs && !ty_isint(a[0]->ty)))
			bad(v, in, "'alloca' takes at most one integer count");
		else if (in->nargs)
			want(v, in, in->res[0], ty_ptr(in->aty), "the result");
		else
			want(v, in, in->res[0], ty_ptr(ty_decay(in->aty)), "the result");
		break;
	case O_ADDR: {
		Type *e = indexed(v, in, a[0], a + 1, in->nargs - 1);
		if (e)
			want(v, in, in->res[0], in->nargs > 2 ? ty_ptr(ty_decay(e))
				: a[0]->ty, "the result");
		break;
	}
	case O_FIELD: {
		Type *p = a[0]->ty;
		if (p->kind != T_PTR || p->elem->kind != T_STRUCT) {
			bad(v, in, "'field' needs a pointer to a struct, %s has type %s",
				vn(v, a[0]), ts(v, p));
			break;
		}
		Struct *st = p->elem->st;
		if (in->fld < 0 || in->fld >= st->nf)
			bad(v, in, "$%s has no field number %d", ty_irname(st), in->fld);
		else
			want(v, in, in->res[0], ty_ptr(ty_decay(st->f[in->fld].type)),
				"the result");
		break;
	}
	case O_LOAD: {
		Type *e = indexed(v, in, a[0], a + 1, in->nargs - 1);
		if (e && !ty_isscalar(e) && e->kind != T_STRUCT)
			bad(v, in, "'load' of non-scalar type %s", ts(v, e));
		else if (e)
			want(v, in, in->res[0], e, "the result");
		break;
	}
	case O_STORE: {
		Type *e = indexed(v, in, a[1], a + 2, in->nargs - 2);
		if (e && !ty_isscalar(e) && e->kind != T_STRUCT)
			bad(v, in, "'store' of non-scalar type %s", ts(v, e));
		else if (e)
			want(v, in, a[0], e, "the stored value");
		break;
	}
	default:
		break;
	}
}

/* Shape: operand, result and region counts the rest relies on. */
static int check_shape(V *v, Ins *in)
{
	const OpInfo *oi = &opinfo[in->op];
	int minargs = in->op == O_ADDR || in->op == O_LOAD ? 1
		: in->op == O_STORE ? 2 : in->op == O_IF ? 1 : 0;
	if (oi->nargs >= 0 ? in->nargs != oi->nargs : in->nargs < minargs) {
		bad(v, in, "'%s' has %d operands", oi->name, in->nargs);
		return 0;
	}
	if (in->nregs != oi->nregs) {
		bad(v, in, "'%s' has %d regions, expected %d", oi->name, in->nregs,
			oi->nregs);
		return 0;
	}
	int nr = nres_of(in->op);
	if (nr >= 0 && in->nres != nr) {
		bad(v, in, "'%s' has %d results, expected %d", oi->name, in->nres, nr);
		return 0;
	}
	for (int i = 0; i < in->nres; i++)
		if (!in->res[i] || in->res[i]->kind != V_RES || in->res[i]->def != in ||
			in->res[i]->idx != i) {
			bad(v, in, "result %d of '%s' is not linked to it", i + 1, oi->name);
			return 0;
		}
	for (int i = 0; i < in->nregs; i++)
		if (!in->regs[i] || in->regs[i]->parent != in ||
			in->regs[i]->fn != v->f) {
			bad(v, in, "region %d of '%s' is not linked to it", i + 1, oi->name);
			return 0;
		}
	return 1;
}

static void walk(V *v, Region *r)
{
	for (int i = 0; i < r->nargs; i++) {
		Val *x = r->args[i];
		def(v, r->parent, x, "region argument");
		if (x && (x->kind != V_ARG || x->reg != r || x->idx != i))
			bad(v, r->parent, "argument %d of a region is not linked to it",
				i + 1);
	}
	Ins *prev = NULL;
	for (Ins *in = r->first; in; prev = in, in = in->next) {
		if (in->parent != r || in->prev != prev) {
			bad(v, in, "'%s' is not linked into its region",
				in->op < NOPS ? opinfo[in->op].name : "?");
			return;
		}
		if (in->op >= NOPS) {
			bad(v, in, "unknown operation %d", (int)in->op);
			continue;
		}
		if ((opinfo[in->op].flags & F_TERM) && in->next)
			bad(v, in, "'%s' in the middle of a region", opinfo[in->op].name);
		int ok = 1;
		for (int i = 0; i < in->nargs; i++)
			ok &= use(v, in, i);
		int shaped = check_shape(v, in);
		for (int i = 0; shaped && i < in->nregs; i++)
			walk(v, in->regs[i]);
		if (shaped && ok) {
			if (in->op == O_IF)
				check_if(v, in);
			else if (in->op == O_FOR)
				check_for(v, in);
			else if (in->op == O_WHILE || in->op == O_DOWHILE)
				check_loop(v, in);
			else
				check_types(v, in);
		}
		for (int i = 0; i < in->nres; i++)
			def(v, in, in->res[i], "result");
	}
	if (r->last != prev)
		bad(v, prev, "a region's last instruction is not linked to it");
	/* leaving the region: what it defines goes out of scope */
	for (int i = 0; i < r->nargs; i++)
		if (r->args[i] && mine(v, r->args[i]))
			v->st[r->args[i]->id] = S_DEAD;
	for (Ins *in = r->first; in; in = in->next)
		for (int i = 0; i < in->nres; i++)
			if (in->res[i] && mine(v, in->res[i]))
				v->st[in->res[i]->id] = S_DEAD;
}

static void verify_fn(V *v, Fn *f)
{
	v->f = f;
	v->names = NULL;
	v->st = xmalloc((size_t)f->nval + 1);
	for (int i = 0; i < f->np; i++) {
		def(v, NULL, f->params[i], "parameter");
		if (f->params[i] && f->params[i]->kind != V_PARAM)
			bad(v, NULL, "parameter %d is not a parameter value", i + 1);
	}
	if (!f->body || f->body->parent || f->body->fn != f || f->body->nargs) {
		bad(v, NULL, "the function body is not a plain region of @%s", f->name);
	} else {
		walk(v, f->body);
		Ins *t = term(v, NULL, f->body, O_RET, f->ret->kind != T_VOID,
			"the function body");
		if (t && t->nargs)
			want(v, t, t->args[0], f->ret, "the returned value");
	}
	free(v->st);
	v->st = NULL;
}

int verify_module(Module *m, const char *when)
{
	V v = {m, NULL, when, arena_new(), NULL, NULL, 0};
	for (Fn *f = m->fns; f; f = f->next) {
		for (Fn *g = m->fns; g != f; g = g->next)
			if (!strcmp(g->name, f->name))
				bad(&v, NULL, "@%s is defined twice", f->name);
		verify_fn(&v, f);
	}
	arena_free(v.a);
	return v.nerr;
}

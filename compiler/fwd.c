/* fwd.c — forward mode: the tangent function F_d of a function F.
 *
 * The tangent function copies F's graph and, after every instruction whose
 * result is active (activity.c), adds the instructions computing its
 * tangent: the chain rule over the rule table (rules.c) for arithmetic and
 * math calls, shadow loads and stores for memory, shadow allocations for
 * active local and malloc'd memory, and tangent versions of called user
 * functions (made once per activity pattern and reused).  Regions gain
 * tangent slots: an if or loop carrying an active value carries its
 * tangent too.  It works on any valid IR, so it also applies to the output
 * of the reverse pass (forward-over-reverse).
 * Signature (DESIGN.md §5): every active parameter p is followed by pd; an
 * active return value adds a final `T *retd`; F_d returns F's value.
 * Needs: activity.c, rules.c.  Changes: adds functions to the module.
 */
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

typedef struct Version Version;
struct Version {
	Fn *src;
	char *pattern;   /* per parameter: 'i' input, 'o' output, 'b' both, '-'; then 'r' or '-' */
	Fn *fn;
	Version *next;
};

typedef struct {
	Module *m;
	Fn *src, *dst;
	Act *act;
	Val **vmap, **tmap;  /* by source value id */
	Region *r;           /* where instructions go */
	Val *retd;           /* the retd parameter, or NULL */
} F;

static Version *versions;

static Val *V(F *x, Val *v)
{
	Val *n = x->vmap[v->id];
	if (!n)
		ICE("fwd: value %d of @%s not mapped", v->id, x->src->name);
	return n;
}

static Val *T(F *x, Val *v)
{
	return x->tmap[v->id];
}

static const char *dname(F *x, const char *name)
{
	return name ? arena_printf(x->m->arena, "%sd", name) : NULL;
}

static Val *zero(F *x, Type *t, Loc loc)
{
	return ir_const_f(x->r, t, 0, loc);
}

/* The tangent of v, or a zero of its type. */
static Val *T0(F *x, Val *v, Loc loc)
{
	Val *t = T(x, v);
	if (t)
		return t;
	if (ty_isfloat(v->ty))
		return zero(x, v->ty, loc);
	if (v->ty->kind == T_PTR) {
		Type *pt = v->ty;
		Ins *in = ir_ins(x->dst, O_CONST, NULL, 0, &pt, 1, 0, loc);
		ir_append(x->r, in);
		return in->res[0];
	}
	ICE("fwd: no tangent for a %s value", ty_str(x->m->arena, v->ty));
	return NULL;
}

static void settan(F *x, Val *v, Val *t)
{
	if (t && !t->name)
		t->name = dname(x, v->name);
	x->tmap[v->id] = t;
}

static Ins *emit(F *x, Op op, Val **args, int n, Type *rt, Loc loc)
{
	Ins *in = ir_ins(x->dst, op, args, n, rt ? &rt : NULL, rt != NULL, 0, loc);
	ir_append(x->r, in);
	return in;
}

/* Σ ∂y/∂x_i · ẋ_i over the operands with tangents, or NULL when zero. */
static Val *chain(F *x, const Rule *ru, Val **src, int n, Val *y, Loc loc)
{
	Val *xs[2] = {NULL, NULL};
	for (int i = 0; i < n && i < 2; i++)
		xs[i] = V(x, src[i]);
	Val *acc = NULL;
	Type *t = y->ty;
	for (int i = 0; i < ru->arity && i < n; i++) {
		Val *ti = T(x, src[i]);
		if (!ti)
			continue;
		Term p = rules_partial(x->r, ru, i, xs, y, loc);
		Val *c;
		if (p.k && p.c == 0)
			continue;
		if (p.k && p.c == 1)
			c = ti;
		else if (p.k && p.c == -1)
			c = ir_op1(x->r, O_NEG, t, ti, loc);
		else
			c = ir_op2(x->r, O_MUL, t, p.k ? ir_const_f(x->r, t, p.c, loc) : p.v,
				ti, loc);
		acc = acc ? ir_op2(x->r, O_ADD, t, acc, c, loc) : c;
	}
	return acc ? acc : zero(x, t, loc);
}

static Val *load_like(F *x, Ins *in, Val *tp, Loc loc)
{
	Val *args[9];
	args[0] = tp;
	for (int i = 1; i < in->nargs; i++)
		args[i] = V(x, in->args[i]);
	return emit(x, in->op, args, in->nargs, in->res[0]->ty, loc)->res[0];
}

static Decl *need_decl(F *x, const char *name, Type *ret, Type **ps, int np)
{
	Decl *d = ir_finddecl(x->m, name);
	if (d)
		return d;
	d = arena_alloc(x->m->arena, sizeof *d);
	d->name = name;
	d->ret = ret;
	d->np = np;
	d->params = arena_alloc(x->m->arena, sizeof(Type *) * (size_t)(np + 1));
	for (int i = 0; i < np; i++)
		d->params[i] = ps[i];
	Decl **q = &x->m->decls;
	while (*q)
		q = &(*q)->next;
	*q = d;
	return d;
}

static Val *call(F *x, const char *name, Val **args, int n, Type *rt, Loc loc)
{
	Ins *in = emit(x, O_CALL, args, n, rt && rt->kind != T_VOID ? rt : NULL, loc);
	in->sym = name;
	return in->nres ? in->res[0] : NULL;
}

/* memset(p, 0, size of the object p points to) for a fresh shadow */
static void zero_fill(F *x, Val *p, Type *obj, Loc loc)
{
	Type *vp = ty_ptr(ty_basic(T_VOID)), *u64 = ty_basic(T_U64), *i32 = ty_basic(T_I32);
	Type *ps[3] = {vp, i32, u64};
	need_decl(x, "memset", vp, ps, 3);
	Val *args[3];
	args[0] = ir_cast(x->r, vp, p, loc);
	args[1] = ir_const_i(x->r, i32, 0, loc);
	args[2] = ir_const_i(x->r, u64, ty_size(obj), loc);
	call(x, "memset", args, 3, vp, loc);
}

static Fn *version(Module *m, Fn *g, const char *pattern, const char *name);
static void build(Module *m, Version *v, const char *name);

static void fwd_ins(F *x, Ins *in);

/* Map a region's arguments (primal, then tangents of active slots). */
static void map_args(F *x, Region *s, Region *d, const char *act, int off)
{
	for (int i = 0; i < s->nargs; i++)
		x->vmap[s->args[i]->id] = ir_regarg(d, s->args[i]->ty, s->args[i]->name);
	for (int i = off; i < s->nargs; i++)
		if (act[i - off])
			settan(x, s->args[i], ir_regarg(d, s->args[i]->ty, dname(x, s->args[i]->name)));
}

/* The terminator of src, with tangents of the active slots appended. */
static void fwd_term(F *x, Ins *t, const char *act, int nslot, int off)
{
	Val *args[520];
	int n = 0;
	for (int i = 0; i < t->nargs; i++)
		args[n++] = V(x, t->args[i]);
	for (int k = 0; k < nslot; k++)
		if (act[k])
			args[n++] = T0(x, t->args[off + k], t->loc);
	if (t->op == O_RET) {
		if (x->retd && t->nargs) {
			Val *sargs[2] = {T0(x, t->args[0], t->loc), x->retd};
			emit(x, O_STORE, sargs, 2, NULL, t->loc);
		}
		n = t->nargs;
	}
	ir_term(x->r, t->op, args, n, t->loc);
}

static void clone_into(F *x, Region *s, Region *d, const char *act, int nslot, int off)
{
	Region *outer = x->r;
	x->r = d;
	for (Ins *in = s->first; in; in = in->next)
		if (opinfo[in->op].flags & F_TERM)
			fwd_term(x, in, act, nslot, off);
		else
			fwd_ins(x, in);
	x->r = outer;
}

/* Region instructions: the primal slots, then one tangent slot per active
 * primal slot. */
static void fwd_structured(F *x, Ins *in)
{
	int ns = in->nres;
	char *act = arena_alloc(x->m->arena, (size_t)ns + 1);
	for (int k = 0; k < ns; k++)
		act[k] = (char)act_val(x->act, in->res[k]);
	Val *args[520];
	int n = 0;
	for (int i = 0; i < in->nargs; i++)
		args[n++] = V(x, in->args[i]);
	int initoff = in->op == O_FOR ? 3 : in->op == O_IF ? -1 : 0;
	if (initoff >= 0)
		for (int k = 0; k < ns; k++)
			if (act[k])
				args[n++] = T0(x, in->args[initoff + k], in->loc);
	Ins *c = ir_ins(x->dst, in->op, args, n, NULL, 0, in->nregs, in->loc);
	c->pred = in->pred;
	ir_append(x->r, c);
	switch (in->op) {
	case O_IF:
		for (int r = 0; r < 2; r++)
			clone_into(x, in->regs[r], c->regs[r], act, ns, 0);
		break;
	case O_FOR:
		map_args(x, in->regs[0], c->regs[0], act, 1);
		clone_into(x, in->regs[0], c->regs[0], act, ns, 0);
		break;
	default: /* while, dowhile: cond forwards after its condition */
		map_args(x, in->regs[R_COND], c->regs[R_COND], act, 0);
		map_args(x, in->regs[R_BODY], c->regs[R_BODY], act, 0);
		if (in->op == O_DOWHILE)
			clone_into(x, in->regs[R_BODY], c->regs[R_BODY], act, ns, 0);
		clone_into(x, in->regs[R_COND], c->regs[R_COND], act, ns, 1);
		if (in->op == O_WHILE)
			clone_into(x, in->regs[R_BODY], c->regs[R_BODY], act, ns, 0);
		break;
	}
	for (int k = 0; k < ns; k++) {
		Val *r = ir_addres(c, in->res[k]->ty);
		r->name = in->res[k]->name;
		x->vmap[in->res[k]->id] = r;
	}
	for (int k = 0; k < ns; k++)
		if (act[k])
			settan(x, in->res[k], ir_addres(c, in->res[k]->ty));
}

static int is_name(const char *s, const char *a) { return !strcmp(s, a); }

/* A call: math functions by the rule table, user functions by their
 * tangent version, allocation and memory helpers by their shadows. */
static void fwd_call(F *x, Ins *in)
{
	Loc loc = in->loc;
	Val *res = in->nres ? in->res[0] : NULL;
	Fn *g = ir_findfn(x->m, in->sym);
	int any = res && act_val(x->act, res);
	for (int i = 0; i < in->nargs; i++)
		any |= act_val(x->act, in->args[i]);
	if (g && any && !g->derived) {
		int np = g->np;
		char *pat = arena_alloc(x->m->arena, (size_t)np + 2);
		for (int i = 0; i < np; i++) {
			Val *a = in->args[i];
			int act = act_val(x->act, a);
			pat[i] = !act ? '-' : a->ty->kind == T_PTR ? 'b' : 'i';
		}
		pat[np] = res && act_val(x->act, res) ? 'r' : '-';
		Fn *gd = version(x->m, g, pat, NULL);
		Val *args[520];
		int n = 0;
		for (int i = 0; i < np; i++) {
			args[n++] = V(x, in->args[i]);
			if (pat[i] != '-') {
				Val *t = T(x, in->args[i]);
				if (!t && in->args[i]->ty->kind == T_PTR)
					ICE("fwd: no shadow for a pointer argument of @%s", g->name);
				args[n++] = t ? t : zero(x, in->args[i]->ty, loc);
			}
		}
		Val *slot = NULL;
		if (pat[np] == 'r') {
			Type *pt = ty_ptr(res->ty);
			Ins *al = emit(x, O_ALLOCA, NULL, 0, pt, loc);
			al->aty = res->ty;
			slot = al->res[0];
			slot->name = dname(x, res->name ? res->name : "ret");
			args[n++] = slot;
		}
		Val *r = call(x, gd->name, args, n, g->ret, loc);
		if (res) {
			x->vmap[res->id] = r;
			r->name = res->name;
		}
		if (slot) {
			Val *la[1] = {slot};
			settan(x, res, emit(x, O_LOAD, la, 1, res->ty, loc)->res[0]);
		}
		return;
	}
	/* the primal call itself */
	Val *args[520];
	for (int i = 0; i < in->nargs; i++)
		args[i] = V(x, in->args[i]);
	Val *r = call(x, in->sym, args, in->nargs, res ? res->ty : NULL, loc);
	if (res) {
		x->vmap[res->id] = r;
		r->name = res->name;
	}
	const char *s = in->sym;
	if (is_name(s, "malloc") || is_name(s, "calloc")) {
		if (res && act_val(x->act, res)) {
			Val *ca[2];
			if (is_name(s, "calloc"))
				ca[0] = args[0], ca[1] = args[1];
			else
				ca[0] = args[0], ca[1] = ir_const_i(x->r, args[0]->ty, 1, loc);
			Type *ps[2] = {ca[0]->ty, ca[1]->ty};
			need_decl(x, "calloc", res->ty, ps, 2);
			settan(x, res, call(x, "calloc", ca, 2, res->ty, loc));
		}
		return;
	}
	if (is_name(s, "free")) {
		Val *t = T(x, in->args[0]);
		if (t)
			call(x, "free", &t, 1, NULL, loc);
		return;
	}
	if (is_name(s, "memset")) {
		Val *t = T(x, in->args[0]);
		if (t) {
			Val *ma[3] = {t, ir_const_i(x->r, args[1]->ty, 0, loc), args[2]};
			call(x, "memset", ma, 3, in->res ? in->res[0]->ty : NULL, loc);
		}
		return;
	}
	if (is_name(s, "memcpy") || is_name(s, "memmove")) {
		Val *td = T(x, in->args[0]), *ts = T(x, in->args[1]);
		if (td) {
			if (!ts)
				ICE("fwd: %s from inactive into active memory", s);
			Val *ma[3] = {td, ts, args[2]};
			call(x, s, ma, 3, in->res ? in->res[0]->ty : NULL, loc);
		}
		return;
	}
	if (!any)
		return;
	const Rule *ru = rules_call(s);
	if (!ru || !res || !ty_isfloat(res->ty))
		diag_fatal(x->m->file, loc, "cannot differentiate the call to '%s': "
			"it has no derivative rule and no source in this file; give its "
			"definition, or keep its arguments inactive", s);
	if (act_val(x->act, res))
		settan(x, res, chain(x, ru, in->args, in->nargs, r, loc));
}

static void fwd_ins(F *x, Ins *in)
{
	Loc loc = in->loc;
	if (in->nregs) {
		fwd_structured(x, in);
		return;
	}
	if (in->op == O_CALL) {
		fwd_call(x, in);
		return;
	}
	/* the primal instruction */
	Val *args[520];
	for (int i = 0; i < in->nargs; i++)
		args[i] = V(x, in->args[i]);
	Type *rt = in->nres ? in->res[0]->ty : NULL;
	Ins *c = emit(x, in->op, args, in->nargs, rt, loc);
	c->f = in->f, c->i = in->i, c->sym = in->sym, c->aty = in->aty;
	c->fld = in->fld, c->pred = in->pred;
	Val *y = NULL;
	if (in->nres) {
		y = c->res[0];
		y->name = in->res[0]->name;
		x->vmap[in->res[0]->id] = y;
	}
	Val *res = in->nres ? in->res[0] : NULL;
	int act = res && act_val(x->act, res);
	switch (in->op) {
	case O_ADD: case O_SUB: case O_MUL: case O_DIV: case O_NEG:
		if (act)
			settan(x, res, chain(x, rules_op(in->op), in->args, in->nargs, y, loc));
		break;
	case O_CAST:
		if (act && ty_isfloat(in->args[0]->ty) && T(x, in->args[0]))
			settan(x, res, ir_cast(x->r, rt, T(x, in->args[0]), loc));
		else if (act && rt->kind == T_PTR) {
			Val *t = T(x, in->args[0]);
			if (!t)
				ICE("fwd: cast of a pointer without shadow");
			settan(x, res, ir_cast(x->r, rt, t, loc));
		}
		break;
	case O_SELECT:
		if (act) {
			Val *a = T(x, in->args[1]), *b = T(x, in->args[2]);
			if (a || b) {
				Val *sa[3] = {args[0], a ? a : T0(x, in->args[1], loc),
					b ? b : T0(x, in->args[2], loc)};
				settan(x, res, emit(x, O_SELECT, sa, 3, rt, loc)->res[0]);
			}
		}
		break;
	case O_LOAD: case O_ADDR: case O_FIELD:
		if (act) {
			Val *tp = T(x, in->args[0]);
			if (!tp)
				ICE("fwd: %s through a pointer without shadow in @%s",
					opinfo[in->op].name, x->src->name);
			Val *tv = load_like(x, in, tp, loc);
			if (in->op == O_FIELD)
				tv->def->fld = in->fld;
			settan(x, res, tv);
		}
		break;
	case O_STORE: {
		Val *tp = T(x, in->args[1]);
		Val *v = in->args[0];
		if (!tp || !(ty_isfloat(v->ty) || v->ty->kind == T_PTR || v->ty->kind == T_STRUCT))
			break;
		Val *tv = T(x, v);
		if (!tv && v->ty->kind == T_STRUCT)
			diag_fatal(x->m->file, loc, "storing a struct without derivatives "
				"into memory that carries derivatives is not supported yet");
		if (!tv)
			tv = T0(x, v, loc);
		Val *sa[10];
		sa[0] = tv;
		sa[1] = tp;
		for (int i = 2; i < in->nargs; i++)
			sa[i] = args[i];
		emit(x, O_STORE, sa, in->nargs, NULL, loc);
		break;
	}
	case O_ALLOCA:
		if (act) {
			Ins *s = emit(x, O_ALLOCA, NULL, 0, rt, loc);
			s->aty = in->aty;
			settan(x, res, s->res[0]);
			zero_fill(x, s->res[0], in->aty, loc);
		}
		break;
	default:
		break;
	}
}

/* Make the tangent version v of v->src for its pattern; v->fn is set
 * before the body is built, so recursive calls find it. */
static void build(Module *m, Version *v, const char *name)
{
	Fn *g = v->src;
	const char *pat = v->pattern;
	int np = g->np;
	char *in_act = xmalloc((size_t)np + 1), *out_act = xmalloc((size_t)np + 1);
	for (int i = 0; i < np; i++) {
		in_act[i] = pat[i] == 'i' || pat[i] == 'b';
		/* a pointer to const is never written: not an output */
		out_act[i] = (pat[i] == 'o' || pat[i] == 'b') && !g->params[i]->cnst;
	}
	int ret_act = pat[np] == 'r';
	F x;
	memset(&x, 0, sizeof x);
	x.m = m;
	x.src = g;
	x.act = act_run(g, in_act, out_act, ret_act);
	x.vmap = xmalloc(sizeof(Val *) * (size_t)(g->nval + 1));
	x.tmap = xmalloc(sizeof(Val *) * (size_t)(g->nval + 1));
	Fn *d = ir_fn(m, name, g->ret);
	v->fn = d;
	d->derived = 1;
	d->loc = g->loc;
	d->is_static = g->is_static;
	x.dst = d;
	x.r = d->body;
	for (int i = 0; i < np; i++) {
		Val *p = g->params[i];
		Val *q = ir_param(d, p->ty, p->name);
		q->cnst = p->cnst;
		x.vmap[p->id] = q;
		if (pat[i] != '-') {
			Val *t = ir_param(d, p->ty, dname(&x, p->name));
			t->cnst = p->cnst;
			x.tmap[p->id] = t;
		} else if (act_val(x.act, p) && p->ty->kind == T_PTR) {
			diag_fatal(m->file, g->loc, "parameter '%s' of '%s' points to memory "
				"that carries derivatives; list it as an input or output of "
				"the request", p->name, g->name);
		}
	}
	if (ret_act)
		x.retd = ir_param(d, ty_ptr(g->ret), "retd");
	/* what the function computes, for its leading comment */
	char buf[1024];
	int n = snprintf(buf, sizeof buf, "Tangent of %s: derivatives of", g->name);
	int first = 1;
	if (ret_act)
		n += snprintf(buf + n, sizeof buf - (size_t)n, " the return value"), first = 0;
	for (int i = 0; i < np && n < 900; i++)
		if (out_act[i])
			n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%s", first ? " " : ", ",
				g->params[i]->name), first = 0;
	n += snprintf(buf + n, sizeof buf - (size_t)n, " with respect to");
	first = 1;
	for (int i = 0; i < np && n < 1000; i++)
		if (in_act[i])
			n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%s", first ? " " : ", ",
				g->params[i]->name), first = 0;
	d->doc = arena_strdup(m->arena, buf);
	clone_into(&x, g->body, d->body, "", 0, 0);
	act_free(x.act);
	free(x.vmap);
	free(x.tmap);
	free(in_act);
	free(out_act);
}

static Fn *version(Module *m, Fn *g, const char *pattern, const char *name)
{
	for (Version *v = versions; v; v = v->next)
		if (v->src == g && !strcmp(v->pattern, pattern))
			return v->fn;
	if (!name) {
		name = arena_printf(m->arena, "%s_d", g->name);
		for (int k = 1; ir_findfn(m, name); k++)
			name = arena_printf(m->arena, "%s_d%d", g->name, k);
	}
	Version *v = xmalloc(sizeof *v);
	v->src = g;
	v->pattern = arena_strdup(m->arena, pattern);
	v->next = versions;
	versions = v;
	build(m, v, name);
	return v->fn;
}

static const char *rename_from, *rename_to;

static void rename_call(Ins *in, void *ctx)
{
	(void)ctx;
	if (in->op == O_CALL && !strcmp(in->sym, rename_from))
		in->sym = rename_to;
}

/* Give the derived function d the next free name f_dK, and its callers too. */
static void rename_fn(Module *m, Fn *d)
{
	const char *base = arena_printf(m->arena, "%.*s", (int)strlen(d->name) - 2, d->name);
	const char *name = NULL;
	for (int k = 1; !name || ir_findfn(m, name); k++)
		name = arena_printf(m->arena, "%s_d%d", base, k);
	rename_from = d->name;
	rename_to = name;
	for (Fn *g = m->fns; g; g = g->next)
		if (g->derived)
			ir_walk(g->body, rename_call, NULL);
	d->name = name;
}

/* The pattern string of a request on f. */
char *fwd_pattern(Module *m, Fn *f, const Request *rq)
{
	char *pat = arena_alloc(m->arena, (size_t)f->np + 2);
	for (int i = 0; i < f->np; i++)
		pat[i] = '-';
	pat[f->np] = '-';
	for (int k = 0; k < rq->nin; k++)
		for (int i = 0; i < f->np; i++)
			if (!strcmp(f->params[i]->name, rq->in[k].name))
				pat[i] = 'i';
	for (int k = 0; k < rq->nout; k++) {
		if (rq->out[k].is_return) {
			pat[f->np] = 'r';
			continue;
		}
		for (int i = 0; i < f->np; i++)
			if (!strcmp(f->params[i]->name, rq->out[k].name))
				pat[i] = pat[i] == 'i' ? 'b' : 'o';
	}
	return pat;
}

Fn *fwd_request(Module *m, const Request *rq)
{
	Fn *f = ir_findfn(m, rq->fn);
	if (!f)
		ICE("fwd: no function '%s'", rq->fn);
	const char *name = arena_printf(m->arena, "%s_d", f->name);
	char *pat = fwd_pattern(m, f, rq);
	Fn *old = ir_findfn(m, name);
	if (old) {
		Version *v = versions;
		while (v && v->fn != old)
			v = v->next;
		if (!v)
			diag_fatal(m->file, f->loc, "a function named '%s' already exists; "
				"rename it so the tangent function can take that name", name);
		if (v->src == f && !strcmp(v->pattern, pat))
			return old;
		/* a version made for a call took the name: it moves aside */
		rename_fn(m, old);
	}
	return version(m, f, pat, name);
}

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
 *
 * Vector mode (F_dv) carries nd directions: the tangent of a scalar is an
 * array of nd values (`ad[k]`), shadow memory holds element i's directions
 * at `xd[i*nd + k]`, and a final `int nd` is added.  The tangent statements
 * of one straight-line stretch go into one loop `for (k = 0; k < nd; k++)`
 * placed at the end of the stretch (stretches end at calls, control flow
 * and terminators), with the partial derivatives computed once outside it;
 * the direction index is innermost, so the C compiler vectorises the loop.
 * Values carried by if and loops use one array per slot, written by
 * parallel copies at yields; pointers carried by them keep one shadow.
 * Shadow layout (see nslots): each floating scalar of an object is a
 * slot, numbered in memory order; the shadow of an object with S slots is
 * S*nd values, slot s of direction k at s*nd + k, so double a[3][4] has
 * ad[(i*4 + j)*nd + k] and a struct value's tangent is its block of
 * slots (copied with memcpy).  Vector mode refuses pointers held in
 * active memory, structs mixing float and double, memset/memcpy of
 * structs with non-floating members and struct values carried by loops.
 * F_dv functions are marked vec, so the emitter asks gcc to vectorise
 * their direction loops; straight-line reduction loops run two iterations
 * per trip sharing one direction loop (jam).
 * Needs: activity.c, rules.c.  Changes: adds functions to the module.
 */
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

typedef struct Version Version;
struct Version {
	Fn *src;
	char *pattern;   /* per parameter: 'i' input, 'o' output, 'b' both, '-'; then 'r' or '-' */
	int vec;         /* F_dv rather than F_d */
	int for_call;    /* made for a call, not requested */
	Fn *fn;
	Version *next;
};

/* Vector mode: the open direction loop of the current stretch. */
typedef struct {
	Ins *loop;           /* for.lt %k = 0 to nd, not yet placed; or NULL */
	Region *body;
	Val *k;
	Val **arr, **val;    /* tangent array -> its element k in this loop */
	int n, cap;
} Kl;

typedef struct {
	Module *m;
	Fn *src, *dst;
	Act *act;
	Val **vmap, **tmap;  /* by source value id; vector mode: arrays */
	Region *r;           /* where instructions go */
	Val *retd;           /* the retd parameter, or NULL */
	int vec;             /* vector mode */
	Val *nd;             /* vector mode: nd as i64 */
	Ins *entry;          /* vector mode: tangent arrays are declared after it */
	Kl kl;
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

/* ---- vector mode: direction loops and tangent arrays ---- */

static Type *i64(void) { return ty_basic(T_I64); }

static void verr(F *x, Loc loc, const char *what)
{
	diag_fatal(x->m->file, loc, "vector mode does not support %s yet; use "
		"--forward (one direction per call) for '%s'", what, x->src->name);
}

/* A fresh array of n*nd values of type t, declared at the function's entry. */
static Val *vnew_n(F *x, Type *t, long n, const char *name)
{
	Val *cnt = x->nd;
	Ins *at = x->entry;
	if (n != 1) {
		Type *ty = i64();
		Ins *c = ir_ins(x->dst, O_CONST, NULL, 0, &ty, 1, 0, at->loc);
		c->i = n;
		ir_insert_after(at, c);
		Val *ma[2] = {c->res[0], x->nd};
		Ins *mu = ir_ins(x->dst, O_MUL, ma, 2, &ty, 1, 0, at->loc);
		ir_insert_after(c, mu);
		cnt = mu->res[0];
		at = mu;
	}
	Ins *al = ir_ins(x->dst, O_ALLOCA, &cnt, 1, (Type *[]){ty_ptr(t)}, 1, 0,
		x->entry->loc);
	al->aty = t;
	ir_insert_after(at, al);
	al->res[0]->name = name;
	return al->res[0];
}

/* A fresh array of nd values of type t. */
static Val *vnew(F *x, Type *t, const char *name)
{
	return vnew_n(x, t, 1, name);
}

/* ---- vector mode: shadow layout ----
 * A "slot" is a floating scalar of an object (a double of a struct, an
 * element of a double[3][4]), numbered in memory order; other members
 * (integers, pointers) have none.  The shadow of an object of type T is
 * nslots(T)*nd values of T's floating type, slot s of direction k at
 * s*nd + k; the shadow of a pointer to T points to the shadow of the
 * object it points to.  For T = double this is xd[i*nd + k]. */
static long nslots(Type *t)
{
	long n = 0;
	switch (t->kind) {
	case T_F32: case T_F64:
		return 1;
	case T_ARR:
		return t->n * nslots(t->elem);
	case T_STRUCT:
		for (int i = 0; i < t->st->nf; i++)
			n += nslots(t->st->f[i].type);
		return n;
	default:
		return 0;
	}
}

/* The floating type of t's slots: NULL when it has none, (Type *)1 when
 * it mixes float and double. */
static Type *slotty0(Type *t)
{
	Type *r = NULL, *u;
	switch (t->kind) {
	case T_F32: case T_F64:
		return t;
	case T_ARR:
		return slotty0(t->elem);
	case T_STRUCT:
		for (int i = 0; i < t->st->nf; i++)
			if ((u = slotty0(t->st->f[i].type)) && r && u != r)
				return (Type *)1;
			else if (u)
				r = u;
		return r;
	default:
		return NULL;
	}
}

static Type *slotty(F *x, Type *t, Loc loc)
{
	Type *r = slotty0(t);
	if (r == (Type *)1)
		verr(x, loc, "structs mixing float and double members");
	return r ? r : ty_basic(T_F64);
}

/* Is t laid out like its shadow (nothing but slots), so that byte sizes
 * and pointer casts carry over? */
static int dense(Type *t)
{
	Type *f = slotty0(t);
	if (t->kind == T_VOID)
		return 1;
	return f && f != (Type *)1 && nslots(t) * ty_size(f) == ty_size(t);
}

/* The type of the tangent of a value of type t: vector mode points into
 * slots (ptr<f64> for ptr<$P> or ptr<[4 x f64]>). */
static Type *sty(F *x, Type *t, Loc loc)
{
	if (!x->vec || t->kind != T_PTR || t->elem->kind == T_VOID)
		return t;
	return ty_ptr(slotty(x, t->elem, loc));
}

/* The region tangent statements go to: the current region, or (vector
 * mode) the body of the open direction loop. */
static Region *treg(F *x)
{
	if (!x->vec)
		return x->r;
	if (!x->kl.loop) {
		Loc loc = {0, 0};
		Val *args[3] = {ir_const_i(x->r, i64(), 0, loc), x->nd,
			ir_const_i(x->r, i64(), 1, loc)};
		Ins *lp = ir_ins(x->dst, O_FOR, args, 3, NULL, 0, 1, loc);
		lp->pred = O_LT;
		x->kl.loop = lp;
		x->kl.body = lp->regs[0];
		x->kl.k = ir_regarg(lp->regs[0], i64(), "k");
		x->kl.n = 0;
	}
	return x->kl.body;
}

/* Place the open direction loop at the end of the current region. */
static void flush(F *x)
{
	if (!x->kl.loop)
		return;
	ir_term(x->kl.body, O_YIELD, NULL, 0, x->kl.loop->loc);
	ir_append(x->r, x->kl.loop);
	x->kl.loop = NULL;
	x->kl.n = 0;
}

static void kl_set(F *x, Val *arr, Val *v)
{
	for (int i = 0; i < x->kl.n; i++)
		if (x->kl.arr[i] == arr) {
			x->kl.val[i] = v;
			return;
		}
	if (x->kl.n == x->kl.cap) {
		x->kl.cap = x->kl.cap ? 2 * x->kl.cap : 64;
		x->kl.arr = xrealloc(x->kl.arr, sizeof(Val *) * (size_t)x->kl.cap);
		x->kl.val = xrealloc(x->kl.val, sizeof(Val *) * (size_t)x->kl.cap);
	}
	x->kl.arr[x->kl.n] = arr;
	x->kl.val[x->kl.n++] = v;
}

/* Element k of tangent array arr, inside the direction loop. */
static Val *kl_get(F *x, Val *arr, Type *t, Loc loc)
{
	for (int i = 0; i < x->kl.n; i++)
		if (x->kl.arr[i] == arr)
			return x->kl.val[i];
	Region *b = treg(x);
	Val *args[2] = {arr, x->kl.k};
	Ins *ld = ir_ins(x->dst, O_LOAD, args, 2, &t, 1, 0, loc);
	ir_append(b, ld);
	kl_set(x, arr, ld->res[0]);
	return ld->res[0];
}

/* The (scalar) tangent of float value v for the tangent region, or NULL
 * for zero. */
static Val *tv(F *x, Val *v, Loc loc)
{
	Val *t = x->tmap[v->id];
	if (!t || !x->vec)
		return t;
	treg(x);
	return kl_get(x, t, v->ty, loc);
}

/* Set the tangent of float value v to scalar t computed in treg(x). */
static void tset(F *x, Val *v, Val *t, Loc loc)
{
	if (!x->vec) {
		if (t && !t->name)
			t->name = dname(x, v->name);
		x->tmap[v->id] = t;
		return;
	}
	Val *arr = vnew(x, v->ty, dname(x, v->name));
	Val *args[3] = {t, arr, x->kl.k};
	ir_append(x->kl.body, ir_ins(x->dst, O_STORE, args, 3, NULL, 0, 0, loc));
	kl_set(x, arr, t);
	x->tmap[v->id] = arr;
}

/* Vector mode: the shadow offset (slot * nd) of element idx[0][idx[1]]…
 * of a pointer to t, or NULL for 0. */
static Val *vbase(F *x, Type *t, Val **idx, int nidx, Loc loc)
{
	Val *acc = NULL;
	long c0 = 0;  /* constant part, in slots */
	for (int j = 0; j < nidx; j++, t = t->elem) {
		long c = nslots(t);
		Ins *d = idx[j]->kind == V_RES ? idx[j]->def : NULL;
		if (d && d->op == O_CONST) {
			c0 += c * (long)d->i;
		} else {
			Val *i = ir_cast(x->r, i64(), idx[j], loc);
			if (c != 1)
				i = ir_op2(x->r, O_MUL, i64(), i, ir_const_i(x->r, i64(), c, loc), loc);
			acc = acc ? ir_op2(x->r, O_ADD, i64(), acc, i, loc) : i;
		}
	}
	if (c0 == 1 && !acc)
		return x->nd;
	if (c0)
		acc = acc ? ir_op2(x->r, O_ADD, i64(), acc, ir_const_i(x->r, i64(), c0, loc), loc)
			: ir_const_i(x->r, i64(), c0, loc);
	return acc ? ir_op2(x->r, O_MUL, i64(), acc, x->nd, loc) : NULL;
}

/* Vector mode: a block copy of n slots of type f (memcpy, or memset to
 * zero when src is NULL), outside direction loops (fresh: dst is new
 * memory, which the open direction loop cannot touch). */
static void vblock(F *x, Val *dst, Val *src, long n, Type *f, int fresh, Loc loc);

/* Vector mode: the index base + k inside the direction loop. */
static Val *kidx(F *x, Val *base, Loc loc)
{
	Region *b = treg(x);
	return base ? ir_op2(b, O_ADD, i64(), base, x->kl.k, loc) : x->kl.k;
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
		Type *pt = sty(x, v->ty, loc);
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

static Val *named_tan(F *x, Val *v, Val *t)
{
	if (!t->name)
		t->name = dname(x, v->name);
	return t;
}

static Val *mk_addr(F *x, Val *p, Val *i, Type *rt, Loc loc)
{
	Val *args[2] = {p, i};
	return emit(x, O_ADDR, args, 2, rt, loc)->res[0];
}

/* Σ ∂y/∂x_i · ẋ_i over the operands with tangents, as a scalar in
 * treg(x).  The partials are computed in the current region (outside the
 * direction loop in vector mode). */
static Val *chain(F *x, const Rule *ru, Val **src, int n, Val *y, Loc loc)
{
	Val *xs[2] = {NULL, NULL};
	for (int i = 0; i < n && i < 2; i++)
		xs[i] = V(x, src[i]);
	Term p[2];
	int has[2] = {0, 0};
	for (int i = 0; i < ru->arity && i < n; i++)
		if ((has[i] = T(x, src[i]) != NULL))
			p[i] = rules_partial(x->r, ru, i, xs, y, loc);
	Region *r = treg(x);
	Val *acc = NULL;
	Type *t = y->ty;
	for (int i = 0; i < ru->arity && i < n; i++) {
		if (!has[i] || (p[i].k && p[i].c == 0))
			continue;
		Val *ti = tv(x, src[i], loc), *c;
		if (p[i].k && p[i].c == 1)
			c = ti;
		else if (p[i].k && p[i].c == -1)
			c = ir_op1(r, O_NEG, t, ti, loc);
		else
			c = ir_op2(r, O_MUL, t, p[i].k ? ir_const_f(r, t, p[i].c, loc) : p[i].v,
				ti, loc);
		acc = acc ? ir_op2(r, O_ADD, t, acc, c, loc) : c;
	}
	return acc ? acc : ir_const_f(r, t, 0, loc);
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
	ir_need_decl(x->m, "memset", vp, ps, 3);
	Val *args[3];
	args[0] = ir_cast(x->r, vp, p, loc);
	args[1] = ir_const_i(x->r, i32, 0, loc);
	args[2] = ir_const_i(x->r, u64, ty_size(obj), loc);
	call(x, "memset", args, 3, vp, loc);
}

static void vblock(F *x, Val *dst, Val *src, long n, Type *f, int fresh, Loc loc)
{
	Type *vp = ty_ptr(ty_basic(T_VOID)), *u64 = ty_basic(T_U64), *i32 = ty_basic(T_I32);
	if (!fresh)
		flush(x);
	Val *sz = ir_op2(x->r, O_MUL, u64, ir_cast(x->r, u64, x->nd, loc),
		ir_const_i(x->r, u64, n * ty_size(f), loc), loc);
	Val *a[3] = {ir_cast(x->r, vp, dst, loc), NULL, sz};
	if (src) {
		Type *ps[3] = {vp, vp, u64};
		ir_need_decl(x->m, "memcpy", vp, ps, 3);
		a[1] = ir_cast(x->r, vp, src, loc);
		call(x, "memcpy", a, 3, vp, loc);
	} else {
		Type *ps[3] = {vp, i32, u64};
		ir_need_decl(x->m, "memset", vp, ps, 3);
		a[1] = ir_const_i(x->r, i32, 0, loc);
		call(x, "memset", a, 3, vp, loc);
	}
}

/* Vector mode: the tangent block of struct value v (n slots), a zero
 * block if it has none. */
static Val *vstruct(F *x, Val *v, Loc loc)
{
	Val *t = T(x, v);
	if (t)
		return t;
	Type *f = slotty(x, v->ty, loc);
	long n = nslots(v->ty);
	t = vnew_n(x, f, n ? n : 1, NULL);
	vblock(x, t, NULL, n, f, 1, loc);
	return t;
}

/* The pointee type of pointer p before any pointer casts. */
static Type *pointee(Val *p)
{
	while (p->kind == V_RES && p->def->op == O_CAST && p->def->args[0]->ty->kind == T_PTR)
		p = p->def->args[0];
	return p->ty->elem;
}

static Fn *version(Module *m, Fn *g, const char *pattern, const char *name, int vec);
static void build(Module *m, Version *v, const char *name);

static void fwd_ins(F *x, Ins *in);
enum { JAM = 2 };  /* iterations per trip of a jammed loop */
static int jam_ok(F *x, Ins *in, const char *act);
static void jam(F *x, Ins *in, const char *act, Val **sarr);

/* Map a region's arguments: primal, then (scalar mode) tangents of the
 * active slots, or (vector mode) the slot arrays. */
static void map_args(F *x, Region *s, Region *d, const char *act, Val **sarr, int off)
{
	for (int i = 0; i < s->nargs; i++)
		x->vmap[s->args[i]->id] = ir_regarg(d, s->args[i]->ty, s->args[i]->name);
	for (int i = off; i < s->nargs; i++) {
		if (!act[i - off])
			continue;
		if (sarr && sarr[i - off])
			x->tmap[s->args[i]->id] = sarr[i - off];
		else
			settan(x, s->args[i], ir_regarg(d, sty(x, s->args[i]->ty, s->args[i]->def ?
				s->args[i]->def->loc : x->src->loc), dname(x, s->args[i]->name)));
	}
}

/* Vector mode: slot arrays take the tangents of vals (a parallel copy:
 * every element k is read before any is written). */
static void vcopy(F *x, Val **sarr, Val **vals, const char *act, int nslot, Loc loc)
{
	Val *src[256];
	for (int k = 0; k < nslot; k++)  /* struct values (if only): block copies */
		if (act[k] && sarr[k] && vals[k]->ty->kind == T_STRUCT &&
				x->tmap[vals[k]->id] != sarr[k])
			vblock(x, sarr[k], T(x, vals[k]), nslots(vals[k]->ty),
				slotty(x, vals[k]->ty, loc), 0, loc);
	for (int k = 0; k < nslot; k++) {
		src[k] = NULL;
		if (!act[k] || !sarr[k] || x->tmap[vals[k]->id] == sarr[k] ||
				vals[k]->ty->kind == T_STRUCT)
			continue;
		Val *t = tv(x, vals[k], loc);
		src[k] = t ? t : ir_const_f(treg(x), vals[k]->ty, 0, loc);
	}
	for (int k = 0; k < nslot; k++) {
		if (!src[k])
			continue;
		Val *args[3] = {src[k], sarr[k], x->kl.k};
		ir_append(x->kl.body, ir_ins(x->dst, O_STORE, args, 3, NULL, 0, 0, loc));
		kl_set(x, sarr[k], src[k]);
	}
}

/* The terminator of src: tangents of the active slots are appended
 * (scalar mode) or copied into the slot arrays (vector mode). */
static void fwd_term(F *x, Ins *t, const char *act, Val **sarr, int nslot, int off)
{
	Val *args[520];
	int n = 0;
	if (sarr && nslot)
		vcopy(x, sarr, t->args + off, act, nslot, t->loc);
	if (t->op == O_RET && x->retd && t->nargs) {
		if (x->vec && t->args[0]->ty->kind == T_STRUCT) {
			Type *rt = t->args[0]->ty;
			vblock(x, x->retd, T(x, t->args[0]), nslots(rt), slotty(x, rt, t->loc), 0,
				t->loc);
		} else if (x->vec && t->args[0]->ty->kind != T_PTR) {
			Val *tr = tv(x, t->args[0], t->loc);
			Region *r = treg(x);
			if (!tr)
				tr = ir_const_f(r, t->args[0]->ty, 0, t->loc);
			Val *sa[3] = {tr, x->retd, x->kl.k};
			ir_append(r, ir_ins(x->dst, O_STORE, sa, 3, NULL, 0, 0, t->loc));
		} else {
			Val *sa[2] = {T0(x, t->args[0], t->loc), x->retd};
			emit(x, O_STORE, sa, 2, NULL, t->loc);
		}
	}
	flush(x);
	for (int i = 0; i < t->nargs; i++)
		args[n++] = V(x, t->args[i]);
	if (t->op != O_RET)
		for (int k = 0; k < nslot; k++)
			if (act[k] && (!sarr || !sarr[k]))
				args[n++] = T0(x, t->args[off + k], t->loc);
	ir_term(x->r, t->op, args, n, t->loc);
}

static void clone_into(F *x, Region *s, Region *d, const char *act, Val **sarr,
	int nslot, int off)
{
	Region *outer = x->r;
	flush(x);
	x->r = d;
	for (Ins *in = s->first; in; in = in->next)
		if (opinfo[in->op].flags & F_TERM)
			fwd_term(x, in, act, sarr, nslot, off);
		else
			fwd_ins(x, in);
	x->r = outer;
}

/* Vector mode: may loop `in` run two iterations per trip (jam)?  A loop
 * `for (j = lo; j < hi; j++)` (int j) whose body is straight-line code
 * without user calls or struct copies and that carries a tangent, as a
 * reduction s += a[j]*x[j] does. */
static int jam_ok(F *x, Ins *in, const char *act)
{
	Region *s = in->regs[0];
	Ins *st = in->args[2]->kind == V_RES ? in->args[2]->def : NULL;
	if (in->pred != O_LT || !st || st->op != O_CONST || st->i != 1 ||
			s->args[0]->ty->kind != T_I32)
		return 0;
	int carried = 0, n = 0;
	for (int k = 0; k < in->nres; k++)
		carried |= act[k] && ty_isfloat(in->res[k]->ty);
	if (!carried)
		return 0;
	for (Ins *i = s->first; i; i = i->next)
		if (i->nregs || i->op == O_ALLOCA || ++n > 60 ||
				(i->op == O_CALL && (ir_findfn(x->m, i->sym) || !rules_call(i->sym))) ||
				(i->op == O_LOAD && i->res[0]->ty->kind == T_STRUCT) ||
				(i->op == O_STORE && i->args[0]->ty->kind == T_STRUCT))
			return 0;
	return 1;
}

/* Vector mode, unroll and jam: loop `in` (jam_ok) becomes
 *     for (j = lo; j < mid; j += 2) { body(j); body(j + 1); }
 *     for (j = mid; j < hi; j++) body(j);      (at most one trip)
 * with mid = lo + (hi - lo rounded down to even), for JAM = 2.  Both iterations'
 * tangent statements share one direction loop, so the carried tangent
 * passes from one to the next in a register instead of through its
 * array.  Each direction still sees the same operations in the same
 * order, and a direction loop touches only its own column k, so fusing
 * is exact.  The carried arrays sarr (set up by fwd_structured) serve both
 * loops. */
static void jam(F *x, Ins *in, const char *act, Val **sarr)
{
	int ns = in->nres;
	Loc loc = in->loc;
	Region *s = in->regs[0];
	Ins *y = s->last;
	Type *it = s->args[0]->ty, *l = i64();
	Val *lo = V(x, in->args[0]), *hi = V(x, in->args[1]);
	int lo0 = lo->kind == V_RES && lo->def->op == O_CONST && lo->def->i == 0;
	Val *n = ir_cast(x->r, l, hi, loc);
	if (!lo0)
		n = ir_op2(x->r, O_SUB, l, n, ir_cast(x->r, l, lo, loc), loc);
	Val *sa[3] = {ir_op2(x->r, O_GT, ty_basic(T_I1), n, ir_const_i(x->r, l, 0, loc), loc),
		ir_op2(x->r, O_AND, l, n, ir_const_i(x->r, l, -JAM, loc), loc),
		ir_const_i(x->r, l, 0, loc)};
	Val *cnt = emit(x, O_SELECT, sa, 3, l, loc)->res[0];
	Val *mid = ir_cast(x->r, it, lo0 ? cnt : ir_op2(x->r, O_ADD, l,
		ir_cast(x->r, l, lo, loc), cnt, loc), loc);
	Val *args[520], *nv[256], *nt[256];
	Ins *c = NULL;
	for (int pass = 0; pass < 2; pass++) {
		int na = 0;
		args[na++] = pass ? mid : lo;
		args[na++] = pass ? hi : mid;
		args[na++] = pass ? V(x, in->args[2]) : ir_const_i(x->r, it, JAM, loc);
		for (int k = 0; k < ns; k++)
			args[na++] = pass ? c->res[k] : V(x, in->args[3 + k]);
		for (int k = 0, r = ns; k < ns; k++)
			if (act[k] && !sarr[k])
				args[na++] = pass ? c->res[r++] : T0(x, in->args[3 + k], loc);
		c = ir_ins(x->dst, O_FOR, args, na, NULL, 0, 1, loc);
		c->pred = O_LT;
		ir_append(x->r, c);
		map_args(x, s, c->regs[0], act, sarr, 1);
		if (pass) {
			clone_into(x, s, c->regs[0], act, sarr, ns, 0);
		} else {
			Region *outer = x->r;
			x->r = c->regs[0];
			Val *j = x->vmap[s->args[0]->id];
			for (int u = 0; u < JAM; u++) {
				/* iteration u starts from the previous one's yield */
				if (u) {
					for (int k = 0; k < ns; k++)
						nv[k] = V(x, y->args[k]), nt[k] = T(x, y->args[k]);
					x->vmap[s->args[0]->id] = ir_op2(x->r, O_ADD, it, j,
						ir_const_i(x->r, it, u, loc), loc);
					for (int k = 0; k < ns; k++) {
						x->vmap[s->args[k + 1]->id] = nv[k];
						if (act[k])
							x->tmap[s->args[k + 1]->id] = nt[k];
					}
				}
				for (Ins *i = s->first; i != y; i = i->next)
					fwd_ins(x, i);
			}
			fwd_term(x, y, act, sarr, ns, 0);
			x->r = outer;
		}
		for (int k = 0; k < ns; k++)
			ir_addres(c, in->res[k]->ty)->name = in->res[k]->name;
		for (int k = 0; k < ns; k++)
			if (act[k] && !sarr[k])
				named_tan(x, in->res[k], ir_addres(c, sty(x, in->res[k]->ty, loc)));
	}
	for (int k = 0, r = ns; k < ns; k++) {
		x->vmap[in->res[k]->id] = c->res[k];
		if (act[k])
			x->tmap[in->res[k]->id] = sarr[k] ? sarr[k] : c->res[r++];
	}
}

/* Region instructions: the primal slots, then (scalar mode) one tangent
 * slot per active primal slot, or (vector mode) one array per active slot. */
static void fwd_structured(F *x, Ins *in)
{
	int ns = in->nres;
	if (ns > 255)
		diag_fatal(x->m->file, in->loc, "more than 255 values carried by one "
			"statement");
	char *act = arena_alloc(x->m->arena, (size_t)ns + 1);
	for (int k = 0; k < ns; k++)
		act[k] = (char)act_val(x->act, in->res[k]);
	Val **sarr = NULL;
	int initoff = in->op == O_FOR ? 3 : in->op == O_IF ? -1 : 0;
	if (x->vec) {
		sarr = arena_alloc(x->m->arena, sizeof(Val *) * (size_t)(ns + 1));
		/* pointers are carried as in scalar mode: one shadow for all
		 * directions */
		for (int k = 0; k < ns; k++) {
			Type *t = in->res[k]->ty;
			if (act[k] && t->kind == T_STRUCT && in->op != O_IF)
				verr(x, in->loc, "struct values carried by loops");
			else if (act[k] && t->kind == T_STRUCT)  /* c ? a : b */
				sarr[k] = vnew_n(x, slotty(x, t, in->loc), nslots(t) ? nslots(t) : 1,
					dname(x, in->res[k]->name));
			else if (act[k] && t->kind != T_PTR)
				sarr[k] = vnew(x, t, dname(x, in->res[k]->name));
		}
		if (initoff >= 0)
			vcopy(x, sarr, in->args + initoff, act, ns, in->loc);
	}
	flush(x);
	if (x->vec && in->op == O_FOR && jam_ok(x, in, act)) {
		jam(x, in, act, sarr);
		return;
	}
	Val *args[520];
	int n = 0;
	for (int i = 0; i < in->nargs; i++)
		args[n++] = V(x, in->args[i]);
	if (initoff >= 0)
		for (int k = 0; k < ns; k++)
			if (act[k] && (!sarr || !sarr[k]))
				args[n++] = T0(x, in->args[initoff + k], in->loc);
	Ins *c = ir_ins(x->dst, in->op, args, n, NULL, 0, in->nregs, in->loc);
	c->pred = in->pred;
	ir_append(x->r, c);
	switch (in->op) {
	case O_IF:
		for (int r = 0; r < 2; r++)
			clone_into(x, in->regs[r], c->regs[r], act, sarr, ns, 0);
		break;
	case O_FOR:
		map_args(x, in->regs[0], c->regs[0], act, sarr, 1);
		clone_into(x, in->regs[0], c->regs[0], act, sarr, ns, 0);
		break;
	default: /* while, dowhile: cond forwards after its condition */
		map_args(x, in->regs[R_COND], c->regs[R_COND], act, sarr, 0);
		map_args(x, in->regs[R_BODY], c->regs[R_BODY], act, sarr, 0);
		if (in->op == O_DOWHILE)
			clone_into(x, in->regs[R_BODY], c->regs[R_BODY], act, sarr, ns, 0);
		clone_into(x, in->regs[R_COND], c->regs[R_COND], act, sarr, ns, 1);
		if (in->op == O_WHILE)
			clone_into(x, in->regs[R_BODY], c->regs[R_BODY], act, sarr, ns, 0);
		break;
	}
	for (int k = 0; k < ns; k++) {
		Val *r = ir_addres(c, in->res[k]->ty);
		r->name = in->res[k]->name;
		x->vmap[in->res[k]->id] = r;
	}
	for (int k = 0; k < ns; k++)
		if (act[k])
			x->tmap[in->res[k]->id] = sarr && sarr[k] ? sarr[k]
				: named_tan(x, in->res[k], ir_addres(c, sty(x, in->res[k]->ty, in->loc)));
}

static int is_name(const char *s, const char *a) { return !strcmp(s, a); }

/* Vector mode: n * nd, for sizes of shadow memory. */
static Val *times_nd(F *x, Val *n, Loc loc)
{
	if (!x->vec)
		return n;
	return ir_op2(x->r, O_MUL, n->ty, n, ir_cast(x->r, n->ty, x->nd, loc), loc);
}

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
		Fn *gd = version(x->m, g, pat, NULL, x->vec);
		Val *args[520];
		int n = 0;
		for (int i = 0; i < np; i++) {
			args[n++] = V(x, in->args[i]);
			if (pat[i] == '-')
				continue;
			Val *t = T(x, in->args[i]);
			if (!t && in->args[i]->ty->kind == T_PTR)
				ICE("fwd: no shadow for a pointer argument of @%s", g->name);
			if (x->vec && in->args[i]->ty->kind == T_STRUCT)
				t = vstruct(x, in->args[i], loc);
			if (!t && x->vec) { /* a zero direction array */
				t = vnew(x, in->args[i]->ty, NULL);
				Region *r = treg(x);
				Val *sa[3] = {ir_const_f(r, in->args[i]->ty, 0, loc), t, x->kl.k};
				ir_append(r, ir_ins(x->dst, O_STORE, sa, 3, NULL, 0, 0, loc));
			}
			args[n++] = t ? t : zero(x, in->args[i]->ty, loc);
		}
		Val *slot = NULL;
		if (pat[np] == 'r') {
			if (x->vec && res->ty->kind == T_STRUCT) {
				long ns = nslots(res->ty);
				slot = vnew_n(x, slotty(x, res->ty, loc), ns ? ns : 1,
					dname(x, res->name ? res->name : "ret"));
			} else if (x->vec && res->ty->kind != T_PTR) {
				slot = vnew(x, res->ty, dname(x, res->name ? res->name : "ret"));
			} else {
				Type *pt = ty_ptr(sty(x, res->ty, loc));
				Ins *al = emit(x, O_ALLOCA, NULL, 0, pt, loc);
				al->aty = pt->elem;
				slot = al->res[0];
				slot->name = dname(x, res->name ? res->name : "ret");
			}
			args[n++] = slot;
		}
		if (x->vec)
			args[n++] = ir_cast(x->r, ty_basic(T_I32), x->nd, loc);
		flush(x);
		Val *r = call(x, gd->name, args, n, g->ret, loc);
		if (res) {
			x->vmap[res->id] = r;
			r->name = res->name;
		}
		if (slot && x->vec && res->ty->kind != T_PTR) {
			x->tmap[res->id] = slot;
		} else if (slot) {
			Val *la[1] = {slot};
			settan(x, res, emit(x, O_LOAD, la, 1, sty(x, res->ty, loc), loc)->res[0]);
		}
		return;
	}
	/* the primal call itself */
	Val *args[520];
	for (int i = 0; i < in->nargs; i++)
		args[i] = V(x, in->args[i]);
	const char *s = in->sym;
	int memfn = is_name(s, "malloc") || is_name(s, "calloc") || is_name(s, "free") ||
		is_name(s, "memset") || is_name(s, "memcpy") || is_name(s, "memmove");
	if (memfn)
		flush(x);
	/* byte counts scale by nd only where objects are all slots */
	if (x->vec && memfn && !is_name(s, "free") && !is_name(s, "malloc") &&
			!is_name(s, "calloc"))
		for (int i = 0; i < 2; i++)
			if (i < in->nargs && in->args[i]->ty->kind == T_PTR && T(x, in->args[i]) &&
					!dense(pointee(in->args[i])))
				verr(x, loc, "memset, memcpy or memmove of structs with "
					"members that are not floating point");
	Val *r = call(x, in->sym, args, in->nargs, res ? res->ty : NULL, loc);
	if (res) {
		x->vmap[res->id] = r;
		r->name = res->name;
	}
	if (is_name(s, "malloc") || is_name(s, "calloc")) {
		if (res && act_val(x->act, res)) {
			Val *ca[2];
			if (is_name(s, "calloc"))
				ca[0] = times_nd(x, args[0], loc), ca[1] = args[1];
			else
				ca[0] = times_nd(x, args[0], loc),
				ca[1] = ir_const_i(x->r, args[0]->ty, 1, loc);
			Type *ps[2] = {ca[0]->ty, ca[1]->ty};
			ir_need_decl(x->m, "calloc", res->ty, ps, 2);
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
			Val *ma[3] = {t, ir_const_i(x->r, args[1]->ty, 0, loc),
				times_nd(x, args[2], loc)};
			call(x, "memset", ma, 3, in->res ? in->res[0]->ty : NULL, loc);
		}
		return;
	}
	if (is_name(s, "memcpy") || is_name(s, "memmove")) {
		Val *td = T(x, in->args[0]), *ts = T(x, in->args[1]);
		if (td) {
			if (!ts)
				ICE("fwd: %s from inactive into active memory", s);
			Val *ma[3] = {td, ts, times_nd(x, args[2], loc)};
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
		tset(x, res, chain(x, ru, in->args, in->nargs, r, loc), loc);
}

/* Tangents through memory: loads, stores and addresses of shadows. */
static void fwd_mem(F *x, Ins *in, Val **args, Val *res, int act, Loc loc)
{
	Type *rt = res ? res->ty : NULL;
	switch (in->op) {
	case O_LOAD: case O_ADDR: case O_FIELD: {
		if (!act)
			return;
		Val *tp = T(x, in->args[0]);
		if (!tp)
			ICE("fwd: %s through a pointer without shadow in @%s",
				opinfo[in->op].name, x->src->name);
		if (!x->vec) {
			Val *la[9];
			la[0] = tp;
			for (int i = 1; i < in->nargs; i++)
				la[i] = args[i];
			Ins *t = emit(x, in->op, la, in->nargs, rt, loc);
			t->fld = in->fld;
			settan(x, res, t->res[0]);
			return;
		}
		Type *pt = in->args[0]->ty->elem;
		if (in->op == O_FIELD) {
			long off = 0;
			for (int i = 0; i < in->fld; i++)
				off += nslots(pt->st->f[i].type);
			Val *o = off == 1 ? x->nd : ir_op2(x->r, O_MUL, i64(),
				ir_const_i(x->r, i64(), off, loc), x->nd, loc);
			x->tmap[res->id] = off ? mk_addr(x, tp, o, tp->ty, loc) : tp;
			return;
		}
		Val *base = vbase(x, pt, args + 1, in->nargs - 1, loc);
		if (in->op == O_ADDR) {
			x->tmap[res->id] = base ? mk_addr(x, tp, base, tp->ty, loc) : tp;
			return;
		}
		if (rt->kind == T_STRUCT) {  /* a struct value: its own block */
			Type *f = slotty(x, rt, loc);
			long n = nslots(rt);
			Val *b = vnew_n(x, f, n ? n : 1, dname(x, res->name));
			vblock(x, b, base ? mk_addr(x, tp, base, tp->ty, loc) : tp, n, f, 0, loc);
			x->tmap[res->id] = b;
			return;
		}
		if (!ty_isfloat(rt))
			verr(x, loc, "pointers held in memory with derivatives");
		Val *la[2] = {tp, kidx(x, base, loc)};
		Ins *ld = ir_ins(x->dst, O_LOAD, la, 2, &rt, 1, 0, loc);
		ir_append(treg(x), ld);
		tset(x, res, ld->res[0], loc);
		return;
	}
	case O_STORE: {
		Val *tp = T(x, in->args[1]);
		Val *v = in->args[0];
		if (!tp || !(ty_isfloat(v->ty) || v->ty->kind == T_PTR || v->ty->kind == T_STRUCT))
			return;
		if (x->vec) {
			if (v->ty->kind == T_PTR) {
				/* no slots: only an inactive pointer may be stored */
				if (T(x, v))
					verr(x, loc, "pointers held in memory with derivatives");
				return;
			}
			Val *base = vbase(x, in->args[1]->ty->elem, args + 2, in->nargs - 2, loc);
			if (v->ty->kind == T_STRUCT) {
				vblock(x, base ? mk_addr(x, tp, base, tp->ty, loc) : tp, T(x, v),
					nslots(v->ty), slotty(x, v->ty, loc), 0, loc);
				return;
			}
			Val *t = tv(x, v, loc);
			Region *r = treg(x);
			Val *sa[3] = {t ? t : ir_const_f(r, v->ty, 0, loc), tp, kidx(x, base, loc)};
			ir_append(r, ir_ins(x->dst, O_STORE, sa, 3, NULL, 0, 0, loc));
			return;
		}
		Val *t = T(x, v);
		if (!t && v->ty->kind == T_STRUCT)
			diag_fatal(x->m->file, loc, "storing a struct without derivatives "
				"into memory that carries derivatives is not supported yet; assign "
				"its members one by one");
		if (!t)
			t = T0(x, v, loc);
		Val *sa[10];
		sa[0] = t;
		sa[1] = tp;
		for (int i = 2; i < in->nargs; i++)
			sa[i] = args[i];
		emit(x, O_STORE, sa, in->nargs, NULL, loc);
		return;
	}
	case O_ALLOCA: {
		if (!act)
			return;
		if (!x->vec) {
			Ins *s = emit(x, O_ALLOCA, NULL, 0, rt, loc);
			s->aty = in->aty;
			settan(x, res, s->res[0]);
			zero_fill(x, s->res[0], in->aty, loc);
			return;
		}
		Type *et = slotty(x, in->aty, loc);
		long n = nslots(in->aty);
		Val *cnt = ir_op2(x->r, O_MUL, i64(), ir_const_i(x->r, i64(), n ? n : 1, loc),
			x->nd, loc);
		Ins *s = emit(x, O_ALLOCA, &cnt, 1, ty_ptr(et), loc);
		s->aty = et;
		settan(x, res, s->res[0]);
		vblock(x, s->res[0], NULL, n, et, 1, loc);
		return;
	}
	default:
		return;
	}
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
	ir_copy_attrs(c, in);
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
			tset(x, res, chain(x, rules_op(in->op), in->args, in->nargs, y, loc), loc);
		break;
	case O_CAST:
		if (act && ty_isfloat(in->args[0]->ty) && T(x, in->args[0])) {
			Val *t = tv(x, in->args[0], loc);
			tset(x, res, ir_cast(treg(x), rt, t, loc), loc);
		} else if (act && rt->kind == T_PTR) {
			Val *t = T(x, in->args[0]);
			if (!t)
				ICE("fwd: cast of a pointer without shadow");
			/* front.c refuses casts that reinterpret memory: the
			 * shadow keeps its layout, only its type follows */
			settan(x, res, ir_cast(x->r, sty(x, rt, loc), t, loc));
		}
		break;
	case O_SELECT:
		if (act && rt->kind == T_PTR) {
			Val *a = T(x, in->args[1]), *b = T(x, in->args[2]);
			if (!a || !b)
				ICE("fwd: select of pointers without shadows");
			Val *sa[3] = {args[0], a, b};
			settan(x, res, emit(x, O_SELECT, sa, 3, sty(x, rt, loc), loc)->res[0]);
		} else if (act && (T(x, in->args[1]) || T(x, in->args[2]))) {
			Val *a = tv(x, in->args[1], loc), *b = tv(x, in->args[2], loc);
			Region *r = treg(x);
			Val *sa[3] = {args[0], a ? a : ir_const_f(r, rt, 0, loc),
				b ? b : ir_const_f(r, rt, 0, loc)};
			Ins *se = ir_ins(x->dst, O_SELECT, sa, 3, &rt, 1, 0, loc);
			ir_append(r, se);
			tset(x, res, se->res[0], loc);
		}
		break;
	default:
		fwd_mem(x, in, args, res, act, loc);
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
	Pattern pt = pat_decode(g, pat);
	char *in_act = pt.in, *out_act = pt.out;
	int ret_act = pt.ret;
	F x;
	memset(&x, 0, sizeof x);
	x.m = m;
	x.src = g;
	x.vec = v->vec;
	x.act = act_run(g, in_act, out_act, ret_act);
	x.vmap = xmalloc(sizeof(Val *) * (size_t)(g->nval + 1));
	x.tmap = xmalloc(sizeof(Val *) * (size_t)(g->nval + 1));
	Fn *d = ir_fn(m, name, g->ret);
	v->fn = d;
	d->derived = 1;
	d->vec = v->vec;
	d->loc = g->loc;
	/* versions made for calls are private to the derivative file */
	d->is_static = g->is_static || v->for_call;
	x.dst = d;
	x.r = d->body;
	for (int i = 0; i < np; i++) {
		Val *p = g->params[i];
		Val *q = ir_param(d, p->ty, p->name);
		q->cnst = p->cnst;
		x.vmap[p->id] = q;
		if (pat[i] != '-') {
			/* vector mode: a scalar's tangent is an array of nd directions,
			 * a struct's its block of slots */
			int arr = x.vec && p->ty->kind != T_PTR;
			Type *tt = !arr ? sty(&x, p->ty, g->loc) : ty_ptr(p->ty->kind == T_STRUCT ?
				slotty(&x, p->ty, g->loc) : p->ty);
			Val *t = ir_param(d, tt, dname(&x, p->name));
			t->cnst = arr ? 1 : p->cnst;
			x.tmap[p->id] = t;
		} else if (act_val(x.act, p) && p->ty->kind == T_PTR) {
			diag_fatal(m->file, g->loc, "parameter '%s' of '%s' points to memory "
				"that carries derivatives; list it as an input or output of "
				"the request", p->name, g->name);
		}
	}
	if (ret_act)
		x.retd = ir_param(d, ty_ptr(x.vec && g->ret->kind == T_STRUCT ?
			slotty(&x, g->ret, g->loc) : sty(&x, g->ret, g->loc)), "retd");
	if (x.vec) {
		Val *nd = ir_param(d, ty_basic(T_I32), "nd");
		x.nd = ir_cast(d->body, i64(), nd, g->loc);
		x.entry = x.nd->def;
	}
	/* what the function computes, for its leading comment */
	char buf[1024];
	int n = snprintf(buf, sizeof buf, "%s of %s: derivatives of",
		x.vec ? "Vector tangent (nd directions)" : "Tangent", g->name);
	pat_describe(g, &pt, buf + n, sizeof buf - (size_t)n);
	d->doc = arena_strdup(m->arena, buf);
	clone_into(&x, g->body, d->body, "", NULL, 0, 0);
	act_free(x.act);
	free(x.kl.arr);
	free(x.kl.val);
	free(x.vmap);
	free(x.tmap);
	pat_free(&pt);
}

static const char *suffix(int vec) { return vec ? "_dv" : "_d"; }

static Fn *version(Module *m, Fn *g, const char *pattern, const char *name, int vec)
{
	for (Version *v = versions; v; v = v->next)
		if (v->src == g && v->vec == vec && !strcmp(v->pattern, pattern))
			return v->fn;
	int for_call = name == NULL;
	if (!name) {
		name = arena_printf(m->arena, "%s%s", g->name, suffix(vec));
		for (int k = 1; ir_findfn(m, name); k++)
			name = arena_printf(m->arena, "%s%s%d", g->name, suffix(vec), k);
	}
	Version *v = xmalloc(sizeof *v);
	v->for_call = for_call;
	v->src = g;
	v->vec = vec;
	v->pattern = arena_strdup(m->arena, pattern);
	v->next = versions;
	versions = v;
	build(m, v, name);
	return v->fn;
}

/* Give the derived function d the next free name f_dK, and its callers too. */
static void rename_fn(Module *m, Fn *d, int vec)
{
	const char *sf = suffix(vec);
	const char *base = arena_printf(m->arena, "%.*s", (int)(strlen(d->name) - strlen(sf)),
		d->name);
	const char *name = NULL;
	for (int k = 1; !name || ir_findfn(m, name); k++)
		name = arena_printf(m->arena, "%s%s%d", base, sf, k);
	ir_rename_fn(m, d, name);
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
	int vec = rq->mode == M_VECTOR;
	const char *name = arena_printf(m->arena, "%s%s", f->name, suffix(vec));
	char *pat = fwd_pattern(m, f, rq);
	Fn *old = ir_findfn(m, name);
	if (old) {
		Version *v = versions;
		while (v && v->fn != old)
			v = v->next;
		if (!v)
			diag_fatal(m->file, f->loc, "a function named '%s' already exists; "
				"rename it so the tangent function can take that name", name);
		if (v->src == f && v->vec == vec && !strcmp(v->pattern, pat)) {
			v->for_call = 0; /* requested after all: public */
			old->is_static = f->is_static;
			return old;
		}
		/* a version made for a call took the name: it moves aside */
		rename_fn(m, old, v->vec);
	}
	return version(m, f, pat, name, vec);
}

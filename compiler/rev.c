/* rev.c — reverse mode: the adjoint function F_b of a function F.
 *
 * F_b runs a forward sweep (a copy of F) and then a reverse sweep that
 * accumulates adjoints in reverse order (DESIGN.md §5 for the signature
 * and the entry/exit rule).  Over structured SSA:
 *
 * Adjoints.  The adjoint of an active floating-point value is a local
 * variable (an alloca the emitter prints as `double xb;`), zero at entry,
 * increased by every use's reverse (`xb = xb + …`), read when the reverse
 * reaches the definition, and reset to zero there when the definition is
 * inside a loop.  Adjoint memory (shadows) has the layout of the primal
 * memory: the caller's arrays for pointer parameters, local arrays for
 * local arrays (zeroed where their region's reverse begins), calloc'd
 * blocks for malloc'd ones (freed when the reverse reaches the malloc).
 * Shadow pointers are computed in the forward sweep, as in forward mode.
 *
 * What the reverse sweep needs (to-be-recorded).  Every primal value the
 * reverse code uses goes through need(), which decides how to get it:
 * values of the function's top level are still there in F_b (SSA values
 * are never overwritten) and cost nothing; a value defined inside an if or
 * a loop is recomputed when that is cheap and exact (constants, index and
 * address arithmetic, loads from memory nobody writes while F_b runs, and
 * pure operations on such values), and otherwise pushed on the tape at the
 * end of its region in the forward sweep and popped where the reverse of
 * that region begins.  Pushes happen at region ends and pops at region
 * starts, so the tape is last-in first-out by construction.  Nothing is
 * recorded for a value the reverse sweep does not use: a reduction
 * `s += x[i] * x[i]` records nothing.  Branch conditions are recorded (as
 * bits) only when they cannot be recomputed; `for` loops are reversed by
 * their trip count, computed from their bounds; `while` and `do` loops
 * count their iterations and record the count.
 *
 * Calls.  A call of a user function with active arguments uses one of two
 * strategies (docs/reverse.md):
 *   tape       the forward sweep calls G_fwd (G's forward sweep, recording
 *              on the tape) and the reverse sweep calls G_bwd (its reverse
 *              sweep, popping);
 *   recompute  the forward sweep calls G itself and the reverse sweep calls
 *              G_b (forward and reverse sweep together): nothing is taped,
 *              G runs twice.  Only exact for functions of their scalar
 *              arguments (no pointer parameters, no writable globals).
 * By default (rev_calls == CALLS_AUTO) loop-free functions of scalars are
 * recomputed and everything else is taped.
 * Needs: activity.c, rules.c.  Changes: adds functions to the module.
 */
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

int rev_calls = CALLS_AUTO;

/* A reverse version of a function for one activity pattern. */
typedef struct RV RV;
struct RV {
	Fn *src;
	char *pat;       /* per parameter i/o/b/-, then r/- (fwd_pattern) */
	char *frozen;    /* per parameter: '1' if its data stay unchanged while
	                    the whole derivative runs */
	int split;       /* G_fwd + G_bwd rather than one joint G_b */
	int for_call;
	Fn *fwd, *bwd;   /* joint: both are G_b */
	RV *next;
};
static RV *rvs;

/* A reverse instance of a forward region: the reverse code of one
 * execution of it.  Values popped or recomputed for it go to its prologue,
 * inserted after `anchor` in `rr` when the instance is finished. */
/* One pop: the instructions that get one recorded item back. */
typedef struct {
	Ins *in[24];
	int n;
} Pop;

typedef struct Snap Snap;
typedef struct Ent Ent;
struct Ent {
	Region *fr;      /* the forward region whose values it provides */
	Region *rr;      /* the reverse region its code is in */
	Ins *anchor;     /* the prologue goes after it (NULL: at rr's start) */
	int avail;       /* values of fr are visible here (F_b's top level) */
	int stamp;
	Pop *pop;        /* pops, in the order of the pushes */
	int npop, cpop;
	Ins **epi;       /* goes at the end of the instance's code */
	int nepi, cepi;
	Ins **rec;       /* recomputations and conversions, in order */
	int nrec, crec;
	Ent *up;
};

/* What the forward sweep made for a source instruction (X.fw[Ins.mark];
 * marks number the instructions in walk order, the same in every build of
 * a function, so building a callee's version inside does not disturb them). */
typedef struct {
	Ins *clone;      /* its copy in the forward sweep */
	Val *count;      /* while / dowhile: iterations (forward value) */
	RV *ver;         /* call: the version of the callee */
	int recompute;   /* call: recompute strategy */
} Fw;

typedef struct {
	Module *m;
	Fn *src, *dst, *rfn; /* source, forward sweep, reverse sweep */
	RV *ver;
	Act *act;
	int split;
	Val **vmap, **smap;  /* by source id: forward value, forward shadow */
	Val **adj;           /* by source id: adjoint variable (pointer) */
	char *local;         /* by source id: adjoint kept as an SSA value */
	Val **ladj;          /* by source id: that value so far (NULL: zero) */
	char *inloop;        /* by source id: defined inside a loop */
	Val **srcof;         /* by forward id: the source value it copies */
	int nsrcof;
	Region *r;           /* the region instructions go to */
	Ent *top;
	int stamp;
	Val **cache;         /* by forward id: its value in instance cst[id] */
	int *cst, ncache;
	Val **pm;            /* split: G_fwd parameter index -> G_bwd parameter */
	Ins *decl_at;        /* adjoint variables follow it in rfn */
	Ins *fentry;         /* shadow storage of locals follows it in dst */
	Val *retv;           /* source value returned */
	Val *retb;
	Val **tofree;        /* split: shadow blocks of locals, freed at the end */
	int nfree;
	Fw **fw;             /* by source instruction mark */
	Snap *snaps;         /* block records made */
	int counting;        /* need() of a trip count */
	Region *wbody[64];   /* while bodies being reversed (forward regions) */
	Val *wt[64];         /* and the index t of their reversed loop (n … 1) */
	int nw;
	char doc[2048];      /* what is recorded, for the comment */
	int ndoc;
} X;

static Type *i64(void) { return ty_basic(T_I64); }
static Type *i32(void) { return ty_basic(T_I32); }
static Type *vptr(void) { return ty_ptr(ty_basic(T_VOID)); }
static int is_ptr(Val *v) { return v->ty->kind == T_PTR; }
static int is_flt(Val *v) { return ty_isfloat(v->ty); }
static int name_is(const char *s, const char *a) { return !strcmp(s, a); }

static void *grow(void *p, int *cap, int n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? 2 * *cap : 16;
	if (*cap <= n)
		*cap = n + 16;
	return xrealloc(p, size * (size_t)*cap);
}

static const char *bname(X *x, const char *name)
{
	return name ? arena_printf(x->m->arena, "%sb", name) : NULL;
}

/* active: carries an adjoint (floats) or a shadow (pointers) */
static int act(X *x, Val *v)
{
	return v->id < x->src->nval && act_val(x->act, v);
}

static int act_flt(X *x, Val *v)
{
	return is_flt(v) && act(x, v);
}

static Ins *put(Fn *f, Region *r, Op op, Val **a, int n, Type *rt, Loc loc)
{
	Ins *in = ir_ins(f, op, a, n, rt ? &rt : NULL, rt != NULL, 0, loc);
	ir_append(r, in);
	return in;
}

static Val *call(Fn *f, Region *r, const char *name, Val **a, int n, Type *rt, Loc loc)
{
	Ins *in = put(f, r, O_CALL, a, n, rt && rt->kind != T_VOID ? rt : NULL, loc);
	in->sym = name;
	return in->nres ? in->res[0] : NULL;
}

static void need_lib(X *x)
{
	Type *vp = vptr(), *u64 = ty_basic(T_U64);
	ir_need_decl(x->m, "malloc", vp, (Type *[]){u64}, 1);
	ir_need_decl(x->m, "calloc", vp, (Type *[]){u64, u64}, 2);
	ir_need_decl(x->m, "free", ty_basic(T_VOID), (Type *[]){vp}, 1);
	ir_need_decl(x->m, "memset", vp, (Type *[]){vp, i32(), u64}, 3);
}

/* ---- the forward sweep ---- */

static Val *V(X *x, Val *v)
{
	Val *n = x->vmap[v->id];
	if (!n)
		ICE("rev: value %d of @%s not mapped", v->id, x->src->name);
	return n;
}

static Val *S(X *x, Val *v)
{
	return x->smap[v->id];
}

/* Record that forward value f copies source value s (or is its shadow:
 * shadow memory is written only where the primal stores pointers). */
static void setsrc(X *x, Val *s, Val *f)
{
	if (f->id >= x->nsrcof) {
		int n = x->nsrcof;
		x->nsrcof = 2 * f->id + 64;
		x->srcof = xrealloc(x->srcof, sizeof(Val *) * (size_t)x->nsrcof);
		memset(x->srcof + n, 0, sizeof(Val *) * (size_t)(x->nsrcof - n));
	}
	x->srcof[f->id] = s;
}

static void setv(X *x, Val *s, Val *f)
{
	x->vmap[s->id] = f;
	setsrc(x, s, f);
	if (!f->name)
		f->name = s->name;
}

/* The shadow of an active pointer operand (a null pointer if it has none:
 * it points to data without derivatives). */
static Val *S0(X *x, Val *v, Loc loc)
{
	Val *s = S(x, v);
	if (s)
		return s;
	if (!is_ptr(v))
		ICE("rev: no shadow for a non-pointer");
	Type *t = v->ty;
	return put(x->dst, x->r, O_CONST, NULL, 0, t, loc)->res[0];
}

static void after(Region *r, Ins **at, Ins *in)
{
	if (*at)
		ir_insert_after(*at, in);
	else if (r->first)
		ir_insert_before(r->first, in);
	else
		ir_append(r, in);
	*at = in;
}

/* Shadow storage for local object `in` (an alloca of source F), placed at
 * the entry of the forward sweep: a local array of F_b, or (G_fwd, whose
 * locals are gone when G_bwd runs) a malloc'd block freed by G_bwd. */
static Val *local_shadow(X *x, Ins *in)
{
	Type *pt = in->res[0]->ty;
	Region *body = x->dst->body;
	if (!x->split) {
		Ins *al = ir_ins(x->dst, O_ALLOCA, NULL, 0, &pt, 1, 0, in->loc);
		al->aty = in->aty;
		after(body, &x->fentry, al);
		al->res[0]->name = bname(x, in->res[0]->name);
		return al->res[0];
	}
	Type *u64 = ty_basic(T_U64), *vp = vptr();
	Ins *n = ir_ins(x->dst, O_CONST, NULL, 0, &u64, 1, 0, in->loc);
	n->i = ty_size(in->aty);
	after(body, &x->fentry, n);
	Ins *c = ir_ins(x->dst, O_CALL, &n->res[0], 1, &vp, 1, 0, in->loc);
	c->sym = "malloc";
	after(body, &x->fentry, c);
	Ins *cv = ir_ins(x->dst, O_CAST, &c->res[0], 1, &pt, 1, 0, in->loc);
	after(body, &x->fentry, cv);
	cv->res[0]->name = bname(x, in->res[0]->name);
	x->tofree = xrealloc(x->tofree, sizeof(Val *) * (size_t)(x->nfree + 1));
	x->tofree[x->nfree++] = cv->res[0];
	return cv->res[0];
}

static void f_ins(X *x, Ins *in);
static RV *version(Module *m, Fn *g, const char *pat, const char *frozen, int split,
	const char *name);

/* Does the data v points to stay unchanged while the derivative runs?
 * Not written by F, and every parameter of its class is frozen by F's
 * callers. */
static int frozen_src(X *x, Val *v)
{
	if (!is_ptr(v) || act_written(x->act, v))
		return 0;
	for (int i = 0; i < x->src->np; i++) {
		Val *p = x->src->params[i];
		if (is_ptr(p) && act_same_class(x->act, p, v) && x->ver->frozen[i] != '1')
			return 0;
	}
	return 1;
}

/* The terminator of a source region, with the shadows of the active
 * pointer slots (pact) appended.  F_b's ret is left out: the reverse sweep
 * follows. */
static void f_term(X *x, Ins *t, const char *pact, int nslot, int off)
{
	if (t->op == O_RET) {
		x->retv = t->nargs ? t->args[0] : NULL;
		if (!x->split)
			return;
	}
	Val **a = xmalloc(sizeof(Val *) * (size_t)(t->nargs + nslot + 1));
	int n = 0;
	for (int i = 0; i < t->nargs; i++)
		a[n++] = V(x, t->args[i]);
	if (t->op != O_RET)
		for (int k = 0; k < nslot; k++)
			if (pact[k])
				a[n++] = S0(x, t->args[off + k], t->loc);
	ir_term(x->r, t->op, a, n, t->loc);
	free(a);
}

static void f_region(X *x, Region *s, Region *d, const char *pact, int nslot, int off)
{
	Region *outer = x->r;
	x->r = d;
	for (Ins *in = s->first; in; in = in->next)
		if (opinfo[in->op].flags & F_TERM)
			f_term(x, in, pact, nslot, off);
		else
			f_ins(x, in);
	x->r = outer;
}

static void map_args(X *x, Region *s, Region *d, const char *pact, int off)
{
	for (int i = 0; i < s->nargs; i++)
		setv(x, s->args[i], ir_regarg(d, s->args[i]->ty, s->args[i]->name));
	for (int i = off; i < s->nargs; i++)
		if (pact[i - off])
			x->smap[s->args[i]->id] = ir_regarg(d, s->args[i]->ty,
				bname(x, s->args[i]->name));
}

/* count = count + 1, at the start of a loop body */
static void bump(X *x, Val *cnt, Loc loc)
{
	Val *c = put(x->dst, x->r, O_LOAD, &cnt, 1, i64(), loc)->res[0];
	Val *one = ir_const_i(x->r, i64(), 1, loc);
	Val *sa[2] = {ir_op2(x->r, O_ADD, i64(), c, one, loc), cnt};
	put(x->dst, x->r, O_STORE, sa, 2, NULL, loc);
}

/* if and loops: shadows of active pointer slots travel in extra slots;
 * while and dowhile loops count their iterations. */
static void f_struct(X *x, Ins *in)
{
	int ns = in->nres;
	char *pact = arena_alloc(x->m->arena, (size_t)ns + 1);
	for (int k = 0; k < ns; k++)
		pact[k] = (char)(is_ptr(in->res[k]) && act(x, in->res[k]));
	int initoff = in->op == O_FOR ? 3 : in->op == O_IF ? -1 : 0;
	Fw *fw = arena_alloc(x->m->arena, sizeof *fw);
	x->fw[in->mark] = fw;
	Val *cnt = NULL;
	if (in->op == O_WHILE || in->op == O_DOWHILE) {
		Type *pt = ty_ptr(i64());
		Ins *al = ir_ins(x->dst, O_ALLOCA, NULL, 0, &pt, 1, 0, in->loc);
		al->aty = i64();
		after(x->dst->body, &x->fentry, al);
		cnt = al->res[0];
		cnt->name = "count";
		Val *sa[2] = {ir_const_i(x->r, i64(), 0, in->loc), cnt};
		put(x->dst, x->r, O_STORE, sa, 2, NULL, in->loc);
	}
	Val **a = xmalloc(sizeof(Val *) * (size_t)(2 * in->nargs + 1));
	int n = 0;
	for (int i = 0; i < in->nargs; i++)
		a[n++] = V(x, in->args[i]);
	if (initoff >= 0)
		for (int k = 0; k < ns; k++)
			if (pact[k])
				a[n++] = S0(x, in->args[initoff + k], in->loc);
	Ins *c = ir_ins(x->dst, in->op, a, n, NULL, 0, in->nregs, in->loc);
	free(a);
	c->pred = in->pred;
	ir_append(x->r, c);
	fw->clone = c;
	Region *outer = x->r;
	switch (in->op) {
	case O_IF:
		for (int r = 0; r < 2; r++)
			f_region(x, in->regs[r], c->regs[r], pact, ns, 0);
		break;
	case O_FOR:
		map_args(x, in->regs[0], c->regs[0], pact, 1);
		f_region(x, in->regs[0], c->regs[0], pact, ns, 0);
		break;
	default:
		map_args(x, in->regs[R_COND], c->regs[R_COND], pact, 0);
		map_args(x, in->regs[R_BODY], c->regs[R_BODY], pact, 0);
		x->r = c->regs[R_BODY];
		bump(x, cnt, in->loc);
		x->r = outer;
		f_region(x, in->regs[R_BODY], c->regs[R_BODY], pact, ns, 0);
		f_region(x, in->regs[R_COND], c->regs[R_COND], pact, ns, 1);
		break;
	}
	for (int k = 0; k < ns; k++)
		setv(x, in->res[k], ir_addres(c, in->res[k]->ty));
	for (int k = 0; k < ns; k++)
		if (pact[k])
			x->smap[in->res[k]->id] = ir_addres(c, in->res[k]->ty);
	if (cnt) {
		fw->count = put(x->dst, x->r, O_LOAD, &cnt, 1, i64(), in->loc)->res[0];
		fw->count->name = "count";
	}
}

/* May G be recomputed in the reverse sweep (recompute strategy)?  Its
 * value must depend on its scalar arguments only. */
static int scalar_pure(Module *m, Fn *g, int depth);

static int pure_walk(Module *m, Region *r, int depth, int *loops)
{
	for (Ins *in = r->first; in; in = in->next) {
		if (in->op == O_FOR || in->op == O_WHILE || in->op == O_DOWHILE)
			*loops = 1;
		if (in->op == O_GLOBAL) {
			Global *gl = ir_findglobal(m, in->sym);
			if (!gl || !gl->is_const)
				return 0;
		}
		if (in->op == O_CALL && !rules_call(in->sym)) {
			Fn *h = ir_findfn(m, in->sym);
			if (!h || !scalar_pure(m, h, depth + 1))
				return 0;
		}
		for (int i = 0; i < in->nregs; i++)
			if (!pure_walk(m, in->regs[i], depth, loops))
				return 0;
	}
	return 1;
}

static int scalar_pure_loops(Module *m, Fn *g, int depth, int *loops)
{
	if (depth > 8)
		return 0;
	for (int i = 0; i < g->np; i++)
		if (is_ptr(g->params[i]))
			return 0;
	return pure_walk(m, g->body, depth, loops);
}

static int scalar_pure(Module *m, Fn *g, int depth)
{
	int loops = 0;
	return scalar_pure_loops(m, g, depth, &loops);
}

/* The callee's adjoint signature: per parameter p, then pb if active
 * (scalars by pointer); then retb. */
static void f_call(X *x, Ins *in)
{
	Loc loc = in->loc;
	Val *res = in->nres ? in->res[0] : NULL;
	Fn *g = ir_findfn(x->m, in->sym);
	int any = res && act(x, res);
	for (int i = 0; i < in->nargs; i++)
		any |= act(x, in->args[i]);
	Fw *fw = arena_alloc(x->m->arena, sizeof *fw);
	x->fw[in->mark] = fw;
	if (g && any && !g->derived) {
		if (res && is_ptr(res) && act(x, res))
			diag_fatal(x->m->file, loc, "reverse mode does not yet support "
				"functions returning pointers to data with derivatives ('%s'); "
				"pass the pointer as a parameter instead", g->name);
		int np = g->np;
		char *pat = arena_alloc(x->m->arena, (size_t)np + 2);
		char *fz = arena_alloc(x->m->arena, (size_t)np + 1);
		for (int i = 0; i < np; i++) {
			Val *a = in->args[i];
			pat[i] = !act(x, a) ? '-' : is_ptr(a) ? 'b' : 'i';
			fz[i] = is_ptr(a) && frozen_src(x, a) ? '1' : '0';
		}
		pat[np] = res && act(x, res) ? 'r' : '-';
		int loops = 0;
		int pure = scalar_pure_loops(x->m, g, 0, &loops);
		fw->recompute = rev_calls == CALLS_TAPE ? 0 :
			rev_calls == CALLS_RECOMPUTE ? pure : pure && !loops;
		fw->ver = version(x->m, g, pat, fz, !fw->recompute, NULL);
		Val **a = xmalloc(sizeof(Val *) * (size_t)(2 * np + 1));
		int n = 0;
		for (int i = 0; i < np; i++) {
			a[n++] = V(x, in->args[i]);
			if (!fw->recompute && pat[i] == 'b')
				a[n++] = S0(x, in->args[i], loc);
		}
		const char *callee = fw->recompute ? g->name : fw->ver->fwd->name;
		Val *r = call(x->dst, x->r, callee, a, n, g->ret, loc);
		free(a);
		fw->clone = x->r->last;
		if (res)
			setv(x, res, r);
		return;
	}
	Val **a = xmalloc(sizeof(Val *) * (size_t)(in->nargs + 1));
	for (int i = 0; i < in->nargs; i++)
		a[i] = V(x, in->args[i]);
	Val *r = call(x->dst, x->r, in->sym, a, in->nargs, res ? res->ty : NULL, loc);
	fw->clone = x->r->last;
	if (res)
		setv(x, res, r);
	const char *s = in->sym;
	if ((name_is(s, "malloc") || name_is(s, "calloc")) && res && act(x, res)) {
		Val *ca[2];
		if (name_is(s, "calloc"))
			ca[0] = a[0], ca[1] = a[1];
		else
			ca[0] = a[0], ca[1] = ir_const_i(x->r, a[0]->ty, 1, loc);
		need_lib(x);
		Val *sh = call(x->dst, x->r, "calloc", ca, 2, res->ty, loc);
		sh->name = bname(x, res->name);
		x->smap[res->id] = sh;
	}
	free(a);
	int memfn = name_is(s, "malloc") || name_is(s, "calloc") || name_is(s, "free") ||
		name_is(s, "memset") || name_is(s, "memcpy") || name_is(s, "memmove");
	if (memfn || !any)
		return;
	if (!rules_call(s) || !res || !is_flt(res))
		diag_fatal(x->m->file, loc, "cannot differentiate the call to '%s': "
			"it has no derivative rule and no source in this file; give its "
			"definition, or keep its arguments inactive", s);
}

static void f_ins(X *x, Ins *in)
{
	Loc loc = in->loc;
	if (in->nregs) {
		f_struct(x, in);
		return;
	}
	if (in->op == O_CALL) {
		f_call(x, in);
		return;
	}
	Val **a = xmalloc(sizeof(Val *) * (size_t)(in->nargs + 1));
	for (int i = 0; i < in->nargs; i++)
		a[i] = V(x, in->args[i]);
	Type *rt = in->nres ? in->res[0]->ty : NULL;
	Ins *c = put(x->dst, x->r, in->op, a, in->nargs, rt, loc);
	ir_copy_attrs(c, in);
	Fw *fw = arena_alloc(x->m->arena, sizeof *fw);
	fw->clone = c;
	x->fw[in->mark] = fw;
	Val *res = in->nres ? in->res[0] : NULL;
	if (res)
		setv(x, res, c->res[0]);
	if (in->op == O_STORE && act(x, in->args[1])) {
		Val *v = in->args[0];
		if (v->ty->kind == T_STRUCT)
			diag_fatal(x->m->file, loc, "reverse mode does not yet support "
				"copying whole structs into memory with derivatives; assign "
				"the members one by one");
		if (is_ptr(v)) { /* the shadow memory holds the shadow pointer */
			Val *sa[10];
			sa[0] = S0(x, v, loc);
			sa[1] = S(x, in->args[1]);
			for (int i = 2; i < in->nargs && i < 10; i++)
				sa[i] = a[i];
			put(x->dst, x->r, O_STORE, sa, in->nargs, NULL, loc);
		}
	}
	if (in->op == O_LOAD && res && res->ty->kind == T_STRUCT && act(x, in->args[0]))
		diag_fatal(x->m->file, loc, "reverse mode does not yet support copying "
			"whole structs out of memory with derivatives; read the members "
			"one by one");
	if (!res || !is_ptr(res) || !act(x, res)) {
		free(a);
		return;
	}
	Val *sh = NULL;
	switch (in->op) {
	case O_ADDR: case O_FIELD: case O_CAST: case O_LOAD: {
		Val *sp = S(x, in->args[0]);
		if (!sp)
			ICE("rev: %s of a pointer without shadow", opinfo[in->op].name);
		a[0] = sp;
		Ins *t = put(x->dst, x->r, in->op, a, in->nargs, rt, loc);
		t->fld = in->fld;
		sh = t->res[0];
		break;
	}
	case O_SELECT: {
		Val *sa[3] = {a[0], S0(x, in->args[1], loc), S0(x, in->args[2], loc)};
		sh = put(x->dst, x->r, O_SELECT, sa, 3, rt, loc)->res[0];
		break;
	}
	case O_ALLOCA:
		sh = local_shadow(x, in);
		break;
	case O_CONST: case O_UNDEF:
		sh = put(x->dst, x->r, in->op, NULL, 0, rt, loc)->res[0];
		break;
	default:
		diag_fatal(x->m->file, loc, "reverse mode cannot follow this pointer "
			"(%s) to data with derivatives", opinfo[in->op].name);
	}
	sh->name = bname(x, res->name);
	x->smap[res->id] = sh;
	setsrc(x, res, sh);
	free(a);
}

/* ---- what the reverse sweep needs: need() ---- */

static Ent *ent_push(X *x, Region *fr, Region *rr, Ins *anchor, int avail)
{
	Ent *e = xmalloc(sizeof *e);
	e->fr = fr;
	e->rr = rr;
	e->anchor = anchor;
	e->avail = avail;
	e->stamp = ++x->stamp;
	e->up = x->top;
	x->top = e;
	return e;
}

/* Insert the instance's pops (last pushed first) and recomputations. */
static void ent_pop(X *x)
{
	Ent *e = x->top;
	Ins *at = e->anchor;
	for (int i = e->npop - 1; i >= 0; i--)
		for (int k = 0; k < e->pop[i].n; k++)
			after(e->rr, &at, e->pop[i].in[k]);
	for (int i = 0; i < e->nepi; i++)
		ir_append(e->rr, e->epi[i]);
	for (int i = 0; i < e->nrec; i++)
		after(e->rr, &at, e->rec[i]);
	x->top = e->up;
	free(e->pop);
	free(e->epi);
	free(e->rec);
	free(e);
}

static Region *def_region(Val *v)
{
	return v->kind == V_RES ? v->def->parent : v->reg;
}

static Ent *ent_of(X *x, Val *fv)
{
	Region *fr = def_region(fv);
	for (Ent *e = x->top; e; e = e->up)
		if (e->fr == fr)
			return e;
	return NULL;
}

static Val **cached(X *x, Val *fv, Ent *e)
{
	if (fv->id >= x->ncache) {
		int n = x->ncache;
		x->ncache = 2 * fv->id + 64;
		x->cache = xrealloc(x->cache, sizeof(Val *) * (size_t)x->ncache);
		x->cst = xrealloc(x->cst, sizeof(int) * (size_t)x->ncache);
		for (int i = n; i < x->ncache; i++)
			x->cache[i] = NULL, x->cst[i] = 0;
	}
	return x->cst[fv->id] == e->stamp ? &x->cache[fv->id] : NULL;
}

static void cache_set(X *x, Val *fv, Ent *e, Val *v)
{
	cached(x, fv, e);
	x->cache[fv->id] = v;
	x->cst[fv->id] = e->stamp;
}

static Val *need(X *x, Val *fv);

static Ins *blockable(X *x, Val *fv);

/* Is fv free to get again in the reverse sweep (no tape)? */
static int cheap(X *x, Val *fv, int depth)
{
	if (fv->kind == V_PARAM)
		return 1;
	Ent *e = ent_of(x, fv);
	if (!e)
		return 0;
	if (e->avail || cached(x, fv, e))
		return 1;
	if (fv->kind != V_RES || depth > 5)
		return 0;
	Ins *d = fv->def;
	switch (d->op) {
	case O_CALL: /* a math function of free values */
		if (!rules_call(d->sym) || d->nres != 1)
			return 0;
		break;
	case O_CONST: case O_SIZEOF: case O_GLOBAL: case O_UNDEF:
		return 1;
	case O_LOAD: {
		Val *p = d->args[0];
		Val *sp = p->id < x->nsrcof ? x->srcof[p->id] : NULL;
		if (!sp || !frozen_src(x, sp))
			return blockable(x, fv) != NULL; /* one block for the whole loop */
		break;
	}
	default:
		if (!(opinfo[d->op].flags & F_PURE) || d->nres != 1)
			return 0;
		break;
	}
	for (int i = 0; i < d->nargs; i++)
		if (!cheap(x, d->args[i], depth + 1))
			return 0;
	return 1;
}

static void add_rec(Ent *e, Ins *in)
{
	e->rec = grow(e->rec, &e->crec, e->nrec, sizeof(Ins *));
	e->rec[e->nrec++] = in;
}

static Val *recompute(X *x, Val *fv, Ent *e)
{
	Ins *d = fv->def;
	Val **a = xmalloc(sizeof(Val *) * (size_t)(d->nargs + 1));
	for (int i = 0; i < d->nargs; i++)
		a[i] = need(x, d->args[i]);
	Ins *c = ir_ins(x->rfn, d->op, a, d->nargs, &fv->ty, 1, 0, d->loc);
	free(a);
	ir_copy_attrs(c, d);
	c->res[0]->name = fv->name;
	add_rec(e, c);
	return c->res[0];
}

static void note(X *x, const char *fmt, const char *a, const char *b, int line)
{
	if (x->ndoc > (int)sizeof x->doc - 200)
		return;
	x->ndoc += snprintf(x->doc + x->ndoc, sizeof x->doc - (size_t)x->ndoc, fmt,
		x->ndoc ? ", " : "", a, b, line);
}

/* Push fv at the end of its forward region; pop it where the reverse of
 * that region begins. */
static Val *tape(X *x, Val *fv, Ent *e)
{
	Type *t = fv->ty, *st;
	const char *stack;
	Loc loc = {0, 0};
	if (fv->kind == V_RES)
		loc = fv->def->loc;
	else if (fv->kind == V_ARG && fv->reg->parent)
		loc = fv->reg->parent->loc; /* a carried value: its loop's line */
	switch (t->kind) {
	case T_F64: stack = "f64"; st = t; break;
	case T_F32: stack = "f32"; st = t; break;
	case T_I1: stack = "bit"; st = i32(); break;
	case T_I64: case T_U64: stack = x->counting ? "cnt" : "i64"; st = i64(); break;
	case T_PTR: stack = "ptr"; st = vptr(); break;
	default: stack = "i32"; st = i32(); break;
	}
	Ins *term = e->fr->last;
	Val *v = fv;
	if (st != t) {
		Ins *cv = ir_ins(x->dst, O_CAST, &v, 1, &st, 1, 0, loc);
		ir_insert_before(term, cv);
		v = cv->res[0];
	}
	Ins *push = ir_ins(x->dst, O_CALL, &v, 1, NULL, 0, 0, loc);
	push->sym = arena_printf(x->m->arena, "adcc_push_%s", stack);
	ir_insert_before(term, push);
	Ins *pop = ir_ins(x->rfn, O_CALL, NULL, 0, &st, 1, 0, loc);
	pop->sym = arena_printf(x->m->arena, "adcc_pop_%s", stack);
	e->pop = grow(e->pop, &e->cpop, e->npop, sizeof(Pop));
	e->pop[e->npop++] = (Pop){{pop}, 1};
	Val *r = pop->res[0];
	if (t->kind == T_I1) {
		Val *z[2] = {r, NULL};
		Ins *k = ir_ins(x->rfn, O_CONST, NULL, 0, &st, 1, 0, loc);
		add_rec(e, k);
		z[1] = k->res[0];
		Ins *ne = ir_ins(x->rfn, O_NE, z, 2, &t, 1, 0, loc);
		add_rec(e, ne);
		r = ne->res[0];
	} else if (st != t) {
		Ins *cv = ir_ins(x->rfn, O_CAST, &r, 1, &t, 1, 0, loc);
		add_rec(e, cv);
		r = cv->res[0];
	}
	r->name = fv->name;
	note(x, "%s%s (%s, line %d)", fv->name ? fv->name : "a temporary",
		t->kind == T_I1 ? "branch" : stack, loc.line);
	return r;
}

static int const_is(Val *v, long long k)
{
	return v->kind == V_RES && v->def->op == O_CONST && v->def->i == k;
}

/* ---- block records: a read-only array read in loops ---- */

/* An array p[lo..hi) of a function's parameter that the function never
 * writes, read at a for loop's index: recorded once as a block at the end
 * of the function's forward sweep (instead of once per read) and popped
 * into a buffer where the reverse sweep begins. */
struct Snap {
	int stamp;           /* instance of the top level */
	Val *p, *lo, *hi;    /* forward values */
	Op pred;
	Val *buf;            /* reverse: the buffer */
	Snap *next;
};

static int simple(Val *v)
{
	return (v->kind == V_PARAM && v->ty->kind != T_PTR) ||
		(v->kind == V_RES && v->def->op == O_CONST);
}

static int same_simple(Val *a, Val *b)
{
	if (a == b)
		return 1;
	return a->kind == V_RES && b->kind == V_RES && a->def->op == O_CONST &&
		b->def->op == O_CONST && a->ty == b->ty && a->def->i == b->def->i;
}

/* v (a parameter or a constant) in the reverse sweep's first instructions */
static Val *simple_rev(X *x, Val *v, Pop *g)
{
	if (v->kind == V_PARAM)
		return x->split ? x->pm[v->idx] : v;
	Ins *c = ir_ins(x->rfn, O_CONST, NULL, 0, &v->ty, 1, 0, v->def->loc);
	c->i = v->def->i;
	g->in[g->n++] = c;
	return c->res[0];
}

static Ins *mk(Fn *f, Op op, Val **a, int n, Type *t, Loc loc)
{
	return ir_ins(f, op, a, n, t ? &t : NULL, t != NULL, 0, loc);
}

/* count = hi - lo (+1 for <=), at least 0, as i64; instructions go to
 * list g (or before `at` when g is NULL) in function f */
static Val *block_count(Fn *f, Val *lo, Val *hi, Op pred, Pop *g, Ins *at, Ins **last)
{
	Loc loc = {0, 0};
	Ins *in[8];
	int n = 0;
	Val *l = (in[n] = mk(f, O_CAST, &lo, 1, i64(), loc), in[n++]->res[0]);
	Val *h = (in[n] = mk(f, O_CAST, &hi, 1, i64(), loc), in[n++]->res[0]);
	Val *d = (in[n] = mk(f, O_SUB, (Val *[]){h, l}, 2, i64(), loc), in[n++]->res[0]);
	if (pred == O_LE) {
		Val *one = (in[n] = mk(f, O_CONST, NULL, 0, i64(), loc), in[n]->i = 1,
			in[n++]->res[0]);
		d = (in[n] = mk(f, O_ADD, (Val *[]){d, one}, 2, i64(), loc), in[n++]->res[0]);
	}
	Val *z = (in[n] = mk(f, O_CONST, NULL, 0, i64(), loc), in[n++]->res[0]);
	Val *c = (in[n] = mk(f, O_GT, (Val *[]){d, z}, 2, ty_basic(T_I1), loc),
		in[n++]->res[0]);
	Val *r = (in[n] = mk(f, O_SELECT, (Val *[]){c, d, z}, 3, i64(), loc), in[n++]->res[0]);
	for (int i = 0; i < n; i++) {
		if (g)
			g->in[g->n++] = in[i];
		else if (*last)
			ir_insert_after(*last, in[i]), *last = in[i];
		else
			ir_insert_before(at, in[i]), *last = in[i];
	}
	return r;
}

/* The for loop whose index reads fv = p[j] from an array parameter the
 * function never writes, when fv can be recorded as part of a block; the
 * block's bounds are the loop's. */
static Ins *blockable(X *x, Val *fv)
{
	Ins *d = fv->def;
	if (fv->kind != V_RES || d->op != O_LOAD || d->nargs != 2 || fv->ty->kind != T_F64)
		return NULL;
	Val *p = d->args[0], *idx = d->args[1];
	Val *sp = p->id < x->nsrcof ? x->srcof[p->id] : NULL;
	if (p->kind != V_PARAM || !sp || act_written(x->act, sp))
		return NULL;
	if (idx->kind != V_ARG || idx->idx != 0 || !idx->reg->parent)
		return NULL;
	Ins *L = idx->reg->parent;
	if (L->op != O_FOR || (L->pred != O_LT && L->pred != O_LE) ||
		!const_is(L->args[2], 1) || !simple(L->args[0]) || !simple(L->args[1]))
		return NULL;
	/* only for loops between the load and the top level */
	for (Region *r = d->parent; r != x->dst->body; r = r->parent->parent)
		if (!r->parent || r->parent->op != O_FOR)
			return NULL;
	return L;
}

static Val *block_load(X *x, Val *fv, Ent *e)
{
	Ins *L = blockable(x, fv);
	if (!L)
		return NULL;
	Ins *d = fv->def;
	Val *p = d->args[0], *idx = d->args[1];
	Val *sp = x->srcof[p->id];
	Ent *e0;
	for (e0 = x->top; e0 && e0->fr != x->dst->body; e0 = e0->up)
		;
	if (!e0)
		return NULL;
	Val *lo = L->args[0], *hi = L->args[1];
	Snap *sn;
	for (sn = x->snaps; sn; sn = sn->next)
		if (sn->stamp == e0->stamp && sn->p == p && same_simple(sn->lo, lo) &&
			same_simple(sn->hi, hi) && sn->pred == L->pred)
			break;
	if (!sn) {
		Loc loc = L->loc;
		Type *u64 = ty_basic(T_U64), *pf = ty_ptr(fv->ty);
		/* forward: push p[lo .. hi) at the end of the top level */
		Ins *at = x->split ? e0->fr->last : NULL, *last = x->split ? NULL : e0->anchor;
		Pop fg = {{0}, 0};
		Val *flo = lo->kind == V_PARAM ? lo : simple_rev(x, lo, &fg);
		Val *fhi = hi->kind == V_PARAM ? hi : simple_rev(x, hi, &fg);
		for (int i = 0; i < fg.n; i++) {
			/* constants for the forward sweep belong to its function */
			Ins *c = mk(x->dst, O_CONST, NULL, 0, fg.in[i]->res[0]->ty, loc);
			c->i = fg.in[i]->i;
			if (fg.in[i]->res[0] == flo)
				flo = c->res[0];
			if (fg.in[i]->res[0] == fhi)
				fhi = c->res[0];
			if (last)
				ir_insert_after(last, c), last = c;
			else
				ir_insert_before(at, c), last = c;
		}
		Val *cnt = block_count(x->dst, flo, fhi, L->pred, NULL, at, &last);
		Ins *ad = mk(x->dst, O_ADDR, (Val *[]){p, flo}, 2, p->ty, loc);
		Ins *cu = mk(x->dst, O_CAST, &cnt, 1, u64, loc);
		Ins *push = mk(x->dst, O_CALL, (Val *[]){ad->res[0], cu->res[0]}, 2, NULL, loc);
		push->sym = "adcc_push_f64_n";
		Ins *seq[3] = {ad, cu, push};
		for (int i = 0; i < 3; i++)
			if (last)
				ir_insert_after(last, seq[i]), last = seq[i];
			else
				ir_insert_before(at, seq[i]), last = seq[i];
		if (!x->split)
			e0->anchor = last;
		/* reverse: pop it into a buffer, freed at the end */
		Pop g = {{0}, 0};
		Val *rlo = simple_rev(x, lo, &g), *rhi = simple_rev(x, hi, &g);
		Val *rc = block_count(x->rfn, rlo, rhi, L->pred, &g, NULL, NULL);
		Ins *rcu = mk(x->rfn, O_CAST, &rc, 1, u64, loc);
		Ins *pp = mk(x->rfn, O_CALL, &rcu->res[0], 1, pf, loc);
		pp->sym = "adcc_pop_f64_buf";
		pp->res[0]->name = arena_printf(x->m->arena, "%s_saved",
			sp->name ? sp->name : "block");
		g.in[g.n++] = rcu;
		g.in[g.n++] = pp;
		e0->pop = grow(e0->pop, &e0->cpop, e0->npop, sizeof(Pop));
		e0->pop[e0->npop++] = g;
		Ins *fr = mk(x->rfn, O_CALL, &pp->res[0], 1, NULL, loc);
		fr->sym = "adcc_buf_release";
		e0->epi = grow(e0->epi, &e0->cepi, e0->nepi, sizeof(Ins *));
		e0->epi[e0->nepi++] = fr;
		sn = xmalloc(sizeof *sn);
		*sn = (Snap){e0->stamp, p, lo, hi, L->pred, pp->res[0], x->snaps};
		x->snaps = sn;
		note(x, "%s%s[] (%s, line %d)", sp->name ? sp->name : "an array",
			"f64 block", d->loc.line);
	}
	/* the load, from the buffer */
	Loc loc = d->loc;
	Val *i = need(x, idx), *l = need(x, lo);
	Ins *ci = mk(x->rfn, O_CAST, &i, 1, i64(), loc);
	Ins *cl = mk(x->rfn, O_CAST, &l, 1, i64(), loc);
	Ins *off = mk(x->rfn, O_SUB, (Val *[]){ci->res[0], cl->res[0]}, 2, i64(), loc);
	Ins *ld = mk(x->rfn, O_LOAD, (Val *[]){sn->buf, off->res[0]}, 2, fv->ty, loc);
	ld->res[0]->name = fv->name;
	add_rec(e, ci);
	add_rec(e, cl);
	add_rec(e, off);
	add_rec(e, ld);
	return ld->res[0];
}

/* A load from memory nothing writes, with at most one operand that is not
 * free: reloading it after getting that operand (an index the reverse
 * sweep usually needs anyway) beats recording the loaded value. */
static int frozen_load(X *x, Val *fv)
{
	if (fv->kind != V_RES)
		return 0;
	Ins *d = fv->def;
	if (d->op == O_LOAD) {
		Val *p = d->args[0];
		Val *sp = p->id < x->nsrcof ? x->srcof[p->id] : NULL;
		if (!sp || !frozen_src(x, sp))
			return 0;
	} else if (d->nres != 1 || d->nregs || !((opinfo[d->op].flags & F_PURE) ||
		(d->op == O_CALL && rules_call(d->sym)))) {
		return 0;
	} /* else pure arithmetic or math on one recorded value: recompute it */
	Val *costly = NULL;
	for (int i = 0; i < d->nargs; i++)
		if (!cheap(x, d->args[i], 1)) {
			if (costly && costly != d->args[i])
				return 0;
			costly = d->args[i];
		}
	/* recording the operand must not cost more than recording fv (a
	 * branch bit rather than the double it tests) */
	return !costly || d->op == O_LOAD || fv->ty->kind == T_PTR ||
		ty_size(costly->ty) <= ty_size(fv->ty);
}

/* A counter carried by a for loop and increased by a constant every
 * iteration (`li++` next to `for (j…)`): init + (i - lo) / step * c,
 * from the loop's index, instead of recording it every iteration. */
static Val *while_counter(X *x, Val *fv, Ent *e);

static Val *counter(X *x, Val *fv, Ent *e)
{
	if (fv->kind == V_ARG && fv->reg->parent && (fv->reg->parent->op == O_WHILE ||
		fv->reg->parent->op == O_DOWHILE))
		return while_counter(x, fv, e);
	if (fv->kind != V_ARG || fv->idx < 1 || !ty_isint(fv->ty) || !fv->reg->parent)
		return NULL;
	Ins *L = fv->reg->parent;
	Ins *y = fv->reg->last;
	if (L->op != O_FOR || !y || y->op != O_YIELD || y->nargs < fv->idx)
		return NULL;
	Val *nx = y->args[fv->idx - 1];
	if (nx->kind != V_RES || nx->def->op != O_ADD || nx->def->parent != fv->reg)
		return NULL;
	Ins *ad = nx->def;
	Val *c = ad->args[0] == fv ? ad->args[1] : ad->args[1] == fv ? ad->args[0] : NULL;
	if (!c || c->kind != V_RES || c->def->op != O_CONST || c->ty != fv->ty)
		return NULL;
	Val *i = need(x, fv->reg->args[0]), *lo = need(x, L->args[0]);
	Val *st = need(x, L->args[2]), *init = need(x, L->args[3 + fv->idx - 1]);
	Type *T = i->ty, *U = fv->ty;
	Loc loc = ad->loc;
	Ins *k = mk(x->rfn, O_SUB, (Val *[]){i, lo}, 2, T, loc);
	add_rec(e, k);
	Val *t = k->res[0];
	if (!const_is(L->args[2], 1)) {
		Ins *dv = mk(x->rfn, O_DIV, (Val *[]){t, st}, 2, T, loc);
		add_rec(e, dv);
		t = dv->res[0];
	}
	if (T != U) {
		Ins *cv = mk(x->rfn, O_CAST, &t, 1, U, loc);
		add_rec(e, cv);
		t = cv->res[0];
	}
	Ins *cc = mk(x->rfn, O_CONST, NULL, 0, U, loc);
	cc->i = c->def->i;
	add_rec(e, cc);
	Ins *m = mk(x->rfn, O_MUL, (Val *[]){t, cc->res[0]}, 2, U, loc);
	add_rec(e, m);
	Ins *r = mk(x->rfn, O_ADD, (Val *[]){init, m->res[0]}, 2, U, loc);
	add_rec(e, r);
	r->res[0]->name = fv->name;
	return r->res[0];
}

/* The same for a counter carried by a while or do loop through its body
 * (`i = i + 1`, passed on unchanged by the test): init + (t - 1) * c in
 * the reverse of the body's t-th run. */
static Val *while_counter(X *x, Val *fv, Ent *e)
{
	Ins *L = fv->reg->parent;
	Region *body = L->regs[R_BODY], *cond = L->regs[R_COND];
	int k = fv->idx;
	if (fv->reg != body || !ty_isint(fv->ty) || k >= L->nargs)
		return NULL;
	Val *t = NULL;
	for (int i = x->nw - 1; i >= 0 && !t; i--)
		if (x->wbody[i] == body)
			t = x->wt[i];
	Ins *y = body->last, *ct = cond->last;
	if (!t || !y || y->op != O_YIELD || !ct || ct->op != O_COND ||
		ct->args[1 + k] != cond->args[k])
		return NULL;
	Val *nx = y->args[k];
	if (nx->kind != V_RES || nx->def->op != O_ADD || nx->def->parent != body)
		return NULL;
	Ins *ad = nx->def;
	Val *c = ad->args[0] == fv ? ad->args[1] : ad->args[1] == fv ? ad->args[0] : NULL;
	if (!c || c->kind != V_RES || c->def->op != O_CONST || c->ty != fv->ty)
		return NULL;
	Val *init = need(x, L->args[k]);
	Type *U = fv->ty;
	Loc loc = ad->loc;
	Ins *one = mk(x->rfn, O_CONST, NULL, 0, t->ty, loc);
	one->i = 1;
	Ins *t1 = mk(x->rfn, O_SUB, (Val *[]){t, one->res[0]}, 2, t->ty, loc);
	Ins *cv = mk(x->rfn, O_CAST, &t1->res[0], 1, U, loc);
	add_rec(e, one);
	add_rec(e, t1);
	add_rec(e, cv);
	Val *v = cv->res[0];
	if (c->def->i != 1) {
		Ins *cc = mk(x->rfn, O_CONST, NULL, 0, U, loc);
		cc->i = c->def->i;
		Ins *m = mk(x->rfn, O_MUL, (Val *[]){v, cc->res[0]}, 2, U, loc);
		add_rec(e, cc);
		add_rec(e, m);
		v = m->res[0];
	}
	Ins *r = mk(x->rfn, O_ADD, (Val *[]){init, v}, 2, U, loc);
	if (init->kind == V_RES && init->def->op == O_CONST && init->def->i == 0) {
		v->name = fv->name;
		return v;
	}
	add_rec(e, r);
	r->res[0]->name = fv->name;
	return r->res[0];
}

/* A forward value fv, for use in the current reverse region. */
static Val *need(X *x, Val *fv)
{
	if (fv->kind == V_PARAM)
		return x->split ? x->pm[fv->idx] : fv;
	Ent *e = ent_of(x, fv);
	if (!e)
		ICE("rev: value %d of @%s is not visible in the reverse sweep", fv->id,
			x->src->name);
	if (e->avail)
		return fv;
	Val **c = cached(x, fv, e);
	if (c)
		return *c;
	Val *r = NULL;
	if (fv->kind == V_RES && fv->def->op == O_LOAD && !frozen_load(x, fv))
		r = block_load(x, fv, e);
	if (!r && (cheap(x, fv, 0) || frozen_load(x, fv)))
		r = recompute(x, fv, e);
	if (!r)
		r = block_load(x, fv, e);
	if (!r)
		r = counter(x, fv, e);
	if (!r)
		r = tape(x, fv, e);
	cache_set(x, fv, e, r);
	return r;
}

/* need() of the forward copy / shadow of source value v */
static Val *NV(X *x, Val *v) { return need(x, V(x, v)); }

static Val *NS(X *x, Val *v)
{
	Val *s = S(x, v);
	if (!s)
		ICE("rev: no shadow of value %d", v->id);
	return need(x, s);
}

/* ---- adjoints ---- */

static Val *adjvar(X *x, Val *v, Loc loc)
{
	if (x->adj[v->id])
		return x->adj[v->id];
	Type *pt = ty_ptr(v->ty);
	Ins *al = ir_ins(x->rfn, O_ALLOCA, NULL, 0, &pt, 1, 0, loc);
	al->aty = v->ty;
	al->res[0]->name = bname(x, v->name ? v->name : "t");
	after(x->rfn->body, &x->decl_at, al);
	Ins *z = ir_ins(x->rfn, O_CONST, NULL, 0, &v->ty, 1, 0, loc);
	after(x->rfn->body, &x->decl_at, z);
	Val *sa[2] = {z->res[0], al->res[0]};
	Ins *st = ir_ins(x->rfn, O_STORE, sa, 2, NULL, 0, 0, loc);
	after(x->rfn->body, &x->decl_at, st);
	return x->adj[v->id] = al->res[0];
}

/* vb += t */
static void acc(X *x, Val *v, Val *t, Loc loc)
{
	if (!t || !act_flt(x, v))
		return;
	if (x->local[v->id]) {
		Val *c = x->ladj[v->id];
		x->ladj[v->id] = c ? ir_op2(x->r, O_ADD, v->ty, c, t, loc) : t;
		return;
	}
	Val *a = adjvar(x, v, loc);
	Val *l = put(x->rfn, x->r, O_LOAD, &a, 1, v->ty, loc)->res[0];
	Val *sa[2] = {ir_op2(x->r, O_ADD, v->ty, l, t, loc), a};
	put(x->rfn, x->r, O_STORE, sa, 2, NULL, loc);
}

/* The adjoint of v where the reverse reaches its definition (NULL: zero);
 * inside loops it is reset for the next iteration. */
static Val *consume(X *x, Val *v, Loc loc)
{
	if (x->local[v->id]) {
		Val *c = x->ladj[v->id];
		x->ladj[v->id] = NULL;
		return c;
	}
	Val *a = x->adj[v->id];
	if (!a || !act_flt(x, v))
		return NULL;
	Val *l = put(x->rfn, x->r, O_LOAD, &a, 1, v->ty, loc)->res[0];
	if (x->inloop[v->id]) {
		Val *sa[2] = {ir_const_f(x->r, v->ty, 0, loc), a};
		put(x->rfn, x->r, O_STORE, sa, 2, NULL, loc);
	}
	return l;
}

/* Does identifier `sym` occur in rule formula f? */
static int uses_sym(const char *f, const char *sym)
{
	size_t n = strlen(sym);
	for (const char *p = f; *p; p++) {
		if (strncmp(p, sym, n))
			continue;
		int before = p > f && (p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z') ||
			(p[-1] >= '0' && p[-1] <= '9'));
		char c = p[n];
		int aft = c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!before && !aft)
			return 1;
	}
	return 0;
}

/* ∂y/∂x_i · yb for rule ru at source instruction in (NULL for zero) */
static Val *partial(X *x, const Rule *ru, int i, Ins *in, Val *yb)
{
	Loc loc = in->loc;
	const char *f = ru->d[i];
	Val *xs[2] = {yb, yb}, *y = yb;
	for (int k = 0; k < in->nargs && k < 2; k++)
		if (uses_sym(f, k ? "x1" : "x0"))
			xs[k] = NV(x, in->args[k]);
	if (uses_sym(f, "y"))
		y = NV(x, in->res[0]);
	Term t = rules_partial(x->r, ru, i, xs, y, loc);
	Type *ty = yb->ty;
	if (t.k) {
		if (t.c == 0)
			return NULL;
		if (t.c == 1)
			return yb;
		if (t.c == -1)
			return ir_op1(x->r, O_NEG, ty, yb, loc);
		return ir_op2(x->r, O_MUL, ty, ir_const_f(x->r, ty, t.c, loc), yb, loc);
	}
	return ir_op2(x->r, O_MUL, ty, t.v, yb, loc);
}

static void r_rule(X *x, Ins *in, const Rule *ru)
{
	Val *res = in->res[0];
	if (!act_flt(x, res))
		return;
	Val *yb = consume(x, res, in->loc);
	if (!yb)
		return;
	for (int i = 0; i < in->nargs && i < ru->arity; i++)
		if (act_flt(x, in->args[i]))
			acc(x, in->args[i], partial(x, ru, i, in, yb), in->loc);
}

/* ---- the reverse sweep ---- */

static void r_ins(X *x, Ins *in);

/* Reverse the instructions of source region s, last first. */
static void r_body(X *x, Region *s)
{
	for (Ins *in = s->last; in; in = in->prev)
		if (!(opinfo[in->op].flags & F_TERM))
			r_ins(x, in);
}

/* At the start of a region's reverse: the shadows of its active local
 * arrays start at zero. */
static void zero_locals(X *x, Region *s)
{
	for (Ins *in = s->first; in; in = in->next) {
		if (in->op != O_ALLOCA || !act(x, in->res[0]))
			continue;
		need_lib(x);
		Loc loc = in->loc;
		Val *sh = NS(x, in->res[0]);
		Val *a[3] = {ir_cast(x->r, vptr(), sh, loc), ir_const_i(x->r, i32(), 0, loc),
			ir_const_i(x->r, ty_basic(T_U64), ty_size(in->aty), loc)};
		call(x->rfn, x->r, "memset", a, 3, vptr(), loc);
	}
}

/* Does the reverse of region r do anything? */
static int work(X *x, Region *r)
{
	for (Ins *in = r->first; in; in = in->next) {
		for (int i = 0; i < in->nres; i++)
			if (act(x, in->res[i]))
				return 1;
		if (in->op == O_STORE && act(x, in->args[1]))
			return 1;
		if (in->op == O_CALL)
			for (int i = 0; i < in->nargs; i++)
				if (act(x, in->args[i]))
					return 1;
		for (int i = 0; i < in->nregs; i++)
			if (work(x, in->regs[i]))
				return 1;
	}
	return 0;
}

static int slot_act(X *x, Ins *in, int k)
{
	return act_flt(x, in->res[k]);
}

/* Does the reverse of region instruction in do anything? */
static int work_ins(X *x, Ins *in)
{
	for (int k = 0; k < in->nres; k++)
		if (slot_act(x, in, k))
			return 1;
	for (int i = 0; i < in->nregs; i++)
		if (work(x, in->regs[i]))
			return 1;
	return 0;
}

/* The reverse of one execution of source region s (forward copy fr) in
 * region rr after `anchor`: seeds the adjoints of the values the
 * terminator passes on (args from off, one per slot) with sb[k], reverses
 * the body and returns in sb[k] the adjoints of the region's arguments
 * from aoff (NULL entries: zero). */
static void r_region(X *x, Region *s, Region *fr, Region *rr, Ins *anchor, Ins *in,
	Val **sb, int off, int aoff)
{
	Region *outer = x->r;
	x->r = rr;
	ent_push(x, fr, rr, anchor, 0);
	zero_locals(x, s);
	Ins *t = s->last;
	for (int k = 0; k < in->nres; k++)
		if (slot_act(x, in, k) && sb[k])
			acc(x, t->args[off + k], sb[k], t->loc);
	r_body(x, s);
	for (int k = 0; k < in->nres; k++) {
		sb[k] = NULL;
		if (aoff >= 0 && slot_act(x, in, k))
			sb[k] = consume(x, s->args[aoff + k], in->loc);
	}
	ent_pop(x);
	x->r = outer;
}

static void r_if(X *x, Ins *in, Fw *fw)
{
	int ns = in->nres;
	Val **rb = xmalloc(sizeof(Val *) * (size_t)(ns + 1));
	for (int k = 0; k < ns; k++)
		rb[k] = slot_act(x, in, k) ? consume(x, in->res[k], in->loc) : NULL;
	Ins *c = ir_ins(x->rfn, O_IF, NULL, 0, NULL, 0, 2, in->loc);
	Val **sb = xmalloc(sizeof(Val *) * (size_t)(ns + 1));
	int empty = 1;
	for (int r = 0; r < 2; r++) {
		memcpy(sb, rb, sizeof(Val *) * (size_t)ns);
		r_region(x, in->regs[r], fw->clone->regs[r], c->regs[r], NULL, in, sb, 0, -1);
		empty &= c->regs[r]->first == NULL;
		ir_term(c->regs[r], O_YIELD, NULL, 0, in->loc);
	}
	if (!empty) {
		ir_addarg(c, NV(x, in->args[0]));
		ir_append(x->r, c);
	}
	free(rb);
	free(sb);
}


/* A reversed loop: for.P %v = lo to hi step st, carrying the slot
 * adjoints sb.  Returns the loop (appended to x->r); its body has the
 * induction variable then one argument per active slot. */
static Ins *rloop(X *x, Val *lo, Val *hi, Val *st, Op pred, Val **sb, Ins *in, Loc loc)
{
	int ns = in->nres;
	Val **a = xmalloc(sizeof(Val *) * (size_t)(ns + 4));
	int n = 0;
	a[n++] = lo, a[n++] = hi, a[n++] = st;
	for (int k = 0; k < ns; k++)
		if (slot_act(x, in, k))
			a[n++] = sb[k] ? sb[k] : ir_const_f(x->r, in->res[k]->ty, 0, loc);
	Ins *c = ir_ins(x->rfn, O_FOR, a, n, NULL, 0, 1, loc);
	free(a);
	c->pred = pred;
	ir_regarg(c->regs[0], lo->ty, NULL);
	for (int k = 0; k < ns; k++)
		if (slot_act(x, in, k)) {
			Val *v = ir_regarg(c->regs[0], in->res[k]->ty, bname(x, in->res[k]->name));
			sb[k] = v;
		}
	return c;
}

/* The loop's slot adjoints after it: yield them from the body, add them to
 * the initial values' adjoints. */
static void rloop_end(X *x, Ins *c, Ins *in, Val **sb, int initoff, Loc loc)
{
	int ns = in->nres;
	Val **y = xmalloc(sizeof(Val *) * (size_t)(ns + 1));
	int n = 0;
	Region *b = c->regs[0];
	for (int k = 0; k < ns; k++)
		if (slot_act(x, in, k))
			y[n++] = sb[k] ? sb[k] : ir_const_f(b, in->res[k]->ty, 0, loc);
	ir_term(b, O_YIELD, y, n, loc);
	ir_append(x->r, c);
	n = 0;
	for (int k = 0; k < ns; k++)
		if (slot_act(x, in, k)) {
			Val *r = ir_addres(c, in->res[k]->ty);
			y[n++] = r;
			acc(x, in->args[initoff + k], r, loc);
		}
	free(y);
}

/* for.P i = lo to hi step st: reversed by its trip count. */
static void r_for(X *x, Ins *in, Fw *fw)
{
	Loc loc = in->loc;
	int ns = in->nres;
	Val **sb = xmalloc(sizeof(Val *) * (size_t)(ns + 1));
	for (int k = 0; k < ns; k++)
		sb[k] = slot_act(x, in, k) ? consume(x, in->res[k], loc) : NULL;
	Type *T = in->args[0]->ty;
	Op p = in->pred;
	int sgn = ty_issigned(T);
	Val *slo = in->args[0], *shi = in->args[1], *sst = in->args[2];
	Val *lo = NV(x, slo), *hi = NV(x, shi);
	Region *r = x->r;
	Ins *c;
	Val *i;
	if (sgn && const_is(sst, 1) && (p == O_LT || p == O_LE)) {
		/* for (i = hi - 1; i >= lo; i--) */
		Val *one = ir_const_i(r, T, 1, loc);
		Val *top = p == O_LT ? ir_op2(r, O_SUB, T, hi, one, loc) : hi;
		c = rloop(x, top, lo, ir_const_i(r, T, -1, loc), O_GE, sb, in, loc);
		i = c->regs[0]->args[0];
	} else if (sgn && const_is(sst, -1) && (p == O_GT || p == O_GE)) {
		Val *one = ir_const_i(r, T, 1, loc);
		Val *bot = p == O_GT ? ir_op2(r, O_ADD, T, hi, one, loc) : hi;
		c = rloop(x, bot, lo, one, O_LE, sb, in, loc);
		i = c->regs[0]->args[0];
	} else {
		/* trip count n, then for (t = n; t > 0; t--) i = lo + (t - 1) * st */
		Val *st = NV(x, sst);
		Val *d, *s, *cond, *q;
		Val *one = ir_const_i(r, i64(), 1, loc);
		switch (p) {
		case O_LT: case O_LE:
			cond = ir_op2(r, p, ty_basic(T_I1), lo, hi, loc);
			d = ir_cast(r, i64(), ir_op2(r, O_SUB, T, hi, lo, loc), loc);
			s = ir_cast(r, i64(), st, loc);
			break;
		case O_GT: case O_GE:
			cond = ir_op2(r, p, ty_basic(T_I1), lo, hi, loc);
			d = ir_cast(r, i64(), ir_op2(r, O_SUB, T, lo, hi, loc), loc);
			s = ir_cast(r, i64(), ir_op1(r, O_NEG, T, st, loc), loc);
			break;
		default: /* ne, eq */
			cond = ir_op2(r, p == O_EQ ? O_EQ : O_NE, ty_basic(T_I1), lo, hi, loc);
			d = ir_cast(r, i64(), ir_op2(r, O_SUB, T, hi, lo, loc), loc);
			s = ir_cast(r, i64(), st, loc);
			break;
		}
		if (p == O_LT || p == O_GT)
			q = ir_op2(r, O_DIV, i64(), ir_op2(r, O_SUB, i64(),
				ir_op2(r, O_ADD, i64(), d, s, loc), one, loc), s, loc);
		else if (p == O_LE || p == O_GE)
			q = ir_op2(r, O_ADD, i64(), ir_op2(r, O_DIV, i64(), d, s, loc), one, loc);
		else if (p == O_EQ)
			q = one;
		else
			q = ir_op2(r, O_DIV, i64(), d, s, loc);
		Val *sa[3] = {cond, q, ir_const_i(r, i64(), 0, loc)};
		Val *n = put(x->rfn, r, O_SELECT, sa, 3, i64(), loc)->res[0];
		n->name = "trips";
		c = rloop(x, n, ir_const_i(r, i64(), 0, loc), ir_const_i(r, i64(), -1, loc),
			O_GT, sb, in, loc);
		Region *b = c->regs[0];
		Val *t = c->regs[0]->args[0];
		t->name = "t";
		Val *t1 = ir_cast(b, T, ir_op2(b, O_SUB, i64(), t, one, loc), loc);
		i = ir_op2(b, O_ADD, T, lo, ir_op2(b, O_MUL, T, t1, st, loc), loc);
	}
	i->name = in->regs[0]->args[0]->name;
	Region *b = c->regs[0];
	Region *fb = fw->clone->regs[0];
	Ins *anchor = b->last;
	Region *outer = x->r;
	x->r = b;
	/* the body's instance knows i */
	Ent *be = ent_push(x, fb, b, anchor, 0);
	cache_set(x, fb->args[0], be, i);
	zero_locals(x, in->regs[0]);
	Ins *t = in->regs[0]->last;
	for (int k = 0; k < ns; k++)
		if (slot_act(x, in, k))
			acc(x, t->args[k], sb[k], t->loc);
	r_body(x, in->regs[0]);
	for (int k = 0; k < ns; k++)
		sb[k] = slot_act(x, in, k) ? consume(x, in->regs[0]->args[1 + k], loc) : NULL;
	ent_pop(x);
	x->r = outer;
	rloop_end(x, c, in, sb, 3, loc);
	free(sb);
}

static void r_while(X *x, Ins *in, Fw *fw)
{
	Loc loc = in->loc;
	int ns = in->nres;
	Val **sb = xmalloc(sizeof(Val *) * (size_t)(ns + 1));
	for (int k = 0; k < ns; k++)
		sb[k] = slot_act(x, in, k) ? consume(x, in->res[k], loc) : NULL;
	Region *fc = fw->clone->regs[R_COND], *fbody = fw->clone->regs[R_BODY];
	Region *sc = in->regs[R_COND], *sbody = in->regs[R_BODY];
	x->counting = 1; /* a trip count goes to the count stack */
	Val *n = need(x, fw->count);
	x->counting = 0;
	if (in->op == O_WHILE) /* the last, failing test */
		r_region(x, sc, fc, x->r, x->r->last, in, sb, 1, 0);
	Region *r = x->r;
	Ins *c = rloop(x, n, ir_const_i(r, i64(), 0, loc), ir_const_i(r, i64(), -1, loc),
		O_GT, sb, in, loc);
	Region *b = c->regs[0];
	b->args[0]->name = "t";
	if (x->nw < 64) {
		x->wbody[x->nw] = fbody;
		x->wt[x->nw++] = b->args[0];
	}
	if (in->op == O_WHILE) {
		r_region(x, sbody, fbody, b, NULL, in, sb, 0, 0);
		r_region(x, sc, fc, b, b->last, in, sb, 1, 0);
	} else {
		r_region(x, sc, fc, b, NULL, in, sb, 1, 0);
		r_region(x, sbody, fbody, b, b->last, in, sb, 0, 0);
	}
	if (x->nw && x->wbody[x->nw - 1] == fbody)
		x->nw--;
	rloop_end(x, c, in, sb, 0, loc);
	free(sb);
}

/* adcc_adj_copy_T for the element type of memcpy's pointer */
static const char *copy_fn(X *x, Ins *in)
{
	Val *d = in->args[0];
	while (d->ty->elem->kind == T_VOID && d->kind == V_RES && d->def->op == O_CAST)
		d = d->def->args[0];
	Type *e = d->ty->kind == T_PTR ? d->ty->elem : NULL;
	while (e && e->kind == T_ARR)
		e = e->elem;
	if (e && e->kind == T_STRUCT) {
		Type *ft = NULL;
		for (int i = 0; i < e->st->nf; i++) {
			Type *t = e->st->f[i].type;
			while (t->kind == T_ARR)
				t = t->elem;
			if (!ty_isfloat(t) || (ft && ft != t))
				ft = NULL, i = e->st->nf;
			else
				ft = t;
		}
		e = ft;
	}
	if (e && e->kind == T_F64)
		return "adcc_adj_copy_f64";
	if (e && e->kind == T_F32)
		return "adcc_adj_copy_f32";
	diag_fatal(x->m->file, in->loc, "reverse mode supports %s only on arrays of "
		"double or float (or structs of them); copy element by element", in->sym);
	return NULL;
}

static void r_call(X *x, Ins *in, Fw *fw)
{
	Loc loc = in->loc;
	const char *s = in->sym;
	Val *res = in->nres ? in->res[0] : NULL;
	if (fw->ver) {
		RV *v = fw->ver;
		Fn *g = v->src;
		Val *rb = NULL;
		if (v->pat[g->np] == 'r') {
			rb = consume(x, res, loc);
			if (!rb)
				rb = ir_const_f(x->r, res->ty, 0, loc);
		}
		Val **a = xmalloc(sizeof(Val *) * (size_t)(2 * g->np + 2));
		int n = 0;
		for (int i = 0; i < g->np; i++) {
			Val *arg = in->args[i];
			a[n++] = NV(x, arg);
			if (v->pat[i] == 'b')
				a[n++] = NS(x, arg);
			else if (v->pat[i] == 'i')
				a[n++] = adjvar(x, arg, loc);
		}
		if (rb)
			a[n++] = rb;
		call(x->rfn, x->r, v->bwd->name, a, n, NULL, loc);
		free(a);
		return;
	}
	if (name_is(s, "malloc") || name_is(s, "calloc")) {
		if (res && act(x, res)) {
			need_lib(x);
			Val *sh = ir_cast(x->r, vptr(), NS(x, res), loc);
			call(x->rfn, x->r, "free", &sh, 1, NULL, loc);
		}
		return;
	}
	if (name_is(s, "memset")) {
		if (act(x, in->args[0])) {
			need_lib(x);
			Val *a[3] = {NS(x, in->args[0]), ir_const_i(x->r, in->args[1]->ty, 0, loc),
				NV(x, in->args[2])};
			call(x->rfn, x->r, "memset", a, 3, vptr(), loc);
		}
		return;
	}
	if (name_is(s, "memcpy") || name_is(s, "memmove")) {
		if (act(x, in->args[0])) {
			if (!S(x, in->args[1]))
				ICE("rev: %s from memory without derivatives into memory with", s);
			Val *a[3] = {NS(x, in->args[0]), NS(x, in->args[1]), NV(x, in->args[2])};
			call(x->rfn, x->r, copy_fn(x, in), a, 3, NULL, loc);
		}
		return;
	}
	const Rule *ru = rules_call(s);
	if (ru && res && is_flt(res))
		r_rule(x, in, ru);
}

static void r_ins(X *x, Ins *in)
{
	Fw *fw = x->fw[in->mark];
	Loc loc = in->loc;
	Val *res = in->nres ? in->res[0] : NULL;
	switch (in->op) {
	case O_ADD: case O_SUB: case O_MUL: case O_DIV: case O_NEG:
		if (res && is_flt(res))
			r_rule(x, in, rules_op(in->op));
		return;
	case O_CAST:
		if (act_flt(x, res) && is_flt(in->args[0])) {
			Val *yb = consume(x, res, loc);
			if (yb)
				acc(x, in->args[0], ir_cast(x->r, in->args[0]->ty, yb, loc), loc);
		}
		return;
	case O_SELECT:
		if (act_flt(x, res)) {
			Val *yb = consume(x, res, loc);
			if (!yb)
				return;
			Val *c = NV(x, in->args[0]);
			Val *z = ir_const_f(x->r, res->ty, 0, loc);
			for (int k = 1; k <= 2; k++)
				if (act_flt(x, in->args[k])) {
					Val *sa[3] = {c, k == 1 ? yb : z, k == 1 ? z : yb};
					acc(x, in->args[k], put(x->rfn, x->r, O_SELECT, sa, 3, res->ty,
						loc)->res[0], loc);
				}
		}
		return;
	case O_LOAD:
		if (act_flt(x, res)) {
			Val *yb = consume(x, res, loc);
			if (!yb)
				return;
			Val *a[10];
			a[0] = NS(x, in->args[0]);
			for (int i = 1; i < in->nargs && i < 10; i++)
				a[i] = NV(x, in->args[i]);
			Val *l = put(x->rfn, x->r, O_LOAD, a, in->nargs, res->ty, loc)->res[0];
			Val *sa[11];
			sa[0] = ir_op2(x->r, O_ADD, res->ty, l, yb, loc);
			for (int i = 0; i < in->nargs && i < 10; i++)
				sa[i + 1] = a[i];
			put(x->rfn, x->r, O_STORE, sa, in->nargs + 1, NULL, loc);
		}
		return;
	case O_STORE: {
		Val *v = in->args[0];
		if (!act(x, in->args[1]) || !is_flt(v))
			return;
		Val *a[11];
		a[1] = NS(x, in->args[1]);
		for (int i = 2; i < in->nargs && i < 11; i++)
			a[i] = NV(x, in->args[i]);
		Val *l = NULL;
		if (act_flt(x, v))
			l = put(x->rfn, x->r, O_LOAD, a + 1, in->nargs - 1, v->ty, loc)->res[0];
		a[0] = ir_const_f(x->r, v->ty, 0, loc);
		put(x->rfn, x->r, O_STORE, a, in->nargs, NULL, loc);
		acc(x, v, l, loc);
		return;
	}
	case O_CALL:
		r_call(x, in, fw);
		return;
	case O_IF:
		if (work_ins(x, in))
			r_if(x, in, fw);
		return;
	case O_FOR:
		if (work_ins(x, in))
			r_for(x, in, fw);
		return;
	case O_WHILE: case O_DOWHILE:
		if (work_ins(x, in))
			r_while(x, in, fw);
		return;
	default:
		return;
	}
}

/* ---- versions ---- */

/* Adjoints that can be SSA values: every use of v is in v's region (so
 * its reverse is in the reverse of that region, before v's definition),
 * and none passes v to a user function (which takes its adjoint's
 * address). */
static void mark_local(X *x, Region *r)
{
	for (int i = 0; i < r->nargs; i++)
		x->local[r->args[i]->id] = 1;
	for (Ins *in = r->first; in; in = in->next) {
		for (int i = 0; i < in->nres; i++)
			x->local[in->res[i]->id] = 1;
		for (int i = 0; i < in->nregs; i++)
			mark_local(x, in->regs[i]);
		for (int i = 0; i < in->nargs; i++) {
			Val *v = in->args[i];
			Region *d = v->kind == V_RES ? v->def->parent : v->kind == V_ARG ? v->reg
				: NULL;
			if (d != r || (in->op == O_CALL && ir_findfn(x->m, in->sym)))
				x->local[v->id] = 0;
		}
	}
}

static void number(Ins *in, void *ctx)
{
	in->mark = (*(int *)ctx)++;
}

/* Values defined inside loops: their adjoints are reset after use. */
static void mark_loops(X *x, Region *r, int in)
{
	for (int i = 0; i < r->nargs; i++)
		x->inloop[r->args[i]->id] = (char)in;
	for (Ins *ins = r->first; ins; ins = ins->next) {
		for (int i = 0; i < ins->nres; i++)
			x->inloop[ins->res[i]->id] = (char)in;
		int loop = ins->op == O_FOR || ins->op == O_WHILE || ins->op == O_DOWHILE;
		for (int i = 0; i < ins->nregs; i++)
			mark_loops(x, ins->regs[i], in || loop);
	}
}

static void describe(X *x, Fn *d, const char *what, const Pattern *pt, int records)
{
	char buf[3072];
	int n = snprintf(buf, sizeof buf, "%s: gradient of", what);
	n += pat_describe(x->src, pt, buf + n, sizeof buf - (size_t)n);
	if (records)
		snprintf(buf + n, sizeof buf - (size_t)n, ".  Records on the tape: %s",
			x->ndoc ? x->doc : "nothing");
	d->doc = arena_strdup(x->m->arena, buf);
}

static void build(Module *m, RV *v)
{
	Fn *g = v->src;
	const char *pat = v->pat;
	int np = g->np;
	Pattern pt = pat_decode(g, pat);
	int ret_act = pt.ret;
	X x;
	memset(&x, 0, sizeof x);
	x.m = m;
	x.src = g;
	x.ver = v;
	x.split = v->split;
	x.act = act_run(g, pt.in, pt.out, ret_act);
	size_t nv = (size_t)g->nval + 1;
	x.vmap = xmalloc(sizeof(Val *) * nv);
	x.smap = xmalloc(sizeof(Val *) * nv);
	x.adj = xmalloc(sizeof(Val *) * nv);
	x.inloop = xmalloc(nv);
	x.local = xmalloc(nv);
	x.ladj = xmalloc(sizeof(Val *) * nv);
	mark_loops(&x, g->body, 0);
	mark_local(&x, g->body);
	int nins = 0;
	ir_walk(g->body, number, &nins);
	x.fw = xmalloc(sizeof(Fw *) * (size_t)(nins + 1));
	Fn *f = v->fwd, *b = v->bwd;
	x.dst = f;
	x.rfn = b;
	x.pm = xmalloc(sizeof(Val *) * (size_t)(2 * np + 2));
	for (int i = 0; i < np; i++) {
		Val *p = g->params[i];
		Val *q = ir_param(f, p->ty, p->name);
		q->cnst = p->cnst;
		setv(&x, p, q);
		Val *qb = x.split ? ir_param(b, p->ty, p->name) : q;
		qb->cnst = p->cnst;
		x.pm[q->idx] = qb;
		if (pat[i] == '-') {
			if (act(&x, p) && is_ptr(p))
				diag_fatal(m->file, g->loc, "parameter '%s' of '%s' points to "
					"memory that carries derivatives; list it as an input or "
					"output of the request", p->name, g->name);
			continue;
		}
		const char *nm = bname(&x, p->name);
		if (is_ptr(p)) {
			Val *s = ir_param(f, p->ty, nm);
			x.smap[p->id] = s;
			x.pm[s->idx] = x.split ? ir_param(b, p->ty, nm) : s;
		} else {
			x.adj[p->id] = ir_param(b, ty_ptr(p->ty), nm);
		}
	}
	if (ret_act)
		x.retb = ir_param(b, g->ret, "retb");
	f_region(&x, g->body, f->body, "", 0, 0);
	Loc loc = g->loc;
	if (x.split) {
		x.r = b->body;
		ent_push(&x, f->body, b->body, NULL, 0);
	} else {
		x.r = f->body;
		ent_push(&x, f->body, f->body, f->body->last, 1);
	}
	zero_locals(&x, g->body);
	if (x.retv && x.retb)
		acc(&x, x.retv, x.retb, loc);
	r_body(&x, g->body);
	for (int i = 0; i < x.nfree; i++) {
		Val *p = ir_cast(x.r, vptr(), need(&x, x.tofree[i]), loc);
		call(b, x.r, "free", &p, 1, NULL, loc);
	}
	if (x.nfree)
		need_lib(&x);
	ent_pop(&x);
	if (x.split) {
		ir_term(b->body, O_RET, NULL, 0, loc);
		describe(&x, f, arena_printf(m->arena, "Forward sweep of %s for %s (tape "
			"strategy): computes %s and records what %s needs", g->name, b->name,
			g->name, b->name), &pt, 1);
		describe(&x, b, arena_printf(m->arena, "Reverse sweep of %s, after %s",
			g->name, f->name), &pt, 0);
	} else {
		Val *rv = x.retv ? V(&x, x.retv) : NULL;
		ir_term(f->body, O_RET, rv ? &rv : NULL, rv != NULL, loc);
		describe(&x, f, arena_printf(m->arena, "Adjoint of %s", g->name), &pt, 1);
	}
	act_free(x.act);
	free(x.vmap);
	free(x.smap);
	free(x.adj);
	free(x.inloop);
	free(x.local);
	free(x.ladj);
	free(x.fw);
	while (x.snaps) {
		Snap *n = x.snaps->next;
		free(x.snaps);
		x.snaps = n;
	}
	free(x.srcof);
	free(x.cache);
	free(x.cst);
	free(x.pm);
	free(x.tofree);
	pat_free(&pt);
}

static const char *free_name(Module *m, const char *base)
{
	const char *name = base;
	for (int k = 1; ir_findfn(m, name); k++)
		name = arena_printf(m->arena, "%s%d", base, k);
	return name;
}

static Fn *shell(Module *m, Fn *g, const char *name, Type *ret, int is_static)
{
	Fn *d = ir_fn(m, name, ret);
	d->derived = 1;
	d->loc = g->loc;
	d->is_static = is_static;
	return d;
}

static RV *version(Module *m, Fn *g, const char *pat, const char *frozen, int split,
	const char *name)
{
	for (RV *v = rvs; v; v = v->next)
		if (v->src == g && v->split == split && !strcmp(v->pat, pat) &&
			!strcmp(v->frozen, frozen))
			return v;
	RV *v = xmalloc(sizeof *v);
	v->src = g;
	v->pat = arena_strdup(m->arena, pat);
	v->frozen = arena_strdup(m->arena, frozen);
	v->split = split;
	v->for_call = name == NULL;
	int st = g->is_static || v->for_call;
	if (split) {
		v->fwd = shell(m, g, free_name(m, arena_printf(m->arena, "%s_fwd", g->name)),
			g->ret, 1);
		v->bwd = shell(m, g, free_name(m, arena_printf(m->arena, "%s_bwd", g->name)),
			ty_basic(T_VOID), 1);
	} else {
		if (!name)
			name = free_name(m, arena_printf(m->arena, "%s_b", g->name));
		v->fwd = v->bwd = shell(m, g, name, g->ret, st);
	}
	v->next = rvs;
	rvs = v;
	build(m, v);
	return v;
}

/* ---- F_grad ---- */

typedef struct {
	const char *s;
	Fn *f;
	Region *r;
	Loc loc;
} Ex;

static Val *ex_sum(Ex *e);

static void ex_space(Ex *e)
{
	while (*e->s == ' ')
		e->s++;
}

static Val *ex_atom(Ex *e)
{
	ex_space(e);
	if (*e->s == '(') {
		e->s++;
		Val *v = ex_sum(e);
		ex_space(e);
		if (*e->s == ')')
			e->s++;
		return v;
	}
	if (*e->s == '-' || *e->s == '+') {
		int neg = *e->s++ == '-';
		Val *v = ex_atom(e);
		return neg ? ir_op1(e->r, O_NEG, i64(), v, e->loc) : v;
	}
	if (*e->s >= '0' && *e->s <= '9') {
		char *end;
		long long k = strtoll(e->s, &end, 0);
		e->s = end;
		return ir_const_i(e->r, i64(), k, e->loc);
	}
	const char *b = e->s;
	while (*e->s == '_' || (*e->s >= 'a' && *e->s <= 'z') || (*e->s >= 'A' &&
		*e->s <= 'Z') || (*e->s >= '0' && *e->s <= '9'))
		e->s++;
	for (int i = 0; i < e->f->np; i++) {
		Val *p = e->f->params[i];
		if (p->name && strlen(p->name) == (size_t)(e->s - b) &&
			!strncmp(p->name, b, (size_t)(e->s - b)))
			return ir_cast(e->r, i64(), p, e->loc);
	}
	ICE("rev: extent names no parameter near '%s'", b);
	return NULL;
}

static Val *ex_prod(Ex *e)
{
	Val *v = ex_atom(e);
	for (;;) {
		ex_space(e);
		char c = *e->s;
		if (c != '*' && c != '/' && c != '%')
			return v;
		e->s++;
		Val *w = ex_atom(e);
		v = ir_op2(e->r, c == '*' ? O_MUL : c == '/' ? O_DIV : O_REM, i64(), v, w, e->loc);
	}
}

static Val *ex_sum(Ex *e)
{
	Val *v = ex_prod(e);
	for (;;) {
		ex_space(e);
		char c = *e->s;
		if (c != '+' && c != '-')
			return v;
		e->s++;
		Val *w = ex_prod(e);
		v = ir_op2(e->r, c == '+' ? O_ADD : O_SUB, i64(), v, w, e->loc);
	}
}

static const char *extent_of(const Request *rq, const char *name)
{
	for (int k = 0; k < rq->nin; k++)
		if (!strcmp(rq->in[k].name, name))
			return rq->in[k].extent;
	return NULL;
}

/* F_grad(params, pb after each active p): zeroes the adjoints, runs F_b
 * with retb = 1 and returns F. */
static void make_grad(Module *m, Fn *g, Fn *fb, const char *pat, const Request *rq)
{
	for (int i = 0; i < g->np; i++)
		if (pat[i] == 'o' || pat[i] == 'b')
			return; /* not a scalar function */
	for (int i = 0; i < g->np; i++)
		if (pat[i] == 'i' && is_ptr(g->params[i]) && !extent_of(rq, g->params[i]->name)) {
			diag_warn(m->file, g->loc, "'%s_grad' is not generated: give the extent "
				"of '%s' in the request (e.g. %s[n]) so it can be zeroed; '%s_b' "
				"is there", g->name, g->params[i]->name, g->params[i]->name, g->name);
			return;
		}
	const char *name = arena_printf(m->arena, "%s_grad", g->name);
	if (ir_findfn(m, name))
		diag_fatal(m->file, g->loc, "a function named '%s' already exists; rename "
			"it so the gradient function can take that name", name);
	Fn *d = shell(m, g, name, g->ret, g->is_static);
	Region *r = d->body;
	Loc loc = g->loc;
	Val **a = xmalloc(sizeof(Val *) * (size_t)(fb->np + 1));
	int n = 0;
	Type *u64 = ty_basic(T_U64), *vp = vptr();
	ir_need_decl(m, "memset", vp, (Type *[]){vp, i32(), u64}, 3);
	Val **qb = xmalloc(sizeof(Val *) * (size_t)(g->np + 1));
	for (int i = 0; i < g->np; i++) {
		Val *p = g->params[i];
		Val *q = ir_param(d, p->ty, p->name);
		q->cnst = p->cnst;
		a[n++] = q;
		qb[i] = NULL;
		if (pat[i] == '-')
			continue;
		Type *bt = is_ptr(p) ? p->ty : ty_ptr(p->ty);
		a[n++] = qb[i] = ir_param(d, bt, arena_printf(m->arena, "%sb", p->name));
	}
	for (int i = 0; i < g->np; i++) {
		Val *p = g->params[i];
		if (!qb[i])
			continue;
		if (!is_ptr(p)) {
			Val *sa[2] = {ir_const_f(r, p->ty, 0, loc), qb[i]};
			put(d, r, O_STORE, sa, 2, NULL, loc);
			continue;
		}
		Ex e = {extent_of(rq, p->name), d, r, loc};
		Val *cnt = ex_sum(&e);
		Val *bytes = ir_op2(r, O_MUL, u64, ir_cast(r, u64, cnt, loc),
			ir_const_i(r, u64, ty_size(p->ty->elem), loc), loc);
		Val *ma[3] = {ir_cast(r, vp, qb[i], loc), ir_const_i(r, i32(), 0, loc), bytes};
		call(d, r, "memset", ma, 3, vp, loc);
	}
	free(qb);
	a[n++] = ir_const_f(r, g->ret, 1, loc);
	Val *v = call(d, r, fb->name, a, n, g->ret, loc);
	free(a);
	ir_term(r, O_RET, &v, 1, loc);
	d->doc = arena_printf(m->arena, "Gradient of %s: returns %s and overwrites the "
		"gradient of its value (each adjoint after its input)", g->name, g->name);
}

Fn *rev_request(Module *m, const Request *rq)
{
	Fn *f = ir_findfn(m, rq->fn);
	if (!f)
		ICE("rev: no function '%s'", rq->fn);
	char *pat = fwd_pattern(m, f, rq);
	char *fz = arena_alloc(m->arena, (size_t)f->np + 1);
	for (int i = 0; i < f->np; i++)
		fz[i] = is_ptr(f->params[i]) ? '1' : '0';
	const char *name = arena_printf(m->arena, "%s_b", f->name);
	Fn *old = ir_findfn(m, name);
	RV *v = NULL;
	if (old) {
		RV *o = rvs;
		while (o && o->fwd != old)
			o = o->next;
		if (!o)
			diag_fatal(m->file, f->loc, "a function named '%s' already exists; "
				"rename it so the adjoint function can take that name", name);
		if (o->src == f && !o->split && !strcmp(o->pat, pat) && !strcmp(o->frozen, fz)) {
			o->for_call = 0;
			old->is_static = f->is_static;
			v = o;
		} else {
			/* a version made for a call took the name: it moves aside */
			ir_rename_fn(m, old, free_name(m, name));
		}
	}
	if (!v)
		v = version(m, f, pat, fz, 0, name);
	if (pat[f->np] == 'r' && ty_isfloat(f->ret))
		make_grad(m, f, v->fwd, pat, rq);
	return v->fwd;
}

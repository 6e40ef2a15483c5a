/* activity.c — which values carry derivatives.
 *
 * A floating-point value is active when it is varied (depends on an active
 * input) and useful (influences an active output).  Memory is handled by
 * pointer classes: pointers that may point into the same data (through
 * addr, field, casts, selects, region arguments, and pointers stored in or
 * loaded from that data) form one class, found by union-find.  A class is
 * varied when active data is stored into it or it holds an active input,
 * useful when its data reaches an output.  A class is shadowed — its
 * pointers have derivative companions pointing to memory of the same
 * layout — when it is varied and useful, or when it holds an active
 * parameter (whose companion is in the signature).  Integer and index
 * arithmetic is never active.
 * Calls: math functions by the rule table; a user function is assumed to
 * let any active argument reach its result and any memory it is given.
 * Needs: nothing but the IR.  Changes: nothing (results are in Act).
 */
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

struct Act {
	Fn *f;
	int n;
	int *parent;     /* union-find over value ids (pointer classes) */
	char *varied, *useful;      /* per value (floats) or class root (pointers) */
	char *param;     /* class root holds an active parameter */
	char *written;   /* class root: its data may be written (act_written) */
	Val **vals;      /* by id */
	int changed;
};

static int find(Act *a, int x)
{
	while (a->parent[x] != x)
		x = a->parent[x] = a->parent[a->parent[x]];
	return x;
}

static void unite(Act *a, Val *x, Val *y)
{
	if (x->ty->kind != T_PTR || y->ty->kind != T_PTR)
		return;
	int rx = find(a, x->id), ry = find(a, y->id);
	if (rx == ry)
		return;
	a->parent[rx] = ry;
	a->varied[ry] |= a->varied[rx];
	a->useful[ry] |= a->useful[rx];
	a->param[ry] |= a->param[rx];
}

static int is_ptr(Val *v) { return v->ty->kind == T_PTR; }
static int is_flt(Val *v) { return ty_isfloat(v->ty); }

/* Does data of type t hold floating-point numbers (directly or through
 * pointers)?  `depth` stops self-referential structs. */
static int has_float(Type *t, int depth)
{
	if (depth > 8)
		return 0;
	switch (t->kind) {
	case T_F32: case T_F64:
		return 1;
	case T_PTR: case T_ARR:
		return has_float(t->elem, depth + 1);
	case T_STRUCT:
		for (int i = 0; i < t->st->nf; i++)
			if (has_float(t->st->f[i].type, depth + 1))
				return 1;
		return 0;
	default:
		return 0;
	}
}

/* values that may carry derivatives: floats, and pointers and structs
 * holding floats (a void pointer joins the class of what it is cast to) */
static int carries(Val *v)
{
	return is_flt(v) || (is_ptr(v) && (v->ty->elem->kind == T_VOID ||
		has_float(v->ty, 0))) || (v->ty->kind == T_STRUCT && has_float(v->ty, 0));
}

/* The flag slot of v: its class root for pointers, itself otherwise. */
static int slot(Act *a, Val *v)
{
	return is_ptr(v) ? find(a, v->id) : v->id;
}

static void set(Act *a, char *fl, Val *v)
{
	if (!carries(v))
		return;
	int s = slot(a, v);
	if (!fl[s]) {
		fl[s] = 1;
		a->changed = 1;
	}
}

static int get(Act *a, char *fl, Val *v)
{
	return carries(v) && fl[slot(a, v)];
}

static void record(Ins *in, void *ctx)
{
	Act *a = ctx;
	for (int i = 0; i < in->nres; i++)
		a->vals[in->res[i]->id] = in->res[i];
	for (int r = 0; r < in->nregs; r++)
		for (int i = 0; i < in->regs[r]->nargs; i++)
			a->vals[in->regs[r]->args[i]->id] = in->regs[r]->args[i];
}

static int is_alloc(const char *s)
{
	return !strcmp(s, "malloc") || !strcmp(s, "calloc") || !strcmp(s, "free");
}

/* Pointer classes: one pass is enough (union is order independent). */
static void classes(Ins *in, void *ctx)
{
	Act *a = ctx;
	switch (in->op) {
	case O_ADDR: case O_FIELD: case O_CAST: case O_LOAD:
		if (in->nres && is_ptr(in->res[0]) && is_ptr(in->args[0]))
			unite(a, in->res[0], in->args[0]);
		break;
	case O_SELECT:
		unite(a, in->res[0], in->args[1]);
		unite(a, in->res[0], in->args[2]);
		break;
	case O_STORE:
		unite(a, in->args[0], in->args[1]);
		break;
	case O_CALL:
		/* memcpy-like data movement keeps both sides in one class */
		if (!strcmp(in->sym, "memcpy") || !strcmp(in->sym, "memmove"))
			unite(a, in->args[0], in->args[1]);
		break;
	case O_IF: case O_FOR: case O_WHILE: case O_DOWHILE:
		for (int k = 0; k < in->nres; k++) {
			Slot s = ir_slot(in, k);
			for (int i = 0; i < s.nsame; i++)
				unite(a, s.same[0], s.same[i]);
			for (int i = 0; i < s.nin; i++)
				unite(a, s.same[0], s.in[i]);
		}
		break;
	default:
		break;
	}
}

static void mark_written(Act *a, Val *v)
{
	if (is_ptr(v))
		a->written[find(a, v->id)] = 1;
}

static int read_only(Fn *g, int i);

/* Which classes may be written: after classes(), so flags go to roots. */
static void writes(Ins *in, void *ctx)
{
	Act *a = ctx;
	switch (in->op) {
	case O_STORE:
		mark_written(a, in->args[1]);
		break;
	case O_ALLOCA:
		mark_written(a, in->res[0]);
		break;
	case O_GLOBAL: {
		Global *g = ir_findglobal(a->f->m, in->sym);
		if (!g || !g->is_const)
			mark_written(a, in->res[0]);
		break;
	}
	case O_CALL: {
		if (rules_call(in->sym))
			break;
		if (!strcmp(in->sym, "malloc") || !strcmp(in->sym, "calloc")) {
			if (in->nres)
				mark_written(a, in->res[0]);
			break;
		}
		if (!strcmp(in->sym, "memcpy") || !strcmp(in->sym, "memmove") ||
			!strcmp(in->sym, "memset")) {
			mark_written(a, in->args[0]);
			break;
		}
		Fn *g = ir_findfn(a->f->m, in->sym);
		for (int i = 0; i < in->nargs; i++)
			if (!read_only(g, i))
				mark_written(a, in->args[i]);
		if (in->nres)
			mark_written(a, in->res[0]);
		break;
	}
	default:
		break;
	}
}

static int any_varied_arg(Act *a, Ins *in)
{
	for (int i = 0; i < in->nargs; i++)
		if (get(a, a->varied, in->args[i]))
			return 1;
	return 0;
}

/* Does data of type t hold pointers (through which it could be written)? */
static int has_ptr(Type *t, int depth)
{
	if (depth > 8)
		return 1;
	switch (t->kind) {
	case T_PTR:
		return 1;
	case T_ARR:
		return has_ptr(t->elem, depth + 1);
	case T_STRUCT:
		for (int i = 0; i < t->st->nf; i++)
			if (has_ptr(t->st->f[i].type, depth + 1))
				return 1;
		return 0;
	default:
		return 0;
	}
}

/* Is parameter i of user function g a pointer to const data holding no
 * pointers (`const double *x`)?  Then the call cannot write what it
 * points to: active arguments do not vary it. */
static int read_only(Fn *g, int i)
{
	return g && i < g->np && g->params[i]->cnst && !has_ptr(g->params[i]->ty->elem, 0);
}

/* One forward (varied) and backward (useful) step for an instruction. */
static void step(Ins *in, void *ctx)
{
	Act *a = ctx;
	Val *r = in->nres ? in->res[0] : NULL;
	switch (in->op) {
	case O_ADD: case O_SUB: case O_MUL: case O_DIV: case O_NEG:
		if (!is_flt(r))
			break;
		if (any_varied_arg(a, in))
			set(a, a->varied, r);
		if (get(a, a->useful, r))
			for (int i = 0; i < in->nargs; i++)
				set(a, a->useful, in->args[i]);
		break;
	case O_CAST:
		if (!is_flt(r) || !is_flt(in->args[0]))
			break;
		if (get(a, a->varied, in->args[0]))
			set(a, a->varied, r);
		if (get(a, a->useful, r))
			set(a, a->useful, in->args[0]);
		break;
	case O_SELECT:
		if (is_ptr(r))
			break;
		if (get(a, a->varied, in->args[1]) || get(a, a->varied, in->args[2]))
			set(a, a->varied, r);
		if (get(a, a->useful, r)) {
			set(a, a->useful, in->args[1]);
			set(a, a->useful, in->args[2]);
		}
		break;
	case O_LOAD:
		if (is_ptr(r))
			break; /* same class as its source */
		if (get(a, a->varied, in->args[0]))
			set(a, a->varied, r);
		if (get(a, a->useful, r))
			set(a, a->useful, in->args[0]);
		break;
	case O_STORE:
		if (is_ptr(in->args[0]))
			break;
		if (get(a, a->varied, in->args[0]))
			set(a, a->varied, in->args[1]);
		if (get(a, a->useful, in->args[1]))
			set(a, a->useful, in->args[0]);
		break;
	case O_CALL:
		if (is_alloc(in->sym) || !strcmp(in->sym, "memset"))
			break;
		if (!strcmp(in->sym, "memcpy") || !strcmp(in->sym, "memmove"))
			break; /* one class already */
		if (rules_call(in->sym) && r && is_flt(r)) {
			if (any_varied_arg(a, in))
				set(a, a->varied, r);
			if (get(a, a->useful, r))
				for (int i = 0; i < in->nargs; i++)
					set(a, a->useful, in->args[i]);
			break;
		}
		/* a user or unknown function: everything may flow everywhere,
		 * except into memory a user function only reads */
		{
			Fn *g = ir_findfn(a->f->m, in->sym);
			int v = any_varied_arg(a, in), u = r && get(a, a->useful, r);
			for (int i = 0; i < in->nargs; i++)
				if (is_ptr(in->args[i]) && get(a, a->useful, in->args[i]))
					u = 1;
			if (v) {
				if (r)
					set(a, a->varied, r);
				for (int i = 0; i < in->nargs; i++)
					if (is_ptr(in->args[i]) && !read_only(g, i))
						set(a, a->varied, in->args[i]);
			}
			if (u)
				for (int i = 0; i < in->nargs; i++)
					set(a, a->useful, in->args[i]);
		}
		break;
	case O_IF: case O_FOR: case O_WHILE: case O_DOWHILE:
		for (int k = 0; k < in->nres; k++) {
			Slot s = ir_slot(in, k);
			int v = 0, u = 0;
			for (int i = 0; i < s.nsame; i++)
				v |= get(a, a->varied, s.same[i]), u |= get(a, a->useful, s.same[i]);
			for (int i = 0; i < s.nin; i++)
				v |= get(a, a->varied, s.in[i]);
			for (int i = 0; i < s.nsame; i++) {
				if (v)
					set(a, a->varied, s.same[i]);
				if (u)
					set(a, a->useful, s.same[i]);
			}
			if (u)
				for (int i = 0; i < s.nin; i++)
					set(a, a->useful, s.in[i]);
		}
		break;
	default:
		break;
	}
}

Act *act_run(Fn *f, const char *in_act, const char *out_act, int ret_act)
{
	Act *a = xmalloc(sizeof *a);
	int n = f->nval;
	a->f = f;
	a->n = n;
	a->parent = xmalloc(sizeof(int) * (size_t)n);
	a->varied = xmalloc((size_t)n);
	a->useful = xmalloc((size_t)n);
	a->param = xmalloc((size_t)n);
	a->written = xmalloc((size_t)n);
	a->vals = xmalloc(sizeof(Val *) * (size_t)n);
	for (int i = 0; i < n; i++)
		a->parent[i] = i;
	for (int i = 0; i < f->np; i++)
		a->vals[f->params[i]->id] = f->params[i];
	ir_walk(f->body, record, a);
	ir_walk(f->body, classes, a);
	memset(a->written, 0, (size_t)n);
	ir_walk(f->body, writes, a);
	for (int i = 0; i < f->np; i++) {
		Val *p = f->params[i];
		if (in_act[i])
			set(a, a->varied, p);
		if (out_act[i])
			set(a, a->useful, p);
		if ((in_act[i] || out_act[i]) && is_ptr(p))
			a->param[find(a, p->id)] = 1;
	}
	Ins *ret = f->body->last;
	if (ret_act && ret && ret->op == O_RET && ret->nargs)
		set(a, a->useful, ret->args[0]);
	do {
		a->changed = 0;
		ir_walk(f->body, step, a);
	} while (a->changed);
	return a;
}

/* Does v carry a derivative?  Floats and structs: varied and useful.
 * Pointers: their class is shadowed. */
int act_val(Act *a, Val *v)
{
	if (v->id >= a->n)
		return 0;
	if (is_ptr(v)) {
		int c = find(a, v->id);
		return carries(v) && (a->param[c] || (a->varied[c] && a->useful[c]));
	}
	if (!carries(v))
		return 0;
	return a->varied[v->id] && a->useful[v->id];
}

/* Is v's pointer class one of an active parameter? */
int act_param_class(Act *a, Val *v)
{
	return is_ptr(v) && v->id < a->n && a->param[find(a, v->id)];
}

/* Are v and w in one pointer class? */
int act_same_class(Act *a, Val *v, Val *w)
{
	return is_ptr(v) && is_ptr(w) && find(a, v->id) == find(a, w->id);
}

int act_written(Act *a, Val *v)
{
	return !is_ptr(v) || v->id >= a->n || a->written[find(a, v->id)];
}

void act_free(Act *a)
{
	if (!a)
		return;
	free(a->written);
	free(a->parent);
	free(a->varied);
	free(a->useful);
	free(a->param);
	free(a->vals);
	free(a);
}

Pattern pat_decode(Fn *g, const char *pat)
{
	Pattern p;
	int np = g->np;
	p.in = xmalloc((size_t)np + 1);
	p.out = xmalloc((size_t)np + 1);
	for (int i = 0; i < np; i++) {
		p.in[i] = pat[i] == 'i' || pat[i] == 'b';
		/* a pointer to const is never written: not an output */
		p.out[i] = (pat[i] == 'o' || pat[i] == 'b') && !g->params[i]->cnst;
	}
	p.ret = pat[np] == 'r';
	return p;
}

void pat_free(Pattern *p)
{
	free(p->in);
	free(p->out);
}

static int names(char *buf, size_t size, int n, Fn *g, const char *on, int ret)
{
	int first = 1;
	if (ret)
		n += snprintf(buf + n, size - (size_t)n, " the return value"), first = 0;
	for (int i = 0; i < g->np && (size_t)n < size - 100; i++)
		if (on[i])
			n += snprintf(buf + n, size - (size_t)n, "%s%s", first ? " " : ", ",
				g->params[i]->name), first = 0;
	if (first)
		n += snprintf(buf + n, size - (size_t)n, " nothing");
	return n;
}

int pat_describe(Fn *g, const Pattern *p, char *buf, size_t size)
{
	int n = names(buf, size, 0, g, p->out, p->ret);
	n += snprintf(buf + n, size - (size_t)n, " with respect to");
	return names(buf, size, n, g, p->in, 0);
}

/* ir.c — building and editing the SSA graph.
 *
 * All objects live in the module's arena.  Instructions sit in doubly linked
 * lists inside regions; values know their definition; use lists are
 * recomputed on demand by ir_uses().
 */
#include <string.h>
#include "adcc.h"

const OpInfo opinfo[NOPS] = {
#define OP(id, name, nargs, nreg, flags) [id] = {name, nargs, nreg, flags},
#include "ops.h"
#undef OP
};

Module *ir_module(const char *file)
{
	Arena *a = arena_new();
	Module *m = arena_alloc(a, sizeof *m);
	m->arena = a;
	m->file = arena_strdup(a, file);
	return m;
}

Fn *ir_fn(Module *m, const char *name, Type *ret)
{
	Fn *f = arena_alloc(m->arena, sizeof *f);
	f->name = arena_strdup(m->arena, name);
	f->ret = ret;
	f->m = m;
	f->body = ir_region(f, NULL);
	Fn **p = &m->fns;
	while (*p)
		p = &(*p)->next;
	*p = f;
	return f;
}

Val *ir_newval(Fn *f, Type *t, const char *name)
{
	Val *v = arena_alloc(f->m->arena, sizeof *v);
	v->id = f->nval++;
	v->ty = t;
	v->name = name ? arena_strdup(f->m->arena, name) : NULL;
	return v;
}

/* Append v to a growing array *arr of *n pointers (arena, doubling). */
static void push(Arena *a, Val ***arr, int *n, Val *v)
{
	if ((*n & (*n - 1)) == 0) { /* 0, 1, 2, 4, 8…: grow */
		Val **na = arena_alloc(a, sizeof(Val *) * (size_t)(*n ? *n * 2 : 1));
		if (*n)
			memcpy(na, *arr, sizeof(Val *) * (size_t)*n);
		*arr = na;
	}
	(*arr)[(*n)++] = v;
}

Val *ir_param(Fn *f, Type *t, const char *name)
{
	Val *v = ir_newval(f, t, name);
	v->kind = V_PARAM;
	v->idx = f->np;
	push(f->m->arena, &f->params, &f->np, v);
	return v;
}

Region *ir_region(Fn *f, Ins *parent)
{
	Region *r = arena_alloc(f->m->arena, sizeof *r);
	r->fn = f;
	r->parent = parent;
	return r;
}

Val *ir_regarg(Region *r, Type *t, const char *name)
{
	Val *v = ir_newval(r->fn, t, name);
	v->kind = V_ARG;
	v->reg = r;
	v->idx = r->nargs;
	push(r->fn->m->arena, &r->args, &r->nargs, v);
	return v;
}

Ins *ir_ins(Fn *f, Op op, Val **args, int nargs, Type **rtys, int nres,
	int nregs, Loc loc)
{
	Arena *a = f->m->arena;
	Ins *in = arena_alloc(a, sizeof *in);
	in->op = op;
	in->loc = loc;
	for (int i = 0; i < nargs; i++) {
		if (!args[i])
			ICE("%s: operand %d is missing", opinfo[op].name, i);
		push(a, &in->args, &in->nargs, args[i]);
	}
	if (nres) {
		in->res = arena_alloc(a, sizeof(Val *) * (size_t)nres);
		in->nres = nres;
		for (int i = 0; i < nres; i++) {
			Val *v = ir_newval(f, rtys[i], NULL);
			v->kind = V_RES;
			v->def = in;
			v->idx = i;
			in->res[i] = v;
		}
	}
	if (nregs) {
		in->regs = arena_alloc(a, sizeof(Region *) * (size_t)nregs);
		in->nregs = nregs;
		for (int i = 0; i < nregs; i++)
			in->regs[i] = ir_region(f, in);
	}
	return in;
}

void ir_append(Region *r, Ins *in)
{
	in->parent = r;
	in->next = NULL;
	in->prev = r->last;
	if (r->last)
		r->last->next = in;
	else
		r->first = in;
	r->last = in;
}

void ir_insert_before(Ins *pos, Ins *in)
{
	Region *r = pos->parent;
	in->parent = r;
	in->next = pos;
	in->prev = pos->prev;
	if (pos->prev)
		pos->prev->next = in;
	else
		r->first = in;
	pos->prev = in;
}

void ir_insert_after(Ins *pos, Ins *in)
{
	if (pos->next)
		ir_insert_before(pos->next, in);
	else
		ir_append(pos->parent, in);
}

void ir_unlink(Ins *in)
{
	Region *r = in->parent;
	if (in->prev)
		in->prev->next = in->next;
	else
		r->first = in->next;
	if (in->next)
		in->next->prev = in->prev;
	else
		r->last = in->prev;
	in->prev = in->next = NULL;
	in->parent = NULL;
}

void ir_setarg(Ins *in, int i, Val *v)
{
	in->args[i] = v;
}

void ir_addarg(Ins *in, Val *v)
{
	Region *r = in->parent ? in->parent : in->nregs ? in->regs[0] : NULL;
	Arena *a = r ? r->fn->m->arena : NULL;
	if (!a)
		ICE("ir_addarg on a detached instruction without regions");
	push(a, &in->args, &in->nargs, v);
}

Val *ir_addres(Ins *in, Type *t)
{
	Fn *f = in->regs ? in->regs[0]->fn : in->parent ? in->parent->fn : NULL;
	if (!f)
		ICE("ir_addres needs an instruction with a region or a parent");
	Val *v = ir_newval(f, t, NULL);
	v->kind = V_RES;
	v->def = in;
	v->idx = in->nres;
	Val **res = arena_alloc(f->m->arena, sizeof(Val *) * (size_t)(in->nres + 1));
	for (int i = 0; i < in->nres; i++)
		res[i] = in->res[i];
	res[in->nres++] = v;
	in->res = res;
	return v;
}

static Fn *fn_of(Region *r) { return r->fn; }

Val *ir_const_f(Region *r, Type *t, double v, Loc loc)
{
	Ins *in = ir_ins(fn_of(r), O_CONST, NULL, 0, &t, 1, 0, loc);
	in->f = v;
	ir_append(r, in);
	return in->res[0];
}

Val *ir_const_i(Region *r, Type *t, long long v, Loc loc)
{
	Ins *in = ir_ins(fn_of(r), O_CONST, NULL, 0, &t, 1, 0, loc);
	in->i = v;
	ir_append(r, in);
	return in->res[0];
}

Val *ir_op1(Region *r, Op op, Type *t, Val *a, Loc loc)
{
	Ins *in = ir_ins(fn_of(r), op, &a, 1, &t, 1, 0, loc);
	ir_append(r, in);
	return in->res[0];
}

Val *ir_op2(Region *r, Op op, Type *t, Val *a, Val *b, Loc loc)
{
	Val *args[2] = {a, b};
	Ins *in = ir_ins(fn_of(r), op, args, 2, &t, 1, 0, loc);
	ir_append(r, in);
	return in->res[0];
}

Val *ir_cast(Region *r, Type *t, Val *a, Loc loc)
{
	if (a->ty == t)
		return a;
	return ir_op1(r, O_CAST, t, a, loc);
}

Ins *ir_term(Region *r, Op op, Val **args, int nargs, Loc loc)
{
	Ins *in = ir_ins(fn_of(r), op, args, nargs, NULL, 0, 0, loc);
	ir_append(r, in);
	return in;
}

Fn *ir_findfn(Module *m, const char *name)
{
	for (Fn *f = m->fns; f; f = f->next)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

Decl *ir_finddecl(Module *m, const char *name)
{
	for (Decl *d = m->decls; d; d = d->next)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

Global *ir_findglobal(Module *m, const char *name)
{
	for (Global *g = m->globals; g; g = g->next)
		if (!strcmp(g->name, name))
			return g;
	return NULL;
}

void ir_walk(Region *r, void (*fn)(Ins *, void *), void *ctx)
{
	for (Ins *in = r->first; in; in = in->next) {
		fn(in, ctx);
		for (int i = 0; i < in->nregs; i++)
			ir_walk(in->regs[i], fn, ctx);
	}
}

static void clear_uses(Val *v)
{
	v->uses = NULL;
	v->nuse = 0;
}

static void clear_ins(Ins *in, void *ctx)
{
	(void)ctx;
	for (int i = 0; i < in->nres; i++)
		clear_uses(in->res[i]);
	for (int i = 0; i < in->nregs; i++)
		for (int j = 0; j < in->regs[i]->nargs; j++)
			clear_uses(in->regs[i]->args[j]);
}

static void add_uses(Ins *in, void *ctx)
{
	Arena *a = ctx;
	for (int i = 0; i < in->nargs; i++) {
		Val *v = in->args[i];
		Use *u = arena_alloc(a, sizeof *u);
		u->ins = in;
		u->idx = i;
		u->next = v->uses;
		v->uses = u;
		v->nuse++;
	}
}

void ir_uses(Fn *f)
{
	for (int i = 0; i < f->np; i++)
		clear_uses(f->params[i]);
	ir_walk(f->body, clear_ins, NULL);
	ir_walk(f->body, add_uses, f->m->arena);
}

void ir_replace_uses(Val *from, Val *to)
{
	for (Use *u = from->uses; u; u = u->next)
		u->ins->args[u->idx] = to;
	to->nuse += from->nuse;
	Use **p = &to->uses;
	while (*p)
		p = &(*p)->next;
	*p = from->uses;
	from->uses = NULL;
	from->nuse = 0;
}

Slot ir_slot(Ins *in, int k)
{
	Slot s = {{0}, 0, {0}, 0};
	s.same[s.nsame++] = in->res[k];
	if (in->op == O_IF) {
		s.in[s.nin++] = in->regs[R_THEN]->last->args[k];
		s.in[s.nin++] = in->regs[R_ELSE]->last->args[k];
	} else if (in->op == O_FOR) {
		Region *b = in->regs[0];
		s.same[s.nsame++] = b->args[1 + k];
		s.in[s.nin++] = in->args[3 + k];
		s.in[s.nin++] = b->last->args[k];
	} else if (in->op == O_WHILE || in->op == O_DOWHILE) {
		Region *c = in->regs[R_COND], *b = in->regs[R_BODY];
		s.same[s.nsame++] = c->args[k];
		s.same[s.nsame++] = b->args[k];
		s.in[s.nin++] = in->args[k];
		s.in[s.nin++] = c->last->args[1 + k];
		s.in[s.nin++] = b->last->args[k];
	} else {
		ICE("ir_slot on %s", opinfo[in->op].name);
	}
	return s;
}

/* The declaration of external function `name`, added (with this type) if
 * the module does not declare it yet. */
Decl *ir_need_decl(Module *m, const char *name, Type *ret, Type **ps, int np)
{
	Decl *d = ir_finddecl(m, name);
	if (d)
		return d;
	d = arena_alloc(m->arena, sizeof *d);
	d->name = name;
	d->ret = ret;
	d->np = np;
	d->params = arena_alloc(m->arena, sizeof(Type *) * (size_t)(np + 1));
	for (int i = 0; i < np; i++)
		d->params[i] = ps[i];
	Decl **q = &m->decls;
	while (*q)
		q = &(*q)->next;
	*q = d;
	return d;
}

/* Copy the attributes (constant, callee, types, field, predicate) of
 * instruction `from` to `to`, an instruction of the same op. */
void ir_copy_attrs(Ins *to, const Ins *from)
{
	to->f = from->f;
	to->i = from->i;
	to->sym = from->sym;
	to->aty = from->aty;
	to->fld = from->fld;
	to->pred = from->pred;
}

typedef struct {
	const char *from, *to;
} Rename;

static void rename_call(Ins *in, void *ctx)
{
	Rename *r = ctx;
	if (in->op == O_CALL && !strcmp(in->sym, r->from))
		in->sym = r->to;
}

/* Rename function d to `name`, and the calls of it in derived functions. */
void ir_rename_fn(Module *m, Fn *d, const char *name)
{
	Rename r = {d->name, name};
	for (Fn *g = m->fns; g; g = g->next)
		if (g->derived)
			ir_walk(g->body, rename_call, &r);
	d->name = name;
}

/* clean.c — dead code elimination over the structured SSA graph.
 *
 * Mark and sweep.  Roots are instructions with effects (store, call, ret)
 * and the conditions of live control flow.  A value is live if a live
 * instruction uses it.  The results of if/for/while come in "slots" (the
 * k-th result with its initial value, region arguments and yielded
 * operands); a slot is kept only if one of its values is live.  An if or
 * loop with no live slot and no effect inside is removed whole.
 * Needs: nothing but the IR.  Changes: removes instructions and slots.
 */
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

typedef struct {
	Val **work;
	int n, cap;
} Work;

static void mark_ins(Work *w, Ins *in);

static void mark_val(Work *w, Val *v)
{
	if (v->mark)
		return;
	v->mark = 1;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 256;
		w->work = xrealloc(w->work, sizeof(Val *) * (size_t)w->cap);
	}
	w->work[w->n++] = v;
}

static int is_loop(Op op)
{
	return op == O_FOR || op == O_WHILE || op == O_DOWHILE;
}

/* Number of slots of a region instruction. */
static int nslots(Ins *in)
{
	return in->nres;
}

/* Mark slot k of a region instruction live. */
static void mark_slot(Work *w, Ins *in, int k)
{
	char *sm = in->aux;
	if (sm[k])
		return;
	sm[k] = 1;
	mark_ins(w, in);
	Slot s = ir_slot(in, k);
	for (int i = 0; i < s.nsame; i++)
		mark_val(w, s.same[i]);
	for (int i = 0; i < s.nin; i++)
		mark_val(w, s.in[i]);
}

/* An instruction is needed: its operands (other than slot operands) and
 * the instruction owning its region are needed too. */
static void mark_ins(Work *w, Ins *in)
{
	if (in->mark)
		return;
	in->mark = 1;
	if (in->parent && in->parent->parent)
		mark_ins(w, in->parent->parent);
	switch (in->op) {
	case O_IF:
		mark_val(w, in->args[0]);
		break;
	case O_FOR:
		for (int i = 0; i < 3; i++)
			mark_val(w, in->args[i]);
		mark_val(w, in->regs[0]->args[0]);
		break;
	case O_WHILE: case O_DOWHILE:
		mark_val(w, in->regs[R_COND]->last->args[0]);
		break;
	case O_YIELD: case O_COND:
		break; /* operands belong to slots */
	default:
		for (int i = 0; i < in->nargs; i++)
			mark_val(w, in->args[i]);
		break;
	}
}

static void prepare(Ins *in, void *ctx)
{
	Arena *a = ctx;
	in->mark = 0;
	for (int i = 0; i < in->nres; i++)
		in->res[i]->mark = 0;
	for (int r = 0; r < in->nregs; r++)
		for (int i = 0; i < in->regs[r]->nargs; i++)
			in->regs[r]->args[i]->mark = 0;
	in->aux = in->nregs ? arena_alloc(a, (size_t)nslots(in) + 1) : NULL;
}

static void roots(Ins *in, void *ctx)
{
	if (in->op == O_STORE || in->op == O_CALL || in->op == O_RET)
		mark_ins(ctx, in);
}

static void drop(Val **arr, int *n, int k)
{
	memmove(arr + k, arr + k + 1, sizeof(Val *) * (size_t)(*n - k - 1));
	(*n)--;
}

static void renumber(Val **arr, int n)
{
	for (int i = 0; i < n; i++)
		arr[i]->idx = i;
}

/* Remove dead slot k of a live region instruction. */
static void drop_slot(Ins *in, int k)
{
	if (in->op == O_IF) {
		for (int r = 0; r < 2; r++)
			drop(in->regs[r]->last->args, &in->regs[r]->last->nargs, k);
	} else if (in->op == O_FOR) {
		Region *b = in->regs[0];
		drop(in->args, &in->nargs, 3 + k);
		drop(b->args, &b->nargs, 1 + k);
		drop(b->last->args, &b->last->nargs, k);
		renumber(b->args, b->nargs);
	} else {
		Region *c = in->regs[R_COND], *b = in->regs[R_BODY];
		drop(in->args, &in->nargs, k);
		drop(c->args, &c->nargs, k);
		drop(c->last->args, &c->last->nargs, 1 + k);
		drop(b->args, &b->nargs, k);
		drop(b->last->args, &b->last->nargs, k);
		renumber(c->args, c->nargs);
		renumber(b->args, b->nargs);
	}
	drop(in->res, &in->nres, k);
	renumber(in->res, in->nres);
}

static void sweep(Region *r)
{
	for (Ins *in = r->first, *next; in; in = next) {
		next = in->next;
		if (opinfo[in->op].flags & F_TERM)
			continue;
		if (!in->mark) {
			ir_unlink(in);
			continue;
		}
		if (in->nregs) {
			char *sm = in->aux;
			for (int k = nslots(in) - 1; k >= 0; k--)
				if (!sm[k])
					drop_slot(in, k);
			for (int i = 0; i < in->nregs; i++)
				sweep(in->regs[i]);
		}
	}
}

/* Values used by live instructions: propagate through slots. */
static void propagate(Work *w)
{
	while (w->n) {
		Val *v = w->work[--w->n];
		if (v->kind == V_RES) {
			Ins *d = v->def;
			if (d->nregs)
				mark_slot(w, d, v->idx);
			else
				mark_ins(w, d);
		} else if (v->kind == V_ARG && v->reg->parent) {
			Ins *o = v->reg->parent;
			mark_ins(w, o);
			int k = v->idx - (o->op == O_FOR ? 1 : 0);
			if (k >= 0 && is_loop(o->op))
				mark_slot(w, o, k);
		}
	}
}

/* A local object that is only written (every use is the address of a
 * store) is dead, and so are the stores.  Collected first, removed after
 * the walk (unlinking during ir_walk would end it). */
typedef struct {
	Ins **dead;
	int n, cap;
} Dead;

static void dead_objects(Ins *in, void *ctx)
{
	Dead *d = ctx;
	if (in->op != O_ALLOCA)
		return;
	Val *a = in->res[0];
	for (Use *u = a->uses; u; u = u->next)
		if (u->ins->op != O_STORE || u->idx != 1)
			return;
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 16;
		d->dead = xrealloc(d->dead, sizeof(Ins *) * (size_t)d->cap);
	}
	d->dead[d->n++] = in;
}

static void remove_dead_objects(Fn *f)
{
	Dead d = {NULL, 0, 0};
	ir_uses(f);
	ir_walk(f->body, dead_objects, &d);
	for (int i = 0; i < d.n; i++) {
		Val *a = d.dead[i]->res[0];
		for (Use *u = a->uses; u; u = u->next)
			if (u->ins->parent)
				ir_unlink(u->ins);
		a->uses = NULL;
		a->nuse = 0;
		ir_unlink(d.dead[i]);
	}
	free(d.dead);
}

void clean_fn(Fn *f)
{
	Work w = {NULL, 0, 0};
	if (f->derived) /* the user's own code keeps its objects */
		remove_dead_objects(f);
	ir_walk(f->body, prepare, f->m->arena);
	ir_walk(f->body, roots, &w);
	propagate(&w);
	sweep(f->body);
	free(w.work);
}

void clean_module(Module *m)
{
	for (Fn *f = m->fns; f; f = f->next)
		clean_fn(f);
}

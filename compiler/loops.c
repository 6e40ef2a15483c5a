/* loops.c — counting loops: while → for.
 *
 * The front end lowers every C loop to `while`.  A while loop is a counting
 * loop when, for one carried integer value i,
 *   - the cond region is only `t = PRED i, bound` (plus constants) and
 *     forwards its arguments unchanged, with `bound` defined outside the loop;
 *   - the body yields `add i, step` for i, with a constant step whose sign
 *     agrees with PRED (lt/le: step > 0, gt/ge: step < 0);
 *   - the final value of i is not used after the loop.
 * Such a loop becomes `for.PRED %i = init to bound step s iter(others…)`,
 * whose trip count is known on entry (the reverse pass needs no counter).
 * Needs: use lists (recomputed here).  Changes: replaces while instructions.
 */
#include "adcc.h"

static Op swap_pred(Op p)
{
	switch (p) {
	case O_LT: return O_GT;
	case O_GT: return O_LT;
	case O_LE: return O_GE;
	case O_GE: return O_LE;
	default: return p;
	}
}

/* Is v defined outside instruction `loop` (so invariant in it)? */
static int outside(Val *v, Ins *loop)
{
	Region *r = v->kind == V_RES ? v->def->parent : v->kind == V_ARG ? v->reg : NULL;
	for (; r && r->parent; r = r->parent->parent)
		if (r->parent == loop)
			return 0;
	return 1;
}

/* Can v be computed before loop w: defined outside, or by pure non-memory
 * instructions of w's cond region over such values?  Marks those with
 * in->mark = 1. */
static int invariant(Val *v, Ins *w, Region *c)
{
	if (outside(v, w))
		return 1;
	if (v->kind != V_RES || v->def->parent != c || v->def->nregs ||
		!(opinfo[v->def->op].flags & F_PURE))
		return 0;
	for (int i = 0; i < v->def->nargs; i++)
		if (!invariant(v->def->args[i], w, c))
			return 0;
	v->def->mark = 1;
	return 1;
}

/* Is the cond region only the compare and hoistable instructions? */
static int only_invariants_and(Region *r, Ins *keep)
{
	for (Ins *in = r->first; in != r->last; in = in->next)
		if (in != keep && !in->mark)
			return 0;
	return 1;
}

/* Try to turn while loop w into a for loop; returns the new instruction. */
static Ins *try_for(Fn *f, Ins *w)
{
	Region *c = w->regs[R_COND], *b = w->regs[R_BODY];
	Ins *ct = c->last;
	Val *t = ct->args[0];
	if (t->kind != V_RES || t->def->parent != c || !(opinfo[t->def->op].flags & F_CMP))
		return NULL;
	Ins *cmp = t->def;
	if (cmp->op == O_EQ)
		return NULL;
	for (Ins *in = c->first; in; in = in->next)
		in->mark = in->op == O_CONST;
	for (int i = 0; i < c->nargs; i++)
		if (ct->args[1 + i] != c->args[i])
			return NULL;
	/* which side is the index? */
	int k = -1;
	Op pred = cmp->op;
	Val *bound = NULL;
	for (int side = 0; side < 2 && k < 0; side++) {
		Val *a = cmp->args[side], *o = cmp->args[1 - side];
		if (a->kind == V_ARG && a->reg == c && ty_isint(a->ty) &&
			invariant(o, w, c)) {
			k = a->idx;
			bound = o;
			if (side == 1)
				pred = swap_pred(pred);
		}
	}
	if (k < 0 || c->args[k]->nuse != 2 || w->res[k]->nuse != 0 ||
		!only_invariants_and(c, cmp))
		return NULL;
	Val *next = b->last->args[k];
	if (next->kind != V_RES || next->def->parent != b ||
		(next->def->op != O_ADD && next->def->op != O_SUB))
		return NULL;
	Ins *add = next->def;
	Val *bi = b->args[k], *st = NULL;
	if (add->args[0] == bi)
		st = add->args[1];
	else if (add->args[1] == bi && add->op == O_ADD)
		st = add->args[0];
	if (!st || st->kind != V_RES || st->def->op != O_CONST)
		return NULL;
	long long step = add->op == O_SUB ? -st->def->i : st->def->i;
	if (add->op == O_SUB && !ty_issigned(st->ty))
		return NULL; /* an unsigned count-down wraps: keep the while */
	if (step == 0)
		return NULL;
	int up = pred == O_LT || pred == O_LE, down = pred == O_GT || pred == O_GE;
	int neg = ty_issigned(st->ty) && step < 0;
	if ((up && neg) || (down && !neg) || (!up && !down))
		return NULL;

	/* build: for.pred %i = init to bound step s iter(others) */
	/* hoist the bound's computation in front of the loop */
	for (Ins *in = c->first, *nx; in != c->last; in = nx) {
		nx = in->next;
		if (in != cmp) {
			ir_unlink(in);
			ir_insert_before(w, in);
		}
	}
	Ins *sc = ir_ins(f, O_CONST, NULL, 0, &st->ty, 1, 0, st->def->loc);
	sc->i = step;
	ir_insert_before(w, sc);
	Val *args[260];
	int na = 0;
	args[na++] = w->args[k];
	args[na++] = bound;
	args[na++] = sc->res[0];
	for (int i = 0; i < w->nargs; i++)
		if (i != k)
			args[na++] = w->args[i];
	Ins *fo = ir_ins(f, O_FOR, args, na, NULL, 0, 1, w->loc);
	fo->pred = pred;
	ir_insert_before(w, fo);
	Region *nb = fo->regs[0];
	Val *iv = ir_regarg(nb, bi->ty, bi->name);
	ir_replace_uses(bi, iv);
	for (int i = 0; i < b->nargs; i++) {
		if (i == k)
			continue;
		Val *a = ir_regarg(nb, b->args[i]->ty, b->args[i]->name);
		ir_replace_uses(b->args[i], a);
	}
	/* move the body */
	while (b->first) {
		Ins *in = b->first;
		ir_unlink(in);
		ir_append(nb, in);
	}
	Ins *y = nb->last;
	Val *ys[260];
	int ny = 0;
	for (int i = 0; i < y->nargs; i++)
		if (i != k)
			ys[ny++] = y->args[i];
	ir_unlink(y);
	ir_term(nb, O_YIELD, ys, ny, y->loc);
	for (int i = 0; i < w->nres; i++) {
		if (i == k)
			continue;
		Val *r = ir_addres(fo, w->res[i]->ty);
		r->name = w->res[i]->name;
		ir_replace_uses(w->res[i], r);
	}
	ir_unlink(w);
	return fo;
}

static void loops_region(Fn *f, Region *r)
{
	for (Ins *in = r->first; in; in = in->next) {
		for (int i = 0; i < in->nregs; i++)
			loops_region(f, in->regs[i]);
		if (in->op == O_WHILE && in->nargs < 256) {
			Ins *fo = try_for(f, in);
			if (fo) {
				in = fo;
				ir_uses(f);
			}
		}
	}
}

void loops_module(Module *m)
{
	for (Fn *f = m->fns; f; f = f->next) {
		ir_uses(f);
		loops_region(f, f->body);
		clean_fn(f); /* the old increments may be dead now */
	}
}

/* cse.c — common subexpressions.
 *
 * A pure instruction equal to an earlier one that dominates it (same op,
 * type, operands and attributes, in the same region or an enclosing one)
 * is replaced by that earlier result.  Loads are merged only within one
 * straight-line stretch of a region: any store, call or nested region
 * ends the stretch.  Exact for floating point: equal operations on equal
 * operands give equal results, so re-emitted code stays bit-identical.
 * Needs: use lists (computed here).  Changes: removes instructions.
 */
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

typedef struct {
	Ins **tab;       /* visible candidates, innermost last */
	int n, cap;
} Seen;

static int same(Ins *a, Ins *b)
{
	if (a->op != b->op || a->nargs != b->nargs || a->nres != 1 || b->nres != 1)
		return 0;
	if (a->res[0]->ty != b->res[0]->ty)
		return 0;
	for (int i = 0; i < a->nargs; i++)
		if (a->args[i] != b->args[i])
			return 0;
	switch (a->op) {
	case O_CONST:
		return a->i == b->i && !memcmp(&a->f, &b->f, sizeof a->f);
	case O_GLOBAL:
		return !strcmp(a->sym, b->sym);
	case O_SIZEOF:
		return a->aty == b->aty;
	case O_FIELD:
		return a->fld == b->fld;
	default:
		return 1;
	}
}

static int candidate(Ins *in)
{
	if (in->nres != 1 || in->nregs)
		return 0;
	return (opinfo[in->op].flags & F_PURE) || in->op == O_LOAD;
}

static void add(Seen *s, Ins *in)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->tab = xrealloc(s->tab, sizeof(Ins *) * (size_t)s->cap);
	}
	s->tab[s->n++] = in;
}

/* Forget the loads seen since `from` (memory may have changed). */
static void forget_loads(Seen *s, int from)
{
	int k = from;
	for (int i = from; i < s->n; i++)
		if (s->tab[i]->op != O_LOAD)
			s->tab[k++] = s->tab[i];
	s->n = k;
}

static void cse_region(Seen *s, Region *r)
{
	forget_loads(s, 0); /* loads of enclosing regions are not reused inside */
	int mark = s->n;
	for (Ins *in = r->first, *next; in; in = next) {
		next = in->next;
		if (in->nregs) {
			for (int i = 0; i < in->nregs; i++)
				cse_region(s, in->regs[i]);
			forget_loads(s, 0);
			continue;
		}
		if (in->op == O_STORE || in->op == O_CALL || in->op == O_ALLOCA) {
			forget_loads(s, 0);
			continue;
		}
		if (!candidate(in))
			continue;
		Ins *hit = NULL;
		for (int i = s->n - 1; i >= 0 && !hit; i--)
			if (same(s->tab[i], in))
				hit = s->tab[i];
		if (hit) {
			Val *old = in->res[0], *keep = hit->res[0];
			if (!keep->name && old->name)
				keep->name = old->name;
			ir_replace_uses(old, keep);
			ir_unlink(in);
		} else {
			add(s, in);
		}
	}
	s->n = mark;
}

void cse_fn(Fn *f)
{
	Seen s = {NULL, 0, 0};
	ir_uses(f);
	cse_region(&s, f->body);
	free(s.tab);
}

void cse_module(Module *m)
{
	for (Fn *f = m->fns; f; f = f->next)
		cse_fn(f);
}

/* rules.c — partial derivatives from the rule table (rules.h).
 *
 * A formula such as "x1 == 0 ? 0 : x1 * pow(x0, x1 - 1)" is parsed by
 * recursive descent and built directly as IR instructions at the point of
 * use, with constants folded (a partial of 1 costs nothing).  The forward
 * pass multiplies partials by tangents, the reverse pass by adjoints.
 * Needs: ir.c.  Changes: appends instructions (and external declarations
 * of the math functions it calls) to the module.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

static const Rule table[] = {
#define RULE(name, arity, d0, d1) {#name, arity, {d0, d1}},
#include "rules.h"
#undef RULE
};

static int is_op_row(const Rule *r)
{
	static const char *ops[] = {"add", "sub", "mul", "div", "neg"};
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (!strcmp(r->name, ops[i]))
			return 1;
	return 0;
}

static const Rule *find(const char *name)
{
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (!strcmp(table[i].name, name))
			return &table[i];
	return NULL;
}

const Rule *rules_op(Op op)
{
	switch (op) {
	case O_ADD: return find("add");
	case O_SUB: return find("sub");
	case O_MUL: return find("mul");
	case O_DIV: return find("div");
	case O_NEG: return find("neg");
	default: return NULL;
	}
}

const Rule *rules_call(const char *callee)
{
	const Rule *r = find(callee);
	if (r && !is_op_row(r))
		return r;
	/* float and long double variants: sinf, sinl */
	size_t n = strlen(callee);
	if (n > 1 && (callee[n - 1] == 'f' || callee[n - 1] == 'l')) {
		char base[64];
		if (n - 1 >= sizeof base)
			return NULL;
		memcpy(base, callee, n - 1);
		base[n - 1] = 0;
		r = find(base);
		if (r && !is_op_row(r))
			return r;
	}
	return NULL;
}

int rules_count(void)
{
	return (int)(sizeof table / sizeof *table);
}

const Rule *rules_at(int i)
{
	return &table[i];
}

/* ---- formulas ---- */

typedef struct {
	const char *s;     /* cursor in the formula */
	const char *text;  /* the whole formula, for messages */
	Region *r;
	Val **x;
	Val *y;
	Type *t;
	Loc loc;
} P;

static Term konst(double c) { return (Term){NULL, c, 1}; }
static Term val(Val *v) { return (Term){v, 0, 0}; }

static Val *as_val(P *p, Term a)
{
	return a.k ? ir_const_f(p->r, p->t, a.c, p->loc) : a.v;
}

static void skip(P *p)
{
	while (isspace((unsigned char)*p->s))
		p->s++;
}

static int eat(P *p, const char *tok)
{
	skip(p);
	size_t n = strlen(tok);
	if (strncmp(p->s, tok, n))
		return 0;
	p->s += n;
	return 1;
}

static Term bin(P *p, Op op, Term a, Term b)
{
	if (a.k && b.k) {
		switch (op) {
		case O_ADD: return konst(a.c + b.c);
		case O_SUB: return konst(a.c - b.c);
		case O_MUL: return konst(a.c * b.c);
		case O_DIV: return konst(a.c / b.c);
		default: break;
		}
	}
	if (op == O_MUL && ((a.k && a.c == 0) || (b.k && b.c == 0)))
		return konst(0);
	if (op == O_MUL && a.k && a.c == 1)
		return b;
	if ((op == O_MUL || op == O_DIV) && b.k && b.c == 1)
		return a;
	if ((op == O_ADD && a.k && a.c == 0))
		return b;
	if ((op == O_ADD || op == O_SUB) && b.k && b.c == 0)
		return a;
	if (op == O_SUB && a.k && a.c == 0)
		return val(ir_op1(p->r, O_NEG, p->t, as_val(p, b), p->loc));
	Type *rt = (opinfo[op].flags & F_CMP) ? ty_basic(T_I1) : p->t;
	return val(ir_op2(p->r, op, rt, as_val(p, a), as_val(p, b), p->loc));
}

static Term expr(P *p);

static Term call(P *p, const char *name, Term *args, int n)
{
	Module *m = p->r->fn->m;
	const char *cname = p->t->kind == T_F32
		? arena_printf(m->arena, "%sf", name) : arena_strdup(m->arena, name);
	if (!ir_finddecl(m, cname) && !ir_findfn(m, cname)) {
		Decl *d = arena_alloc(m->arena, sizeof *d);
		d->name = cname;
		d->ret = p->t;
		d->np = n;
		d->params = arena_alloc(m->arena, sizeof(Type *) * (size_t)n);
		for (int i = 0; i < n; i++)
			d->params[i] = p->t;
		Decl **q = &m->decls;
		while (*q)
			q = &(*q)->next;
		*q = d;
	}
	Val *av[4];
	for (int i = 0; i < n; i++)
		av[i] = as_val(p, args[i]);
	Ins *in = ir_ins(p->r->fn, O_CALL, av, n, &p->t, 1, 0, p->loc);
	in->sym = cname;
	ir_append(p->r, in);
	return val(in->res[0]);
}

static Term primary(P *p)
{
	skip(p);
	if (eat(p, "(")) {
		Term a = expr(p);
		if (!eat(p, ")"))
			ICE("rule '%s': expected ')'", p->text);
		return a;
	}
	if (isdigit((unsigned char)*p->s) || *p->s == '.') {
		char *end;
		double c = strtod(p->s, &end);
		p->s = end;
		return konst(c);
	}
	if (isalpha((unsigned char)*p->s) || *p->s == '_') {
		char name[32];
		int n = 0;
		while ((isalnum((unsigned char)*p->s) || *p->s == '_') && n < 31)
			name[n++] = *p->s++;
		name[n] = 0;
		if (!strcmp(name, "x0"))
			return val(p->x[0]);
		if (!strcmp(name, "x1"))
			return val(p->x[1]);
		if (!strcmp(name, "y"))
			return val(p->y);
		if (!eat(p, "("))
			ICE("rule '%s': unknown name '%s'", p->text, name);
		Term args[4];
		int na = 0;
		do {
			if (na == 4)
				ICE("rule '%s': too many arguments", p->text);
			args[na++] = expr(p);
		} while (eat(p, ","));
		if (!eat(p, ")"))
			ICE("rule '%s': expected ')'", p->text);
		return call(p, name, args, na);
	}
	ICE("rule '%s': unexpected '%s'", p->text, p->s);
	return konst(0);
}

static Term unary(P *p)
{
	if (eat(p, "-")) {
		Term a = unary(p);
		if (a.k)
			return konst(-a.c);
		return val(ir_op1(p->r, O_NEG, p->t, a.v, p->loc));
	}
	return primary(p);
}

static Term mul(P *p)
{
	Term a = unary(p);
	for (;;) {
		if (eat(p, "*"))
			a = bin(p, O_MUL, a, unary(p));
		else if (eat(p, "/"))
			a = bin(p, O_DIV, a, unary(p));
		else
			return a;
	}
}

static Term add(P *p)
{
	Term a = mul(p);
	for (;;) {
		if (eat(p, "+"))
			a = bin(p, O_ADD, a, mul(p));
		else if (eat(p, "-"))
			a = bin(p, O_SUB, a, mul(p));
		else
			return a;
	}
}

static Term cmp(P *p)
{
	Term a = add(p);
	static const struct { const char *tok; Op op; } cmps[] = {
		{"<=", O_LE}, {">=", O_GE}, {"==", O_EQ}, {"!=", O_NE},
		{"<", O_LT}, {">", O_GT},
	};
	for (size_t i = 0; i < sizeof cmps / sizeof *cmps; i++)
		if (eat(p, cmps[i].tok))
			return bin(p, cmps[i].op, a, add(p));
	return a;
}

static Term expr(P *p)
{
	Term c = cmp(p);
	if (!eat(p, "?"))
		return c;
	Term a = expr(p);
	if (!eat(p, ":"))
		ICE("rule '%s': expected ':'", p->text);
	Term b = expr(p);
	if (a.k && b.k && a.c == b.c)
		return a;
	Val *args[3] = {c.v, as_val(p, a), as_val(p, b)};
	Ins *in = ir_ins(p->r->fn, O_SELECT, args, 3, &p->t, 1, 0, p->loc);
	ir_append(p->r, in);
	return val(in->res[0]);
}

Term rules_partial(Region *r, const Rule *ru, int i, Val **x, Val *y, Loc loc)
{
	P p = {ru->d[i], ru->d[i], r, x, y, x[0]->ty, loc};
	Term t = expr(&p);
	skip(&p);
	if (*p.s)
		ICE("rule '%s': trailing '%s'", p.text, p.s);
	return t;
}

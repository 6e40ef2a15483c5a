/* print.c — the text form of the IR (docs/ir.md describes the syntax).
 *
 * The output is what grammar/irread.y parses, and print → parse → print is
 * the identity.  Value names are the source names made unique within a
 * function in definition order: %x, %x.1, %x.2; unnamed values are %0, %1….
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

typedef struct {
	FILE *out;
	Arena *a;
	char **names;     /* by Val id */
	int nnames;
	/* names given so far, for uniqueness */
	const char **used;
	int nused, capused;
	int nextnum;
} P;

static int used(P *p, const char *s)
{
	for (int i = 0; i < p->nused; i++)
		if (!strcmp(p->used[i], s))
			return 1;
	return 0;
}

static void name_val(P *p, Val *v)
{
	char *s;
	if (v->name) {
		s = arena_strdup(p->a, v->name);
		for (int k = 1; used(p, s); k++)
			s = arena_printf(p->a, "%s.%d", v->name, k);
	} else {
		s = arena_printf(p->a, "%d", p->nextnum++);
	}
	if (p->nused == p->capused) {
		p->capused = p->capused ? 2 * p->capused : 64;
		p->used = xrealloc(p->used, sizeof(char *) * (size_t)p->capused);
	}
	p->used[p->nused++] = s;
	if (v->id >= p->nnames)
		ICE("value id %d out of range", v->id);
	p->names[v->id] = s;
}

static void name_region(P *p, Region *r);

/* Names are given in definition order: an instruction's region arguments
 * (and everything inside its regions) before its results, which exist only
 * once the regions are complete.  The reader keeps base names only, so
 * reprinting what it read gives the same suffixes. */
static void name_ins(P *p, Ins *in)
{
	for (int i = 0; i < in->nregs; i++)
		name_region(p, in->regs[i]);
	for (int i = 0; i < in->nres; i++)
		name_val(p, in->res[i]);
}

static void name_region(P *p, Region *r)
{
	for (int i = 0; i < r->nargs; i++)
		name_val(p, r->args[i]);
	for (Ins *in = r->first; in; in = in->next)
		name_ins(p, in);
}

static const char *vn(P *p, Val *v)
{
	const char *s = p->names[v->id];
	if (!s)
		ICE("value %d printed before it is named", v->id);
	return s;
}

static const char *ts(P *p, Type *t)
{
	return ty_str(p->a, t);
}

/* Shortest decimal that reads back as the same double. */
static void put_double(FILE *out, double d)
{
	char buf[64];
	if (isnan(d)) {
		fputs("nan", out);
		return;
	}
	if (isinf(d)) {
		fputs(d < 0 ? "-inf" : "inf", out);
		return;
	}
	if (d == 0) {
		fputs(signbit(d) ? "-0" : "0", out);
		return;
	}
	if (fabs(d) < 1e15 && d == floor(d)) { /* integral: 100, not 1e+02 */
		fprintf(out, "%.0f", d);
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	fputs(buf, out);
}

static void indent(P *p, int depth)
{
	for (int i = 0; i < depth; i++)
		fputs("  ", p->out);
}

static void put_loc(P *p, Loc loc)
{
	if (loc.line > 0)
		fprintf(p->out, " !%d:%d", loc.line, loc.col);
}

/* Ops whose result type is implied and so printed without ".type". */
static int implied_type(Op op)
{
	return (opinfo[op].flags & F_CMP) || op == O_SIZEOF || op == O_GLOBAL ||
		op == O_ALLOCA || op == O_ADDR || op == O_FIELD;
}

static void print_region(P *p, Region *r, int depth);

static void put_vals(P *p, Val **v, int n)
{
	for (int i = 0; i < n; i++)
		fprintf(p->out, "%s%%%s", i ? ", " : "", vn(p, v[i]));
}

static void put_index(P *p, Val **v, int n)
{
	for (int i = 0; i < n; i++)
		fprintf(p->out, "[%%%s]", vn(p, v[i]));
}

/* "(%a = %init, …)" pairing region arguments with initial values */
static void put_iter(P *p, Val **args, Val **init, int n)
{
	fputc('(', p->out);
	for (int i = 0; i < n; i++)
		fprintf(p->out, "%s%%%s = %%%s", i ? ", " : "", vn(p, args[i]),
			vn(p, init[i]));
	fputc(')', p->out);
}

static void put_args(P *p, Region *r)
{
	fputc('(', p->out);
	put_vals(p, r->args, r->nargs);
	fputc(')', p->out);
}

static void print_ins(P *p, Ins *in, int depth)
{
	FILE *out = p->out;
	indent(p, depth);
	if (in->nres) {
		put_vals(p, in->res, in->nres);
		fputs(" = ", out);
	}
	fputs(opinfo[in->op].name, out);
	if (in->nres == 1 && !implied_type(in->op) && in->op != O_IF &&
		in->op != O_FOR && in->op != O_WHILE && in->op != O_DOWHILE)
		fprintf(out, ".%s", ts(p, in->res[0]->ty));
	switch (in->op) {
	case O_CONST: {
		Type *t = in->res[0]->ty;
		if (ty_isfloat(t))
			fputc(' ', out), put_double(out, in->f);
		else if (t->kind == T_PTR)
			fputs(" null", out);
		else if (t->kind == T_U64)
			fprintf(out, " %llu", (unsigned long long)in->i);
		else
			fprintf(out, " %lld", in->i);
		break;
	}
	case O_SIZEOF:
		fprintf(out, " %s", ts(p, in->aty));
		break;
	case O_GLOBAL:
		fprintf(out, " @%s", in->sym);
		break;
	case O_ALLOCA: /* `alloca T` or `alloca T, %n` (n objects) */
		fprintf(out, " %s", ts(p, in->aty));
		if (in->nargs)
			fprintf(out, ", %%%s", vn(p, in->args[0]));
		break;
	case O_CALL:
		fprintf(out, " @%s(", in->sym);
		put_vals(p, in->args, in->nargs);
		fputc(')', out);
		break;
	case O_FIELD: {
		Struct *st = in->args[0]->ty->elem->st;
		fprintf(out, " %%%s, .%s", vn(p, in->args[0]), st->f[in->fld].name);
		break;
	}
	case O_ADDR:
	case O_LOAD:
		fprintf(out, " %%%s", vn(p, in->args[0]));
		put_index(p, in->args + 1, in->nargs - 1);
		break;
	case O_STORE:
		fprintf(out, " %%%s, %%%s", vn(p, in->args[0]), vn(p, in->args[1]));
		put_index(p, in->args + 2, in->nargs - 2);
		break;
	case O_IF:
		fprintf(out, " %%%s", vn(p, in->args[0]));
		if (in->nres) {
			fputs(" -> (", out);
			for (int i = 0; i < in->nres; i++)
				fprintf(out, "%s%s", i ? ", " : "", ts(p, in->res[i]->ty));
			fputc(')', out);
		}
		put_loc(p, in->loc);
		fputs(" {\n", out);
		print_region(p, in->regs[R_THEN], depth + 1);
		indent(p, depth);
		fputs("} else {\n", out);
		print_region(p, in->regs[R_ELSE], depth + 1);
		indent(p, depth);
		fputs("}\n", out);
		return;
	case O_FOR: {
		Region *b = in->regs[0];
		fprintf(out, ".%s %%%s = %%%s to %%%s step %%%s",
			opinfo[in->pred].name, vn(p, b->args[0]), vn(p, in->args[0]),
			vn(p, in->args[1]), vn(p, in->args[2]));
		if (in->nargs > 3) {
			fputs(" iter", out);
			put_iter(p, b->args + 1, in->args + 3, in->nargs - 3);
		}
		put_loc(p, in->loc);
		fputs(" {\n", out);
		print_region(p, b, depth + 1);
		indent(p, depth);
		fputs("}\n", out);
		return;
	}
	case O_WHILE:
	case O_DOWHILE: {
		int first = in->op == O_WHILE ? R_COND : R_BODY;
		fputs(" (", out);
		put_vals(p, in->args, in->nargs);
		fputc(')', out);
		put_loc(p, in->loc);
		for (int k = 0; k < 2; k++) {
			int ri = k == 0 ? first : 1 - first;
			Region *r = in->regs[ri];
			fputs(k ? " " : " ", out);
			fputs(ri == R_COND ? "cond" : "do", out);
			put_args(p, r);
			fputs(" {\n", out);
			print_region(p, r, depth + 1);
			indent(p, depth);
			fputc('}', out);
		}
		fputc('\n', out);
		return;
	}
	default:
		if (in->nargs) {
			fputc(' ', out);
			put_vals(p, in->args, in->nargs);
		}
		break;
	}
	put_loc(p, in->loc);
	fputc('\n', out);
}

static void print_region(P *p, Region *r, int depth)
{
	for (Ins *in = r->first; in; in = in->next)
		print_ins(p, in, depth);
}

static void print_fn_with(P *p, Fn *f)
{
	FILE *out = p->out;
	p->nnames = f->nval;
	p->names = arena_alloc(p->a, sizeof(char *) * (size_t)(f->nval + 1));
	p->nused = 0;
	p->nextnum = 0;
	for (int i = 0; i < f->np; i++)
		name_val(p, f->params[i]);
	name_region(p, f->body);

	if (f->is_static)
		fputs("static ", out);
	fprintf(out, "func @%s(", f->name);
	for (int i = 0; i < f->np; i++)
		fprintf(out, "%s%%%s: %s%s", i ? ", " : "", vn(p, f->params[i]),
			ts(p, f->params[i]->ty), f->params[i]->cnst ? " const" : "");
	fprintf(out, ") -> %s", ts(p, f->ret));
	for (int i = 0; i < f->nannot; i++) {
		fputs(" annotate \"", out);
		for (const char *s = f->annots[i]; *s; s++) {
			if (*s == '"' || *s == '\\')
				fputc('\\', out);
			fputc(*s, out);
		}
		fputc('"', out);
	}
	put_loc(p, f->loc);
	fputs(" {\n", out);
	print_region(p, f->body, 1);
	fputs("}\n", out);
}

static P *newp(FILE *out)
{
	P *p = xmalloc(sizeof *p);
	p->out = out;
	p->a = arena_new();
	return p;
}

static void freep(P *p)
{
	arena_free(p->a);
	free(p->used);
	free(p);
}

void print_fn(FILE *out, Fn *f)
{
	P *p = newp(out);
	print_fn_with(p, f);
	freep(p);
}

static void print_struct(P *p, Struct *st)
{
	FILE *out = p->out;
	if (st->tdname)
		fputs("typedef ", out);
	fputs("struct ", out);
	if (st->tag)
		fprintf(out, "%s ", st->tag);
	fputs("{ ", out);
	for (int i = 0; i < st->nf; i++)
		fprintf(out, "%s%s: %s", i ? ", " : "", st->f[i].name,
			ts(p, st->f[i].type));
	fputs(" }", out);
	if (st->tdname)
		fprintf(out, " %s", st->tdname);
	fputc('\n', out);
}

static void print_global(P *p, Global *g)
{
	FILE *out = p->out;
	fprintf(out, "global @%s: %s", g->name, ts(p, g->type));
	if (g->is_static)
		fputs(" static", out);
	if (g->is_const)
		fputs(" const", out);
	if (g->ninit) {
		fputs(" = {", out);
		for (int i = 0; i < g->ninit; i++) {
			fputs(i ? ", " : " ", out);
			put_double(out, g->init[i]);
		}
		fputs(" }", out);
	}
	put_loc(p, g->loc);
	fputc('\n', out);
}

static void print_decl(P *p, Decl *d)
{
	FILE *out = p->out;
	fprintf(out, "declare @%s(", d->name);
	for (int i = 0; i < d->np; i++)
		fprintf(out, "%s%s", i ? ", " : "", ts(p, d->params[i]));
	if (d->variadic)
		fputs(d->np ? ", ..." : "...", out);
	fprintf(out, ") -> %s\n", ts(p, d->ret));
}

void print_module(FILE *out, Module *m)
{
	P *p = newp(out);
	fputs("source \"", out);
	for (const char *s = m->file; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputs("\"\n", out);
	for (Struct *st = m->structs; st; st = st->next)
		print_struct(p, st);
	for (Global *g = m->globals; g; g = g->next)
		print_global(p, g);
	for (Decl *d = m->decls; d; d = d->next)
		print_decl(p, d);
	for (Fn *f = m->fns; f; f = f->next) {
		fputc('\n', out);
		print_fn_with(p, f);
	}
	freep(p);
}

/* dot.c — the SSA graph as one Graphviz digraph (adcc --emit=dot).
 *
 * A cluster per function; parameters are input nodes (house shape),
 * instructions are boxes labelled like the text IR ("%a = add.f64",
 * "%c = const.f64 1.5", "call @sin"), regions of if/for/while/dowhile are
 * nested clusters holding their arguments (ellipses) and instructions.
 * Edges are data flow, from the definition of a value to each user.
 * Names are those of the text IR (verify_names).  Reads the module only.
 */
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

typedef struct {
	FILE *out;
	Arena *a;
	const char **names;
	int fnum;         /* function number, prefixes node ids */
	int ncluster;
	int nanon;        /* instructions without results */
} D;

static void indent(D *d, int depth)
{
	for (int i = 0; i < depth; i++)
		fputs("  ", d->out);
}

/* A double-quoted DOT string. */
static void qstr(D *d, const char *s)
{
	fputc('"', d->out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', d->out);
		if (*s == '\n')
			fputs("\\n", d->out);
		else
			fputc(*s, d->out);
	}
	fputc('"', d->out);
}

static const char *vname(D *d, Val *v)
{
	const char *s = v && v->id >= 0 ? d->names[v->id] : NULL;
	return arena_printf(d->a, "%%%s", s ? s : "?");
}

/* Node id of the definition of v. */
static const char *node_of(D *d, Val *v)
{
	if (v->kind == V_RES && v->def)
		return arena_printf(d->a, "f%d_i%d", d->fnum, v->def->res[0]->id);
	return arena_printf(d->a, "f%d_v%d", d->fnum, v->id);
}

static void valnode(D *d, Val *v, const char *shape, int depth)
{
	indent(d, depth);
	fprintf(d->out, "%s [shape=%s, label=", node_of(d, v), shape);
	qstr(d, arena_printf(d->a, "%s: %s", vname(d, v), ty_str(d->a, v->ty)));
	fputs("];\n", d->out);
}

static const char *num(D *d, double f)
{
	char buf[64];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, f);
		if (strtod(buf, NULL) == f)
			break;
	}
	return arena_strdup(d->a, buf);
}

/* "%a, %b = op.type detail" */
static const char *label(D *d, Ins *in)
{
	const char *s = "";
	for (int i = 0; i < in->nres; i++)
		s = arena_printf(d->a, "%s%s%s", s, i ? ", " : "",
			vname(d, in->res[i]));
	if (in->nres)
		s = arena_printf(d->a, "%s = ", s);
	s = arena_printf(d->a, "%s%s", s, opinfo[in->op].name);
	Type *rt = in->nres == 1 ? in->res[0]->ty : NULL;
	switch (in->op) {
	case O_CONST:
		if (ty_isfloat(rt))
			return arena_printf(d->a, "%s.%s %s", s, ty_str(d->a, rt),
				num(d, in->f));
		if (rt->kind == T_PTR)
			return arena_printf(d->a, "%s null", s);
		if (rt->kind == T_U64)
			return arena_printf(d->a, "%s.u64 %llu", s,
				(unsigned long long)in->i);
		return arena_printf(d->a, "%s.%s %lld", s, ty_str(d->a, rt), in->i);
	case O_SIZEOF:
	case O_ALLOCA:
		return arena_printf(d->a, "%s %s", s, ty_str(d->a, in->aty));
	case O_GLOBAL:
		return arena_printf(d->a, "%s @%s", s, in->sym);
	case O_CALL:
		if (rt)
			s = arena_printf(d->a, "%s.%s", s, ty_str(d->a, rt));
		return arena_printf(d->a, "%s @%s", s, in->sym);
	case O_FIELD: {
		Type *p = in->args[0]->ty;
		if (p->kind == T_PTR && p->elem->kind == T_STRUCT &&
			in->fld >= 0 && in->fld < p->elem->st->nf)
			return arena_printf(d->a, "%s .%s", s,
				p->elem->st->f[in->fld].name);
		return s;
	}
	case O_FOR:
		return arena_printf(d->a, "%s.%s", s, opinfo[in->pred].name);
	default:
		if (rt && !(opinfo[in->op].flags & F_CMP) && in->op != O_ADDR &&
			in->op != O_IF && in->op != O_WHILE && in->op != O_DOWHILE)
			return arena_printf(d->a, "%s.%s", s, ty_str(d->a, rt));
		return s;
	}
}

static void region(D *d, Region *r, const char *title, int depth);

static void ins(D *d, Ins *in, int depth)
{
	const char *id = in->nres ? node_of(d, in->res[0])
		: arena_printf(d->a, "f%d_n%d", d->fnum, d->nanon++);
	indent(d, depth);
	fprintf(d->out, "%s [label=", id);
	qstr(d, label(d, in));
	if (opinfo[in->op].flags & F_TERM)
		fputs(", style=rounded", d->out);
	else if (in->nregs)
		fputs(", style=bold", d->out);
	fputs("];\n", d->out);
	for (int i = 0; i < in->nargs; i++) {
		indent(d, depth);
		fprintf(d->out, "%s -> %s;\n", node_of(d, in->args[i]), id);
	}
	static const char *titles[][2] = {
		[O_IF] = {"then", "else"}, [O_FOR] = {"body", ""},
		[O_WHILE] = {"cond", "do"}, [O_DOWHILE] = {"cond", "do"},
	};
	if (in->op == O_DOWHILE) {
		region(d, in->regs[R_BODY], titles[O_DOWHILE][1], depth);
		region(d, in->regs[R_COND], titles[O_DOWHILE][0], depth);
	} else {
		for (int i = 0; i < in->nregs && i < 2; i++)
			region(d, in->regs[i], titles[in->op][i], depth);
	}
}

static void region(D *d, Region *r, const char *title, int depth)
{
	indent(d, depth);
	fprintf(d->out, "subgraph cluster_%d {\n", d->ncluster++);
	indent(d, depth + 1);
	fputs("style=dashed; label=", d->out);
	qstr(d, title);
	fputs(";\n", d->out);
	for (int i = 0; i < r->nargs; i++)
		valnode(d, r->args[i], "ellipse", depth + 1);
	for (Ins *in = r->first; in; in = in->next)
		ins(d, in, depth + 1);
	indent(d, depth);
	fputs("}\n", d->out);
}

static void fn(D *d, Fn *f)
{
	d->names = verify_names(f, d->a);
	d->nanon = 0;
	fprintf(d->out, "  subgraph cluster_%d {\n    label=", d->ncluster++);
	qstr(d, arena_printf(d->a, "@%s -> %s", f->name, ty_str(d->a, f->ret)));
	fputs(";\n", d->out);
	for (int i = 0; i < f->np; i++)
		valnode(d, f->params[i], "house", 2);
	for (Ins *in = f->body->first; in; in = in->next)
		ins(d, in, 2);
	fputs("  }\n", d->out);
}

void dot_module(FILE *out, Module *m)
{
	D d = {out, arena_new(), NULL, 0, 0, 0};
	fputs("digraph adcc {\n  node [shape=box, fontname=\"monospace\"];\n"
		"  label=", out);
	qstr(&d, m->file);
	fputs(";\n", out);
	for (Fn *f = m->fns; f; f = f->next, d.fnum++)
		fn(&d, f);
	fputs("}\n", out);
	arena_free(d.a);
}

/* request.c — checking derivative requests against the module.
 *
 * A Request comes from spec.y (a --reverse SPEC or an annotation).  Here it
 * is checked against the function it names and completed:
 *   - the function exists (otherwise: the closest names);
 *   - every listed name is a parameter (otherwise: the parameters);
 *   - active parameters are floating point: scalars, pointers to floating
 *     point (or to arrays of it), pointers to structs with floating members;
 *   - extents go with pointers only and use only integer parameters;
 *   - outputs are the floating return value or pointers the function writes
 *     through (a store analysis on the IR, see writes());
 *   - missing lists get the defaults of DESIGN.md §5;
 *   - a Hessian-vector product has one output, the return value.
 * Errors are fatal (exit 1): "file:line:col: error: annotation "…": …" for an
 * annotation, "adcc: error: --reverse 'SPEC': …" for the command line.
 * docs/requests.md lists every message.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

static const char *const modenames[] = {
	[M_FORWARD] = "forward", [M_REVERSE] = "reverse", [M_VECTOR] = "vector",
	[M_HVP] = "hvp", [M_JACOBIAN] = "jacobian",
};

const char *mode_name(Mode mode)
{
	if ((unsigned)mode >= sizeof modenames / sizeof *modenames)
		ICE("bad mode %d", (int)mode);
	return modenames[mode];
}

typedef struct {
	Module *m;
	Request *rq;
	Fn *fn;
	int annot;       /* the request is an annotation of fn */
	Arena *a;        /* scratch, for message text */
} Ctx;

static _Noreturn void fail(Ctx *c, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (c->annot)
		diag_fatal(c->m->file, c->rq->loc, "annotation \"%s\": %s",
			c->rq->text, buf);
	diag_fatal(NULL, (Loc){0, 0}, "--%s '%s': %s", mode_name(c->rq->mode),
		c->rq->text, buf);
	exit(1);   /* not reached: diag_fatal exits */
}

/* ---- types as C spells them, for messages ---- */

static const char *const cbase[] = {
	[T_VOID] = "void", [T_I1] = "_Bool", [T_I8] = "char", [T_I16] = "short",
	[T_I32] = "int", [T_I64] = "long", [T_U8] = "unsigned char",
	[T_U16] = "unsigned short", [T_U32] = "unsigned", [T_U64] = "unsigned long",
	[T_F32] = "float", [T_F64] = "double",
};

/* The C declaration of `decl` with type t ("double *x", "float (*)[3]"). */
static char *cdecl(Arena *a, Type *t, const char *decl)
{
	const char *sp = *decl ? " " : "";
	switch (t->kind) {
	case T_PTR:
		if (t->elem->kind == T_ARR)
			return cdecl(a, t->elem, arena_printf(a, "(*%s)", decl));
		return cdecl(a, t->elem, arena_printf(a, "*%s", decl));
	case T_ARR:
		return cdecl(a, t->elem, arena_printf(a, "%s[%ld]", decl, t->n));
	case T_STRUCT:
		if (t->st->tdname)
			return arena_printf(a, "%s%s%s", t->st->tdname, sp, decl);
		return arena_printf(a, "struct %s%s%s", t->st->tag, sp, decl);
	default:
		return arena_printf(a, "%s%s%s", cbase[t->kind], sp, decl);
	}
}

static char *ctype(Ctx *c, Val *p)
{
	char *s = cdecl(c->a, p->ty, "");
	return p->cnst ? arena_printf(c->a, "const %s", s) : s;
}

/* ---- kinds of parameters ---- */

typedef enum {
	K_FLOAT,      /* float, double */
	K_FPTR,       /* pointer to floating point (or to arrays of it) */
	K_SPTR,       /* pointer to a struct with floating-point members */
	K_SVAL,       /* struct with floating-point members, by value */
	K_INT,        /* integer scalar */
	K_INTPTR,     /* pointer to integers */
	K_PTRPTR,     /* pointer to pointers */
	K_VOIDPTR,    /* void * */
	K_NOFLOAT,    /* struct (or pointer to one) without floating members */
} Kind;

static int hasfloat(Type *t)
{
	while (t->kind == T_ARR)
		t = t->elem;
	if (ty_isfloat(t))
		return 1;
	if (t->kind == T_STRUCT)
		for (int i = 0; i < t->st->nf; i++)
			if (hasfloat(t->st->f[i].type))
				return 1;
	return 0;
}

static Kind kindof(Type *t)
{
	if (ty_isfloat(t))
		return K_FLOAT;
	if (ty_isint(t))
		return K_INT;
	if (t->kind == T_STRUCT)
		return hasfloat(t) ? K_SVAL : K_NOFLOAT;
	if (t->kind != T_PTR)
		return K_NOFLOAT;
	Type *e = t->elem;
	while (e->kind == T_ARR)
		e = e->elem;
	if (ty_isfloat(e))
		return K_FPTR;
	if (ty_isint(e))
		return K_INTPTR;
	if (e->kind == T_PTR)
		return K_PTRPTR;
	if (e->kind == T_VOID)
		return K_VOIDPTR;
	return hasfloat(e) ? K_SPTR : K_NOFLOAT;
}

static int ispointer(Kind k) { return k == K_FPTR || k == K_SPTR; }

/* ---- does f write through its parameter? ---- */

/* A value is derived from the parameter if it is the parameter or is
 * computed from a derived value by a pure operation (addr, field, cast,
 * select, arithmetic), or flows into a region argument or result from one.
 * Loads through a derived pointer give values that are not derived.  The
 * parameter is written if a derived pointer is stored through, a derived
 * value is stored into memory (it escapes), or a derived value is passed
 * to a function that may write through it: an external function always
 * may; a function of the module is analysed in turn. */
typedef struct Memo Memo;
struct Memo {
	Fn *fn;
	int param;
	int state;       /* 1: being analysed (recursion: assume no write), 2: done */
	int writes;
	Memo *next;
};

typedef struct {
	Module *m;
	char *d;         /* derived, by Val id */
	int changed;
	int writes;
	Memo **memo;
} Flow;

static int writes(Module *m, Fn *f, int param, Memo **memo);

static int isd(Flow *w, Val *v) { return w->d[v->id]; }

static void mark(Flow *w, Val *v)
{
	if (!w->d[v->id]) {
		w->d[v->id] = 1;
		w->changed = 1;
	}
}

/* Value i flowing into region r's arguments at position `off + i`. */
static void flowarg(Flow *w, Region *r, int pos)
{
	if (pos >= 0 && pos < r->nargs)
		mark(w, r->args[pos]);
}

static void flowres(Flow *w, Ins *in, int pos)
{
	if (pos >= 0 && pos < in->nres)
		mark(w, in->res[pos]);
}

static void visit(Ins *in, void *ctx)
{
	Flow *w = ctx;
	int any = 0;
	for (int i = 0; i < in->nargs; i++)
		any |= isd(w, in->args[i]);
	if (!any)
		return;
	switch (in->op) {
	case O_STORE:
		w->writes = 1;
		return;
	case O_LOAD:
		return;
	case O_CALL: {
		Fn *g = ir_findfn(w->m, in->sym);
		if (!g) {
			w->writes = 1;
			return;
		}
		for (int i = 0; i < in->nargs; i++)
			if (isd(w, in->args[i]) && (i >= g->np ||
				writes(w->m, g, i, w->memo)))
				w->writes = 1;
		/* it may hand the pointer back */
		for (int i = 0; i < in->nres; i++)
			if (in->res[i]->ty->kind == T_PTR || ty_isint(in->res[i]->ty))
				mark(w, in->res[i]);
		return;
	}
	case O_YIELD:
	case O_COND: {
		/* into the parent's results and the loop's region arguments */
		Ins *p = in->parent->parent;
		if (!p)
			return;
		int skip = in->op == O_COND;   /* cond %flag, values… */
		for (int i = skip; i < in->nargs; i++) {
			if (!isd(w, in->args[i]))
				continue;
			int k = i - skip;
			if (p->op == O_FOR) {
				flowres(w, p, k);
				flowarg(w, p->regs[0], k + 1);
			} else if (p->op == O_WHILE || p->op == O_DOWHILE) {
				flowres(w, p, k);
				flowarg(w, p->regs[R_COND], k);
				flowarg(w, p->regs[R_BODY], k);
			} else {
				flowres(w, p, k);
			}
		}
		return;
	}
	case O_FOR:
		for (int i = 3; i < in->nargs; i++)
			if (isd(w, in->args[i])) {
				flowres(w, in, i - 3);
				flowarg(w, in->regs[0], i - 2);
			}
		return;
	case O_WHILE:
	case O_DOWHILE:
		for (int i = 0; i < in->nargs; i++)
			if (isd(w, in->args[i])) {
				flowres(w, in, i);
				flowarg(w, in->regs[R_COND], i);
				flowarg(w, in->regs[R_BODY], i);
			}
		return;
	case O_IF:
	case O_RET:
		return;
	default:
		if (opinfo[in->op].flags & F_PURE)
			for (int i = 0; i < in->nres; i++)
				mark(w, in->res[i]);
		return;
	}
}

static int writes(Module *m, Fn *f, int param, Memo **memo)
{
	Memo *e;
	for (e = *memo; e; e = e->next)
		if (e->fn == f && e->param == param)
			return e->state == 2 && e->writes;
	e = xmalloc(sizeof *e);
	e->fn = f;
	e->param = param;
	e->state = 1;
	e->next = *memo;
	*memo = e;

	Flow w = {m, xmalloc((size_t)f->nval + 1), 0, 0, memo};
	mark(&w, f->params[param]);
	do {
		w.changed = 0;
		ir_walk(f->body, visit, &w);
	} while (w.changed && !w.writes);
	free(w.d);
	e->state = 2;
	e->writes = w.writes;
	return w.writes;
}

static int is_written(Ctx *c, int param)
{
	Memo *memo = NULL;
	int r = writes(c->m, c->fn, param, &memo);
	while (memo) {
		Memo *n = memo->next;
		free(memo);
		memo = n;
	}
	return r;
}

/* ---- names ---- */

static int editdist(const char *s, const char *t)
{
	size_t n = strlen(t);
	int *row = xmalloc(sizeof(int) * (n + 1));
	for (size_t j = 0; j <= n; j++)
		row[j] = (int)j;
	for (size_t i = 1; s[i - 1]; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= n; j++) {
			int up = row[j];
			int best = diag + (s[i - 1] != t[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	int d = row[n];
	free(row);
	return d;
}

/* Collects names into "a, b, c" and the closest ones to `want` into
 * "'a'", "'a' or 'b'", "'a', 'b' or 'c'".  Close: differing only in case,
 * or in at most a third of the letters (at least one) and not in all. */
typedef struct {
	Arena *a;
	const char *want;
	char *all;
	const char *close[4];
	int nclose, best, n;
} Names;

static char *lower(Arena *a, const char *s)
{
	char *t = arena_strdup(a, s);
	for (char *p = t; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return t;
}

static void addname(Names *s, const char *name)
{
	if (!name)
		return;
	s->all = s->n++ ? arena_printf(s->a, "%s, %s", s->all, name) :
		arena_strdup(s->a, name);
	int d = editdist(lower(s->a, s->want), lower(s->a, name));
	int len = (int)strlen(s->want), lim = len / 3 < 1 ? 1 : len / 3;
	if ((d > lim || d >= len) && d > 0)
		return;
	if (!s->nclose || d < s->best)
		s->nclose = 0;
	else if (d > s->best)
		return;
	s->best = d;
	if (s->nclose < 4)
		s->close[s->nclose++] = name;
}

/* "'a', 'b' or 'c'", or NULL when nothing is close */
static char *closest(Names *s)
{
	if (!s->nclose)
		return NULL;
	char *r = arena_printf(s->a, "'%s'", s->close[0]);
	for (int i = 1; i < s->nclose; i++)
		r = arena_printf(s->a, "%s%s'%s'", r, i == s->nclose - 1 ? " or " :
			", ", s->close[i]);
	return r;
}

static Fn *findfn(Ctx *c)
{
	Fn *f = ir_findfn(c->m, c->rq->fn);
	if (f)
		return f;
	if (ir_finddecl(c->m, c->rq->fn))
		fail(c, "'%s' is only declared in %s, not defined: adcc "
			"differentiates functions whose body it sees", c->rq->fn,
			c->m->file);
	Names s = {.a = c->a, .want = c->rq->fn};
	for (f = c->m->fns; f; f = f->next)
		addname(&s, f->name);
	if (!s.n)
		fail(c, "no function '%s': %s defines no functions", c->rq->fn,
			c->m->file);
	if (closest(&s))
		fail(c, "no function '%s' is defined in %s; did you mean %s?",
			c->rq->fn, c->m->file, closest(&s));
	fail(c, "no function '%s' is defined in %s (it defines: %s)", c->rq->fn,
		c->m->file, s.all);
}

static int findparam(Fn *f, const char *name)
{
	for (int i = 0; i < f->np; i++)
		if (f->params[i]->name && !strcmp(f->params[i]->name, name))
			return i;
	return -1;
}

static _Noreturn void noparam(Ctx *c, const char *name)
{
	Fn *f = c->fn;
	Names s = {.a = c->a, .want = name};
	for (int i = 0; i < f->np; i++)
		addname(&s, f->params[i]->name);
	if (!s.n)
		fail(c, "'%s' has no parameter '%s' ('%s' takes no parameters)",
			f->name, name, f->name);
	if (closest(&s))
		fail(c, "'%s' has no parameter '%s'; did you mean %s? (its "
			"parameters: %s)", f->name, name, closest(&s), s.all);
	fail(c, "'%s' has no parameter '%s' (its parameters: %s)", f->name, name,
		s.all);
}

/* ---- checks ---- */

/* Refuses a parameter that cannot carry derivatives. */
static void check_active(Ctx *c, Val *p, const char *list)
{
	const char *f = c->fn->name, *n = p->name, *t = ctype(c, p);
	switch (kindof(p->ty)) {
	case K_FLOAT: case K_FPTR: case K_SPTR: case K_SVAL:
		return;
	case K_INT:
		fail(c, "parameter '%s' of '%s' is an integer (%s): it cannot be "
			"active; integers carry no derivatives (remove '%s' from the %s)",
			n, f, t, n, list);
	case K_INTPTR:
		fail(c, "parameter '%s' of '%s' points to integers (%s): it cannot "
			"be active; integers carry no derivatives (remove '%s' from the "
			"%s)", n, f, t, n, list);
	case K_PTRPTR:
		fail(c, "parameter '%s' of '%s' is a pointer to pointers (%s): adcc "
			"differentiates through one level of pointers only; pass the "
			"data as one flat array", n, f, t);
	case K_VOIDPTR:
		fail(c, "parameter '%s' of '%s' is an untyped pointer (%s): it "
			"cannot be active; give it a floating-point type such as "
			"'double *%s'", n, f, t, n);
	case K_NOFLOAT:
		fail(c, "parameter '%s' of '%s' has no floating-point data (%s): it "
			"cannot be active (remove '%s' from the %s)", n, f, t, n, list);
	}
}

/* Every identifier of an extent must be an integer parameter. */
static void check_extent(Ctx *c, const char *name, const char *ext)
{
	Fn *fn = c->fn;
	Names ints = {.a = c->a, .want = ""};
	for (int i = 0; i < fn->np; i++)
		if (ty_isint(fn->params[i]->ty))
			addname(&ints, fn->params[i]->name);
	const char *allowed = ints.n ? arena_printf(c->a, "an extent may use "
		"only the integer parameters of '%s': %s", fn->name, ints.all) :
		arena_printf(c->a, "an extent may use only integer parameters, and "
		"'%s' has none", fn->name);
	for (const char *s = ext; *s; ) {
		if (*s >= '0' && *s <= '9') {        /* a literal, with suffix */
			while (*s == '_' || (*s >= '0' && *s <= '9') ||
				((*s | 32) >= 'a' && (*s | 32) <= 'z'))
				s++;
			continue;
		}
		if (*s != '_' && !((*s | 32) >= 'a' && (*s | 32) <= 'z')) {
			s++;
			continue;
		}
		const char *b = s;
		while (*s == '_' || (*s >= '0' && *s <= '9') ||
			((*s | 32) >= 'a' && (*s | 32) <= 'z'))
			s++;
		char *id = arena_printf(c->a, "%.*s", (int)(s - b), b);
		int k = findparam(fn, id);
		if (k < 0)
			fail(c, "the extent of '%s' uses '%s', which is not a parameter "
				"of '%s'; %s", name, id, fn->name, allowed);
		if (!ty_isint(fn->params[k]->ty))
			fail(c, "the extent of '%s' uses '%s', a parameter of type %s; %s",
				name, id, ctype(c, fn->params[k]), allowed);
	}
}

static void check_input(Ctx *c, SpecItem *it)
{
	int k = findparam(c->fn, it->name);
	if (k < 0)
		noparam(c, it->name);
	Val *p = c->fn->params[k];
	check_active(c, p, "inputs");
	if (it->extent && !ispointer(kindof(p->ty)))
		fail(c, "parameter '%s' of '%s' is a scalar (%s): it takes no "
			"extent; write '%s', not '%s[%s]'", it->name, c->fn->name,
			ctype(c, p), it->name, it->name, it->extent);
	if (it->extent)
		check_extent(c, it->name, it->extent);
}

static void check_output(Ctx *c, SpecItem *it)
{
	Fn *fn = c->fn;
	if (it->is_return) {
		if (fn->ret->kind == T_VOID)
			fail(c, "'%s' returns void: 'return' cannot be an output; list "
				"the pointer parameters it writes instead", fn->name);
		if (ty_isint(fn->ret))
			fail(c, "'%s' returns an integer (%s): 'return' cannot be an "
				"output; integers carry no derivatives", fn->name,
				cdecl(c->a, fn->ret, ""));
		if (!ty_isfloat(fn->ret))
			fail(c, "'%s' returns %s, not a floating-point value: 'return' "
				"cannot be an output", fn->name, cdecl(c->a, fn->ret, ""));
		return;
	}
	int k = findparam(fn, it->name);
	if (k < 0)
		noparam(c, it->name);
	Val *p = fn->params[k];
	check_active(c, p, "outputs");
	if (!ispointer(kindof(p->ty)))
		fail(c, "parameter '%s' of '%s' is passed by value (%s): '%s' "
			"cannot change it for its caller, so it cannot be an output; "
			"return it, or pass it by pointer ('%s')", it->name, fn->name,
			ctype(c, p), fn->name, cdecl(c->a, ty_ptr(p->ty), it->name));
	if (p->cnst)
		fail(c, "parameter '%s' of '%s' points to const (%s): '%s' cannot "
			"write through it, so it cannot be an output (remove '%s' from "
			"the outputs)", it->name, fn->name, ctype(c, p), fn->name,
			it->name);
	if (it->extent)
		check_extent(c, it->name, it->extent);
	if (!is_written(c, k))
		fail(c, "output '%s' is never written: '%s' neither stores through "
			"'%s' nor passes it to a function that might, so its derivative "
			"would always be zero (remove '%s' from the outputs)", it->name,
			fn->name, it->name, it->name);
}

/* A parameter in both lists has one extent; given once, it holds for both. */
static void check_inout(Ctx *c)
{
	Request *rq = c->rq;
	for (int i = 0; i < rq->nin; i++)
		for (int j = 0; j < rq->nout; j++) {
			SpecItem *a = &rq->in[i], *b = &rq->out[j];
			if (strcmp(a->name, b->name))
				continue;
			if (!a->extent)
				a->extent = b->extent;
			else if (!b->extent)
				b->extent = a->extent;
			else if (strcmp(a->extent, b->extent))
				fail(c, "'%s' has extent '%s' in the inputs but '%s' in the "
					"outputs; give it one extent", a->name, a->extent,
					b->extent);
		}
}

/* Defaults (DESIGN.md §5): inputs are the floating-point parameters,
 * outputs the floating return value and the non-const pointers to floating
 * point the function writes through (for hvp, the return value only). */
static void defaults(Ctx *c)
{
	Request *rq = c->rq;
	Fn *fn = c->fn;
	if (!rq->has_in) {
		rq->in = arena_alloc(c->m->arena,
			sizeof(SpecItem) * (size_t)(fn->np + 1));
		rq->nin = 0;
		for (int i = 0; i < fn->np; i++) {
			Kind k = kindof(fn->params[i]->ty);
			if ((k == K_FLOAT || k == K_FPTR) && fn->params[i]->name)
				rq->in[rq->nin++] = (SpecItem){fn->params[i]->name, NULL, 0};
		}
		if (!rq->nin)
			fail(c, "'%s' has no floating-point parameters (scalars or "
				"pointers to floating point): there is nothing to "
				"differentiate with respect to", fn->name);
	}
	if (!rq->has_out && rq->mode == M_HVP && !ty_isfloat(fn->ret))
		fail(c, "a Hessian-vector product needs a scalar function: '%s' "
			"returns %s, not a floating-point value", fn->name,
			cdecl(c->a, fn->ret, ""));
	if (!rq->has_out) {
		rq->out = arena_alloc(c->m->arena,
			sizeof(SpecItem) * (size_t)(fn->np + 1));
		rq->nout = 0;
		if (ty_isfloat(fn->ret))
			rq->out[rq->nout++] = (SpecItem){"return", NULL, 1};
		/* a Hessian-vector product is of the scalar result only */
		for (int i = 0; i < fn->np && rq->mode != M_HVP; i++) {
			Val *p = fn->params[i];
			if (kindof(p->ty) == K_FPTR && !p->cnst && p->name &&
				is_written(c, i))
				rq->out[rq->nout++] = (SpecItem){p->name, NULL, 0};
		}
		if (!rq->nout)
			fail(c, "'%s' has no outputs to differentiate: it returns %s and "
				"writes through no pointer to floating point", fn->name,
				cdecl(c->a, fn->ret, ""));
	}
}

/* F_hvp is for a scalar function: its one output is the return value. */
static void check_hvp(Ctx *c)
{
	Request *rq = c->rq;
	if (rq->mode != M_HVP || (rq->nout == 1 && rq->out[0].is_return))
		return;
	const char *outs = "";
	for (int i = 0; i < rq->nout; i++)
		outs = arena_printf(c->a, "%s%s%s", outs, i ? ", " : "",
			rq->out[i].name);
	fail(c, "a Hessian-vector product needs a scalar function: its only "
		"output must be 'return' (here: %s); for several outputs use "
		"reverse or jacobian mode", outs);
}

/* The annotation requests of fn carry the very string of fn->annots. */
static int from_annot(Fn *fn, Request *rq)
{
	for (int i = 0; fn && i < fn->nannot; i++)
		if (fn->annots[i] == rq->text)
			return 1;
	return 0;
}

void req_check(Module *m, Request *rq)
{
	Ctx c = {m, rq, NULL, 0, arena_new()};
	Fn *named = ir_findfn(m, rq->fn);
	c.annot = from_annot(named, rq);
	c.fn = findfn(&c);
	for (int i = 0; i < rq->nin; i++)
		check_input(&c, &rq->in[i]);
	for (int i = 0; i < rq->nout; i++)
		check_output(&c, &rq->out[i]);
	check_inout(&c);
	defaults(&c);
	check_hvp(&c);
	arena_free(c.a);
}

/* emit.c — the C emitter: structured SSA back to readable C.
 *
 * Needs: a valid module (verify.c); uses lists are recomputed here.
 * Changes: only the scratch fields of values (aux) and instructions (aux).
 *
 * Per function, in order:
 *  1. inline:  which pure values print as sub-expressions of their user
 *     (constants and address arithmetic at every use; other pure values with
 *     one use in the same region, if no store/call/alloca lies between a load
 *     and its use); `if`s whose arms are only such expressions become `?:`,
 *     `&&` or `||`.
 *  2. liveness on the structured IR (outssa.c): region arguments and results
 *     are variables written by (parallel) copies at yields, loop entries and
 *     loop exits; an inlined value's operands are live until its use.  It
 *     records interferences and which copies are needed.
 *  3. coalesce: copy-related values, then values with the same source name,
 *     share one C variable when they do not interfere (outssa.c).
 *  4. build a C statement tree (this file), sequentialising parallel copies
 *     (a cycle gets a temporary).
 *  5. place declarations (at the first assignment when it is at the level
 *     of the innermost block holding every reference, else just before the
 *     first statement that references the variable), name variables (source
 *     names, unique where scopes nest; temporaries t0, t1…), print.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

/* ---- the emitter's own data: C variables, expressions, statements ---- */

typedef struct { char *s; size_t n, cap; } Buf;

/* standard headers the output may need */
enum { H_NONE, H_MATH, H_STDLIB, H_STRING, H_STDIO, H_STDDEF, H_ADCC_RT, H_NHDR };

typedef struct Var Var;
typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct Blk Blk;

enum { VK_LOCAL, VK_PARAM, VK_IV, VK_OBJ };

/* A C variable: a class of coalesced SSA values, an induction variable, an
 * alloca'd object or a copy temporary. */
struct Var {
	int id;
	int kind;
	Type *ty;
	const char *hint;  /* source name or NULL */
	const char *name;  /* C name, given last */
	int cnst;          /* pointer to const */
	int undef;         /* some member is undef: zero-initialise a separate
	                      declaration */
	int refd;
	Blk *lca;          /* innermost block holding every reference */
	Stmt *first;       /* first statement of lca holding a reference */
	int firstidx;
	Blk *scope;        /* where it is declared */
	Var *next;
};

enum { E_LIT, E_VAR, E_UN, E_BIN, E_CAST, E_ADDR, E_DEREF, E_INDEX, E_DOT,
	E_ARROW, E_CALL, E_COND };

struct Expr {
	int k;
	const char *s;     /* literal text, operator, member or callee name */
	Var *v;
	Type *ty;          /* E_CAST */
	Expr *a, *b, *c;
	Expr **args;
	int nargs;
	int intcmp;        /* comparison of integers (negation may flip it) */
};

enum { S_ASSIGN, S_DECL, S_STORE, S_EXPR, S_OBJ, S_IF, S_FOR, S_WHILE, S_DO,
	S_LOOP, S_BREAK, S_RET, S_VOID, S_TOUCH };

struct Stmt {
	int k;
	Var *v;            /* assigned, declared, object, induction variable */
	Expr *e;           /* value, condition; S_STORE: the stored value */
	Expr *lhs;         /* S_STORE */
	Expr *lo, *hi, *st;/* S_FOR */
	Op pred;
	Blk *b1, *b2;      /* then/body, else */
	Blk *hdr;          /* S_FOR: the scope of the induction variable */
	int isdecl;        /* S_ASSIGN: `T v = e;` */
	int idx;           /* position in its block */
	Stmt *next;
};

struct Blk {
	Stmt *first, *last;
	Blk *up;
	Stmt *owner;
	int depth;
};

static Arena *EA;      /* per function: expressions, statements, analysis */

static char *astr(char *s)
{
	char *r = arena_strdup(EA, s);
	free(s);
	return r;
}

/* ---- text buffers ---- */

static void buf_put(Buf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n + 1);
	b->n += n;
}

static void buf_printf(Buf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < (int)sizeof tmp) {
		buf_put(b, tmp);
		return;
	}
	char *big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf_put(b, big);
	free(big);
}

/* ---- what the module needs from the standard headers ---- */

/* Functions the standard headers declare: name, header.  Math functions are
 * also pure (inlinable into expressions). */
static const struct { const char *name; int hdr; } known[] = {
#define M(n) {#n, H_MATH}, {#n "f", H_MATH}
	M(sin), M(cos), M(tan), M(asin), M(acos), M(atan), M(atan2), M(sinh),
	M(cosh), M(tanh), M(asinh), M(acosh), M(atanh), M(exp), M(exp2),
	M(expm1), M(log), M(log10), M(log2), M(log1p), M(pow), M(sqrt),
	M(cbrt), M(hypot), M(fabs), M(floor), M(ceil), M(round), M(trunc),
	M(fmod), M(fmin), M(fmax), M(erf), M(erfc), M(tgamma), M(lgamma),
	M(copysign), M(fma), M(fdim), M(ldexp), M(rint), M(nearbyint),
#undef M
	/* constants the front end may leave as calls (INFINITY, HUGE_VAL, NAN) */
	{"__builtin_inf", H_MATH}, {"__builtin_inff", H_MATH},
	{"__builtin_huge_val", H_MATH}, {"__builtin_huge_valf", H_MATH},
	{"__builtin_nan", H_MATH}, {"__builtin_nanf", H_MATH},
	{"malloc", H_STDLIB}, {"calloc", H_STDLIB}, {"realloc", H_STDLIB},
	{"free", H_STDLIB}, {"abs", H_STDLIB}, {"labs", H_STDLIB},
	{"exit", H_STDLIB}, {"abort", H_STDLIB},
	{"memcpy", H_STRING}, {"memset", H_STRING}, {"memmove", H_STRING},
	{"printf", H_STDIO}, {"fprintf", H_STDIO}, {"puts", H_STDIO},
	{"putchar", H_STDIO},
};

/* Header declaring `name` (H_NONE if none we know). */
static int emit_header_of(const char *name)
{
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (!strcmp(known[i].name, name))
			return known[i].hdr;
	if (!strncmp(name, "adcc_", 5))  /* the runtime's functions */
		return H_ADCC_RT;
	return H_NONE;
}

static int emit_ispure(const char *name)
{
	return emit_header_of(name) == H_MATH;
}

static int needs[H_NHDR];

/* ---- C spelling of types ---- */

static int in_structdef;  /* spell tagged structs `struct tag` */

static void base_name(Buf *b, Type *t)
{
	static const char *names[] = {
		[T_VOID] = "void", [T_I1] = "int", [T_I8] = "signed char",
		[T_I16] = "short", [T_I32] = "int", [T_I64] = "long",
		[T_U8] = "unsigned char", [T_U16] = "unsigned short",
		[T_U32] = "unsigned", [T_U64] = "unsigned long",
		[T_F32] = "float", [T_F64] = "double",
	};
	if (t->kind == T_STRUCT) {
		if (t->st->tdname && !(in_structdef && t->st->tag))
			buf_put(b, t->st->tdname);
		else
			buf_printf(b, "struct %s", t->st->tag);
	} else {
		buf_put(b, names[t->kind]);
	}
}

/* `T name` for a declaration (name may be "" for a type name).  cnst puts
 * `const` on the innermost pointed-to type. */
static void emit_decl(Buf *b, Type *t, const char *name, int cnst)
{
	Buf inner = {0};
	buf_put(&inner, name);
	Type *base = t;
	/* Build the declarator inside out. */
	for (;;) {
		if (base->kind == T_PTR) {
			Buf n = {0};
			if (base->elem->kind == T_ARR)
				buf_printf(&n, "(*%s)", inner.s);
			else
				buf_printf(&n, "*%s", inner.s);
			free(inner.s);
			inner = n;
			base = base->elem;
		} else if (base->kind == T_ARR) {
			buf_printf(&inner, "[%ld]", base->n);
			base = base->elem;
		} else {
			break;
		}
	}
	if (cnst && t->kind == T_PTR)
		buf_put(b, "const ");
	base_name(b, base);
	if (inner.s[0])
		buf_printf(b, inner.s[0] == '*' ? " %s" : " %s", inner.s);
	free(inner.s);
}

/* The type name alone, for casts and sizeof. */
static const char *type_name(Type *t)
{
	Buf b = {0};
	emit_decl(&b, t, "", 0);
	return astr(b.s);
}

/* ---- constants ---- */

/* Shortest decimal that reads back as d (as a float when f32), written as
 * a floating literal: plain decimals for exponents -5…16 ("0.1", "100.0"),
 * else "1e300", "1.5e-300". */
static void put_fp(Buf *b, double d, int f32)
{
	char s[64], out[400];
	if (isnan(d)) {
		needs[H_MATH] = 1;
		buf_put(b, signbit(d) ? "-NAN" : "NAN");
		return;
	}
	if (isinf(d)) {
		needs[H_MATH] = 1;
		buf_put(b, d < 0 ? "-INFINITY" : "INFINITY");
		return;
	}
	if (d == 0) {
		buf_put(b, signbit(d) ? "-0.0" : "0.0");
		if (f32)
			buf_put(b, "f");
		return;
	}
	int p;
	for (p = 1; p <= 17; p++) {
		snprintf(s, sizeof s, "%.*e", p - 1, d);
		double r = strtod(s, NULL);
		if (f32 ? (float)r == (float)d : r == d)
			break;
	}
	/* s = "-d.ddde+XX": split into sign, digits, exponent */
	char digits[32];
	int nd = 0, neg = s[0] == '-';
	char *q = s + neg;
	for (; *q && *q != 'e'; q++)
		if (*q != '.')
			digits[nd++] = *q;
	digits[nd] = 0;
	int ex = atoi(q + 1);
	char *o = out;
	if (neg)
		*o++ = '-';
	if (ex >= -5 && ex <= 16) {
		if (ex < 0) {
			o += sprintf(o, "0.");
			for (int i = 0; i < -ex - 1; i++)
				*o++ = '0';
			o += sprintf(o, "%s", digits);
		} else {
			for (int i = 0; i <= ex; i++)
				*o++ = i < nd ? digits[i] : '0';
			*o++ = '.';
			if (nd > ex + 1)
				o += sprintf(o, "%s", digits + ex + 1);
			else
				*o++ = '0';
		}
	} else {
		*o++ = digits[0];
		if (nd > 1)
			o += sprintf(o, ".%s", digits + 1);
		o += sprintf(o, "e%d", ex);
	}
	*o = 0;
	buf_put(b, out);
	if (f32)
		buf_put(b, "f");
}

/* C literal for an integer constant of type t. */
static void put_int(Buf *b, Type *t, long long v)
{
	switch (t->kind) {
	case T_I1:
		buf_put(b, v ? "1" : "0");
		break;
	case T_I8: case T_I16: case T_U8: case T_U16:
		buf_printf(b, "%lld", v);
		break;
	case T_I32:
		if ((int)v == -2147483647 - 1)
			buf_put(b, "(-2147483647 - 1)");
		else
			buf_printf(b, "%d", (int)v);
		break;
	case T_U32:
		buf_printf(b, "%uU", (unsigned)v);
		break;
	case T_U64:
		buf_printf(b, "%lluUL", (unsigned long long)v);
		break;
	default:
		if (v == (-9223372036854775807LL - 1))
			buf_put(b, "(-9223372036854775807L - 1)");
		else
			buf_printf(b, "%lldL", v);
		break;
	}
}

/* The literal for a constant instruction, or the zero of type t (in NULL). */
static char *emit_const(Type *t, Ins *in)
{
	Buf b = {0};
	if (ty_isfloat(t)) {
		put_fp(&b, in ? in->f : 0.0, t->kind == T_F32);
	} else if (ty_isint(t)) {
		put_int(&b, t, in ? in->i : 0);
	} else if (t->kind == T_PTR) {
		needs[H_STDDEF] = 1;
		buf_put(&b, "NULL");
	} else {
		buf_put(&b, "{0}");
	}
	return astr(b.s);
}

static void emit_need(int hdr)
{
	needs[hdr] = 1;
}

/* ---- expressions ---- */

static Expr *ex_new(int k)
{
	Expr *e = arena_alloc(EA, sizeof *e);
	e->k = k;
	return e;
}

static Expr *ex_lit(const char *s)
{
	Expr *e = ex_new(E_LIT);
	e->s = s;
	return e;
}

static Expr *ex_var(Var *v)
{
	Expr *e = ex_new(E_VAR);
	e->v = v;
	return e;
}

static Expr *ex_un(const char *op, Expr *a)
{
	Expr *e = ex_new(E_UN);
	e->s = op;
	e->a = a;
	return e;
}

static Expr *ex_bin(const char *op, Expr *a, Expr *b)
{
	Expr *e = ex_new(E_BIN);
	e->s = op;
	e->a = a;
	e->b = b;
	return e;
}

static Expr *ex_cast(Type *t, Expr *a)
{
	Expr *e = ex_new(E_CAST);
	e->ty = t;
	e->a = a;
	return e;
}

static Expr *ex_addr(Expr *a)
{
	if (a->k == E_DEREF)
		return a->a;
	Expr *e = ex_new(E_ADDR);
	e->a = a;
	return e;
}

static Expr *ex_deref(Expr *p)
{
	if (p->k == E_ADDR)
		return p->a;
	Expr *e = ex_new(E_DEREF);
	e->a = p;
	return e;
}

/* p[i], simplifying (&x)[0] to x */
static Expr *ex_index(Expr *p, Expr *i)
{
	if (p->k == E_ADDR && i->k == E_LIT && !strcmp(i->s, "0"))
		return p->a;
	Expr *e = ex_new(E_INDEX);
	e->a = p;
	e->b = i;
	return e;
}

/* p->name, or x.name when p is &x */
static Expr *ex_member(Expr *p, const char *name)
{
	Expr *e = ex_new(p->k == E_ADDR ? E_DOT : E_ARROW);
	e->a = p->k == E_ADDR ? p->a : p;
	e->s = name;
	return e;
}

static int is_cmp(const char *op)
{
	return !strcmp(op, "<") || !strcmp(op, "<=") || !strcmp(op, ">") ||
		!strcmp(op, ">=") || !strcmp(op, "==") || !strcmp(op, "!=");
}

/* Logical negation; comparisons of integers flip (never floats: NaN). */
static Expr *ex_not(Expr *c)
{
	static const char *flip[][2] = {
		{"<", ">="}, {">=", "<"}, {">", "<="}, {"<=", ">"},
		{"==", "!="}, {"!=", "=="},
	};
	if (c->k == E_UN && !strcmp(c->s, "!"))
		return c->a;
	if (c->k == E_BIN && c->intcmp)
		for (int i = 0; i < 6; i++)
			if (!strcmp(c->s, flip[i][0])) {
				Expr *e = ex_bin(flip[i][1], c->a, c->b);
				e->intcmp = 1;
				return e;
			}
	return ex_un("!", c);
}

enum {
	P_COMMA = 1, P_ASSIGN, P_COND, P_LOR, P_LAND, P_BOR, P_XOR, P_BAND,
	P_EQ, P_REL, P_SHIFT, P_ADD, P_MUL, P_UNARY, P_POSTFIX
};

static int binprec(const char *op)
{
	static const struct { const char *op; int p; } t[] = {
		{"||", P_LOR}, {"&&", P_LAND}, {"|", P_BOR}, {"^", P_XOR},
		{"&", P_BAND}, {"==", P_EQ}, {"!=", P_EQ}, {"<", P_REL},
		{"<=", P_REL}, {">", P_REL}, {">=", P_REL}, {"<<", P_SHIFT},
		{">>", P_SHIFT}, {"+", P_ADD}, {"-", P_ADD}, {"*", P_MUL},
		{"/", P_MUL}, {"%", P_MUL},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (!strcmp(t[i].op, op))
			return t[i].p;
	ICE("unknown operator %s", op);
	return 0;
}

/* &p[i] with a single index prints as p + i */
static int is_ptradd(Expr *e)
{
	return e->k == E_ADDR && e->a->k == E_INDEX && e->a->a->k != E_INDEX;
}

static int prec(Expr *e)
{
	if (is_ptradd(e))
		return P_ADD;
	switch (e->k) {
	case E_LIT:
		if (e->s[0] == '-')
			return P_UNARY;
		return P_POSTFIX;
	case E_VAR: case E_CALL: case E_INDEX: case E_DOT: case E_ARROW:
		return P_POSTFIX;
	case E_UN: case E_CAST: case E_ADDR: case E_DEREF:
		return P_UNARY;
	case E_BIN:
		return binprec(e->s);
	case E_COND:
		return P_COND;
	}
	return 0;
}

/* Would gcc's -Wparentheses ask for parentheses around child c of op? */
static int wants_parens(const char *op, Expr *c)
{
	if (c->k != E_BIN || !strcmp(c->s, op))
		return 0;
	int p = binprec(op);
	if (p == P_LOR)
		return !strcmp(c->s, "&&");
	if (p == P_BOR || p == P_XOR || p == P_BAND || p == P_SHIFT)
		return 1;
	if (p == P_EQ || p == P_REL)
		return is_cmp(c->s);
	return 0;
}

static void put_ex(Buf *b, Expr *e, int minp);

static void put_sub(Buf *b, Expr *e, int minp, int force)
{
	if (force || prec(e) < minp) {
		buf_put(b, "(");
		put_ex(b, e, 0);
		buf_put(b, ")");
	} else {
		put_ex(b, e, minp);
	}
}

/* Prefix operator: avoid "--x", "- -1", "&&x". */
static void put_prefix(Buf *b, const char *op, Expr *a)
{
	Buf t = {0};
	put_sub(&t, a, P_UNARY, 0);
	buf_put(b, op);
	if (t.s[0] == op[0] && (op[0] == '-' || op[0] == '+' || op[0] == '&'))
		buf_printf(b, "(%s)", t.s);
	else
		buf_put(b, t.s);
	free(t.s);
}

static void put_ex(Buf *b, Expr *e, int minp)
{
	(void)minp;
	switch (e->k) {
	case E_LIT:
		buf_put(b, e->s);
		break;
	case E_VAR:
		buf_put(b, e->v->name);
		break;
	case E_UN:
		put_prefix(b, e->s, e->a);
		break;
	case E_ADDR:
		if (is_ptradd(e)) {
			put_sub(b, e->a->a, P_ADD, 0);
			buf_put(b, " + ");
			put_sub(b, e->a->b, P_ADD + 1, 0);
			break;
		}
		put_prefix(b, "&", e->a);
		break;
	case E_DEREF:
		put_prefix(b, "*", e->a);
		break;
	case E_CAST: {
		buf_printf(b, "(%s)", type_name(e->ty));
		put_prefix(b, "", e->a);
		break;
	}
	case E_BIN: {
		int p = binprec(e->s);
		put_sub(b, e->a, p, wants_parens(e->s, e->a));
		buf_printf(b, " %s ", e->s);
		put_sub(b, e->b, p + 1, wants_parens(e->s, e->b));
		break;
	}
	case E_COND:
		put_sub(b, e->a, P_LOR, 0);
		buf_put(b, " ? ");
		put_sub(b, e->b, P_LOR, 0);
		buf_put(b, " : ");
		put_sub(b, e->c, P_LOR, 0);
		break;
	case E_CALL:
		buf_printf(b, "%s(", e->s);
		for (int i = 0; i < e->nargs; i++) {
			if (i)
				buf_put(b, ", ");
			put_sub(b, e->args[i], P_ASSIGN, 0);
		}
		buf_put(b, ")");
		break;
	case E_INDEX:
		put_sub(b, e->a, P_POSTFIX, 0);
		buf_put(b, "[");
		put_ex(b, e->b, 0);
		buf_put(b, "]");
		break;
	case E_DOT:
	case E_ARROW:
		put_sub(b, e->a, P_POSTFIX, 0);
		buf_printf(b, "%s%s", e->k == E_DOT ? "." : "->", e->s);
		break;
	}
}

static void emit_expr(Buf *b, Expr *e)
{
	put_ex(b, e, 0);
}

/* Does e read variable v? */
static int ex_reads(Expr *e, Var *v)
{
	if (!e)
		return 0;
	if (e->k == E_VAR)
		return e->v == v;
	if (ex_reads(e->a, v) || ex_reads(e->b, v) || ex_reads(e->c, v))
		return 1;
	for (int i = 0; i < e->nargs; i++)
		if (ex_reads(e->args[i], v))
			return 1;
	return 0;
}

/* e with every read of `from` replaced by `to` (new nodes where changed). */
static Expr *ex_subst(Expr *e, Var *from, Var *to)
{
	if (!e || !ex_reads(e, from))
		return e;
	if (e->k == E_VAR)
		return ex_var(to);
	Expr *n = ex_new(e->k);
	*n = *e;
	n->a = ex_subst(e->a, from, to);
	n->b = ex_subst(e->b, from, to);
	n->c = ex_subst(e->c, from, to);
	if (e->nargs) {
		n->args = arena_alloc(EA, sizeof *n->args * (size_t)e->nargs);
		for (int i = 0; i < e->nargs; i++)
			n->args[i] = ex_subst(e->args[i], from, to);
	}
	return n;
}

/* Calls fn for every variable e reads. */
static void ex_vars(Expr *e, void (*fn)(Var *, void *), void *ctx)
{
	if (!e)
		return;
	if (e->k == E_VAR)
		fn(e->v, ctx);
	ex_vars(e->a, fn, ctx);
	ex_vars(e->b, fn, ctx);
	ex_vars(e->c, fn, ctx);
	for (int i = 0; i < e->nargs; i++)
		ex_vars(e->args[i], fn, ctx);
}

/* ==== per-function analysis ==== */

/* Facts about one value, indexed by Val.id. */
typedef struct {
	Var *var;        /* class representative: the class's C variable */
	Var *obj;        /* alloca result: the object */
	int inl;         /* printed as an expression at each use */
	int cheap;       /* inlined at every use (constants, addresses) */
	int dead;        /* pure and unused: not emitted */
	int load, call;  /* the inlined expression reads memory / calls */
	Val **lv;        /* leaves: the materialised values it reads */
	int nlv, lvdone;
	int need;        /* region argument / result: copies into it matter */
	int cand;        /* takes part in coalescing */
	int noco;        /* never coalesced (induction variables) */
	int uf, ufnext;  /* union-find parent, next member of the class */
	int cnst, cnstdone;
	int stamp;
	Expr *ex;
} VI;

typedef struct {
	int exprif;      /* an if printed as ?:, && or || */
	int clob;        /* writes memory, calls, or ends an object's life */
} II;

static Fn *F;
static VI *vi;
static int NV, NW;   /* values, words of a liveness bitset */
static int stampc;
typedef unsigned long long W;
static unsigned long long *eh;   /* interference edges: open hashing */
static size_t ecap, ecount;
static Var *vars, **varstail;
static int nvars, ntmp;

#define VX(v) (&vi[(v)->id])

static II *ii(Ins *in)
{
	if (!in->aux)
		in->aux = arena_alloc(EA, sizeof(II));
	return in->aux;
}

static int is_small(Type *t)
{
	return t->kind == T_I8 || t->kind == T_I16 || t->kind == T_U8 ||
		t->kind == T_U16;
}

static Val *yieldval(Region *r, int k)
{
	return r->last && r->last->op == O_YIELD ? r->last->args[k] : NULL;
}

/* Pure for the emitter: may be inlined or dropped when unused. */
static int pureins(Ins *in)
{
	if (opinfo[in->op].flags & (F_PURE | F_MEM))
		return 1;
	if (in->op == O_CALL)
		return in->nres == 1 && emit_ispure(in->sym);
	if (in->op == O_IF)
		return ii(in)->exprif;
	return 0;
}

/* ---- 1. inlining ---- */

static int arm_ok(Region *r)
{
	Ins *t = r->last;
	if (!t || t->op != O_YIELD || t->nargs != 1 || r->nargs)
		return 0;
	for (Ins *in = r->first; in != t; in = in->next) {
		if (!pureins(in) || in->nres != 1)
			return 0;
		Val *v = in->res[0];
		if (v->nuse > 1 && !(opinfo[in->op].flags & F_PURE))
			return 0;
		if (v->nuse == 1 && v->uses->ins->parent != r &&
			in->op != O_CONST && in->op != O_GLOBAL && in->op != O_SIZEOF)
			return 0;
	}
	return 1;
}

/* Marks expression ifs and clobbering instructions, inner first. */
static void mark(Region *r)
{
	for (Ins *in = r->first; in; in = in->next) {
		II *x = ii(in);
		for (int i = 0; i < in->nregs; i++) {
			mark(in->regs[i]);
			for (Ins *c = in->regs[i]->first; c; c = c->next)
				x->clob |= ii(c)->clob;
		}
		if (in->op == O_STORE || in->op == O_ALLOCA ||
			(in->op == O_CALL && !emit_ispure(in->sym)))
			x->clob = 1;
		if (in->op == O_IF && in->nres == 1 && !x->clob &&
			arm_ok(in->regs[R_THEN]) && arm_ok(in->regs[R_ELSE]))
			x->exprif = 1;
	}
}

/* Values an expression for v reads (v itself when it is a variable). */
static void leaves(Val *v, Val ***out, int *n)
{
	VI *x = VX(v);
	if (!x->inl) {
		static Val *self[1];
		self[0] = v;
		*out = self;
		*n = 1;
		return;
	}
	if (!x->lvdone) {
		Ins *in = v->def;
		Val *ops[3];
		Val **args = in->args;
		int na = in->nargs;
		if (in->op == O_IF) {
			ops[0] = in->args[0];
			ops[1] = yieldval(in->regs[R_THEN], 0);
			ops[2] = yieldval(in->regs[R_ELSE], 0);
			args = ops;
			na = 3;
		}
		int cap = 0;
		for (int i = 0; i < na; i++) {
			Val **l;
			int k;
			leaves(args[i], &l, &k);
			cap += k;
		}
		x->lv = arena_alloc(EA, sizeof(Val *) * (size_t)(cap + 1));
		for (int i = 0; i < na; i++) {
			Val **l;
			int k;
			leaves(args[i], &l, &k);
			for (int j = 0; j < k; j++)
				x->lv[x->nlv++] = l[j];
		}
		x->lvdone = 1;
	}
	*out = x->lv;
	*n = x->nlv;
}

static int cheapins(Ins *in)
{
	switch (in->op) {
	case O_CONST: case O_UNDEF: case O_SIZEOF: case O_GLOBAL:
		return 1;
	case O_CAST:
		return in->args[0]->kind == V_RES && in->args[0]->def->op == O_CONST;
	case O_ADDR: case O_FIELD:
		for (int i = 0; i < in->nargs; i++) {
			VI *a = VX(in->args[i]);
			if (a->inl && !a->cheap)
				return 0;
		}
		return 1;
	default:
		return 0;
	}
}

/* Can v (one use) be printed inside its user? */
static int single_ok(Ins *in, Val *v)
{
	VI *x = VX(v);
	Use *u = v->uses;
	Ins *user = u->ins;
	if (user->parent != in->parent)
		return 0;
	/* a for loop re-evaluates its bound and step on every iteration */
	if (user->op == O_FOR && (u->idx == 1 || u->idx == 2) && (x->load || x->call))
		return 0;
	if (x->load)
		for (Ins *p = in->next; p && p != user; p = p->next)
			if (ii(p)->clob)
				return 0;
	return 1;
}

/* Every value of an expression if's arms prints inside the ?: (a pure value
 * with several uses that is not cheap needs a statement of its own). */
static int arms_inl(Ins *in)
{
	for (int i = 0; i < in->nregs; i++)
		for (Ins *c = in->regs[i]->first; c != in->regs[i]->last; c = c->next)
			if (!VX(c->res[0])->inl && !VX(c->res[0])->dead)
				return 0;
	return 1;
}

static void decide(Region *r)
{
	for (Ins *in = r->first; in; in = in->next) {
		for (int i = 0; i < in->nregs; i++)
			decide(in->regs[i]);
		if (in->op == O_IF && ii(in)->exprif && !arms_inl(in))
			ii(in)->exprif = 0;
		if (in->op == O_ALLOCA) {
			VX(in->res[0])->inl = VX(in->res[0])->cheap = 1;
			continue;
		}
		if (!pureins(in))
			continue;
		Val *v = in->res[0];
		VI *x = VX(v);
		if (!v->nuse) {
			x->dead = 1;
			continue;
		}
		x->load = in->op == O_LOAD;
		x->call = in->op == O_CALL;
		Val *ops[3];
		Val **args = in->args;
		int na = in->nargs;
		if (in->op == O_IF) {
			ops[0] = in->args[0];
			ops[1] = yieldval(in->regs[R_THEN], 0);
			ops[2] = yieldval(in->regs[R_ELSE], 0);
			args = ops;
			na = 3;
		}
		for (int i = 0; i < na; i++)
			if (VX(args[i])->inl) {
				x->load |= VX(args[i])->load;
				x->call |= VX(args[i])->call;
			}
		if (cheapins(in))
			x->inl = x->cheap = 1;
		else if (v->nuse == 1 && single_ok(in, v))
			x->inl = 1;
	}
}

/* ---- 2. liveness and interference ---- */

static W *bs_new(void) { return arena_alloc(EA, sizeof(W) * (size_t)NW); }
static void bs_set(W *s, Val *v) { s[v->id / 64] |= 1ULL << (v->id % 64); }
static void bs_clr(W *s, Val *v) { s[v->id / 64] &= ~(1ULL << (v->id % 64)); }
static int bs_has(W *s, Val *v) { return (int)(s[v->id / 64] >> (v->id % 64)) & 1; }
static W *bs_dup(W *s)
{
	W *d = bs_new();
	memcpy(d, s, sizeof(W) * (size_t)NW);
	return d;
}
static void bs_or(W *d, W *s)
{
	for (int i = 0; i < NW; i++)
		d[i] |= s[i];
}

static void uses_of(W *s, Val *v)
{
	Val **l;
	int n;
	if (!v)
		return;
	leaves(v, &l, &n);
	for (int i = 0; i < n; i++)
		if (!VX(l[i])->inl)
			bs_set(s, l[i]);
}

static Val **byid;   /* value of each id */

static unsigned long long ekey(int a, int b)
{
	if (a > b) {
		int t = a;
		a = b;
		b = t;
	}
	return ((unsigned long long)(unsigned)a << 32 | (unsigned)b) + 1;
}

static size_t ehash(unsigned long long k)
{
	return (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 20);
}

static void edge_add(int a, int b)
{
	if (ecount * 2 >= ecap) {
		size_t oc = ecap;
		unsigned long long *old = eh;
		ecap = ecap ? ecap * 2 : 1024;
		eh = calloc(ecap, sizeof *eh);
		if (!eh)
			ICE("out of memory");
		ecount = 0;
		for (size_t i = 0; i < oc; i++)
			if (old[i]) {
				size_t h = ehash(old[i]) & (ecap - 1);
				while (eh[h])
					h = (h + 1) & (ecap - 1);
				eh[h] = old[i];
				ecount++;
			}
		free(old);
	}
	unsigned long long k = ekey(a, b);
	size_t h = ehash(k) & (ecap - 1);
	while (eh[h]) {
		if (eh[h] == k)
			return;
		h = (h + 1) & (ecap - 1);
	}
	eh[h] = k;
	ecount++;
}

static int edge_has(int a, int b)
{
	if (!ecap)
		return 0;
	unsigned long long k = ekey(a, b);
	size_t h = ehash(k) & (ecap - 1);
	while (eh[h]) {
		if (eh[h] == k)
			return 1;
		h = (h + 1) & (ecap - 1);
	}
	return 0;
}

/* d is written where `live` is live afterwards. */
static void defd(Val *d, W *live)
{
	if (!VX(d)->cand)
		return;
	for (int w = 0; w < NW; w++)
		for (W bits = live[w]; bits; bits &= bits - 1) {
			int id = w * 64 + __builtin_ctzll(bits);
			if (id != d->id && vi[id].cand)
				edge_add(d->id, id);
		}
}

/* A parallel copy dst[k] := src[k] (needed dests only) where `live` is live
 * after it; on return `live` is live before it. */
static void lv_copy(W *live, Val **dst, Val **src, int n)
{
	int need[n > 0 ? n : 1];
	for (int k = 0; k < n; k++) {
		need[k] = bs_has(live, dst[k]);
		if (need[k])
			VX(dst[k])->need = 1;
	}
	for (int k = 0; k < n; k++)
		if (need[k])
			defd(dst[k], live);
	for (int k = 0; k < n; k++)
		bs_clr(live, dst[k]);
	for (int k = 0; k < n; k++)
		if (need[k] && src)
			uses_of(live, src[k]);
}

static int skipped(Ins *in)
{
	if (in->nres == 1 && pureins(in))
		return VX(in->res[0])->inl || VX(in->res[0])->dead;
	return in->op == O_ALLOCA;
}

/* Values used inside loop `lp` (after inlining) but defined outside it. */
static void stamp_defs(Region *r, int s)
{
	for (int i = 0; i < r->nargs; i++)
		VX(r->args[i])->stamp = s;
	for (Ins *in = r->first; in; in = in->next) {
		for (int i = 0; i < in->nres; i++)
			VX(in->res[i])->stamp = s;
		for (int i = 0; i < in->nregs; i++)
			stamp_defs(in->regs[i], s);
	}
}

static void free_uses(Region *r, int s, W *out)
{
	for (Ins *in = r->first; in; in = in->next) {
		if (skipped(in))
			continue;
		W *tmp = bs_new();
		if (in->op == O_IF && ii(in)->exprif) {
			uses_of(tmp, in->args[0]);
			uses_of(tmp, yieldval(in->regs[R_THEN], 0));
			uses_of(tmp, yieldval(in->regs[R_ELSE], 0));
		} else {
			for (int i = 0; i < in->nargs; i++)
				uses_of(tmp, in->args[i]);
			for (int i = 0; i < in->nregs; i++)
				free_uses(in->regs[i], s, tmp);
		}
		for (int w = 0; w < NW; w++)
			for (W bits = tmp[w]; bits; bits &= bits - 1) {
				int id = w * 64 + __builtin_ctzll(bits);
				if (vi[id].stamp != s)
					out[w] |= 1ULL << (id % 64);
			}
	}
}

static W *loopfree(Ins *lp)
{
	int s = ++stampc;
	W *out = bs_new();
	for (int i = 0; i < lp->nregs; i++)
		stamp_defs(lp->regs[i], s);
	for (int i = 0; i < lp->nregs; i++)
		free_uses(lp->regs[i], s, out);
	return out;
}

static void lv_region(Region *r, W *live);

static void lv_if(Ins *in, W *live)
{
	W *acc = bs_new();
	for (int a = 0; a < 2; a++) {
		Region *x = in->regs[a];
		W *o = bs_dup(live);
		if (x->last && x->last->op == O_YIELD)
			lv_copy(o, in->res, x->last->args, in->nres);
		lv_region(x, o);
		bs_or(acc, o);
	}
	memcpy(live, acc, sizeof(W) * (size_t)NW);
	uses_of(live, in->args[0]);
}

static void lv_for(Ins *in, W *live)
{
	Region *b = in->regs[0];
	Val *iv = b->args[0];
	Val **a = b->args + 1;
	int nk = in->nargs - 3;
	W *h = bs_dup(live);
	for (int k = 0; k < nk; k++)
		if (bs_has(live, in->res[k])) {
			VX(in->res[k])->need = 1;
			defd(in->res[k], live);
			bs_set(h, a[k]);
		}
	for (int k = 0; k < nk; k++) {
		bs_clr(h, in->res[k]);
		if (a[k]->nuse)
			bs_set(h, a[k]);
	}
	bs_or(h, loopfree(in));
	uses_of(h, in->args[1]);
	uses_of(h, in->args[2]);
	bs_set(h, iv);
	/* end of the body: a := yields */
	W *o = bs_dup(h);
	if (b->last && b->last->op == O_YIELD)
		lv_copy(o, a, b->last->args, nk);
	lv_region(b, o);
	/* entry: a := inits */
	memcpy(live, h, sizeof(W) * (size_t)NW);
	bs_clr(live, iv);
	lv_copy(live, a, in->args + 3, nk);
	for (int i = 0; i < 3; i++)
		uses_of(live, in->args[i]);
}

/* while: cond region first; dowhile: body first.  See the file comment. */
static void lv_loop(Ins *in, W *live)
{
	Region *c = in->regs[R_COND], *b = in->regs[R_BODY];
	Region *top = in->op == O_WHILE ? c : b;
	Ins *ct = c->last;
	int nk = in->nargs;
	W *h = bs_dup(live);
	for (int k = 0; k < in->nres; k++)
		bs_clr(h, in->res[k]);
	bs_or(h, loopfree(in));
	for (int k = 0; k < top->nargs; k++)
		if (top->args[k]->nuse)
			bs_set(h, top->args[k]);
	/* the exit and continue copies at the cond terminator */
	W *ex = bs_dup(live), *tr;
	W *bin = NULL;
	if (in->op == O_WHILE) {
		W *o = bs_dup(h);
		if (b->last && b->last->op == O_YIELD)
			lv_copy(o, c->args, b->last->args, nk);
		lv_region(b, o);
		bin = o;
		tr = bs_dup(bin);
	} else {
		tr = bs_dup(h);
	}
	if (ct && ct->op == O_COND) {
		lv_copy(ex, in->res, ct->args + 1, in->nres);
		lv_copy(tr, in->op == O_WHILE ? b->args : b->args, ct->args + 1,
			ct->nargs - 1);
		bs_or(ex, tr);
		uses_of(ex, ct->args[0]);
	}
	lv_region(c, ex);
	if (in->op == O_DOWHILE) {
		if (b->last && b->last->op == O_YIELD)
			lv_copy(ex, c->args, b->last->args, nk);
		lv_region(b, ex);
	}
	memcpy(live, h, sizeof(W) * (size_t)NW);
	lv_copy(live, top->args, in->args, nk);
}

static void lv_ins(Ins *in, W *live)
{
	if (opinfo[in->op].flags & F_TERM) {
		if (in->op == O_RET) {
			memset(live, 0, sizeof(W) * (size_t)NW);
			for (int i = 0; i < in->nargs; i++)
				uses_of(live, in->args[i]);
		}
		return;
	}
	if (skipped(in))
		return;
	switch (in->op) {
	case O_IF:
		if (!ii(in)->exprif) {
			lv_if(in, live);
			return;
		}
		defd(in->res[0], live);
		bs_clr(live, in->res[0]);
		uses_of(live, in->args[0]);
		uses_of(live, yieldval(in->regs[R_THEN], 0));
		uses_of(live, yieldval(in->regs[R_ELSE], 0));
		return;
	case O_FOR:
		lv_for(in, live);
		return;
	case O_WHILE:
	case O_DOWHILE:
		lv_loop(in, live);
		return;
	default:
		for (int i = 0; i < in->nres; i++)
			if (in->res[i]->nuse) {
				defd(in->res[i], live);
				bs_clr(live, in->res[i]);
			}
		for (int i = 0; i < in->nargs; i++)
			uses_of(live, in->args[i]);
	}
}

static void lv_region(Region *r, W *live)
{
	for (Ins *in = r->last; in; in = in->prev)
		lv_ins(in, live);
}

/* ---- 3. coalescing ---- */

static int find(int x)
{
	while (vi[x].uf != x) {
		vi[x].uf = vi[vi[x].uf].uf;
		x = vi[x].uf;
	}
	return x;
}

static int has_param(int rep)
{
	for (int m = rep; m >= 0; m = vi[m].ufnext)
		if (byid[m]->kind == V_PARAM)
			return 1;
	return 0;
}

/* Joins the classes of a and b when they may share a variable (force:
 * always).  Returns whether they are joined. */
static int join(Val *a, Val *b, int force)
{
	int x = find(a->id), y = find(b->id);
	if (x == y)
		return 1;
	if (!force) {
		if (a->ty != b->ty || vi[x].noco || vi[y].noco)
			return 0;
		if (has_param(x) && has_param(y))
			return 0;
		for (int m = x; m >= 0; m = vi[m].ufnext)
			for (int n = y; n >= 0; n = vi[n].ufnext)
				if (edge_has(m, n))
					return 0;
	}
	/* keep the smaller id as representative; append y's members */
	if (y < x) {
		int t = x;
		x = y;
		y = t;
	}
	int last = x;
	while (vi[last].ufnext >= 0)
		last = vi[last].ufnext;
	vi[last].ufnext = y;
	vi[y].uf = x;
	vi[x].noco |= vi[y].noco;
	return 1;
}

typedef void PairFn(Val *dst, Val *src);

/* The copies of a structured instruction, as (destination, source). */
static void pairs(Ins *in, PairFn *fn)
{
	Region *c, *b;
	Ins *ct;
	int nk;
	switch (in->op) {
	case O_IF:
		if (ii(in)->exprif)
			return;
		for (int k = 0; k < in->nres; k++)
			for (int a = 0; a < 2; a++)
				if (yieldval(in->regs[a], 0))
					fn(in->res[k], yieldval(in->regs[a], k));
		break;
	case O_FOR:
		b = in->regs[0];
		nk = in->nargs - 3;
		for (int k = 0; k < nk; k++) {
			fn(b->args[k + 1], in->args[3 + k]);
			if (yieldval(b, 0))
				fn(b->args[k + 1], yieldval(b, k));
		}
		break;
	case O_WHILE:
	case O_DOWHILE:
		c = in->regs[R_COND];
		b = in->regs[R_BODY];
		ct = c->last;
		nk = in->nargs;
		for (int k = 0; k < nk; k++) {
			Region *top = in->op == O_WHILE ? c : b;
			fn(top->args[k], in->args[k]);
			if (yieldval(b, 0))
				fn(c->args[k], yieldval(b, k));
		}
		if (ct && ct->op == O_COND)
			for (int k = 0; k + 1 < ct->nargs; k++) {
				fn(b->args[k], ct->args[k + 1]);
				if (k < in->nres)
					fn(in->res[k], ct->args[k + 1]);
			}
		break;
	default:
		break;
	}
}

static void pair_cand(Val *d, Val *s)
{
	VX(d)->cand = 1;
	if (!VX(s)->inl)
		VX(s)->cand = 1;
}

static int join_named;   /* pass 1: pairs with the same source name only */

static int same_name(Val *a, Val *b)
{
	return a->name && b->name && !strcmp(a->name, b->name);
}

static void pair_join(Val *d, Val *s)
{
	if (!VX(s)->inl && (!join_named || same_name(d, s)))
		join(d, s, 0);
}

static void walk_pairs(Region *r, PairFn *fn)
{
	for (Ins *in = r->first; in; in = in->next) {
		for (int i = 0; i < in->nregs; i++)
			walk_pairs(in->regs[i], fn);
		pairs(in, fn);
	}
}

static void walk_for(Region *r)
{
	for (Ins *in = r->first; in; in = in->next) {
		for (int i = 0; i < in->nregs; i++)
			walk_for(in->regs[i]);
		if (in->op == O_FOR) {
			Region *b = in->regs[0];
			VX(b->args[0])->noco = 1;
			for (int k = 0; k < in->nres; k++) {
				VX(in->res[k])->cand = VX(b->args[k + 1])->cand = 1;
				join(in->res[k], b->args[k + 1], 1);
			}
		}
	}
}

/* Copy-related values whose source names agree first (they are one C
 * variable of the user's), then all copy-related values, then values with
 * the same name and type. */
static void coalesce(void)
{
	join_named = 1;
	walk_pairs(F->body, pair_join);
	join_named = 0;
	walk_pairs(F->body, pair_join);
	/* values with the same source name and type */
	for (int i = 0; i < NV; i++) {
		Val *v = byid[i];
		if (!v || !v->name || vi[i].inl || vi[i].dead || vi[i].noco)
			continue;
		for (int j = 0; j < i; j++) {
			Val *w = byid[j];
			if (w && w->name && !vi[j].inl && !vi[j].dead &&
				find(j) == j && !strcmp(w->name, v->name))
				if (join(w, v, 0))
					break;
		}
	}
}

/* Constness of pointer values: pointers derived from `const T *` parameters
 * must be held in `const T *` variables. */
static int valcnst(Val *v)
{
	VI *x = VX(v);
	if (x->cnstdone)
		return x->cnst;
	x->cnstdone = 1;
	if (v->kind == V_PARAM)
		x->cnst = v->cnst;
	else if (v->kind == V_RES && (v->def->op == O_ADDR || v->def->op == O_FIELD))
		x->cnst = valcnst(v->def->args[0]);
	else if (v->kind == V_RES && v->def->op == O_SELECT)
		x->cnst = valcnst(v->def->args[1]) | valcnst(v->def->args[2]);
	return x->cnst;
}

static int cnst_changed;
static void pair_cnst(Val *d, Val *s)
{
	if (d->ty->kind == T_PTR && valcnst(s) && !valcnst(d)) {
		VX(d)->cnst = 1;
		cnst_changed = 1;
	}
}

/* ==== 4. the C statement tree ==== */

static Var *newvar(int kind, Type *t, const char *hint)
{
	Var *v = arena_alloc(EA, sizeof *v);
	v->id = nvars++;
	v->kind = kind;
	v->ty = t;
	v->hint = hint;
	*varstail = v;
	varstail = &v->next;
	return v;
}

/* The variable of a materialised value (its class's). */
static Var *varof(Val *v)
{
	int rep = find(v->id);
	VI *r = &vi[rep];
	if (!r->var) {
		/* the parameter's name, else the most frequent source name */
		const char *hint = NULL;
		int kind = VK_LOCAL, cnst = 0, best = 0;
		for (int m = rep; m >= 0; m = vi[m].ufnext) {
			Val *w = byid[m];
			cnst |= valcnst(w);
			if (w->kind == V_PARAM) {
				kind = VK_PARAM;
				hint = w->name;
				best = 1 << 30;
			} else if (w->name) {
				int c = 0;
				for (int n = rep; n >= 0; n = vi[n].ufnext)
					c += same_name(w, byid[n]);
				if (c > best) {
					best = c;
					hint = w->name;
				}
			}
		}
		r->var = newvar(kind, v->ty, hint);
		r->var->cnst = cnst;
	}
	return r->var;
}

static Blk *blk_new(void)
{
	return arena_alloc(EA, sizeof(Blk));
}

static Stmt *st_add(Blk *b, int k)
{
	Stmt *s = arena_alloc(EA, sizeof *s);
	s->k = k;
	if (b->last)
		b->last->next = s;
	else
		b->first = s;
	b->last = s;
	return s;
}

static void blk_cat(Blk *d, Blk *s)
{
	if (!s->first)
		return;
	if (d->last)
		d->last->next = s->first;
	else
		d->first = s->first;
	d->last = s->last;
}

static Expr *vex(Val *v);

static Expr *call_ex(const char *name, Expr **args, int n)
{
	Expr *e = ex_new(E_CALL);
	e->s = name;
	e->args = arena_alloc(EA, sizeof(Expr *) * (size_t)(n ? n : 1));
	memcpy(e->args, args, sizeof(Expr *) * (size_t)n);
	e->nargs = n;
	int h = emit_header_of(name);
	if (h)
		emit_need(h);
	return e;
}

/* An index: constants that fit an int print without a suffix. */
static Expr *idxex(Val *v)
{
	if (v->kind == V_RES && v->def->op == O_CONST && ty_isint(v->ty)) {
		long long i = v->def->i;
		if (v->ty->kind == T_U64 ? (unsigned long long)i <= 2147483647ULL :
			i >= -2147483647LL && i <= 2147483647LL)
			return ex_lit(arena_printf(EA, "%lld", i));
	}
	return vex(v);
}

/* p[i][j]… for load and store (*p without indices) */
static Expr *lval(Val **a, int n)
{
	Expr *p = vex(a[0]);
	if (n == 1)
		return ex_deref(p);
	Expr *e = ex_index(p, idxex(a[1]));
	for (int k = 2; k < n; k++) {
		Expr *x = ex_new(E_INDEX);
		x->a = e;
		x->b = idxex(a[k]);
		e = x;
	}
	return e;
}

static int is_lit(Expr *e, const char *s)
{
	return e->k == E_LIT && !strcmp(e->s, s);
}

static const char *binop(Op op)
{
	switch (op) {
	case O_ADD: return "+";
	case O_SUB: return "-";
	case O_MUL: return "*";
	case O_DIV: return "/";
	case O_REM: return "%";
	case O_AND: return "&";
	case O_OR: return "|";
	case O_XOR: return "^";
	case O_SHL: return "<<";
	case O_SHR: return ">>";
	case O_EQ: return "==";
	case O_NE: return "!=";
	case O_LT: return "<";
	case O_LE: return "<=";
	case O_GT: return ">";
	case O_GE: return ">=";
	default: ICE("not a binary operation: %s", opinfo[op].name);
	}
	return NULL;
}

/* A cast of a constant as a literal of the new type (exact conversions
 * only: integer to floating, floating to floating, integer to integer). */
static int fold_cast(Type *t, Val *cv, Expr **out)
{
	Type *from = cv->ty;
	Ins k = {0}, cn = {0}, *c = &cn;
	/* a constant, or the negation of one */
	if (cv->kind != V_RES)
		return 0;
	if (cv->def->op == O_CONST) {
		cn = *cv->def;
	} else if (cv->def->op == O_NEG && cv->def->args[0]->kind == V_RES &&
		cv->def->args[0]->def->op == O_CONST && from->kind != T_U64) {
		cn = *cv->def->args[0]->def;
		cn.f = -cn.f;
		cn.i = (long long)(0ULL - (unsigned long long)cn.i);
	} else {
		return 0;
	}
	if (ty_isint(from) && ty_isfloat(t)) {
		k.f = from->kind == T_U64 ? (double)(unsigned long long)c->i : (double)c->i;
		if (t->kind == T_F32)
			k.f = (float)(from->kind == T_U64 ? (float)(unsigned long long)c->i :
				(float)c->i);
	} else if (ty_isfloat(from) && ty_isfloat(t)) {
		k.f = t->kind == T_F32 ? (double)(float)c->f : c->f;
	} else if (ty_isint(from) && ty_isint(t) && t->kind != T_I1) {
		unsigned long long u = (unsigned long long)c->i;
		switch (t->kind) {
		case T_I8: k.i = (signed char)u; break;
		case T_I16: k.i = (short)u; break;
		case T_I32: k.i = (int)u; break;
		case T_U8: k.i = (unsigned char)u; break;
		case T_U16: k.i = (unsigned short)u; break;
		case T_U32: k.i = (unsigned)u; break;
		default: k.i = (long long)u; break;
		}
	} else {
		return 0;
	}
	*out = ex_lit(emit_const(t, &k));
	return 1;
}

/* The expression computed by a pure instruction (or a call). */
static Expr *insex(Ins *in)
{
	Type *t = in->nres ? in->res[0]->ty : ty_basic(T_VOID);
	Expr *a = NULL, *b = NULL, *e;
	if (in->nargs > 0 && in->op != O_CALL && in->op != O_IF)
		a = vex(in->args[0]);
	if (in->nargs > 1 && (opinfo[in->op].flags & (F_BIN | F_CMP)))
		b = vex(in->args[1]);
	switch (in->op) {
	case O_CONST:
		return ex_lit(emit_const(t, t->kind == T_PTR ? NULL : in));
	case O_UNDEF:
		return ex_lit(emit_const(t, NULL));
	case O_SIZEOF:
		return ex_lit(arena_printf(EA, "sizeof(%s)", type_name(in->aty)));
	case O_GLOBAL: {
		Global *g = ir_findglobal(F->m, in->sym);
		e = ex_lit(in->sym);
		if (g && g->type->kind == T_ARR && t->elem != g->type)
			return e;
		return ex_addr(e);
	}
	case O_NEG:
		e = ex_un("-", a);
		return is_small(t) ? ex_cast(t, e) : e;
	case O_NOT:
		if (t->kind == T_I1)
			return ex_not(a);
		e = ex_un("~", a);
		return is_small(t) ? ex_cast(t, e) : e;
	case O_SELECT: {
		e = ex_new(E_COND);
		e->a = a;
		e->b = vex(in->args[1]);
		e->c = vex(in->args[2]);
		return e;
	}
	case O_CAST: {
		Type *from = in->args[0]->ty;
		if (t->kind == T_I1 && from->kind != T_I1) {
			e = ex_bin("!=", a, ex_lit(emit_const(from, NULL)));
			e->intcmp = !ty_isfloat(from);
			return e;
		}
		if (!strcmp(type_name(t), type_name(from)))
			return a;
		if (fold_cast(t, in->args[0], &e))
			return e;
		return ex_cast(t, a);
	}
	case O_CALL: {
		Expr **args = arena_alloc(EA, sizeof(Expr *) * (size_t)(in->nargs + 1));
		for (int i = 0; i < in->nargs; i++)
			args[i] = vex(in->args[i]);
		return call_ex(in->sym, args, in->nargs);
	}
	case O_ALLOCA: {
		Var *o = VX(in->res[0])->obj;
		if (!o)
			ICE("alloca used before its declaration");
		if (in->aty->kind == T_ARR || in->nargs)
			return ex_var(o);
		return ex_addr(ex_var(o));
	}
	case O_ADDR: {
		if (in->nargs == 1)
			return a;
		Expr *i = idxex(in->args[1]);
		if (in->nargs == 2 && is_lit(i, "0"))
			return a;
		e = ex_index(a, i);
		Type *ct = in->args[0]->ty->elem;
		for (int k = 2; k < in->nargs; k++) {
			Expr *x = ex_new(E_INDEX);
			x->a = e;
			x->b = idxex(in->args[k]);
			e = x;
			ct = ct->elem;
		}
		if (ct->kind == T_ARR && t->elem != ct)
			return e;   /* an array lvalue decays */
		return ex_addr(e);
	}
	case O_FIELD: {
		Field *f = &in->args[0]->ty->elem->st->f[in->fld];
		e = ex_member(a, f->name);
		return f->type->kind == T_ARR ? e : ex_addr(e);
	}
	case O_LOAD:
		return lval(in->args, in->nargs);
	case O_IF: {
		Expr *c = vex(in->args[0]);
		Expr *x = vex(yieldval(in->regs[R_THEN], 0));
		Expr *y = vex(yieldval(in->regs[R_ELSE], 0));
		if (t->kind == T_I1 && is_lit(y, "0"))
			return ex_bin("&&", c, x);
		if (t->kind == T_I1 && is_lit(x, "1"))
			return ex_bin("||", c, y);
		e = ex_new(E_COND);
		e->a = c;
		e->b = x;
		e->c = y;
		return e;
	}
	default:
		break;
	}
	if (opinfo[in->op].flags & F_CMP) {
		e = ex_bin(binop(in->op), a, b);
		e->intcmp = !ty_isfloat(in->args[0]->ty);
		return e;
	}
	if (!(opinfo[in->op].flags & F_BIN))
		ICE("emit: unexpected operation %s", opinfo[in->op].name);
	if (in->op == O_REM && ty_isfloat(t)) {
		Expr *args[2] = {a, b};
		return call_ex(t->kind == T_F32 ? "fmodf" : "fmod", args, 2);
	}
	/* on i1 (0 or 1, no side effects) && and || read better than & and | */
	if (t->kind == T_I1 && (in->op == O_AND || in->op == O_OR))
		return ex_bin(in->op == O_AND ? "&&" : "||", a, b);
	/* unsigned short * unsigned short overflows int */
	if (in->op == O_MUL && t->kind == T_U16)
		a = ex_cast(ty_basic(T_U32), a);
	e = ex_bin(binop(in->op), a, b);
	return is_small(t) ? ex_cast(t, e) : e;
}

/* The expression for value v at a use. */
static Expr *vex(Val *v)
{
	VI *x = VX(v);
	if (!x->inl)
		return ex_var(varof(v));
	if (!x->ex || !x->cheap)
		x->ex = insex(v->def);
	return x->ex;
}

static int is_undef(Val *v)
{
	return v->kind == V_RES && v->def->op == O_UNDEF;
}

/* A parallel copy dst[k] := src[k] (needed destinations only), as a
 * sequence of assignments; a cycle is broken with a temporary. */
static void copies(Blk *b, Val **dst, Val **src, int n)
{
	Var *d[n > 0 ? n : 1];
	Expr *s[n > 0 ? n : 1];
	int m = 0;
	for (int k = 0; k < n; k++) {
		if (!VX(dst[k])->need)
			continue;
		Var *dv = varof(dst[k]);
		if (is_undef(src[k])) {
			dv->undef = 1;
			st_add(b, S_TOUCH)->v = dv;
			continue;
		}
		Expr *se = vex(src[k]);
		if (se->k == E_VAR && se->v == dv)
			continue;
		d[m] = dv;
		s[m] = se;
		m++;
	}
	while (m > 0) {
		int pick = -1;
		for (int i = 0; i < m && pick < 0; i++) {
			pick = i;
			for (int j = 0; j < m; j++)
				if (j != i && ex_reads(s[j], d[i]))
					pick = -1;
		}
		if (pick < 0) {
			Var *t = newvar(VK_LOCAL, d[0]->ty, NULL);
			t->cnst = d[0]->cnst;
			Stmt *st = st_add(b, S_ASSIGN);
			st->v = t;
			st->e = ex_var(d[0]);
			for (int j = 1; j < m; j++)
				s[j] = ex_subst(s[j], d[0], t);
			continue;
		}
		Stmt *st = st_add(b, S_ASSIGN);
		st->v = d[pick];
		st->e = s[pick];
		for (int j = pick; j + 1 < m; j++) {
			d[j] = d[j + 1];
			s[j] = s[j + 1];
		}
		m--;
	}
}

static void build(Region *r, Blk *b);

static void build_if(Ins *in, Blk *b)
{
	Stmt *s = st_add(b, S_IF);
	s->e = vex(in->args[0]);
	s->b1 = blk_new();
	s->b2 = blk_new();
	for (int a = 0; a < 2; a++) {
		Region *x = in->regs[a];
		Blk *bb = a ? s->b2 : s->b1;
		build(x, bb);
		if (x->last && x->last->op == O_YIELD)
			copies(bb, in->res, x->last->args, in->nres);
	}
}

static void build_for(Ins *in, Blk *b)
{
	Region *r = in->regs[0];
	int nk = in->nargs - 3;
	copies(b, r->args + 1, in->args + 3, nk);
	Stmt *s = st_add(b, S_FOR);
	s->v = varof(r->args[0]);
	s->v->kind = VK_IV;
	s->lo = vex(in->args[0]);
	s->hi = vex(in->args[1]);
	s->st = vex(in->args[2]);
	s->pred = in->pred;
	s->hdr = blk_new();
	s->b1 = blk_new();
	build(r, s->b1);
	if (r->last && r->last->op == O_YIELD)
		copies(s->b1, r->args + 1, r->last->args, nk);
}

/* while and dowhile: `while (c) {…}` / `do {…} while (c);` when the
 * condition is one expression and the loop needs no copies at the test,
 * else `for (;;) { …; if (!(c)) { exit copies; break; } … }`. */
static void build_loop(Ins *in, Blk *b)
{
	Region *c = in->regs[R_COND], *r = in->regs[R_BODY];
	Ins *ct = c->last;
	int nk = in->nargs, isw = in->op == O_WHILE;
	int nf = ct && ct->op == O_COND ? ct->nargs - 1 : 0;
	copies(b, isw ? c->args : r->args, in->args, nk);
	Blk *body = blk_new(), *cond = blk_new(), *ex = blk_new(), *tr = blk_new();
	build(r, body);
	if (r->last && r->last->op == O_YIELD)
		copies(body, c->args, r->last->args, nk);
	build(c, cond);
	if (nf) {
		copies(ex, in->res, ct->args + 1, in->nres < nf ? in->nres : nf);
		copies(tr, r->args, ct->args + 1, nf);
	}
	Expr *cv = ct && ct->op == O_COND ? vex(ct->args[0]) : ex_lit("1");
	if (!cond->first && !ex->first && !tr->first) {
		Stmt *s = st_add(b, isw ? S_WHILE : S_DO);
		s->e = cv;
		s->b1 = body;
		return;
	}
	Stmt *s = st_add(b, S_LOOP);
	s->b1 = blk_new();
	if (!isw)
		blk_cat(s->b1, body);
	blk_cat(s->b1, cond);
	Stmt *brk = st_add(s->b1, S_IF);
	brk->e = ex_not(cv);
	brk->b1 = ex;
	brk->b2 = blk_new();
	st_add(ex, S_BREAK);
	blk_cat(s->b1, tr);
	if (isw)
		blk_cat(s->b1, body);
}

static void build(Region *r, Blk *b)
{
	for (Ins *in = r->first; in; in = in->next) {
		if (opinfo[in->op].flags & F_TERM) {
			if (in->op == O_RET) {
				Stmt *s = st_add(b, S_RET);
				if (in->nargs)
					s->e = vex(in->args[0]);
			}
			continue;
		}
		switch (in->op) {
		case O_ALLOCA:
			if (in->res[0]->nuse) {
				Var *o = newvar(VK_OBJ, in->aty, in->res[0]->name);
				VX(in->res[0])->obj = o;
				Stmt *s = st_add(b, S_OBJ);
				s->v = o;
				if (in->nargs) /* a run-time count: T name[n] */
					s->e = vex(in->args[0]);
			}
			break;
		case O_STORE: {
			Stmt *s = st_add(b, S_STORE);
			s->lhs = lval(in->args + 1, in->nargs - 1);
			s->e = vex(in->args[0]);
			break;
		}
		case O_FOR:
			build_for(in, b);
			break;
		case O_WHILE:
		case O_DOWHILE:
			build_loop(in, b);
			break;
		case O_IF:
			if (!ii(in)->exprif) {
				build_if(in, b);
				break;
			}
			/* fall through */
		default:
			if (skipped(in))
				break;
			if (in->op == O_CALL && (!in->nres || !in->res[0]->nuse)) {
				st_add(b, S_EXPR)->e = insex(in);
			} else {
				Stmt *s = st_add(b, S_ASSIGN);
				s->v = varof(in->res[0]);
				s->e = insex(in);
			}
			break;
		}
	}
}

/* ==== 5. declarations, names, printing ==== */

static void fix_blocks(Blk *b, Blk *up, Stmt *owner, int depth)
{
	b->up = up;
	b->owner = owner;
	b->depth = depth;
	int i = 0;
	for (Stmt *s = b->first; s; s = s->next) {
		s->idx = i++;
		if (s->k == S_OBJ)
			s->v->scope = b;
		if (s->k == S_FOR) {
			fix_blocks(s->hdr, b, s, depth + 1);
			fix_blocks(s->b1, s->hdr, s, depth + 2);
			s->v->scope = s->hdr;
		} else {
			if (s->b1)
				fix_blocks(s->b1, b, s, depth + 1);
			if (s->b2)
				fix_blocks(s->b2, b, s, depth + 1);
		}
	}
}

static Blk *lca(Blk *a, Blk *b)
{
	while (a->depth > b->depth)
		a = a->up;
	while (b->depth > a->depth)
		b = b->up;
	while (a != b) {
		a = a->up;
		b = b->up;
	}
	return a;
}

typedef struct {
	int pass;
	Stmt *s;
	Blk *b;
} RefCtx;

static void ref1(Var *v, void *ctx)
{
	RefCtx *c = ctx;
	v->refd = 1;
	if (v->kind != VK_LOCAL)
		return;
	if (c->pass == 0) {
		v->lca = v->lca ? lca(v->lca, c->b) : c->b;
		return;
	}
	Stmt *s = c->s;
	for (Blk *b = c->b; b != v->lca; b = b->up)
		s = b->owner;
	if (!v->first || s->idx < v->firstidx) {
		v->first = s;
		v->firstidx = s->idx;
	}
}

static void refs(Blk *b, RefCtx *c)
{
	for (Stmt *s = b->first; s; s = s->next) {
		c->s = s;
		c->b = b;
		if ((s->k == S_ASSIGN || s->k == S_TOUCH || s->k == S_VOID) && s->v)
			ref1(s->v, c);
		ex_vars(s->e, ref1, c);
		ex_vars(s->lhs, ref1, c);
		ex_vars(s->lo, ref1, c);
		ex_vars(s->hi, ref1, c);
		ex_vars(s->st, ref1, c);
		if (s->b1)
			refs(s->b1, c);
		if (s->b2)
			refs(s->b2, c);
	}
}

/* Declares each local at its first assignment, or just before the first
 * statement (of the innermost block holding all its references) that
 * references it. */
static void place(Blk *root)
{
	RefCtx c = {0, NULL, NULL};
	refs(root, &c);
	c.pass = 1;
	refs(root, &c);
	for (Var *v = vars; v; v = v->next) {
		if (v->kind != VK_LOCAL || !v->first)
			continue;
		v->scope = v->lca;
		Stmt *f = v->first;
		if (f->k == S_ASSIGN && f->v == v && !ex_reads(f->e, v)) {
			f->isdecl = 1;
			continue;
		}
		Stmt *d = arena_alloc(EA, sizeof *d);
		d->k = S_DECL;
		d->v = v;
		d->idx = f->idx;
		Stmt **p = &v->lca->first;
		while (*p != f)
			p = &(*p)->next;
		/* after other declarations already placed before f */
		*p = d;
		d->next = f;
	}
}

static const char *const ckeywords[] = {
	"auto", "break", "case", "char", "const", "continue", "default", "do",
	"double", "else", "enum", "extern", "float", "for", "goto", "if",
	"inline", "int", "long", "register", "restrict", "return", "short",
	"signed", "sizeof", "static", "struct", "switch", "typedef", "union",
	"unsigned", "void", "volatile", "while", "_Bool", "_Complex",
	"_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn",
	"_Static_assert", "_Thread_local", "NULL", "INFINITY", "NAN",
	"HUGE_VAL", "errno", "bool", "true", "false", "main",
};

static Module *M;

static int reserved(const char *s)
{
	for (size_t i = 0; i < sizeof ckeywords / sizeof *ckeywords; i++)
		if (!strcmp(ckeywords[i], s))
			return 1;
	if (emit_header_of(s))
		return 1;
	if (M) {
		if (ir_findfn(M, s) || ir_finddecl(M, s) || ir_findglobal(M, s))
			return 1;
		for (Struct *st = M->structs; st; st = st->next)
			if (st->tdname && !strcmp(st->tdname, s))
				return 1;
	}
	return 0;
}

static int is_anc(Blk *a, Blk *b)
{
	for (; b; b = b->up)
		if (a == b)
			return 1;
	return 0;
}

static int name_taken(const char *s, Blk *scope)
{
	if (reserved(s))
		return 1;
	for (Var *w = vars; w; w = w->next)
		if (w->name && !strcmp(w->name, s) &&
			(is_anc(w->scope, scope) || is_anc(scope, w->scope)))
			return 1;
	return 0;
}

/* A C identifier from a source name hint. */
static const char *sanitize(const char *h)
{
	char *s = arena_printf(EA, "%s%s", h[0] >= '0' && h[0] <= '9' ? "_" : "", h);
	for (char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			(*p >= '0' && *p <= '9') || *p == '_'))
			*p = '_';
	return s;
}

static void give_name(Var *v)
{
	if (v->name)
		return;
	if (!v->hint || !v->hint[0]) {
		const char *s;
		do
			s = arena_printf(EA, "t%d", ntmp++);
		while (name_taken(s, v->scope));
		v->name = s;
		return;
	}
	const char *base = sanitize(v->hint), *s = base;
	for (int k = 1; name_taken(s, v->scope); k++)
		s = arena_printf(EA, "%s_%d", base, k);
	v->name = s;
}

static void name_blk(Blk *b)
{
	for (Stmt *s = b->first; s; s = s->next) {
		if (s->k == S_DECL || s->k == S_OBJ || s->k == S_FOR ||
			(s->k == S_ASSIGN && s->isdecl))
			give_name(s->v);
		if (s->b1)
			name_blk(s->b1);
		if (s->b2)
			name_blk(s->b2);
	}
}

/* Parameter names: the source names, else p0, p1…; unique. */
static const char **param_names(Fn *f)
{
	const char **n = arena_alloc(EA, sizeof(char *) * (size_t)(f->np + 1));
	for (int i = 0; i < f->np; i++) {
		const char *h = f->params[i]->name;
		const char *base = h && h[0] ? sanitize(h) : arena_printf(EA, "p%d", i);
		const char *s = base;
		for (int k = 1;; k++) {
			int clash = reserved(s);
			for (int j = 0; j < i; j++)
				clash |= !strcmp(n[j], s);
			if (!clash)
				break;
			s = arena_printf(EA, "%s_%d", base, k);
		}
		n[i] = s;
	}
	return n;
}

static void put_sig(Buf *b, Fn *f, const char **pn)
{
	Buf inner = {0};
	buf_printf(&inner, "%s(", f->name);
	for (int i = 0; i < f->np; i++) {
		if (i)
			buf_put(&inner, ", ");
		emit_decl(&inner, f->params[i]->ty, pn[i], f->params[i]->cnst);
	}
	if (!f->np)
		buf_put(&inner, "void");
	buf_put(&inner, ")");
	if (f->is_static)
		buf_put(b, "static ");
	emit_decl(b, f->ret, inner.s, 0);
	free(inner.s);
}

static void indent(Buf *b, int d)
{
	for (int i = 0; i < d; i++)
		buf_put(b, "\t");
}

static int blk_empty(Blk *b)
{
	for (Stmt *s = b->first; s; s = s->next)
		if (s->k != S_TOUCH)
			return 0;
	return 1;
}

/* The only printed statement of b, if it is an if (for `else if`). */
static Stmt *lone_if(Blk *b)
{
	Stmt *r = NULL;
	for (Stmt *s = b->first; s; s = s->next) {
		if (s->k == S_TOUCH)
			continue;
		if (r || s->k != S_IF)
			return NULL;
		r = s;
	}
	return r;
}

static void put_blk(Buf *b, Blk *k, int d, int fnbody);

static void put_vdecl(Buf *b, Var *v)
{
	emit_decl(b, v->ty, v->name, v->cnst);
}

static void put_if(Buf *b, Stmt *s, int d)
{
	Expr *c = s->e;
	Blk *t = s->b1, *e = s->b2;
	if (blk_empty(t)) {
		if (blk_empty(e))
			return;   /* the condition has no side effects */
		c = ex_not(c);
		t = e;
		e = NULL;
	}
	buf_put(b, "if (");
	emit_expr(b, c);
	buf_put(b, ") {\n");
	put_blk(b, t, d + 1, 0);
	indent(b, d);
	buf_put(b, "}");
	if (e && !blk_empty(e)) {
		Stmt *li = lone_if(e);
		if (li && !blk_empty(li->b1)) {
			buf_put(b, " else ");
			put_if(b, li, d);
			return;
		}
		buf_put(b, " else {\n");
		put_blk(b, e, d + 1, 0);
		indent(b, d);
		buf_put(b, "}");
	}
	buf_put(b, "\n");
}

static void put_stmt(Buf *b, Stmt *s, int d)
{
	if (s->k == S_TOUCH)
		return;
	if (s->k == S_IF) {
		if (blk_empty(s->b1) && blk_empty(s->b2))
			return;
		indent(b, d);
		put_if(b, s, d);
		return;
	}
	indent(b, d);
	switch (s->k) {
	case S_ASSIGN:
		if (s->isdecl) {
			put_vdecl(b, s->v);
			buf_put(b, " = ");
		} else {
			buf_printf(b, "%s = ", s->v->name);
		}
		emit_expr(b, s->e);
		buf_put(b, ";\n");
		break;
	case S_DECL:
		put_vdecl(b, s->v);
		if (s->v->undef)
			buf_printf(b, " = %s", emit_const(s->v->ty, NULL));
		buf_put(b, ";\n");
		break;
	case S_OBJ:
		if (s->e) {
			Buf nm = {0};
			buf_printf(&nm, "%s[", s->v->name);
			emit_expr(&nm, s->e);
			buf_put(&nm, "]");
			emit_decl(b, s->v->ty, nm.s, 0);
			free(nm.s);
		} else {
			put_vdecl(b, s->v);
		}
		buf_put(b, ";\n");
		break;
	case S_STORE:
		emit_expr(b, s->lhs);
		buf_put(b, " = ");
		emit_expr(b, s->e);
		buf_put(b, ";\n");
		break;
	case S_EXPR:
		emit_expr(b, s->e);
		buf_put(b, ";\n");
		break;
	case S_FOR: {
		static const struct { Op op; const char *s; } preds[] = {
			{O_LT, "<"}, {O_LE, "<="}, {O_GT, ">"}, {O_GE, ">="},
			{O_NE, "!="}, {O_EQ, "=="},
		};
		const char *ps = "<";
		for (size_t i = 0; i < sizeof preds / sizeof *preds; i++)
			if (preds[i].op == s->pred)
				ps = preds[i].s;
		const char *iv = s->v->name;
		buf_put(b, "for (");
		put_vdecl(b, s->v);
		buf_put(b, " = ");
		emit_expr(b, s->lo);
		buf_printf(b, "; %s %s ", iv, ps);
		put_sub(b, s->hi, P_REL + 1, wants_parens(ps, s->hi));
		if (is_lit(s->st, "1") || is_lit(s->st, "1L") || is_lit(s->st, "1U") ||
			is_lit(s->st, "1UL"))
			buf_printf(b, "; %s++", iv);
		else if (is_lit(s->st, "-1") || is_lit(s->st, "-1L"))
			buf_printf(b, "; %s--", iv);
		else {
			buf_printf(b, "; %s += ", iv);
			emit_expr(b, s->st);
		}
		buf_put(b, ") {\n");
		put_blk(b, s->b1, d + 1, 0);
		indent(b, d);
		buf_put(b, "}\n");
		break;
	}
	case S_WHILE:
		buf_put(b, "while (");
		emit_expr(b, s->e);
		buf_put(b, ") {\n");
		put_blk(b, s->b1, d + 1, 0);
		indent(b, d);
		buf_put(b, "}\n");
		break;
	case S_DO:
		buf_put(b, "do {\n");
		put_blk(b, s->b1, d + 1, 0);
		indent(b, d);
		buf_put(b, "} while (");
		emit_expr(b, s->e);
		buf_put(b, ");\n");
		break;
	case S_LOOP:
		buf_put(b, "for (;;) {\n");
		put_blk(b, s->b1, d + 1, 0);
		indent(b, d);
		buf_put(b, "}\n");
		break;
	case S_BREAK:
		buf_put(b, "break;\n");
		break;
	case S_RET:
		buf_put(b, "return");
		if (s->e) {
			buf_put(b, " ");
			emit_expr(b, s->e);
		}
		buf_put(b, ";\n");
		break;
	case S_VOID:
		buf_printf(b, "(void)%s;\n", s->v->name);
		break;
	}
}

static void put_blk(Buf *b, Blk *k, int d, int fnbody)
{
	for (Stmt *s = k->first; s; s = s->next) {
		if (fnbody && !s->next && s->k == S_RET && !s->e)
			break;   /* `return;` at the end of a void function */
		put_stmt(b, s, d);
	}
}

static void fn_begin(Fn *f)
{
	F = f;
	EA = arena_new();
	ir_uses(f);
	NV = f->nval;
	NW = (NV + 63) / 64 + 1;
	vi = arena_alloc(EA, sizeof(VI) * (size_t)(NV + 1));
	byid = arena_alloc(EA, sizeof(Val *) * (size_t)(NV + 1));
	for (int i = 0; i < NV; i++) {
		vi[i].uf = i;
		vi[i].ufnext = -1;
	}
	vars = NULL;
	varstail = &vars;
	nvars = ntmp = 0;
	stampc = 0;
	free(eh);
	eh = NULL;
	ecap = ecount = 0;
}

static void clear_aux(Ins *in, void *ctx)
{
	(void)ctx;
	in->aux = NULL;
}

static void fn_end(void)
{
	ir_walk(F->body, clear_aux, NULL);
	arena_free(EA);
	EA = NULL;
	free(eh);
	eh = NULL;
	ecap = ecount = 0;
}

static void index_vals(Region *r)
{
	for (int i = 0; i < r->nargs; i++)
		byid[r->args[i]->id] = r->args[i];
	for (Ins *in = r->first; in; in = in->next) {
		for (int i = 0; i < in->nres; i++)
			byid[in->res[i]->id] = in->res[i];
		for (int i = 0; i < in->nregs; i++)
			index_vals(in->regs[i]);
	}
}

static void fn_to_buf(Buf *out, Fn *f)
{
	fn_begin(f);
	for (int i = 0; i < f->np; i++)
		byid[f->params[i]->id] = f->params[i];
	index_vals(f->body);
	ir_walk(f->body, clear_aux, NULL);
	mark(f->body);
	decide(f->body);
	/* coalescing candidates */
	walk_pairs(f->body, pair_cand);
	for (int i = 0; i < NV; i++)
		if (byid[i] && byid[i]->name && !vi[i].inl)
			vi[i].cand = 1;
	walk_for(f->body);
	/* liveness, interference */
	W *live = bs_new();
	lv_region(f->body, live);
	for (int i = 0; i < f->np; i++) {
		vi[f->params[i]->id].cand = 1;
		defd(f->params[i], live);
	}
	coalesce();
	do {
		cnst_changed = 0;
		walk_pairs(f->body, pair_cnst);
	} while (cnst_changed);

	/* statements */
	const char **pn = param_names(f);
	Var **pv = arena_alloc(EA, sizeof(Var *) * (size_t)(f->np + 1));
	for (int i = 0; i < f->np; i++) {
		pv[i] = varof(f->params[i]);
		pv[i]->name = pn[i];
	}
	Blk *root = blk_new();
	build(f->body, root);
	fix_blocks(root, NULL, NULL, 0);
	for (int i = 0; i < f->np; i++)
		pv[i]->scope = root;
	place(root);
	/* (void)p; for unused parameters, first */
	for (int i = f->np - 1; i >= 0; i--)
		if (!pv[i]->refd) {
			Stmt *s = arena_alloc(EA, sizeof *s);
			s->k = S_VOID;
			s->v = pv[i];
			s->next = root->first;
			root->first = s;
			if (!root->last)
				root->last = s;
		}
	name_blk(root);
	for (Var *v = vars; v; v = v->next)
		if (!v->name) {   /* unreferenced: never printed */
			v->scope = root;
			give_name(v);
		}

	put_sig(out, f, pn);
	buf_put(out, "\n{\n");
	put_blk(out, root, 1, 1);
	buf_put(out, "}\n");
	fn_end();
}

void emit_fn(FILE *out, Fn *f)
{
	Buf b = {0};
	buf_put(&b, "");
	M = f->m;
	fn_to_buf(&b, f);
	fputs(b.s, out);
	free(b.s);
}

void emit_prototype(FILE *out, Fn *f)
{
	Buf b = {0};
	M = f->m;
	EA = arena_new();
	put_sig(&b, f, param_names(f));
	arena_free(EA);
	EA = NULL;
	fprintf(out, "%s;\n", b.s);
	free(b.s);
}

/* ---- module: includes, types, globals, prototypes, functions ---- */

static void put_init(Buf *b, Type *t, Global *g, int *k)
{
	if (t->kind == T_ARR || t->kind == T_STRUCT) {
		int n = t->kind == T_ARR ? (int)t->n : t->st->nf;
		buf_put(b, "{");
		for (int i = 0; i < n; i++) {
			if (i)
				buf_put(b, ", ");
			put_init(b, t->kind == T_ARR ? t->elem : t->st->f[i].type, g, k);
		}
		buf_put(b, "}");
		return;
	}
	double d = *k < g->ninit ? g->init[*k] : 0.0;
	(*k)++;
	if (ty_isfloat(t))
		put_fp(b, d, t->kind == T_F32);
	else if (t->kind == T_U64)
		put_int(b, t, (long long)(unsigned long long)d);
	else if (ty_isint(t))
		put_int(b, t, (long long)d);
	else
		buf_put(b, "0");
}

static void put_struct(Buf *b, Struct *st)
{
	if (st->tdname)
		buf_put(b, "typedef ");
	buf_put(b, "struct ");
	if (st->tag)
		buf_printf(b, "%s ", st->tag);
	buf_put(b, "{\n");
	in_structdef = 1;
	for (int i = 0; i < st->nf; i++) {
		buf_put(b, "\t");
		emit_decl(b, st->f[i].type, st->f[i].name, 0);
		buf_put(b, ";\n");
	}
	in_structdef = 0;
	buf_put(b, "}");
	if (st->tdname)
		buf_printf(b, " %s", st->tdname);
	buf_put(b, ";\n");
}

/* Vector mode's direction loops `for (k = 0; k < nd; k++)` have a trip
 * count known only at run time.  gcc (12) at -O2 uses the "very cheap"
 * vectoriser cost model, which refuses such loops (they need a scalar
 * epilogue or alias checks); the dynamic model (-O3's) vectorises them and
 * more than halves the cost of F_dv.  The optimize attribute adds that one
 * option to whatever the user compiles with (gcc keeps the command line's
 * other options: -O level, -ffast-math, -fno-tree-vectorize still apply).
 * gcc's manual reserves the attribute for debugging because not every
 * option works per function; this one does (the vectoriser reads the cost
 * model per function).  gcc inlines between functions that both carry it
 * and inlines plain helpers into them; it does not inline an F_dv into a
 * caller without it.  clang vectorises these loops at -O2 anyway and other
 * compilers do not know the attribute: for them the macro is empty. */
static const char *vectorize_macro =
	"/* direction loops (trip count nd): ask gcc -O2 to vectorise them */\n"
	"#ifndef ADCC_VECTORIZE\n"
	"#if defined(__GNUC__) && !defined(__clang__)\n"
	"#define ADCC_VECTORIZE __attribute__((optimize(\"vect-cost-model=dynamic\")))\n"
	"#else\n"
	"#define ADCC_VECTORIZE\n"
	"#endif\n"
	"#endif\n\n";

void emit_module(FILE *out, Module *m, const EmitOpts *o)
{
	Buf fns = {0}, types = {0}, decls = {0}, protos = {0};
	buf_put(&fns, "");
	buf_put(&types, "");
	buf_put(&decls, "");
	buf_put(&protos, "");
	memset(needs, 0, sizeof needs);
	M = m;
	int vec = 0;
	for (Fn *f = m->fns; f; f = f->next) {
		if (f->proto_only)
			continue;
		buf_put(&fns, "\n");
		if (f->doc)
			buf_printf(&fns, "/* %s. */\n", f->doc);
		if (f->vec)
			buf_put(&fns, "ADCC_VECTORIZE\n");
		vec |= f->vec;
		fn_to_buf(&fns, f);
	}
	EA = arena_new();
	if (o->with_types) {
		for (Struct *st = m->structs; st; st = st->next)
			put_struct(&types, st);
		if (m->structs && m->globals)
			buf_put(&types, "\n");
		for (Global *g = m->globals; g; g = g->next) {
			if (g->is_static)
				buf_put(&types, "static ");
			else if (g->extern_only)
				buf_put(&types, "extern ");
			if (g->is_const)
				buf_put(&types, "const ");
			emit_decl(&types, g->type, g->name, 0);
			if (g->ninit && !g->extern_only) {
				int k = 0;
				buf_put(&types, " = ");
				put_init(&types, g->type, g, &k);
			}
			buf_put(&types, ";\n");
		}
	}
	for (Decl *d = m->decls; d; d = d->next) {
		int h = emit_header_of(d->name);
		if (h) {
			needs[h] = 1;
			continue;
		}
		if (!strncmp(d->name, "__builtin_", 10))
			continue;   /* the C compiler knows them */
		Buf inner = {0};
		buf_printf(&inner, "%s(", d->name);
		for (int i = 0; i < d->np; i++) {
			if (i)
				buf_put(&inner, ", ");
			emit_decl(&inner, d->params[i], "", 0);
		}
		if (d->variadic && d->np)
			buf_put(&inner, ", ...");   /* (...) alone is not C11: () */
		else if (!d->np && !d->variadic)
			buf_put(&inner, "void");
		buf_put(&inner, ")");
		emit_decl(&decls, d->ret, inner.s, 0);
		buf_put(&decls, ";\n");
		free(inner.s);
	}
	for (Fn *f = m->fns; f; f = f->next) {
		put_sig(&protos, f, param_names(f));
		buf_put(&protos, ";\n");
	}
	arena_free(EA);
	EA = NULL;
	if (o->with_includes) {
		static const char *hn[H_NHDR] = {
			[H_MATH] = "math.h", [H_STDLIB] = "stdlib.h",
			[H_STRING] = "string.h", [H_STDIO] = "stdio.h",
			[H_STDDEF] = "stddef.h", [H_ADCC_RT] = "adcc_rt.h",
		};
		int any = 0;
		for (int h = 1; h < H_NHDR; h++)
			if (needs[h]) {
				fprintf(out, "#include <%s>\n", hn[h]);
				any = 1;
			}
		if (any && (types.n || decls.n || protos.n))
			fputc('\n', out);
	}
	if (vec)
		fputs(vectorize_macro, out);
	fputs(types.s, out);
	if (types.n && (decls.n || protos.n))
		fputc('\n', out);
	fputs(decls.s, out);
	fputs(protos.s, out);
	fputs(fns.s, out);
	free(fns.s);
	free(types.s);
	free(decls.s);
	free(protos.s);
}

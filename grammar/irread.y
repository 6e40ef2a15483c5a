/* irread.y — the text IR reader: parses what print.c prints (docs/ir.md).
 *
 * Builds a Module with the ir.c builders while parsing; there is no syntax
 * tree.  Needs: grammar/irread.l (tokens), ir.c, type.c.  Names: printed
 * names are unique per function, so one flat table per function maps a
 * printed name ("x.1") to its Val; the Val keeps the base name ("x"), or
 * NULL for a number ("%12"), so printing what was read gives the same text.
 * Values must be defined before use in text order (an instruction's results
 * count as defined from the start of the instruction); dominance across
 * regions and operand types the reader does not need are the verifier's job.
 * Types the text leaves implied (compares, sizeof, global, alloca, addr,
 * field, region arguments, loop results) are computed here.
 * Every error is `file:line:col: error: …` of the IR text, and exits 1.
 */
%define api.prefix {ir}
%define parse.error verbose
%locations

%code requires {
#include "adcc.h"
/* a word of the text; op: the operation of a keyword, 1 for an integer NUM */
typedef struct { const char *s; int op; } IrWord;
/* a list built while parsing (names with their positions, or values) */
typedef struct { void **a; Loc *locs; int n; } IrList;
}

%code provides {
int irlex(void);
void irerror(const char *msg);
char *irread_keep(const char *s);
void irread_lexbegin(const char *text, size_t len);
void irread_lexend(void);
/* the current token may start an operation (first on its line, or after '=') */
extern int irread_opstart;
}

%code {
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* A struct named by the text, maybe before its definition. */
typedef struct SRef SRef;
struct SRef {
	const char *name;  /* IR name */
	Struct *st;
	int defined;
	Loc loc;           /* first reference */
	SRef *next;
};

/* Name table entry: printed name → value. */
typedef struct { const char *key; Val *v; } Ent;

static const char *path;  /* the IR file, for diagnostics */
static Module *M;
static Fn *F;              /* function being read */
static Region *cur;        /* region instructions are appended to */
static SRef *srefs;
static Ent *tab;
static size_t tabcap, tabn;

static void fail(Loc at, const char *fmt, ...);
static Loc L(IRLTYPE p) { return (Loc){p.first_line, p.first_column}; }
static IrList *list1(void *x, Loc at);
static IrList *listadd(IrList *l, void *x, Loc at);
static Type *basic(IrWord w, Loc at);
static Type *sref(const char *name, Loc at);
static void defstruct(const char *tag, const char *td, IrList *fields, Loc at);
static void expect(IrWord w, const char *spelling, Loc at);
static Type *valtype(Type *t, Loc at);
static double number(IrWord w, Loc at);
static char *unescape(const char *s);
static Val *lookup(const char *name, Loc at);
static void define(const char *name, Val *v, Loc at);
static const char *basename(const char *printed);
static Ins *mk(Op op, IrList *args, Type *rty, Loc at);
static void bind(IrList *names, Ins *in, Loc at);
static void regargs(Region *r, IrList *names, Val **init, int ninit, Loc at);
static Ins *mkconst(Type *t, IrWord w, Loc wat, Loc at);
static Ins *mkloop(Op op, IrList *init, Loc at);
static Type *ptrof(Val *p, Loc at);
static Ins *mkaddr(Val *p, Loc pat, IrList *idx, Loc at);
static Ins *mkfield(Val *p, Loc pat, IrWord name, Loc nat, Loc at);
static Ins *mkindexed(Op op, Type *rty, Val *v, Val *p, IrList *idx, Loc at);
static void begin_fn(int is_static, IrWord name, IrList *params, Type *ret,
	IrList *annots, Loc loc, Loc at);
static void end_fn(void);
static void end_region(void) { cur = cur->parent->parent; }
}

%union {
	IrWord w;
	Type *ty;
	Loc loc;
	Val *v;
	IrList *l;
	Ins *in;
	int n;
}

%token <w> IDENT "identifier" VALNAME "value name" GNAME "@name"
%token <w> SNAME "$name" NUM "number" LOC "location" STRING "string"
%token <w> BADCHAR "invalid character" BADSTRING "unterminated string"
%token ARROW "->" ELLIPSIS "..."
%token <w> SOURCE "source" STRUCT "struct" TYPEDEF "typedef"
%token <w> GLOBAL "global" DECLARE "declare" STATIC "static" FUNC "func"
%token STATICFN "static func"
%token <w> CONST "const" UNDEF "undef" SIZEOF "sizeof"
%token <w> BINOP "binary operation" UNOP "unary operation"
%token <w> CMPOP "comparison" SELECT "select" CALL "call" ALLOCA "alloca"
%token <w> ADDR "addr" FIELD "field" LOAD "load" STORE "store" IF "if"
%token <w> FOR "for" WHILE "while" DOWHILE "dowhile" YIELD "yield"
%token <w> COND "cond" RET "ret"

%type <w> anyname cval
%type <ty> type
%type <loc> loc
%type <l> fields fields_opt field types types_opt dparams params params_opt
%type <l> nums nums_opt annots vals vals_opt names names_opt lhs indices
%type <l> if_types iters iters_opt
%type <v> val
%type <in> simple
%type <n> gquals static_opt pconst

%%

file: source items ;

source:
	  %empty
	| SOURCE STRING  { M->file = unescape($2.s); }
	;

items: %empty | items item ;

item: struct | global | declare | func ;

/* ---- types ---- */

type:
	  IDENT                     { $$ = basic($1, L(@1)); }
	| IDENT '<' type '>'        { expect($1, "ptr", L(@1)); $$ = ty_ptr($3); }
	| '[' NUM IDENT type ']'    {
		if (!$2.op || $2.s[0] == '-')
			fail(L(@2), "array length must be a non-negative integer");
		expect($3, "x", L(@3));
		errno = 0;
		long n = strtol($2.s, NULL, 10);
		if (errno)
			fail(L(@2), "array length %s is too large", $2.s);
		$$ = ty_arr(valtype($4, L(@4)), n);
	}
	| SNAME                     { $$ = sref($1.s, L(@1)); }
	;

types:
	  type                      { $$ = list1($1, L(@1)); }
	| types ',' type            { $$ = listadd($1, $3, L(@3)); }
	;
types_opt: %empty { $$ = NULL; } | types ;

/* Words that may name a field, a struct tag or a typedef. */
anyname:
	  IDENT | SOURCE | STRUCT | TYPEDEF | GLOBAL | DECLARE | STATIC | FUNC
	| CONST | UNDEF | SIZEOF | BINOP | UNOP | CMPOP | SELECT | CALL | ALLOCA
	| ADDR | FIELD | LOAD | STORE | IF | FOR | WHILE | DOWHILE | YIELD | COND
	| RET
	;

/* ---- module items ---- */

struct:
	  STRUCT anyname '{' fields_opt '}'
		{ defstruct($2.s, NULL, $4, L(@2)); }
	| TYPEDEF STRUCT anyname '{' fields_opt '}' anyname
		{ defstruct($3.s, $7.s, $5, L(@7)); }
	| TYPEDEF STRUCT '{' fields_opt '}' anyname
		{ defstruct(NULL, $6.s, $4, L(@6)); }
	;

fields_opt: %empty { $$ = NULL; } | fields ;
fields:
	  field
	| fields ',' field          { $$ = listadd($1, $3->a[0], $3->locs[0]); }
	;
field: anyname ':' type {
		Field *f = arena_alloc(M->arena, sizeof *f);
		f->name = $1.s;
		f->type = valtype($3, L(@3));
		$$ = list1(f, L(@1));
	}
	;

global: GLOBAL GNAME ':' type gquals nums_opt loc {
		if (ir_findglobal(M, $2.s))
			fail(L(@2), "global @%s is defined twice", $2.s);
		Global *g = arena_alloc(M->arena, sizeof *g);
		g->name = $2.s;
		g->type = valtype($4, L(@4));
		g->is_static = $5 & 1;
		g->is_const = ($5 & 2) != 0;
		if ($6) {
			g->ninit = $6->n;
			g->init = arena_alloc(M->arena, sizeof(double) * (size_t)$6->n);
			for (int i = 0; i < $6->n; i++)
				g->init[i] = *(double *)$6->a[i];
		}
		g->loc = $7;
		Global **p = &M->globals;
		while (*p)
			p = &(*p)->next;
		*p = g;
	}
	;

gquals:
	  %empty                    { $$ = 0; }
	| gquals STATIC             { $$ = $1 | 1; }
	| gquals CONST              { $$ = $1 | 2; }
	;

nums_opt:
	  %empty                    { $$ = NULL; }
	| '=' '{' '}'               { $$ = NULL; }
	| '=' '{' nums '}'          { $$ = $3; }
	;
nums:
	  cval {
		double *d = arena_alloc(M->arena, sizeof *d);
		*d = number($1, L(@1));
		$$ = list1(d, L(@1));
	}
	| nums ',' cval {
		double *d = arena_alloc(M->arena, sizeof *d);
		*d = number($3, L(@3));
		$$ = listadd($1, d, L(@3));
	}
	;

/* a number, or the words null, nan, inf */
cval: NUM | IDENT ;

declare: DECLARE GNAME '(' dparams ')' ARROW type {
		if (ir_finddecl(M, $2.s))
			fail(L(@2), "@%s is declared twice", $2.s);
		Decl *d = arena_alloc(M->arena, sizeof *d);
		d->name = $2.s;
		d->ret = $7;
		if ($4) {
			d->variadic = $4->a[$4->n - 1] == NULL;
			d->np = $4->n - d->variadic;
			d->params = arena_alloc(M->arena, sizeof(Type *) * (size_t)($4->n));
			for (int i = 0; i < d->np; i++)
				d->params[i] = valtype($4->a[i], $4->locs[i]);
		}
		Decl **p = &M->decls;
		while (*p)
			p = &(*p)->next;
		*p = d;
	}
	;

/* a trailing NULL element marks "..." */
dparams:
	  types_opt
	| ELLIPSIS                  { $$ = list1(NULL, L(@1)); }
	| types ',' ELLIPSIS        { $$ = listadd($1, NULL, L(@3)); }
	;

/* ---- functions ---- */

func: static_opt GNAME '(' params_opt ')' ARROW type annots loc '{'
		{ begin_fn($1, $2, $4, $7, $8, $9, L(@2)); }
	  body '}'
		{ end_fn(); }
	;

/* "static func" is one token: "static" alone may end a global */
static_opt: FUNC { $$ = 0; } | STATICFN { $$ = 1; } ;

params_opt: %empty { $$ = NULL; } | params ;
/* a parameter is (name, type, const flag): `%x: ptr<f64> const` */
params:
	  VALNAME ':' type pconst {
		$$ = list1((void *)$1.s, L(@1));
		$$ = listadd($$, valtype($3, L(@3)), L(@3));
		$$ = listadd($$, $4 ? (void *)$$ : NULL, L(@3));
	}
	| params ',' VALNAME ':' type pconst {
		$$ = listadd($1, (void *)$3.s, L(@3));
		$$ = listadd($$, valtype($5, L(@5)), L(@5));
		$$ = listadd($$, $6 ? (void *)$$ : NULL, L(@5));
	}
	;
pconst: %empty { $$ = 0; } | CONST { $$ = 1; } ;

annots:
	  %empty                    { $$ = NULL; }
	| annots IDENT STRING {
		expect($2, "annotate", L(@2));
		$$ = $1 ? listadd($1, unescape($3.s), L(@3))
			: list1(unescape($3.s), L(@3));
	}
	;

loc:
	  %empty                    { $$ = (Loc){0, 0}; }
	| LOC {
		char *colon;
		errno = 0;
		long l = strtol($1.s, &colon, 10);
		long c = strtol(colon + 1, NULL, 10);
		if (errno || l > 1000000000 || c > 1000000000)
			fail(L(@1), "location !%s is out of range", $1.s);
		$$ = (Loc){(int)l, (int)c};
	}
	;

/* A region's instructions; the terminator is optional here so that a
 * missing one is reported by the verifier, which knows what is expected. */
body: stmts term ;

stmts: %empty | stmts stmt ;

term:
	  %empty
	| YIELD vals_opt loc        { ir_append(cur, mk(O_YIELD, $2, NULL, $3)); }
	| COND vals_opt loc         { ir_append(cur, mk(O_COND, $2, NULL, $3)); }
	| RET vals_opt loc          { ir_append(cur, mk(O_RET, $2, NULL, $3)); }
	;

lhs: %empty { $$ = NULL; } | names '=' ;

names:
	  VALNAME                   { $$ = list1((void *)$1.s, L(@1)); }
	| names ',' VALNAME         { $$ = listadd($1, (void *)$3.s, L(@3)); }
	;
names_opt: %empty { $$ = NULL; } | names ;

val: VALNAME                    { $$ = lookup($1.s, L(@1)); } ;

vals:
	  val                       { $$ = list1($1, L(@1)); }
	| vals ',' val              { $$ = listadd($1, $3, L(@3)); }
	;
vals_opt: %empty { $$ = NULL; } | vals ;

indices:
	  %empty                    { $$ = NULL; }
	| indices '[' val ']'       { $$ = $1 ? listadd($1, $3, L(@3)) : list1($3, L(@3)); }
	;

stmt:
	  lhs simple {
		bind($1, $2, $1 ? $1->locs[0] : L(@2));
		ir_append(cur, $2);
	}
	| lhs IF val if_types loc '{' {
		Val *c = $3;
		Ins *in = ir_ins(F, O_IF, &c, 1, $4 ? (Type **)$4->a : NULL,
			$4 ? $4->n : 0, 2, $5);
		bind($1, in, $1 ? $1->locs[0] : L(@2));
		ir_append(cur, in);
		cur = in->regs[R_THEN];
		$<in>$ = in;
	  } body '}' IDENT '{' {
		expect($10, "else", L(@10));
		cur = $<in>7->regs[R_ELSE];
	  } body '}' {
		end_region();
	  }
	| lhs FOR '.' CMPOP VALNAME '=' val IDENT val IDENT val iters_opt loc '{' {
		expect($8, "to", L(@8));
		expect($10, "step", L(@10));
		IrList *args = list1($7, L(@7));
		args = listadd(args, $9, L(@9));
		args = listadd(args, $11, L(@11));
		int niter = $12 ? $12->n / 2 : 0;
		Type **rt = arena_alloc(M->arena, sizeof(Type *) * (size_t)(niter + 1));
		for (int i = 0; i < niter; i++) {
			Val *init = $12->a[2 * i + 1];
			args = listadd(args, init, $12->locs[2 * i + 1]);
			rt[i] = init->ty;
		}
		Ins *in = ir_ins(F, O_FOR, (Val **)args->a, args->n, rt, niter, 1, $13);
		in->pred = $4.op;
		bind($1, in, $1 ? $1->locs[0] : L(@2));
		ir_append(cur, in);
		Region *r = in->regs[0];
		IrList *nm = list1((void *)$5.s, L(@5));
		Val **ty = arena_alloc(M->arena, sizeof(Val *) * (size_t)(niter + 1));
		ty[0] = $7;
		for (int i = 0; i < niter; i++) {
			nm = listadd(nm, $12->a[2 * i], $12->locs[2 * i]);
			ty[i + 1] = $12->a[2 * i + 1];
		}
		regargs(r, nm, ty, niter + 1, L(@5));
		cur = r;
	  } body '}' {
		end_region();
	  }
	| lhs WHILE '(' vals_opt ')' loc {
		$<in>$ = mkloop(O_WHILE, $4, $6);
		bind($1, $<in>$, $1 ? $1->locs[0] : L(@2));
		ir_append(cur, $<in>$);
	  } COND '(' names_opt ')' '{' {
		Ins *in = $<in>7;
		regargs(in->regs[R_COND], $10, in->args, in->nargs, L(@9));
		cur = in->regs[R_COND];
	  } body '}' IDENT '(' names_opt ')' '{' {
		Ins *in = $<in>7;
		expect($16, "do", L(@16));
		regargs(in->regs[R_BODY], $18, in->args, in->nargs, L(@17));
		cur = in->regs[R_BODY];
	  } body '}' {
		end_region();
	  }
	| lhs DOWHILE '(' vals_opt ')' loc {
		$<in>$ = mkloop(O_DOWHILE, $4, $6);
		bind($1, $<in>$, $1 ? $1->locs[0] : L(@2));
		ir_append(cur, $<in>$);
	  } IDENT '(' names_opt ')' '{' {
		Ins *in = $<in>7;
		expect($8, "do", L(@8));
		regargs(in->regs[R_BODY], $10, in->args, in->nargs, L(@9));
		cur = in->regs[R_BODY];
	  } body '}' COND '(' names_opt ')' '{' {
		Ins *in = $<in>7;
		regargs(in->regs[R_COND], $18, in->args, in->nargs, L(@17));
		cur = in->regs[R_COND];
	  } body '}' {
		end_region();
	  }
	;

if_types:
	  %empty                    { $$ = NULL; }
	| ARROW '(' types ')' {
		for (int i = 0; i < $3->n; i++)
			valtype($3->a[i], $3->locs[i]);
		$$ = $3;
	}
	;

/* name, init, name, init … */
iters_opt:
	  %empty                    { $$ = NULL; }
	| IDENT '(' iters ')'       { expect($1, "iter", L(@1)); $$ = $3; }
	;
iters:
	  VALNAME '=' val {
		$$ = list1((void *)$1.s, L(@1));
		$$ = listadd($$, $3, L(@3));
	}
	| iters ',' VALNAME '=' val {
		$$ = listadd($1, (void *)$3.s, L(@3));
		$$ = listadd($$, $5, L(@5));
	}
	;

simple:
	  CONST '.' type cval loc   { $$ = mkconst(valtype($3, L(@3)), $4, L(@4), $5); }
	| UNDEF '.' type loc        { $$ = mk(O_UNDEF, NULL, valtype($3, L(@3)), $4); }
	| SIZEOF type loc {
		$$ = mk(O_SIZEOF, NULL, ty_basic(T_U64), $3);
		$$->aty = valtype($2, L(@2));
	}
	| GLOBAL GNAME loc {
		Global *g = ir_findglobal(M, $2.s);
		if (!g)
			fail(L(@2), "unknown global @%s", $2.s);
		$$ = mk(O_GLOBAL, NULL, ty_ptr(ty_decay(g->type)), $3);
		$$->sym = g->name;
	}
	| BINOP '.' type val ',' val loc {
		IrList *a = listadd(list1($4, L(@4)), $6, L(@6));
		$$ = mk($1.op, a, valtype($3, L(@3)), $7);
	}
	| UNOP '.' type val loc     { $$ = mk($1.op, list1($4, L(@4)), valtype($3, L(@3)), $5); }
	| CMPOP val ',' val loc {
		$$ = mk($1.op, listadd(list1($2, L(@2)), $4, L(@4)), ty_basic(T_I1), $5);
	}
	| SELECT '.' type val ',' val ',' val loc {
		IrList *a = listadd(listadd(list1($4, L(@4)), $6, L(@6)), $8, L(@8));
		$$ = mk(O_SELECT, a, valtype($3, L(@3)), $9);
	}
	| CALL '.' type GNAME '(' vals_opt ')' loc {
		$$ = mk(O_CALL, $6, valtype($3, L(@3)), $8);
		$$->sym = $4.s;
	}
	| CALL GNAME '(' vals_opt ')' loc {
		$$ = mk(O_CALL, $4, NULL, $6);
		$$->sym = $2.s;
	}
	| ALLOCA type loc {
		Type *t = valtype($2, L(@2));
		$$ = mk(O_ALLOCA, NULL, ty_ptr(ty_decay(t)), $3);
		$$->aty = t;
	}
	| ALLOCA type ',' val loc {
		Type *t = valtype($2, L(@2));
		$$ = mk(O_ALLOCA, list1($4, L(@4)), ty_ptr(t), $5);
		$$->aty = t;
	}
	| ADDR val indices loc      { $$ = mkaddr($2, L(@2), $3, $4); }
	| FIELD val ',' '.' anyname loc { $$ = mkfield($2, L(@2), $5, L(@5), $6); }
	| LOAD '.' type val indices loc {
		$$ = mkindexed(O_LOAD, valtype($3, L(@3)), NULL, $4, $5, $6);
	}
	| STORE val ',' val indices loc { $$ = mkindexed(O_STORE, NULL, $2, $4, $5, $6); }
	;

%%

static void fail(Loc at, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_fatal(path, at, "%s", buf);
}

void irerror(const char *msg)
{
	Loc at = L(irlloc);
	if (irchar == BADCHAR) {
		unsigned char c = (unsigned char)irlval.w.s[0];
		if (c >= 0x20 && c < 0x7f)
			fail(at, "unexpected character '%c'", c);
		fail(at, "unexpected byte 0x%02x", c);
	}
	if (irchar == BADSTRING)
		fail(at, "unterminated string");
	if (irchar == IREOF && cur)
		fail(at, "unexpected end of file in the body of @%s (missing '}')",
			F->name);
	if (irchar == IDENT && cur && irread_opstart)
		fail(at, "unknown operation '%s'", irlval.w.s);
	fail(at, "%s", msg);
}

char *irread_keep(const char *s)
{
	return arena_strdup(M->arena, s);
}

static IrList *list1(void *x, Loc at)
{
	IrList *l = arena_alloc(M->arena, sizeof *l);
	return listadd(l, x, at);
}

/* Appends in place, doubling the arrays at powers of two. */
static IrList *listadd(IrList *l, void *x, Loc at)
{
	if ((l->n & (l->n - 1)) == 0) {
		size_t cap = l->n ? 2 * (size_t)l->n : 1;
		void **a = arena_alloc(M->arena, sizeof(void *) * cap);
		Loc *locs = arena_alloc(M->arena, sizeof(Loc) * cap);
		if (l->n) {
			memcpy(a, l->a, sizeof(void *) * (size_t)l->n);
			memcpy(locs, l->locs, sizeof(Loc) * (size_t)l->n);
		}
		l->a = a;
		l->locs = locs;
	}
	l->a[l->n] = x;
	l->locs[l->n++] = at;
	return l;
}

static void expect(IrWord w, const char *spelling, Loc at)
{
	if (strcmp(w.s, spelling))
		fail(at, "expected '%s', found '%s'", spelling, w.s);
}

static Type *basic(IrWord w, Loc at)
{
	for (TypeKind k = T_VOID; k <= T_F64; k++)
		if (!strcmp(ty_basename(k), w.s))
			return ty_basic(k);
	fail(at, "unknown type '%s'", w.s);
	return NULL;
}

/* Types of values, fields and objects: not void. */
static Type *valtype(Type *t, Loc at)
{
	if (t->kind == T_VOID)
		fail(at, "void is not a value type here");
	return t;
}

static SRef *findsref(const char *name)
{
	for (SRef *r = srefs; r; r = r->next)
		if (!strcmp(r->name, name))
			return r;
	return NULL;
}

static SRef *newsref(const char *name, Loc at)
{
	SRef *r = arena_alloc(M->arena, sizeof *r);
	r->name = name;
	r->st = arena_alloc(M->arena, sizeof *r->st);
	r->st->tdname = name; /* until its definition says */
	r->st->type = ty_struct(r->st);
	r->loc = at;
	r->next = srefs;
	srefs = r;
	return r;
}

static Type *sref(const char *name, Loc at)
{
	SRef *r = findsref(name);
	if (!r)
		r = newsref(name, at);
	return r->st->type;
}

/* A struct contained by value (not behind a pointer) must be complete. */
static void complete(Type *t, const char *what, Loc at)
{
	while (t->kind == T_ARR)
		t = t->elem;
	if (t->kind == T_STRUCT) {
		SRef *r = findsref(ty_irname(t->st));
		if (r && !r->defined)
			fail(at, "%s has incomplete type $%s", what, r->name);
	}
}

static void defstruct(const char *tag, const char *td, IrList *fields, Loc at)
{
	const char *name = td ? td : tag;
	SRef *r = findsref(name);
	if (r && r->defined)
		fail(at, "struct $%s is defined twice", name);
	if (!r)
		r = newsref(name, at);
	Struct *st = r->st;
	st->tag = tag;
	st->tdname = td;
	if (fields) {
		st->nf = fields->n;
		st->f = arena_alloc(M->arena, sizeof(Field) * (size_t)st->nf);
		for (int i = 0; i < st->nf; i++) {
			st->f[i] = *(Field *)fields->a[i];
			complete(st->f[i].type, arena_printf(M->arena, "field '%s'",
				st->f[i].name), fields->locs[i]);
			for (int j = 0; j < i; j++)
				if (!strcmp(st->f[i].name, st->f[j].name))
					fail(fields->locs[i], "duplicate field '%s'", st->f[i].name);
		}
	}
	r->defined = 1;
	Struct **p = &M->structs;
	while (*p)
		p = &(*p)->next;
	*p = st;
}

/* strtod/strtoll of a NUM, or the words nan and inf. */
static double number(IrWord w, Loc at)
{
	if (!strcmp(w.s, "nan"))
		return NAN;
	if (!strcmp(w.s, "inf"))
		return INFINITY;
	if (!strcmp(w.s, "-inf"))
		return -INFINITY;
	if (!strcmp(w.s, "+inf"))
		return INFINITY;
	char *end;
	double d = strtod(w.s, &end);
	if (end == w.s || *end)
		fail(at, "expected a number, found '%s'", w.s);
	return d;
}

/* The text between the quotes, with \" and \\ undone. */
static char *unescape(const char *s)
{
	char *out = arena_strdup(M->arena, s + 1), *o = out;
	for (const char *p = s + 1; p[1]; p++) {
		if (*p == '\\')
			p++;
		*o++ = *p;
	}
	*o = 0;
	return out;
}

/* ---- the per-function name table (open addressing, FNV-1a) ---- */

static size_t hash(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static Ent *slot(const char *key)
{
	size_t i = hash(key) & (tabcap - 1);
	while (tab[i].key && strcmp(tab[i].key, key))
		i = (i + 1) & (tabcap - 1);
	return &tab[i];
}

static Val *lookup(const char *name, Loc at)
{
	Ent *e = slot(name);
	if (!e->key)
		fail(at, "use of undefined value %%%s", name);
	return e->v;
}

static void define(const char *name, Val *v, Loc at)
{
	if (2 * (tabn + 1) > tabcap) {
		Ent *old = tab;
		size_t oldcap = tabcap;
		tabcap = tabcap ? 2 * tabcap : 64;
		tab = xmalloc(sizeof(Ent) * tabcap);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				*slot(old[i].key) = old[i];
		free(old);
	}
	Ent *e = slot(name);
	if (e->key)
		fail(at, "value %%%s is defined twice", name);
	e->key = name;
	e->v = v;
	tabn++;
	v->name = basename(name);
}

/* "x.1" → "x", "x" → "x", "12" → NULL */
static const char *basename(const char *printed)
{
	if (printed[0] >= '0' && printed[0] <= '9')
		return NULL;
	const char *dot = strchr(printed, '.');
	if (!dot)
		return printed;
	char *s = arena_strdup(M->arena, printed);
	s[dot - printed] = 0;
	return s;
}

/* ---- instructions ---- */

static Ins *mk(Op op, IrList *args, Type *rty, Loc at)
{
	return ir_ins(F, op, args ? (Val **)args->a : NULL, args ? args->n : 0,
		&rty, rty ? 1 : 0, opinfo[op].nregs, at);
}

/* Names the results of `in`; the counts must agree. */
static void bind(IrList *names, Ins *in, Loc at)
{
	int n = names ? names->n : 0;
	if (n != in->nres)
		fail(at, "'%s' has %d result%s but %d name%s given",
			opinfo[in->op].name, in->nres, in->nres == 1 ? "" : "s", n,
			n == 1 ? " is" : "s are");
	for (int i = 0; i < n; i++)
		define(names->a[i], in->res[i], names->locs[i]);
}

/* Region arguments `names`, typed like the values init[0..ninit). */
static void regargs(Region *r, IrList *names, Val **init, int ninit, Loc at)
{
	int n = names ? names->n : 0;
	if (n != ninit)
		fail(at, "the region has %d argument%s but %d %s expected", n,
			n == 1 ? "" : "s", ninit, ninit == 1 ? "is" : "are");
	for (int i = 0; i < n; i++)
		define(names->a[i], ir_regarg(r, init[i]->ty, NULL), names->locs[i]);
}

/* while / dowhile: results typed like the carried values */
static Ins *mkloop(Op op, IrList *init, Loc at)
{
	int n = init ? init->n : 0;
	Type **rt = arena_alloc(M->arena, sizeof(Type *) * (size_t)(n + 1));
	for (int i = 0; i < n; i++)
		rt[i] = ((Val *)init->a[i])->ty;
	return ir_ins(F, op, init ? (Val **)init->a : NULL, n, rt, n, 2, at);
}

static Ins *mkconst(Type *t, IrWord w, Loc wat, Loc at)
{
	Ins *in = mk(O_CONST, NULL, t, at);
	if (ty_isfloat(t)) {
		in->f = number(w, wat);
	} else if (t->kind == T_PTR) {
		expect(w, "null", wat);
	} else if (ty_isint(t)) {
		if (w.op != 1)
			fail(wat, "expected an integer, found '%s'", w.s);
		errno = 0;
		if (t->kind == T_U64 && w.s[0] != '-')
			in->i = (long long)strtoull(w.s, NULL, 10);
		else
			in->i = strtoll(w.s, NULL, 10);
		if (errno)
			fail(wat, "integer constant %s is out of range", w.s);
	} else {
		fail(wat, "const needs a scalar type");
	}
	return in;
}

static Type *ptrof(Val *p, Loc at)
{
	if (p->ty->kind != T_PTR)
		fail(at, "expected a pointer operand, found %s", ty_str(M->arena, p->ty));
	return p->ty;
}

/* addr %p[%i][%j]…: the first index offsets p (same type); each further
 * index selects an element of the array p points to; the result points to
 * the (decayed) element reached. */
static Ins *mkaddr(Val *p, Loc pat, IrList *idx, Loc at)
{
	Type *t = ptrof(p, pat);
	int n = idx ? idx->n : 0;
	if (n >= 2) {
		Type *e = t->elem;
		for (int k = 1; k < n; k++) {
			if (e->kind != T_ARR)
				fail(idx->locs[k], "index %d steps into %s, which is not an array",
					k + 1, ty_str(M->arena, e));
			e = e->elem;
		}
		t = ty_ptr(ty_decay(e));
	}
	IrList *args = list1(p, at);
	for (int k = 0; k < n; k++)
		listadd(args, idx->a[k], idx->locs[k]);
	return mk(O_ADDR, args, t, at);
}

static Ins *mkfield(Val *p, Loc pat, IrWord name, Loc nat, Loc at)
{
	Type *t = ptrof(p, pat);
	if (t->elem->kind != T_STRUCT)
		fail(pat, "field needs a pointer to a struct, found %s",
			ty_str(M->arena, t));
	Struct *st = t->elem->st;
	SRef *r = findsref(ty_irname(st));
	if (r && !r->defined)
		fail(pat, "field of incomplete struct $%s", r->name);
	int k = ty_field(st, name.s);
	if (k < 0)
		fail(nat, "$%s has no field '%s'", ty_irname(st), name.s);
	Ins *in = mk(O_FIELD, list1(p, at), ty_ptr(ty_decay(st->f[k].type)), at);
	in->fld = k;
	return in;
}

/* load.T %p[idx…] (v NULL) or store %v, %p[idx…] */
static Ins *mkindexed(Op op, Type *rty, Val *v, Val *p, IrList *idx, Loc at)
{
	IrList *args = v ? listadd(list1(v, at), p, at) : list1(p, at);
	for (int k = 0; idx && k < idx->n; k++)
		listadd(args, idx->a[k], idx->locs[k]);
	return mk(op, args, rty, at);
}

/* ---- functions ---- */

static void begin_fn(int is_static, IrWord name, IrList *params, Type *ret,
	IrList *annots, Loc loc, Loc at)
{
	if (ir_findfn(M, name.s))
		fail(at, "function @%s is defined twice", name.s);
	F = ir_fn(M, name.s, ret);
	F->is_static = is_static;
	F->loc = loc;
	if (annots) {
		F->nannot = annots->n;
		F->annots = (const char **)annots->a;
	}
	tabn = 0;
	if (!tab) {
		tabcap = 64;
		tab = xmalloc(sizeof(Ent) * tabcap);
	}
	memset(tab, 0, sizeof(Ent) * tabcap);
	for (int i = 0; params && i < params->n; i += 3) {
		Val *p = ir_param(F, params->a[i + 1], NULL);
		p->cnst = params->a[i + 2] != NULL;
		if (p->cnst && p->ty->kind != T_PTR)
			fail(params->locs[i], "only a pointer parameter can be const");
		define(params->a[i], p, params->locs[i]);
	}
	cur = F->body;
}

static void end_fn(void)
{
	F = NULL;
	cur = NULL;
}

/* ---- entry points ---- */

static Module *parse(const char *name, const char *text, size_t len)
{
	path = name;
	M = ir_module(name);
	srefs = NULL;
	irread_lexbegin(text, len);
	irparse();
	irread_lexend();
	for (SRef *r = srefs; r; r = r->next)
		if (!r->defined)
			fail(r->loc, "struct $%s is used but never defined", r->name);
	free(tab);
	tab = NULL;
	tabcap = tabn = 0;
	Module *m = M;
	M = NULL;
	return m;
}

Module *irread_string(const char *name, const char *text)
{
	return parse(name, text, strlen(text));
}

Module *irread_file(const char *file)
{
	FILE *fp = fopen(file, "rb");
	if (!fp)
		diag_fatal(NULL, (Loc){0, 0}, "cannot read '%s'", file);
	size_t cap = 1 << 16, n = 0, k;
	char *buf = xmalloc(cap);
	while ((k = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += k;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	if (ferror(fp))
		diag_fatal(NULL, (Loc){0, 0}, "cannot read '%s'", file);
	fclose(fp);
	Module *m = parse(file, buf, n);
	free(buf);
	return m;
}

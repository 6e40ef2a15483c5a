/* spec.y — the derivative-request language (docs/requests.md).
 *
 * One grammar for both ways of asking for a derivative:
 *   command line   f:x[n],w->return         (--reverse SPEC, DESIGN.md §5)
 *   annotation     adcc: reverse x[n], w -> return
 *                  (from ADCC_REVERSE("x[n], w -> return"), runtime/adcc.h;
 *                  the function is the annotated one)
 * The lexer (spec.l) hands out a first token, START_CLI or START_ANNOT, that
 * selects the form.  Extents are C integer expressions; their text is kept
 * minus whitespace, to be pasted into generated C.
 *
 * Errors are fatal and say what was expected, after which token and at which
 * column of the spec: "adcc: error: --reverse 'f:x[': column 5: …" (exit 2)
 * or, for an annotation, "file:line:col: error: annotation "…": column …"
 * (exit 1).  Whether the names fit the function is request.c's business.
 */
%define api.prefix {spec}
%define api.pure full
%define parse.error custom
%define parse.lac full
%locations
%param {void *scanner}
%parse-param {SpecParse *P}

%code requires {
#include "adcc.h"

/* One item of a list while parsing: the item and its column. */
typedef struct SpecNode SpecNode;
struct SpecNode {
	SpecItem it;
	int col;
	SpecNode *next;
};
typedef struct {
	SpecNode *head, *tail;
	int n;
} SpecList;

/* State shared by the parser and the lexer (the scanner's extra data). */
typedef struct {
	Arena *a;
	const char *text;       /* the spec being parsed */
	int annot;              /* 1: annotation text; 0: command-line SPEC */
	Mode mode;              /* command line: the option's mode */
	Module *m;              /* annotation: where it was found */
	Fn *fn;
	/* lexer position and the last two tokens, for messages */
	int started;            /* the start token has been returned */
	int col;                /* column of the next character, from 1 */
	int ntok;
	const char *prevtxt, *curtxt;   /* NULL: none / end of the spec */
	int in_outputs;         /* a '->' has been read */
	Request *rq;            /* the result */
} SpecParse;
}

%code provides {
int speclex(SPECSTYPE *lval, SPECLTYPE *lloc, void *scanner);
/* Prints an error about column `col` of the spec and exits. */
_Noreturn void spec_fail(SpecParse *P, int col, const char *fmt, ...);
}

%code {
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void specerror(SPECLTYPE *loc, void *scanner, SpecParse *P, const char *msg);
static SpecList *list1(SpecParse *P, SpecItem it, int col);
static SpecList *listadd(SpecParse *P, SpecList *l, SpecItem it, int col);
static void setlist(SpecParse *P, SpecList *l, int out);
static char *cat(SpecParse *P, const char *a, const char *op, const char *b);
static Mode modeof(SpecParse *P, const char *word, int col);
}

%union {
	char *s;
	SpecList *list;
	SpecItem item;
}

%token START_CLI START_ANNOT
%token <s> NAME "name" INT "integer"
%token ARROW "->" RETURN "return"
%token COLON ":" COMMA "," LBRACK "[" RBRACK "]" LPAREN "(" RPAREN ")"
%token PLUS "+" MINUS "-" STAR "*" SLASH "/" PERCENT "%"
%type <s> extent expr
%type <list> items
%type <item> item

%left "+" "-"
%left "*" "/" "%"
%precedence UNARY

%%

spec
	: START_CLI NAME inputs outputs	{ P->rq->fn = $2; }
	| START_ANNOT NAME ":" NAME	{
		if (strcmp($2, "adcc"))
			spec_fail(P, @2.first_column, "an adcc annotation starts "
				"with 'adcc:', not '%s'", $2);
		P->rq->mode = modeof(P, $4, @4.first_column);
		P->rq->fn = P->fn->name;
	} annot_inputs outputs
	;

inputs
	: %empty
	| ":" items			{ setlist(P, $2, 0); }
	;

annot_inputs
	: %empty
	| items				{ setlist(P, $1, 0); }
	;

outputs
	: %empty
	| "->" items			{ setlist(P, $2, 1); }
	;

items
	: item				{ $$ = list1(P, $1, @1.first_column); }
	| items "," item		{ $$ = listadd(P, $1, $3, @3.first_column); }
	;

item
	: NAME extent			{ $$ = (SpecItem){$1, $2, 0}; }
	| "return" extent		{
		if ($2)
			spec_fail(P, @2.first_column, "'return' takes no extent: the "
				"return value is a scalar; write 'return'");
		$$ = (SpecItem){"return", NULL, 1};
	}
	;

extent
	: %empty			{ $$ = NULL; }
	| "[" expr "]"			{ $$ = $2; }
	;

expr
	: NAME
	| INT
	| "(" expr ")"			{ $$ = arena_printf(P->a, "(%s)", $2); }
	| "-" expr %prec UNARY		{ $$ = cat(P, "", "-", $2); }
	| "+" expr %prec UNARY		{ $$ = cat(P, "", "+", $2); }
	| expr "+" expr			{ $$ = cat(P, $1, "+", $3); }
	| expr "-" expr			{ $$ = cat(P, $1, "-", $3); }
	| expr "*" expr			{ $$ = cat(P, $1, "*", $3); }
	| expr "/" expr			{ $$ = cat(P, $1, "/", $3); }
	| expr "%" expr			{ $$ = cat(P, $1, "%", $3); }
	;

%%

static SpecList *list1(SpecParse *P, SpecItem it, int col)
{
	SpecList *l = arena_alloc(P->a, sizeof *l);
	return listadd(P, l, it, col);
}

static SpecList *listadd(SpecParse *P, SpecList *l, SpecItem it, int col)
{
	SpecNode *n = arena_alloc(P->a, sizeof *n);
	n->it = it;
	n->col = col;
	if (l->tail)
		l->tail->next = n;
	else
		l->head = n;
	l->tail = n;
	l->n++;
	return l;
}

/* Stores a finished input (out = 0) or output list in the request, after
 * the checks that need no module: no name twice, 'return' only as output. */
static void setlist(SpecParse *P, SpecList *l, int out)
{
	const char *what = out ? "outputs" : "inputs";
	SpecItem *v = arena_alloc(P->a, sizeof *v * (size_t)l->n);
	int k = 0;
	for (SpecNode *n = l->head; n; n = n->next) {
		if (n->it.is_return && !out)
			spec_fail(P, n->col, "'return' cannot be an input: the return "
				"value is an output; write it after '->'");
		for (SpecNode *p = l->head; p != n; p = p->next)
			if (!strcmp(p->it.name, n->it.name))
				spec_fail(P, n->col, "'%s' is listed twice in the %s",
					n->it.name, what);
		v[k++] = n->it;
	}
	if (out) {
		P->rq->out = v;
		P->rq->nout = k;
		P->rq->has_out = 1;
	} else {
		P->rq->in = v;
		P->rq->nin = k;
		P->rq->has_in = 1;
	}
}

/* a op b without whitespace, except where two signs would fuse ("n- -1"
 * must not become "n--1"). */
static char *cat(SpecParse *P, const char *a, const char *op, const char *b)
{
	size_t na = strlen(a);
	const char *sp1 = na && (a[na - 1] == '+' || a[na - 1] == '-') &&
		a[na - 1] == op[0] ? " " : "";
	const char *sp2 = (op[0] == '+' || op[0] == '-') && b[0] == op[0] ? " " : "";
	return arena_printf(P->a, "%s%s%s%s%s", a, sp1, op, sp2, b);
}

static const char *const modenames[] = {
	[M_FORWARD] = "forward", [M_REVERSE] = "reverse", [M_VECTOR] = "vector",
	[M_HVP] = "hvp", [M_JACOBIAN] = "jacobian",
};

static Mode modeof(SpecParse *P, const char *word, int col)
{
	for (int i = 0; i < (int)(sizeof modenames / sizeof *modenames); i++)
		if (!strcmp(word, modenames[i]))
			return (Mode)i;
	spec_fail(P, col, "unknown mode '%s': expected forward, reverse, vector, "
		"hvp or jacobian", word);
}

_Noreturn void spec_fail(SpecParse *P, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[512];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (P->annot)
		diag_error(P->m->file, P->fn->loc, "annotation \"%s\": column %d: %s",
			P->text, col, buf);
	else
		diag_error(NULL, (Loc){0, 0}, "--%s '%s': column %d: %s",
			mode_name(P->mode), P->text, col, buf);
	/* the spec again, with a caret under the column */
	fputs("    ", stderr);
	for (const char *s = P->text; *s; s++)
		fputc(*s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s, stderr);
	fprintf(stderr, "\n    %*s^\n", col - 1, "");
	exit(P->annot ? 1 : 2);
}

void specerror(SPECLTYPE *loc, void *scanner, SpecParse *P, const char *msg)
{
	(void)scanner;
	spec_fail(P, loc->first_column, "%s", msg);
}

/* What a missing name is, from where the parser stands. */
static const char *name_phrase(SpecParse *P)
{
	if (!P->prevtxt)
		return P->annot ? "'adcc:'" : "a function name";
	if (P->annot && !strcmp(P->prevtxt, ":"))
		return "a mode (forward, reverse, vector, hvp or jacobian)";
	return P->in_outputs ? "a parameter name or 'return'" : "a parameter name";
}

/* "expected X after 'Y', found 'Z'" from the tokens the parser can shift. */
static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner,
	SpecParse *P)
{
	(void)scanner;
	yysymbol_kind_t exp[YYNTOKENS];
	int n = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
	int has[YYNTOKENS] = {0};
	for (int i = 0; i < n; i++)
		has[exp[i]] = 1;
	/* phrases in a fixed order */
	const char *ph[12];
	int np = 0;
	if (has[YYSYMBOL_NAME] && !has[YYSYMBOL_INT])
		ph[np++] = name_phrase(P);
	if (has[YYSYMBOL_INT])
		ph[np++] = P->prevtxt && !strcmp(P->prevtxt, "[") ?
			"an extent expression" : "an operand";
	else if (has[YYSYMBOL_PLUS] || has[YYSYMBOL_MINUS] || has[YYSYMBOL_STAR] ||
		has[YYSYMBOL_SLASH] || has[YYSYMBOL_PERCENT])
		ph[np++] = "an operator";
	static const struct { yysymbol_kind_t k; const char *s; } simple[] = {
		{YYSYMBOL_RBRACK, "']'"}, {YYSYMBOL_RPAREN, "')'"},
		{YYSYMBOL_LBRACK, "'['"}, {YYSYMBOL_COMMA, "','"},
		{YYSYMBOL_COLON, "':'"}, {YYSYMBOL_ARROW, "'->'"},
		{YYSYMBOL_YYEOF, NULL},
	};
	for (size_t i = 0; i < sizeof simple / sizeof *simple; i++)
		if (has[simple[i].k])
			ph[np++] = simple[i].s ? simple[i].s : P->annot ?
				"the end of the annotation" : "the end of the spec";

	char buf[256] = "expected ";
	for (int i = 0; i < np; i++) {
		if (i)
			strcat(buf, i == np - 1 ? " or " : ", ");
		strcat(buf, ph[i]);
	}
	if (!np)
		strcpy(buf, "unexpected token");
	const char *after = P->prevtxt ? arena_printf(P->a, " after '%s'",
		P->prevtxt) : "";
	const char *found = yypcontext_token(ctx) == YYSYMBOL_YYEOF ? "" :
		arena_printf(P->a, ", found '%s'", P->curtxt);
	spec_fail(P, yypcontext_location(ctx)->first_column, "%s%s%s", buf, after,
		found);
}

/* ---- entry points (declared in adcc.h) ---- */

typedef void *yyscan_t;
int speclex_init_extra(SpecParse *extra, yyscan_t *scanner);
int speclex_destroy(yyscan_t scanner);
void *spec_scan_string(const char *s, yyscan_t scanner);

static Request *parse(SpecParse *P)
{
	yyscan_t sc;
	P->rq = arena_alloc(P->a, sizeof *P->rq);
	P->rq->mode = P->mode;
	P->rq->text = P->text;
	P->col = 1;
	if (speclex_init_extra(P, &sc))
		ICE("cannot create the spec scanner");
	spec_scan_string(P->text, sc);
	if (specparse(sc, P))
		ICE("spec parser failed without a message");
	speclex_destroy(sc);
	return P->rq;
}

Request *spec_parse_cli(Arena *a, Mode mode, const char *text)
{
	SpecParse P = {.a = a, .text = arena_strdup(a, text), .mode = mode};
	return parse(&P);
}

Request *spec_parse_annot(Arena *a, Module *m, Fn *fn, const char *text)
{
	/* rq->text stays the string of fn->annots: req_check knows the
	 * request by it */
	SpecParse P = {.a = a, .text = text, .annot = 1,
		.m = m, .fn = fn};
	Request *rq = parse(&P);
	rq->loc = fn->loc;
	return rq;
}

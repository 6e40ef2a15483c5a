/* adcc.h — the one header of the adcc compiler.
 *
 * It declares the SSA graph (types, values, instructions, regions, functions,
 * modules) and every function shared between files, in sections named after
 * the file that defines them.  docs/ir.md is the reference for the meaning of
 * each operation; ops.h is the table of operations.
 *
 * Shape of the IR (see ../shared/DESIGN.md §3):
 *   Module ─ structs, globals, external declarations, functions
 *   Fn     ─ typed parameters (Val) and one body Region
 *   Region ─ block arguments (Val) and a list of instructions ending in a
 *            terminator (yield / cond / ret)
 *   Ins    ─ operation, operands (Val), results (Val), nested regions,
 *            attributes, source location
 * Every Val is defined exactly once: as a function parameter, a region
 * argument, or an instruction result.
 */
#ifndef ADCC_H
#define ADCC_H

#include <stddef.h>
#include <stdio.h>

typedef struct Arena Arena;
typedef struct Type Type;
typedef struct Field Field;
typedef struct Struct Struct;
typedef struct Val Val;
typedef struct Use Use;
typedef struct Ins Ins;
typedef struct Region Region;
typedef struct Fn Fn;
typedef struct Global Global;
typedef struct Decl Decl;
typedef struct Module Module;
typedef struct Loc Loc;
typedef struct SpecItem SpecItem;
typedef struct Request Request;

/* ---- operations ---- */
enum { F_PURE = 1, F_TERM = 2, F_CMP = 4, F_MEM = 8, F_BIN = 16 };
typedef enum {
#define OP(id, name, nargs, nreg, flags) id,
#include "ops.h"
#undef OP
	NOPS
} Op;
typedef struct {
	const char *name;
	int nargs;     /* -1: variable */
	int nregs;
	int flags;
} OpInfo;
extern const OpInfo opinfo[NOPS];

/* Regions of the loop operations, in this order for both while and dowhile
 * (a dowhile runs its body region first). */
enum { R_COND = 0, R_BODY = 1 };
/* Regions of if. */
enum { R_THEN = 0, R_ELSE = 1 };

/* ---- types (interned: equal types are the same pointer) ---- */
typedef enum {
	T_VOID, T_I1, T_I8, T_I16, T_I32, T_I64, T_U8, T_U16, T_U32, T_U64,
	T_F32, T_F64, T_PTR, T_ARR, T_STRUCT
} TypeKind;

struct Type {
	TypeKind kind;
	Type *elem;      /* T_PTR, T_ARR: element type */
	long n;          /* T_ARR: element count */
	Struct *st;      /* T_STRUCT */
};

struct Field {
	const char *name;
	Type *type;
};

/* A C struct type.  `tag` is the C tag (struct tag { … }) and `tdname` the
 * typedef name, either may be NULL (not both); the IR name is tdname ?: tag. */
struct Struct {
	const char *tag;
	const char *tdname;
	Field *f;
	int nf;
	Type *type;      /* the T_STRUCT type of this struct */
	Struct *next;
};

/* ---- source locations ---- */
struct Loc {
	int line, col;   /* 0 when unknown; the file is the module's */
};

/* ---- values ---- */
typedef enum { V_PARAM, V_ARG, V_RES } ValKind;

struct Use {
	Ins *ins;        /* the user */
	int idx;         /* operand index */
	Use *next;
};

struct Val {
	int id;          /* unique in its function, in creation order */
	ValKind kind;
	Type *ty;
	const char *name;/* hint from the source (C variable name) or NULL */
	Ins *def;        /* V_RES: defining instruction */
	Region *reg;     /* V_ARG: owning region */
	int idx;         /* result / argument / parameter index */
	int cnst;        /* V_PARAM: a pointer to const (`const double *x`) */
	/* computed by ir_uses(), stale after edits until recomputed */
	Use *uses;
	int nuse;
	/* scratch for passes */
	int mark;
	void *aux;
};

/* ---- instructions ---- */
struct Ins {
	Op op;
	Val **args;
	int nargs;
	Val **res;
	int nres;
	Region **regs;
	int nregs;
	Ins *prev, *next;
	Region *parent;
	Loc loc;
	/* attributes (which ones are meaningful depends on op, see docs/ir.md) */
	double f;        /* const: floating value */
	long long i;     /* const: integer value (u64 stored as its bits) */
	const char *sym; /* call: callee; global: global name */
	Type *aty;       /* alloca: object type; sizeof: measured type */
	int fld;         /* field: field index */
	Op pred;         /* for: O_LT O_LE O_GT O_GE O_NE, the loop test */
	/* scratch for passes */
	int mark;
	void *aux;
};

struct Region {
	Val **args;
	int nargs;
	Ins *first, *last;
	Ins *parent;     /* owning instruction, NULL for a function body */
	Fn *fn;
};

/* ---- functions, globals, module ---- */
struct Fn {
	const char *name;
	Type *ret;       /* T_VOID for void */
	Val **params;
	int np;
	Region *body;
	Loc loc;
	int is_static;
	int nval;        /* next Val id */
	const char **annots; /* "adcc: …" annotation strings, in order */
	int nannot;
	int derived;     /* made by a derivative pass (emitted with --forward …) */
	int vec;         /* vector mode (F_dv): its direction loops want the
	                    vectoriser (emitted with ADCC_VECTORIZE, emit.c) */
	int proto_only;  /* the user's function, only declared in derivative files */
	const char *doc; /* what a derived function computes, for its comment */
	Module *m;
	Fn *next;
};

/* A file-scope variable.  `init` holds `ninit` scalars in memory order
 * (floating values; integers are exact in a double up to 2^53). */
struct Global {
	const char *name;
	Type *type;
	int is_const, is_static;
	double *init;
	int ninit;       /* 0: zero-initialised */
	int extern_only; /* declared `extern` (defined in the user's file) */
	Loc loc;
	Global *next;
};

/* An external function called by the module (declared, not defined here). */
struct Decl {
	const char *name;
	Type *ret;
	Type **params;
	int np;
	int variadic;
	Decl *next;
};

struct Module {
	const char *file;   /* the source file, for diagnostics */
	Struct *structs;    /* in definition order */
	Global *globals;
	Decl *decls;
	Fn *fns;
	Arena *arena;
};

/* ---- derivative requests (grammar/spec.y, compiler/request.c) ---- */
typedef enum { M_FORWARD, M_REVERSE, M_VECTOR, M_HVP, M_JACOBIAN } Mode;

struct SpecItem {
	const char *name;   /* parameter name, or "return" */
	const char *extent; /* C expression text of the array extent, or NULL */
	int is_return;
};

struct Request {
	Mode mode;
	const char *fn;
	SpecItem *in;       /* NULL with nin == 0 when the spec lists no inputs */
	int nin, has_in;
	SpecItem *out;
	int nout, has_out;
	const char *text;   /* the spec as written, for messages */
	Loc loc;            /* annotation: location of the function; else 0:0 */
	Request *next;
};

/* ---- arena.c ---- */
Arena *arena_new(void);
void *arena_alloc(Arena *a, size_t n);      /* zeroed */
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...);
void arena_free(Arena *a);

/* ---- diag.c ---- */
extern int diag_errors;
/* file:line:col: error: …  then exit(1) */
void diag_fatal(const char *file, Loc loc, const char *fmt, ...);
/* file:line:col: error: …  counted in diag_errors, returns */
void diag_error(const char *file, Loc loc, const char *fmt, ...);
void diag_warn(const char *file, Loc loc, const char *fmt, ...);
void diag_internal(const char *srcfile, int srcline, const char *fmt, ...);
#define ICE(...) diag_internal(__FILE__, __LINE__, __VA_ARGS__)
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);

/* ---- type.c ---- */
Type *ty_basic(TypeKind k);
Type *ty_ptr(Type *elem);
Type *ty_arr(Type *elem, long n);
Type *ty_struct(Struct *st);
int ty_isfloat(Type *t);
int ty_isint(Type *t);      /* i1 … u64 */
int ty_issigned(Type *t);
int ty_isscalar(Type *t);   /* int, float or pointer */
Type *ty_decay(Type *t);    /* [N x T] → T, otherwise t */
long ty_size(Type *t);      /* bytes, as the C compiler lays it out (LP64) */
const char *ty_basename(TypeKind k); /* "f64", "i32", … */
/* Text form of a type, e.g. "ptr<[3 x f64]>", "$Point". */
char *ty_str(Arena *a, Type *t);
int ty_field(Struct *st, const char *name); /* index or -1 */
Struct *ty_findstruct(Module *m, const char *irname);
const char *ty_irname(Struct *st);

/* ---- ir.c: construction and editing ---- */
Module *ir_module(const char *file);
Fn *ir_fn(Module *m, const char *name, Type *ret);
Val *ir_param(Fn *f, Type *t, const char *name);
Region *ir_region(Fn *f, Ins *parent);
Val *ir_regarg(Region *r, Type *t, const char *name);
Val *ir_newval(Fn *f, Type *t, const char *name);
/* A new detached instruction with `nargs` operands (copied from args),
 * `nres` results of the given types and `nregs` empty regions. */
Ins *ir_ins(Fn *f, Op op, Val **args, int nargs, Type **rtys, int nres,
	int nregs, Loc loc);
void ir_append(Region *r, Ins *in);
void ir_insert_before(Ins *pos, Ins *in);
void ir_insert_after(Ins *pos, Ins *in);
void ir_unlink(Ins *in);
void ir_setarg(Ins *in, int i, Val *v);
void ir_addarg(Ins *in, Val *v);
/* Adds a result of type t to in (for if/loops built before their results
 * are known). */
Val *ir_addres(Ins *in, Type *t);
/* Convenience builders: create, append to r, return the (first) result. */
Val *ir_const_f(Region *r, Type *t, double v, Loc loc);
Val *ir_const_i(Region *r, Type *t, long long v, Loc loc);
Val *ir_op1(Region *r, Op op, Type *t, Val *a, Loc loc);
Val *ir_op2(Region *r, Op op, Type *t, Val *a, Val *b, Loc loc);
Val *ir_cast(Region *r, Type *t, Val *a, Loc loc);
Ins *ir_term(Region *r, Op op, Val **args, int nargs, Loc loc);
Fn *ir_findfn(Module *m, const char *name);
Decl *ir_finddecl(Module *m, const char *name);
Global *ir_findglobal(Module *m, const char *name);
/* Copy the attributes (f, i, sym, aty, fld, pred) of one instruction to
 * another. */
void ir_copy_attrs(Ins *to, const Ins *from);
/* Rename function d, and the calls of it in derived functions. */
void ir_rename_fn(Module *m, Fn *d, const char *name);
/* The declaration of external function `name`, added if missing. */
Decl *ir_need_decl(Module *m, const char *name, Type *ret, Type **ps, int np);
/* Slot k of a region instruction (if, for, while, dowhile): the values
 * that are one variable — the k-th result and the region arguments that
 * carry it (`same`) — and the operands flowing into it: the initial value,
 * yielded and forwarded values (`in`). */
typedef struct Slot {
	Val *same[3];
	int nsame;
	Val *in[3];
	int nin;
} Slot;
Slot ir_slot(Ins *in, int k);
/* Use lists: fills Val.uses / Val.nuse for every value of f. */
void ir_uses(Fn *f);
/* Replace every use of `from` by `to` (uses must be current). */
void ir_replace_uses(Val *from, Val *to);
/* Walk: calls fn(ins, ctx) for every instruction, outer before inner. */
void ir_walk(Region *r, void (*fn)(Ins *, void *), void *ctx);

/* ---- print.c: text IR ---- */
void print_module(FILE *out, Module *m);
void print_fn(FILE *out, Fn *f);
/* Printer names: "%x", "%x.1", "%3".  Valid until the next print_* call. */

/* ---- verify.c ---- */
/* Checks single definition, dominance, types, region arguments and
 * terminators.  Returns 0 if valid; otherwise prints every problem to
 * stderr, prefixed with `when` (e.g. "after lowering"), and returns the
 * number of problems. */
int verify_module(Module *m, const char *when);
/* The names print.c gives f's values ("x.1", "3"), indexed by Val id,
 * allocated in `a`. */
const char **verify_names(Fn *f, Arena *a);

/* ---- grammar/irread.y: text IR reader ---- */
/* Parses a text IR file; on a syntax or semantic error prints
 * file:line:col: error: and exits 1. */
Module *irread_file(const char *path);
Module *irread_string(const char *name, const char *text);

/* ---- dot.c ---- */
void dot_module(FILE *out, Module *m);

/* ---- front.c: libclang front end ---- */
/* Parses `path` as C with the extra clang arguments and lowers every
 * function defined in it.  Any C error is fatal (exit 1). */
Module *front_parse(const char *path, int nclang, const char **clang_args);

/* ---- clean.c ---- */
/* Dead code elimination, including unused results of if and loops. */
void clean_fn(Fn *f);
void clean_module(Module *m);

/* ---- rules.c: the derivative-rule table (rules.h) ---- */
typedef struct Rule {
	const char *name;
	int arity;
	const char *d[2];   /* partials as formulas (see rules.h) */
} Rule;
/* A partial derivative: a constant (k = 1, value c) or an IR value v. */
typedef struct Term {
	Val *v;
	double c;
	int k;
} Term;
const Rule *rules_op(Op op);            /* add sub mul div neg, else NULL */
const Rule *rules_call(const char *callee); /* sin, sinf, sinl…, else NULL */
int rules_count(void);
const Rule *rules_at(int i);
/* Builds ∂f/∂x_i at arguments x and result y (appending to r). */
Term rules_partial(Region *r, const Rule *ru, int i, Val **x, Val *y, Loc loc);

/* ---- activity.c ---- */
typedef struct Act Act;
/* Activity of f's values given, per parameter, whether it is an active
 * input / output (in_act, out_act) and whether the return value is an
 * active output. */
Act *act_run(Fn *f, const char *in_act, const char *out_act, int ret_act);
int act_val(Act *a, Val *v);  /* carries a derivative (pointers: shadowed) */
int act_param_class(Act *a, Val *v);
int act_same_class(Act *a, Val *v, Val *w);
/* May the data v points to be written while f runs (stores, memset and
 * memcpy targets, callees that may write it, local and allocated memory,
 * non-const globals)? */
int act_written(Act *a, Val *v);
void act_free(Act *a);
/* A version's pattern (fwd_pattern) decoded: per parameter, active input
 * and active output (never a pointer to const); whether the return value
 * is an output. */
typedef struct Pattern {
	char *in, *out;
	int ret;
} Pattern;
Pattern pat_decode(Fn *g, const char *pat);
void pat_free(Pattern *p);
/* " y, the return value with respect to a, x" into buf; returns its length */
int pat_describe(Fn *g, const Pattern *p, char *buf, size_t size);

/* ---- fwd.c: forward mode ---- */
/* Generates F_d for the request (and tangent versions of callees). */
Fn *fwd_request(Module *m, const Request *rq);
/* Per parameter 'i' input, 'o' output, 'b' both, '-' inactive; then 'r'
 * if the return value is an output. */
char *fwd_pattern(Module *m, Fn *f, const Request *rq);

/* ---- rev.c: reverse mode ---- */
/* Strategy for calls of user functions (docs/reverse.md). */
enum { CALLS_AUTO, CALLS_TAPE, CALLS_RECOMPUTE };
extern int rev_calls;
/* Generates F_b (and F_grad for a scalar F) for the request, and the
 * adjoint versions of callees. */
Fn *rev_request(Module *m, const Request *rq);

/* ---- cse.c ---- */
/* Merges repeated pure instructions (and loads in straight-line code). */
void cse_fn(Fn *f);
void cse_module(Module *m);

/* ---- loops.c ---- */
/* Turns canonical counting while loops into for loops. */
void loops_module(Module *m);

/* ---- emit.c: C emitter ---- */
typedef struct EmitOpts {
	int with_types;   /* emit struct definitions and globals */
	int with_includes;/* emit #include lines */
} EmitOpts;
void emit_module(FILE *out, Module *m, const EmitOpts *o);
void emit_fn(FILE *out, Fn *f);
void emit_prototype(FILE *out, Fn *f);

/* ---- grammar/spec.y + request.c: derivative requests ---- */
/* Parses a command-line SPEC.  On error prints "adcc: error: …" and
 * exits 2 (usage error). */
Request *spec_parse_cli(Arena *a, Mode mode, const char *text);
/* Parses the text of an annotation ("adcc: reverse x[n] -> return") on
 * function `fn` at `loc`; errors are file:line:col: errors (exit 1). */
Request *spec_parse_annot(Arena *a, Module *m, Fn *fn, const char *text);
/* Checks a request against the module: function and parameters exist,
 * active parameters are floating point, extents name integer parameters,
 * outputs are written.  Errors exit 1 (file:line:col for annotations,
 * "adcc: error:" for the command line). */
void req_check(Module *m, Request *rq);
const char *mode_name(Mode mode);

#endif

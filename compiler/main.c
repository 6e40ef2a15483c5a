/* main.c — the adcc driver: options, then a flat list of passes.
 *
 *   front end (C) or IR reader (.ir)  →  verify  →  loop recognition  →
 *   requests (parse + check)  →  derivative passes  →  emit (C, IR or dot)
 *
 * Exit status: 0 success, 1 error in the user's input, 2 usage error.
 */
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

#define ADCC_VERSION "0.1.0"

static const char usage[] =
"usage: adcc [OPTIONS] FILE.c [-- CLANG-ARGS]\n"
"  --forward SPEC     tangent mode: generates F_d\n"
"  --reverse SPEC     adjoint mode: generates F_b (and F_grad for scalar F)\n"
"  --vector SPEC      vector tangent mode: generates F_dv\n"
"  --hvp SPEC         Hessian-vector product: generates F_hvp\n"
"  --jacobian SPEC    dense Jacobian: generates F_jac\n"
"  -o FILE            output C file ('-' = stdout, the default)\n"
"  --header FILE      also write a header with the generated prototypes\n"
"  --emit=c|ir|dot    generated C (default), the SSA graph as text IR, or Graphviz\n"
"  --calls=auto|tape|recompute   reverse mode: record callees on the tape or\n"
"                     run them again in the reverse sweep (default auto)\n"
"  --verify           run the IR verifier after every pass\n"
"  -I DIR, -D NAME[=VAL], -std=...   passed to the C front end\n"
"  --version, --help\n"
"\n"
"SPEC := FUNC [':' INPUT {',' INPUT}] ['->' OUTPUT {',' OUTPUT}]\n"
"INPUT, OUTPUT := NAME ['[' EXTENT ']']   (OUTPUT may be 'return')\n"
"FILE may also be text IR (.ir), as printed by --emit=ir.\n";

typedef struct {
	const char *file, *out, *header, *emit;
	const char **clang;
	int nclang;
	int verify;
	Request *reqs, **reqtail;
	Arena *a;
} Opts;

static void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "adcc: error: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n(run 'adcc --help' for usage)\n");
	exit(2);
}

static const struct { const char *opt; Mode mode; } modeopts[] = {
	{"--forward", M_FORWARD}, {"--reverse", M_REVERSE},
	{"--vector", M_VECTOR}, {"--hvp", M_HVP}, {"--jacobian", M_JACOBIAN},
};

static void add_clang(Opts *o, const char *s)
{
	o->clang = xrealloc(o->clang, sizeof(char *) * (size_t)(o->nclang + 1));
	o->clang[o->nclang++] = s;
}

static void parse_args(Opts *o, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		int matched = 0;
		for (size_t k = 0; k < sizeof modeopts / sizeof *modeopts; k++) {
			size_t n = strlen(modeopts[k].opt);
			if (strncmp(s, modeopts[k].opt, n) || (s[n] && s[n] != '='))
				continue;
			const char *spec = s[n] == '=' ? s + n + 1 : next;
			if (!spec)
				usage_error("%s needs a SPEC", s);
			if (!s[n])
				i++;
			Request *rq = spec_parse_cli(o->a, modeopts[k].mode, spec);
			*o->reqtail = rq;
			o->reqtail = &rq->next;
			matched = 1;
			break;
		}
		if (matched)
			continue;
		if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
			fputs(usage, stdout);
			exit(0);
		} else if (!strcmp(s, "--version")) {
			printf("adcc %s\n", ADCC_VERSION);
			exit(0);
		} else if (!strcmp(s, "-o") || !strcmp(s, "--header")) {
			if (!next)
				usage_error("%s needs a file name", s);
			if (s[1] == 'o')
				o->out = next;
			else
				o->header = next;
			i++;
		} else if (!strncmp(s, "--emit=", 7)) {
			o->emit = s + 7;
			if (strcmp(o->emit, "c") && strcmp(o->emit, "ir") &&
				strcmp(o->emit, "dot"))
				usage_error("unknown --emit kind '%s' (c, ir or dot)", o->emit);
		} else if (!strncmp(s, "--calls=", 8)) {
			if (!strcmp(s + 8, "tape"))
				rev_calls = CALLS_TAPE;
			else if (!strcmp(s + 8, "recompute"))
				rev_calls = CALLS_RECOMPUTE;
			else if (!strcmp(s + 8, "auto"))
				rev_calls = CALLS_AUTO;
			else
				usage_error("unknown --calls strategy '%s' (auto, tape or recompute)",
					s + 8);
		} else if (!strcmp(s, "--verify")) {
			o->verify = 1;
		} else if (!strcmp(s, "-I") || !strcmp(s, "-D")) {
			if (!next)
				usage_error("%s needs an argument", s);
			add_clang(o, arena_printf(o->a, "%s%s", s, next));
			i++;
		} else if (!strncmp(s, "-I", 2) || !strncmp(s, "-D", 2) ||
			!strncmp(s, "-U", 2) || !strncmp(s, "-std=", 5)) {
			add_clang(o, s);
		} else if (!strcmp(s, "--")) {
			for (i++; i < argc; i++)
				add_clang(o, argv[i]);
		} else if (s[0] == '-' && s[1]) {
			usage_error("unknown option '%s'", s);
		} else if (o->file) {
			usage_error("only one input file is accepted (got '%s' too)", s);
		} else {
			o->file = s;
		}
	}
	if (!o->file)
		usage_error("%s", "no input file");
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && !strcmp(s + n - k, suf);
}

static void check(Opts *o, Module *m, const char *when)
{
	if (o->verify && verify_module(m, when))
		ICE("the IR is invalid %s (see above)", when);
}

static void keep_callees(Module *m, Region *r);

static int called_in(Region *r, const char *name)
{
	for (Ins *in = r->first; in; in = in->next) {
		if (in->op == O_CALL && !strcmp(in->sym, name))
			return 1;
		for (int i = 0; i < in->nregs; i++)
			if (called_in(in->regs[i], name))
				return 1;
	}
	return 0;
}

/* Is `name` called by a function that will be emitted (derived or kept)? */
static int called(Module *m, const char *name)
{
	for (Fn *f = m->fns; f; f = f->next)
		if ((f->derived || f->body->parent == (Ins *)f) && called_in(f->body, name))
			return 1;
	return 0;
}

static void keep_fn(Module *m, Fn *f)
{
	if (f->body->parent == (Ins *)f) /* already kept */
		return;
	f->body->parent = (Ins *)f;
	keep_callees(m, f->body);
}

static void keep_callees(Module *m, Region *r)
{
	for (Ins *in = r->first; in; in = in->next) {
		if (in->op == O_CALL) {
			Fn *g = ir_findfn(m, in->sym);
			if (g && (g->derived || g->is_static))
				keep_fn(m, g);
		}
		for (int i = 0; i < in->nregs; i++)
			keep_callees(m, in->regs[i]);
	}
}

/* A derivative file holds the derived functions and the static functions
 * they call; the user's other functions and globals stay in the user's
 * file and are only declared here. */
static void keep_derived(Module *m)
{
	for (Fn *f = m->fns; f; f = f->next)
		if (f->derived)
			keep_fn(m, f);
	for (Fn *f = m->fns; f; f = f->next)
		if (f->body->parent != (Ins *)f && !f->is_static && called(m, f->name))
			f->proto_only = 1;
	Fn **p = &m->fns;
	while (*p) {
		Fn *f = *p;
		if (f->body->parent == (Ins *)f || f->proto_only) {
			f->body->parent = NULL;
			p = &f->next;
			continue;
		}
		*p = f->next;
	}
	for (Global *g = m->globals; g; g = g->next)
		if (!g->is_static)
			g->extern_only = 1;
}

static FILE *open_out(const char *path)
{
	if (!path || !strcmp(path, "-"))
		return stdout;
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "adcc: error: cannot write '%s'\n", path);
		exit(1);
	}
	return f;
}

static void close_out(FILE *f)
{
	if (fflush(f) || ferror(f)) {
		fprintf(stderr, "adcc: error: write failed\n");
		exit(1);
	}
	if (f != stdout)
		fclose(f);
}

int main(int argc, char **argv)
{
	Opts o = {0};
	o.a = arena_new();
	o.reqtail = &o.reqs;
	o.emit = "c";
	parse_args(&o, argc, argv);

	Module *m;
	if (has_suffix(o.file, ".ir") || has_suffix(o.file, ".adir")) {
		/* Text IR is user input: an invalid graph is the user's error. */
		m = irread_file(o.file);
		if (verify_module(m, "in the input"))
			return 1;
	} else {
		m = front_parse(o.file, o.nclang, o.clang);
		check(&o, m, "after lowering");
		clean_module(m);
		check(&o, m, "after dead code elimination");
	}
	loops_module(m);
	check(&o, m, "after loop recognition");

	/* Requests from annotations in the source, then from the command line. */
	Request *all = NULL, **tail = &all;
	for (Fn *f = m->fns; f; f = f->next)
		for (int i = 0; i < f->nannot; i++) {
			*tail = spec_parse_annot(o.a, m, f, f->annots[i]);
			tail = &(*tail)->next;
		}
	*tail = o.reqs;
	for (Request *rq = all; rq; rq = rq->next)
		req_check(m, rq);
	for (Request *rq = all; rq; rq = rq->next) {
		switch (rq->mode) {
		case M_FORWARD:
		case M_VECTOR:
			fwd_request(m, rq);
			break;
		case M_REVERSE:
			rev_request(m, rq);
			break;
		default:
			fprintf(stderr, "adcc: error: %s mode is not implemented yet in "
				"this version of adcc\n", mode_name(rq->mode));
			return 1;
		}
	}
	if (all) {
		check(&o, m, "after the derivative passes");
		for (Fn *f = m->fns; f; f = f->next)
			if (f->derived) {
				cse_fn(f);
				clean_fn(f);
			}
		check(&o, m, "after common subexpressions");
		keep_derived(m);
	}

	FILE *out = open_out(o.out);
	if (!strcmp(o.emit, "ir")) {
		print_module(out, m);
	} else if (!strcmp(o.emit, "dot")) {
		dot_module(out, m);
	} else {
		EmitOpts eo = {1, 1};
		emit_module(out, m, &eo);
	}
	close_out(out);
	if (o.header) {
		FILE *h = open_out(o.header);
		fprintf(h, "/* Generated by adcc from %s. */\n", o.file);
		for (Fn *f = m->fns; f; f = f->next)
			if (!f->is_static && (f->derived || !all))
				emit_prototype(h, f);
		close_out(h);
	}
	return 0;
}

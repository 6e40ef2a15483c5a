/* reqdump.c — test helper: reads a text IR file, parses and checks the
 * requests given as arguments ("MODE=SPEC") and those of its annotations,
 * and prints each one completed with its defaults:
 *     reverse f: x[n], w -> return, y
 * Built by the RUN lines of defaults.ir against the compiler's objects. */
#include <stdio.h>
#include <string.h>
#include "../../compiler/adcc.h"   /* not runtime/adcc.h */

static void list(const SpecItem *v, int n)
{
	for (int i = 0; i < n; i++) {
		printf("%s%s", i ? ", " : " ", v[i].name);
		if (v[i].extent)
			printf("[%s]", v[i].extent);
	}
}

static void dump(Module *m, Request *rq)
{
	req_check(m, rq);
	printf("%s %s:", mode_name(rq->mode), rq->fn);
	list(rq->in, rq->nin);
	printf(" ->");
	list(rq->out, rq->nout);
	printf("\n");
}

int main(int argc, char **argv)
{
	static const char *modes[] = {"forward", "reverse", "vector", "hvp",
		"jacobian"};
	Arena *a = arena_new();
	if (argc < 2) {
		fprintf(stderr, "usage: reqdump FILE.ir [MODE=SPEC]...\n");
		return 2;
	}
	Module *m = irread_file(argv[1]);
	for (Fn *f = m->fns; f; f = f->next)
		for (int i = 0; i < f->nannot; i++)
			dump(m, spec_parse_annot(a, m, f, f->annots[i]));
	for (int i = 2; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		for (int k = 0; eq && k < 5; k++)
			if (!strncmp(argv[i], modes[k], (size_t)(eq - argv[i])) &&
				strlen(modes[k]) == (size_t)(eq - argv[i]))
				dump(m, spec_parse_cli(a, (Mode)k, eq + 1));
	}
	return 0;
}

/* spec.y — derivative request language (stub, being written). */
%define api.prefix {spec}
%{
#include "adcc.h"
int speclex(void);
void specerror(const char *s);
%}
%token END_
%%
file: ;
%%
void specerror(const char *s) { (void)s; }
Request *spec_parse_cli(Arena *a, Mode mode, const char *text) { Request *r = arena_alloc(a, sizeof *r); r->mode = mode; r->text = text; r->fn = text; return r; }
Request *spec_parse_annot(Arena *a, Module *m, Fn *fn, const char *text) { (void)m; Request *r = arena_alloc(a, sizeof *r); r->fn = fn->name; r->text = text; return r; }

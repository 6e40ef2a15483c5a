/* dot.c — Graphviz output (stub, being written). */
#include "adcc.h"
void dot_module(FILE *out, Module *m) { (void)m; fputs("digraph adcc {}\n", out); }

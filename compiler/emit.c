/* emit.c — C emitter (stub, being written). */
#include "adcc.h"
void emit_module(FILE *out, Module *m, const EmitOpts *o) { (void)out; (void)m; (void)o; ICE("emit: not written yet"); }
void emit_fn(FILE *out, Fn *f) { (void)out; (void)f; }
void emit_prototype(FILE *out, Fn *f) { (void)out; (void)f; }

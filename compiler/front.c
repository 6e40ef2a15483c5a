/* front.c — libclang front end (stub, being written). */
#include <clang-c/Index.h>
#include "adcc.h"
Module *front_parse(const char *path, int nclang, const char **clang_args) { (void)nclang; (void)clang_args; (void)clang_getCString; return ir_module(path); }

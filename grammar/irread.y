/* irread.y — text IR reader (stub, being written). */
%define api.prefix {ir}
%{
#include "adcc.h"
int irlex(void);
void irerror(const char *s);
%}
%token END_
%%
file: ;
%%
void irerror(const char *s) { (void)s; }
Module *irread_file(const char *path) { diag_fatal(path, (Loc){0, 0}, "the IR reader is not written yet"); return 0; }
Module *irread_string(const char *name, const char *text) { (void)text; return irread_file(name); }

/* request.c — checking derivative requests (stub, being written). */
#include "adcc.h"
const char *mode_name(Mode mode) { static const char *n[] = {"forward", "reverse", "vector", "hvp", "jacobian"}; return n[mode]; }
void req_check(Module *m, Request *rq) { (void)m; (void)rq; }

/* loops.c — loop recognition (stub, being written). */
#include "adcc.h"
void loops_module(Module *m) { (void)m; }

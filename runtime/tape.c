/* tape.c — adcc runtime (stub, being written). */
#include "adcc_rt.h"
void adcc_tape_reset(void) {}

/* adcc_rt.h — adcc runtime (stub, being written). */
#ifndef ADCC_RT_H
#define ADCC_RT_H
void adcc_tape_reset(void);
#endif

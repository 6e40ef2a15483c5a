/* rt.h — internal declarations shared by the runtime's .c files (tape.c,
 * snapshot.c).  Not installed; generated code includes only adcc_rt.h. */
#ifndef ADCC_RT_INTERNAL_H
#define ADCC_RT_INTERNAL_H
#include "adcc_rt.h"

/* Prints "adcc runtime: <message>" on stderr and aborts. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noreturn, format(printf, 1, 2)))
#endif
void adcc_rt_fatal(const char *fmt, ...);
/* blocks.c: release this thread's block buffers (by adcc_tape_free) */
void adcc_rt_blocks_free(void);

/* malloc(n) for the tape of this thread, counted in its statistics; on
 * failure: "out of memory while growing the <what> (n bytes)" and abort. */
void *adcc_rt_alloc(size_t n, const char *what);
/* free(p) of a block of n bytes from adcc_rt_alloc. */
void adcc_rt_release(void *p, size_t n);
/* Bytes of values on the tape stacks of t now. */
size_t adcc_rt_stack_bytes(const AdccTape *t);
/* Records bytes + snapshot bytes of t as a candidate for the peak. */
void adcc_rt_note_peak(AdccTape *t);

/* snapshot.c */
void adcc_rt_snap_reset(AdccTape *t);          /* empty, keep memory */
void adcc_rt_snap_free(AdccTape *t);           /* release everything */
size_t adcc_rt_snap_bytes(const AdccTape *t);  /* bytes of data now */
void adcc_rt_snap_stats(const AdccTape *t, AdccTapeStats *out);
void adcc_rt_snap_stats_reset(AdccTape *t);
#endif

/* adcc_rt.h — the adcc runtime: the only header adcc-generated code includes.
 *
 * The tape is a set of typed LIFO stacks, one set per thread (thread-local):
 * f64 (double), f32 (float), i32 (int32_t), i64 (int64_t), ptr (void *),
 * bit (branch decisions, one bit each) and cnt (loop trip counts, int64_t).
 * The forward sweep of an adjoint pushes, the reverse sweep pops in the
 * opposite order.  Push and pop are inline: one compare and one store/load;
 * growing into a new chunk, the first pop after pushes (and vice versa) and
 * errors go through the out-of-line functions of tape.c.  A separate
 * snapshot stack saves byte blocks for checkpointing (snapshot.c) and a
 * Revolve helper computes binomial checkpoint schedules (revolve.c).
 * Reference: docs/runtime.md.  Link with -ladccrt -lm (pkg-config adcc-rt).
 *
 * Compiles as C11, as C99 with GNU extensions (gnu99) and as C++.
 */
#ifndef ADCC_RT_H
#define ADCC_RT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ADCC_RT_VERSION 1

/* Thread-local storage: C11 _Thread_local; GNU __thread for gnu99 and for
 * C++ (a C++ `thread_local` extern would go through a TLS wrapper function
 * that C does not emit).  Both have the same ABI. */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define ADCC_TLS _Thread_local
#elif defined(__GNUC__) || defined(__clang__)
#define ADCC_TLS __thread
#elif defined(__cplusplus)
#define ADCC_TLS thread_local
#else
#error "adcc_rt.h needs C11, GNU C or C++11 thread-local storage"
#endif
#if defined(__GNUC__) || defined(__clang__)
#define ADCC_UNLIKELY(c) __builtin_expect(!!(c), 0)
#else
#define ADCC_UNLIKELY(c) (c)
#endif

/* The stacks.  X(name, index, C type, bits per element, description);
 * the description names the stack in messages ("the double tape").
 * ADCC_VALUE_STACKS are those with plain adcc_push_T/adcc_pop_T. */
#define ADCC_VALUE_STACKS(X)                                        \
	X(f64, ADCC_STACK_F64, double, 64, "double")                    \
	X(f32, ADCC_STACK_F32, float, 32, "float")                      \
	X(i32, ADCC_STACK_I32, int32_t, 32, "int32")                    \
	X(i64, ADCC_STACK_I64, int64_t, 64, "int64")                    \
	X(ptr, ADCC_STACK_PTR, void *, 8 * sizeof(void *), "pointer")   \
	X(cnt, ADCC_STACK_CNT, int64_t, 64, "count")
#define ADCC_STACKS(X) ADCC_VALUE_STACKS(X) \
	X(bit, ADCC_STACK_BIT, uint64_t, 1, "branch")

#define ADCC_X_ENUM(n, k, T, b, d) k,
enum { ADCC_STACKS(ADCC_X_ENUM) ADCC_NSTACKS };
#undef ADCC_X_ENUM

/* One stack of the tape.  Private to the runtime: generated code only calls
 * the functions below.  `data` is the current chunk; `top` counts elements
 * (bits for the bit stack) used in it.  A push takes the slow path when
 * top >= lim, a pop when top <= base; while the tape is pushing, base is
 * SIZE_MAX (so the first pop is noticed), while it is popping, lim is 0
 * (so the first push is noticed).  All zero is a valid empty tape. */
typedef struct AdccStack {
	unsigned char *data;
	size_t top, lim, base;
	struct AdccChunk *chunk;  /* current chunk, NULL before the first push */
	uint64_t valley;          /* position when the current push phase began */
	uint64_t pushes;          /* pushes counted up to that phase */
} AdccStack;

/* The per-thread tape.  Private: use the functions below. */
typedef struct AdccTape {
	AdccStack s[ADCC_NSTACKS];
	int pushing;              /* 1 after a push, 0 after a pop (or at start) */
	int registered;           /* thread-exit cleanup registered */
	uint64_t chunk_allocs;
	size_t peak_bytes, peak_total_bytes, bytes_allocated, peak_bytes_allocated;
	uint64_t snapshot_pushes;
	size_t snapshot_peak_bytes;
	struct AdccSnapStack *snap;
} AdccTape;

extern ADCC_TLS AdccTape adcc_rt_tape;

/* Out-of-line slow paths of push and pop (tape.c).  Internal. */
void adcc_rt_grow(int stack);
void adcc_rt_shrink(int stack);

/* ---- push / pop ------------------------------------------------------
 * adcc_push_T(v) pushes v; adcc_pop_T() returns the most recent value
 * pushed on that stack and removes it.  Popping an empty stack prints a
 * message and aborts.  The stacks are independent of each other. */
#define ADCC_X_PUSHPOP(n, k, T, b, d)                                    \
	static inline void adcc_push_##n(T v)                                \
	{                                                                    \
		AdccStack *s = &adcc_rt_tape.s[k];                               \
		if (ADCC_UNLIKELY(s->top >= s->lim)) adcc_rt_grow(k);            \
		((T *)(void *)s->data)[s->top++] = v;                            \
	}                                                                    \
	static inline T adcc_pop_##n(void)                                   \
	{                                                                    \
		AdccStack *s = &adcc_rt_tape.s[k];                               \
		if (ADCC_UNLIKELY(s->top <= s->base)) adcc_rt_shrink(k);         \
		return ((T *)(void *)s->data)[--s->top];                         \
	}
ADCC_VALUE_STACKS(ADCC_X_PUSHPOP)
#undef ADCC_X_PUSHPOP

/* Branch decisions: one bit each (any nonzero b is pushed as 1);
 * adcc_pop_bit returns 0 or 1. */
static inline void adcc_push_bit(int b)
{
	AdccStack *s = &adcc_rt_tape.s[ADCC_STACK_BIT];
	if (ADCC_UNLIKELY(s->top >= s->lim)) adcc_rt_grow(ADCC_STACK_BIT);
	uint64_t *w = (uint64_t *)(void *)s->data + (s->top >> 6);
	unsigned sh = (unsigned)(s->top & 63);
	*w = (*w & ~((uint64_t)1 << sh)) | ((uint64_t)(b != 0) << sh);
	s->top++;
}

static inline int adcc_pop_bit(void)
{
	AdccStack *s = &adcc_rt_tape.s[ADCC_STACK_BIT];
	if (ADCC_UNLIKELY(s->top <= s->base)) adcc_rt_shrink(ADCC_STACK_BIT);
	s->top--;
	return (int)((((const uint64_t *)(const void *)s->data)[s->top >> 6] >>
	              (s->top & 63)) & 1);
}

/* Whole arrays: adcc_push_T_n(p, n) pushes p[0..n-1]; adcc_pop_T_n(p, n)
 * pops them back into p[0..n-1] (so a push_n/pop_n pair restores the array
 * as it was).  Counts as n pushes.  Equivalent to n single pushes of p[0],
 * p[1], …, p[n-1], so the two forms may be mixed. */
void adcc_push_f64_n(const double *p, size_t n);
void adcc_pop_f64_n(double *p, size_t n);
void adcc_push_f32_n(const float *p, size_t n);
void adcc_pop_f32_n(float *p, size_t n);
void adcc_push_i32_n(const int32_t *p, size_t n);
void adcc_pop_i32_n(int32_t *p, size_t n);
void adcc_push_i64_n(const int64_t *p, size_t n);
void adcc_pop_i64_n(int64_t *p, size_t n);

/* ---- the tape as a whole ------------------------------------------ */

/* Empties every stack and the snapshot stack of this thread's tape; keeps
 * the memory for reuse.  Statistics are not reset. */
void adcc_tape_reset(void);
/* Empties this thread's tape and releases all its memory (the tape is
 * usable again afterwards).  Also done automatically when a thread exits
 * and, for the thread calling exit(), at exit. */
void adcc_tape_free(void);
/* Number of values currently on one stack (ADCC_STACK_…). */
uint64_t adcc_tape_depth(int stack);
/* Short name of a stack: "f64", "f32", "i32", "i64", "ptr", "cnt", "bit". */
const char *adcc_stack_name(int stack);

/* ---- statistics ------------------------------------------------------
 * Exact, and free on the fast paths: counts are derived from stack
 * positions at the moments the tape turns from pushing to popping. */
typedef struct AdccTapeStats {
	uint64_t pushes[ADCC_NSTACKS]; /* pushes per stack since the stats reset */
	uint64_t pushes_total;         /* sum of pushes[] */
	uint64_t depth[ADCC_NSTACKS];  /* values on each stack now */
	size_t bytes;                  /* bytes of values on the stacks now
	                                  (bit stack: bits rounded up to bytes) */
	size_t peak_bytes;             /* maximum of bytes since the stats reset */
	size_t bytes_allocated;        /* memory held by stack and snapshot chunks */
	size_t peak_bytes_allocated;   /* its maximum since the stats reset */
	uint64_t chunk_allocs;         /* chunk allocations since the stats reset */
	uint64_t snapshots;            /* snapshots on the snapshot stack now */
	uint64_t snapshot_pushes;      /* snapshots pushed since the stats reset */
	size_t snapshot_bytes;         /* bytes of snapshot data now */
	size_t snapshot_peak_bytes;    /* its maximum since the stats reset */
	size_t peak_total_bytes;       /* maximum of bytes + snapshot_bytes */
} AdccTapeStats;

/* Fills *out with this thread's statistics. */
void adcc_tape_stats(AdccTapeStats *out);
/* Zeroes the counters; peaks restart from the current values. */
void adcc_tape_stats_reset(void);
/* Prints the statistics, one line per nonempty item, to stderr. */
void adcc_tape_stats_print(const char *title);

/* ---- snapshots (checkpoints) ------------------------------------------
 * A per-thread LIFO stack of byte blocks, separate from the tape stacks. */

/* Copies n bytes from src onto the snapshot stack (n may be 0). */
void adcc_snapshot_push(const void *src, size_t n);
/* Copies the block `depth` places below the top (0 = the top) into dst
 * without removing it.  n must equal the block's size (else abort). */
void adcc_snapshot_peek(size_t depth, void *dst, size_t n);
/* Removes the top block, copying it into dst first unless dst is NULL
 * (then n is not checked).  Aborts on an empty stack or a size mismatch. */
void adcc_snapshot_pop(void *dst, size_t n);
/* Number of blocks on the snapshot stack; size of block `depth`. */
size_t adcc_snapshot_count(void);
size_t adcc_snapshot_size(size_t depth);

/* ---- Revolve: binomial checkpointing schedules ------------------------
 * Griewank & Walther, "Algorithm 799: revolve", ACM TOMS 26(1), 2000.
 * Reverses `steps` time steps x_{i+1} = F(x_i), i = 0..steps-1, with at most
 * `snaps` checkpoints and the minimal number of forward steps.  Loop:
 *
 *     AdccRevolve r;  adcc_revolve_init(&r, steps, snaps);
 *     for (;;) {
 *         AdccRevolveAction a = adcc_revolve_next(&r);
 *         for (int k = 0; k < r.released; k++) drop the top checkpoint;
 *         switch (a) {
 *         case ADCC_RV_ADVANCE:  run steps r.oldcapo .. r.capo-1 forward; break;
 *         case ADCC_RV_TAKESHOT: push a checkpoint of the state (step r.capo); break;
 *         case ADCC_RV_RESTORE:  state = top checkpoint (step r.capo); break;
 *         case ADCC_RV_FIRSTURN:
 *         case ADCC_RV_YOUTURN:  step r.capo forward with taping, then its
 *                                adjoint (the state is at step r.capo); break;
 *         case ADCC_RV_TERMINATE: ...done;  case ADCC_RV_ERROR: ...r.info
 *         }
 *     }
 *     adcc_revolve_free(&r);
 *
 * Checkpoints are used last-in first-out, so adcc_snapshot_push/peek/pop
 * store them directly (r.check + 1 checkpoints are live). */
typedef enum AdccRevolveAction {
	ADCC_RV_ADVANCE,   /* run forward from step oldcapo to step capo */
	ADCC_RV_TAKESHOT,  /* store the state at step capo as checkpoint check */
	ADCC_RV_RESTORE,   /* restore checkpoint check; the state is at step capo */
	ADCC_RV_FIRSTURN,  /* the last step (capo → capo+1): tape it, reverse it */
	ADCC_RV_YOUTURN,   /* the next step (capo → capo+1): tape it, reverse it */
	ADCC_RV_TERMINATE, /* every step is reversed */
	ADCC_RV_ERROR      /* bad arguments; see info */
} AdccRevolveAction;

typedef struct AdccRevolve {
	int capo;      /* current step (after the action) */
	int oldcapo;   /* step before the action (ADVANCE runs oldcapo..capo-1) */
	int fine;      /* end of the range still to reverse */
	int check;     /* index of the top checkpoint, -1 when none */
	int snaps;     /* maximum number of checkpoints */
	int released;  /* checkpoints released by this call (drop them first) */
	int info;      /* ADCC_RV_ERROR: 1 bad steps/snaps, 2 misuse, 3 overflow */
	int turn, oldfine;
	int *ch;       /* ch[j]: step stored in checkpoint j */
	long advances, takeshots, restores, turns; /* counts of actions so far */
} AdccRevolve;

/* Sets up a schedule for steps >= 1 and snaps >= 1; 0 on success, -1 on bad
 * arguments (then next() returns ADCC_RV_ERROR).  Allocates ch[snaps]. */
int adcc_revolve_init(AdccRevolve *r, int steps, int snaps);
/* The next action; updates capo, oldcapo, check, released. */
AdccRevolveAction adcc_revolve_next(AdccRevolve *r);
void adcc_revolve_free(AdccRevolve *r);
/* Number of ADVANCE steps of the optimal schedule (excluding the `steps`
 * taped steps of FIRSTURN/YOUTURN): r*steps - C(snaps+r, snaps+1) with r
 * minimal such that C(snaps+r, snaps) >= steps.  -1 on bad arguments. */
long adcc_revolve_numforw(int steps, int snaps);
/* Name of an action ("advance", …). */
const char *adcc_revolve_action_name(AdccRevolveAction a);

/* ---- special functions used by derivative rules (special.c) ---- */
/* ---- buffers for blocks ---------------------------------------------
 * adcc_pop_f64_buf(n) pops the last n values pushed on the f64 stack (a
 * block pushed by adcc_push_f64_n) into a per-thread buffer and returns it;
 * adcc_buf_release(p) gives back p and every buffer taken after it.
 * Buffers are taken and released last-in first-out. */
double *adcc_pop_f64_buf(size_t n);
void adcc_buf_release(double *p);

/* ---- adjoints of copies ---------------------------------------------
 * For memcpy(d, s, n) and memmove over double (float) data, n in bytes:
 * sb[i] += db[i], then db[i] = 0, as if every db[i] was read before any
 * is cleared (overlapping blocks are fine). */
void adcc_adj_copy_f64(void *db, void *sb, size_t n);
void adcc_adj_copy_f32(void *db, void *sb, size_t n);

/* d/dx lgamma(x): the derivative of lgamma; tgamma' = tgamma * digamma */
double adcc_digamma(double x);
float adcc_digammaf(float x);

#ifdef __cplusplus
}
#endif
#endif /* ADCC_RT_H */

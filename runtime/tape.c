/* tape.c — the slow paths of the tape stacks, reset/free, statistics and
 * per-thread cleanup.
 *
 * Each stack is a doubly linked list of chunks.  A chunk is filled
 * completely before the next one is used, and chunks are kept (as a cache
 * for the next push phase) until adcc_tape_free, so positions are
 * chunk->first + top and data never moves.  Chunk data sizes: 64 KiB, then
 * the stack's current total, capped at 32 MiB (geometric growth, bounded
 * waste).
 *
 * Statistics stay exact without counting on the fast paths: the tape is
 * either pushing or popping.  The first pop after pushes ("turn") and the
 * first push after pops ("valley") reach the slow path because the inline
 * checks are rigged (base = SIZE_MAX while pushing, lim = 0 while popping;
 * the zero-initialised tape of a new thread is popping, with no chunks).
 * A push phase contains only pushes, so at its turn each stack's pushes are
 * position − position at the valley, and the byte total peaks there.
 */
#define _POSIX_C_SOURCE 200809L
#include "rt.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Thread_local AdccTape adcc_rt_tape;

struct AdccChunk {
	struct AdccChunk *prev, *next;
	uint64_t first;  /* stack position of the chunk's first element */
	size_t cap;      /* capacity in elements (bits for the bit stack) */
	size_t size;     /* bytes allocated, header included */
};

enum {
	HDR = 64,                     /* chunk header, keeps data 64-byte aligned */
	MIN_CHUNK = 64 * 1024,        /* data bytes of a stack's first chunk */
	MAX_CHUNK = 32 * 1024 * 1024, /* largest chunk */
};
_Static_assert(sizeof(struct AdccChunk) <= HDR, "chunk header too large");

/* Per stack: name, description, bits per element */
#define X(n, k, T, b, d) {#n, d, (b)},
static const struct {
	const char *name, *desc;
	unsigned bits;
} info[ADCC_NSTACKS] = {ADCC_STACKS(X)};
#undef X

void adcc_rt_fatal(const char *fmt, ...)
{
	va_list ap;
	fputs("adcc runtime: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	abort();
}

static unsigned char *data(struct AdccChunk *c)
{
	return (unsigned char *)c + HDR;
}

static uint64_t pos(const AdccStack *s)
{
	return s->chunk ? s->chunk->first + s->top : 0;
}

static size_t bytes_of(int k, uint64_t p)
{
	return (size_t)((p * info[k].bits + 7) / 8);
}

size_t adcc_rt_stack_bytes(const AdccTape *t)
{
	size_t n = 0;
	for (int k = 0; k < ADCC_NSTACKS; k++)
		n += bytes_of(k, pos(&t->s[k]));
	return n;
}

void adcc_rt_note_peak(AdccTape *t)
{
	size_t b = adcc_rt_stack_bytes(t);
	if (b > t->peak_bytes) t->peak_bytes = b;
	b += adcc_rt_snap_bytes(t);
	if (b > t->peak_total_bytes) t->peak_total_bytes = b;
}

/* ---- per-thread cleanup ---- */

static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void on_thread_exit(void *p)
{
	(void)p;
	adcc_rt_tape.registered = 0;
	adcc_tape_free();
}

static void on_exit_(void)
{
	adcc_tape_free();
}

static void init_once(void)
{
	if (pthread_key_create(&key, on_thread_exit) != 0)
		adcc_rt_fatal("cannot create the thread-exit key");
	atexit(on_exit_);
}

/* Frees this thread's tape when the thread exits (or calls exit). */
static void register_thread(AdccTape *t)
{
	if (t->registered) return;
	pthread_once(&once, init_once);
	pthread_setspecific(key, t);
	t->registered = 1;
}

void *adcc_rt_alloc(size_t n, const char *what)
{
	AdccTape *t = &adcc_rt_tape;
	void *p = malloc(n);
	if (!p)
		adcc_rt_fatal("out of memory while growing the %s (%zu bytes)", what, n);
	register_thread(t);
	t->chunk_allocs++;
	t->bytes_allocated += n;
	if (t->bytes_allocated > t->peak_bytes_allocated)
		t->peak_bytes_allocated = t->bytes_allocated;
	return p;
}

void adcc_rt_release(void *p, size_t n)
{
	if (!p) return;
	adcc_rt_tape.bytes_allocated -= n;
	free(p);
}

/* ---- phases ---- */

/* Pushing → popping: close the push phase. */
static void turn(AdccTape *t)
{
	for (int k = 0; k < ADCC_NSTACKS; k++) {
		AdccStack *s = &t->s[k];
		s->pushes += pos(s) - s->valley;
		s->lim = 0;
		s->base = 0;
	}
	adcc_rt_note_peak(t);
	t->pushing = 0;
}

/* Popping → pushing: open a push phase. */
static void valley(AdccTape *t)
{
	for (int k = 0; k < ADCC_NSTACKS; k++) {
		AdccStack *s = &t->s[k];
		s->valley = pos(s);
		s->lim = s->chunk ? s->chunk->cap : 0;
		s->base = SIZE_MAX;
	}
	t->pushing = 1;
}

void adcc_rt_grow(int k)
{
	AdccTape *t = &adcc_rt_tape;
	AdccStack *s = &t->s[k];
	if (!t->pushing) {
		valley(t);
		if (s->top < s->lim) return;
	}
	struct AdccChunk *c = s->chunk;
	if (c && c->next) {
		c = c->next;
	} else {
		size_t held = c ? bytes_of(k, c->first + c->cap) : 0;
		size_t n = held < MIN_CHUNK ? MIN_CHUNK : held > MAX_CHUNK ? MAX_CHUNK : held;
		char what[64];
		snprintf(what, sizeof what, "%s tape", info[k].desc);
		struct AdccChunk *nc = adcc_rt_alloc(HDR + n, what);
		nc->prev = c;
		nc->next = NULL;
		nc->first = c ? c->first + c->cap : 0;
		nc->cap = (size_t)((uint64_t)n * 8 / info[k].bits);
		nc->size = HDR + n;
		if (c) c->next = nc;
		c = nc;
	}
	s->chunk = c;
	s->data = data(c);
	s->top = 0;
	s->lim = c->cap;
}

void adcc_rt_shrink(int k)
{
	AdccTape *t = &adcc_rt_tape;
	AdccStack *s = &t->s[k];
	if (t->pushing) {
		turn(t);
		if (s->top > s->base) return;
	}
	if (!s->chunk || !s->chunk->prev)
		adcc_rt_fatal("pop from the empty %s tape (pops do not match pushes: "
		              "a bug in the generated code or in its caller)", info[k].desc);
	struct AdccChunk *c = s->chunk->prev;
	s->chunk = c;
	s->data = data(c);
	s->top = c->cap;
}

/* ---- arrays ---- */

static void push_n(int k, const void *p, size_t n)
{
	AdccStack *s = &adcc_rt_tape.s[k];
	size_t es = info[k].bits / 8;
	const unsigned char *q = p;
	while (n) {
		if (s->top >= s->lim) adcc_rt_grow(k);
		size_t m = s->lim - s->top;
		if (m > n) m = n;
		memcpy(s->data + s->top * es, q, m * es);
		s->top += m;
		q += m * es;
		n -= m;
	}
}

static void pop_n(int k, void *p, size_t n)
{
	AdccStack *s = &adcc_rt_tape.s[k];
	size_t es = info[k].bits / 8;
	unsigned char *q = (unsigned char *)p + n * es;
	while (n) {
		if (s->top <= s->base) adcc_rt_shrink(k);
		size_t m = s->top - s->base;
		if (m > n) m = n;
		q -= m * es;
		s->top -= m;
		memcpy(q, s->data + s->top * es, m * es);
		n -= m;
	}
}

void adcc_push_f64_n(const double *p, size_t n) { push_n(ADCC_STACK_F64, p, n); }
void adcc_pop_f64_n(double *p, size_t n) { pop_n(ADCC_STACK_F64, p, n); }
void adcc_push_f32_n(const float *p, size_t n) { push_n(ADCC_STACK_F32, p, n); }
void adcc_pop_f32_n(float *p, size_t n) { pop_n(ADCC_STACK_F32, p, n); }
void adcc_push_i32_n(const int32_t *p, size_t n) { push_n(ADCC_STACK_I32, p, n); }
void adcc_pop_i32_n(int32_t *p, size_t n) { pop_n(ADCC_STACK_I32, p, n); }
void adcc_push_i64_n(const int64_t *p, size_t n) { push_n(ADCC_STACK_I64, p, n); }
void adcc_pop_i64_n(int64_t *p, size_t n) { pop_n(ADCC_STACK_I64, p, n); }

/* ---- the tape as a whole ---- */

void adcc_tape_reset(void)
{
	AdccTape *t = &adcc_rt_tape;
	if (t->pushing) turn(t);
	for (int k = 0; k < ADCC_NSTACKS; k++) {
		AdccStack *s = &t->s[k];
		struct AdccChunk *c = s->chunk;
		while (c && c->prev) c = c->prev;
		s->chunk = c;
		s->data = c ? data(c) : NULL;
		s->top = 0;
	}
	valley(t);
	adcc_rt_snap_reset(t);
}

void adcc_tape_free(void)
{
	AdccTape *t = &adcc_rt_tape;
	adcc_tape_reset();
	adcc_rt_blocks_free();
	for (int k = 0; k < ADCC_NSTACKS; k++) {
		AdccStack *s = &t->s[k];
		struct AdccChunk *c = s->chunk;
		while (c) {
			struct AdccChunk *next = c->next;
			adcc_rt_release(c, c->size);
			c = next;
		}
		s->chunk = NULL;
		s->data = NULL;
		s->top = s->lim = 0;
	}
	adcc_rt_snap_free(t);
}

uint64_t adcc_tape_depth(int k)
{
	if (k < 0 || k >= ADCC_NSTACKS) return 0;
	return pos(&adcc_rt_tape.s[k]);
}

const char *adcc_stack_name(int k)
{
	return k >= 0 && k < ADCC_NSTACKS ? info[k].name : "?";
}

/* ---- statistics ---- */

void adcc_tape_stats(AdccTapeStats *out)
{
	AdccTape *t = &adcc_rt_tape;
	memset(out, 0, sizeof *out);
	for (int k = 0; k < ADCC_NSTACKS; k++) {
		const AdccStack *s = &t->s[k];
		uint64_t p = pos(s);
		out->depth[k] = p;
		out->pushes[k] = s->pushes + (t->pushing ? p - s->valley : 0);
		out->pushes_total += out->pushes[k];
	}
	out->bytes = adcc_rt_stack_bytes(t);
	out->peak_bytes = t->peak_bytes > out->bytes ? t->peak_bytes : out->bytes;
	out->bytes_allocated = t->bytes_allocated;
	out->peak_bytes_allocated = t->peak_bytes_allocated;
	out->chunk_allocs = t->chunk_allocs;
	adcc_rt_snap_stats(t, out);
	size_t total = out->bytes + out->snapshot_bytes;
	out->peak_total_bytes = t->peak_total_bytes > total ? t->peak_total_bytes : total;
}

void adcc_tape_stats_reset(void)
{
	AdccTape *t = &adcc_rt_tape;
	for (int k = 0; k < ADCC_NSTACKS; k++) {
		t->s[k].pushes = 0;
		t->s[k].valley = pos(&t->s[k]);
	}
	t->peak_bytes = adcc_rt_stack_bytes(t);
	t->peak_total_bytes = t->peak_bytes + adcc_rt_snap_bytes(t);
	t->peak_bytes_allocated = t->bytes_allocated;
	t->chunk_allocs = 0;
	adcc_rt_snap_stats_reset(t);
}

void adcc_tape_stats_print(const char *title)
{
	AdccTapeStats st;
	adcc_tape_stats(&st);
	fprintf(stderr, "adcc tape statistics%s%s:\n", title ? ": " : "", title ? title : "");
	for (int k = 0; k < ADCC_NSTACKS; k++)
		if (st.pushes[k] || st.depth[k])
			fprintf(stderr, "  %-4s pushes %llu, depth %llu\n", info[k].name,
			        (unsigned long long)st.pushes[k], (unsigned long long)st.depth[k]);
	fprintf(stderr, "  pushes %llu; bytes %zu, peak %zu; allocated %zu, peak %zu, "
	        "%llu chunk allocations\n", (unsigned long long)st.pushes_total,
	        st.bytes, st.peak_bytes, st.bytes_allocated, st.peak_bytes_allocated,
	        (unsigned long long)st.chunk_allocs);
	if (st.snapshot_pushes || st.snapshots)
		fprintf(stderr, "  snapshots %llu (pushed %llu), bytes %zu, peak %zu; "
		        "peak tape+snapshots %zu\n", (unsigned long long)st.snapshots,
		        (unsigned long long)st.snapshot_pushes, st.snapshot_bytes,
		        st.snapshot_peak_bytes, st.peak_total_bytes);
}

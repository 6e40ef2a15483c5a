/* snapshot.c — the per-thread snapshot stack: LIFO byte blocks for
 * checkpointing (saved state of a call or of a time step).
 *
 * Blocks live in chunks (64 KiB, or larger for a larger block); a block
 * never spans two chunks.  An entry table (pointer, size, chunk, offset)
 * gives access by depth and lets a pop rewind the chunk it came from.
 * Chunks past the current one are kept for reuse until adcc_tape_free.
 */
#include "rt.h"

#include <stdlib.h>
#include <string.h>

enum { HDR = 64, MIN_CHUNK = 64 * 1024, ALIGN = 16 };

typedef struct SnapChunk {
	struct SnapChunk *next;
	size_t cap, used;  /* data bytes: capacity, in use */
	size_t size;       /* bytes allocated, header included */
} SnapChunk;
_Static_assert(sizeof(SnapChunk) <= HDR, "snapshot chunk header too large");

typedef struct {
	unsigned char *p;
	size_t n;
	SnapChunk *chunk;
	size_t used_before;  /* chunk->used before this block */
} Entry;

struct AdccSnapStack {
	SnapChunk *first, *cur;
	Entry *e;
	size_t count, cap;
	size_t bytes;
};

static const char what[] = "snapshot stack";

static struct AdccSnapStack *get(AdccTape *t)
{
	if (!t->snap) {
		t->snap = adcc_rt_alloc(sizeof *t->snap, what);
		memset(t->snap, 0, sizeof *t->snap);
	}
	return t->snap;
}

static void free_chain(SnapChunk *c)
{
	while (c) {
		SnapChunk *next = c->next;
		adcc_rt_release(c, c->size);
		c = next;
	}
}

/* A chunk with room for n bytes: the current one, the next cached one, or
 * a new one (cached chunks too small for n are released). */
static SnapChunk *room(struct AdccSnapStack *S, size_t n)
{
	SnapChunk *c = S->cur;
	if (c && c->cap - c->used >= n) return c;
	SnapChunk *nx = c ? c->next : NULL;
	if (nx && nx->cap < n) {
		free_chain(nx);
		nx = NULL;
		c->next = NULL;
	}
	if (!nx) {
		if (n > SIZE_MAX - HDR - ALIGN)
			adcc_rt_fatal("snapshot of %zu bytes is too large", n);
		size_t cap = n < MIN_CHUNK ? MIN_CHUNK : (n + ALIGN - 1) / ALIGN * ALIGN;
		nx = adcc_rt_alloc(HDR + cap, what);
		nx->next = NULL;
		nx->cap = cap;
		nx->size = HDR + cap;
		if (c) c->next = nx;
		else S->first = nx;
	}
	nx->used = 0;
	S->cur = nx;
	return nx;
}

void adcc_snapshot_push(const void *src, size_t n)
{
	AdccTape *t = &adcc_rt_tape;
	struct AdccSnapStack *S = get(t);
	if (S->count == S->cap) {
		size_t cap = S->cap ? 2 * S->cap : 64;
		Entry *e = adcc_rt_alloc(cap * sizeof *e, what);
		if (S->count) memcpy(e, S->e, S->count * sizeof *e);
		adcc_rt_release(S->e, S->cap * sizeof *e);
		S->e = e;
		S->cap = cap;
	}
	SnapChunk *c = room(S, n);
	Entry *e = &S->e[S->count++];
	e->p = (unsigned char *)c + HDR + c->used;
	e->n = n;
	e->chunk = c;
	e->used_before = c->used;
	if (n) memcpy(e->p, src, n);
	c->used += (n + ALIGN - 1) / ALIGN * ALIGN;
	if (c->used > c->cap) c->used = c->cap;
	S->bytes += n;
	t->snapshot_pushes++;
	if (S->bytes > t->snapshot_peak_bytes) t->snapshot_peak_bytes = S->bytes;
	adcc_rt_note_peak(t);
}

static Entry *entry(size_t depth, size_t n, int check)
{
	struct AdccSnapStack *S = adcc_rt_tape.snap;
	size_t count = S ? S->count : 0;
	if (depth >= count)
		adcc_rt_fatal("snapshot %zu below the top requested, but the snapshot "
		              "stack holds %zu", depth, count);
	Entry *e = &S->e[count - 1 - depth];
	if (check && e->n != n)
		adcc_rt_fatal("snapshot size mismatch: the snapshot has %zu bytes, "
		              "%zu requested", e->n, n);
	return e;
}

void adcc_snapshot_peek(size_t depth, void *dst, size_t n)
{
	Entry *e = entry(depth, n, 1);
	if (n) memcpy(dst, e->p, n);
}

void adcc_snapshot_pop(void *dst, size_t n)
{
	Entry *e = entry(0, n, dst != NULL);
	struct AdccSnapStack *S = adcc_rt_tape.snap;
	if (dst && n) memcpy(dst, e->p, n);
	adcc_rt_note_peak(&adcc_rt_tape);  /* the total may peak now */
	e->chunk->used = e->used_before;
	S->cur = e->chunk;
	S->bytes -= e->n;
	S->count--;
}

size_t adcc_snapshot_count(void)
{
	return adcc_rt_tape.snap ? adcc_rt_tape.snap->count : 0;
}

size_t adcc_snapshot_size(size_t depth)
{
	return entry(depth, 0, 0)->n;
}

void adcc_rt_snap_reset(AdccTape *t)
{
	struct AdccSnapStack *S = t->snap;
	if (!S) return;
	S->count = 0;
	S->bytes = 0;
	S->cur = S->first;
	if (S->cur) S->cur->used = 0;
}

void adcc_rt_snap_free(AdccTape *t)
{
	struct AdccSnapStack *S = t->snap;
	if (!S) return;
	free_chain(S->first);
	adcc_rt_release(S->e, S->cap * sizeof *S->e);
	adcc_rt_release(S, sizeof *S);
	t->snap = NULL;
}

size_t adcc_rt_snap_bytes(const AdccTape *t)
{
	return t->snap ? t->snap->bytes : 0;
}

void adcc_rt_snap_stats(const AdccTape *t, AdccTapeStats *out)
{
	const struct AdccSnapStack *S = t->snap;
	out->snapshot_pushes = t->snapshot_pushes;
	out->snapshot_peak_bytes = t->snapshot_peak_bytes;
	if (!S) return;
	out->snapshots = S->count;
	out->snapshot_bytes = S->bytes;
}

void adcc_rt_snap_stats_reset(AdccTape *t)
{
	t->snapshot_pushes = 0;
	t->snapshot_peak_bytes = adcc_rt_snap_bytes(t);
}

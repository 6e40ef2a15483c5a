/* blocks.c — buffers for arrays recorded as blocks.
 *
 * A read-only array that a loop reads is recorded once, as a block
 * (adcc_push_f64_n); the reverse sweep pops it into a buffer and reads it
 * there.  Buffers are taken and given back in last-in first-out order (the
 * reverse sweep of a region takes them where it begins and gives them back
 * where it ends), so they come from a per-thread stack of chunks: no
 * malloc per call in the common case.
 */
#include <stdlib.h>
#include "adcc_rt.h"
#include "rt.h"

typedef struct Chunk Chunk;
struct Chunk {
	Chunk *prev;
	size_t top, cap;   /* doubles used, doubles available */
	double data[];
};

static ADCC_TLS Chunk *cur;    /* the chunk buffers come from */
static ADCC_TLS Chunk *spare;  /* an empty chunk kept for reuse */

double *adcc_pop_f64_buf(size_t n)
{
	if (!cur || cur->cap - cur->top < n) {
		Chunk *c = spare;
		spare = NULL;
		if (c && c->cap < n) {
			free(c);
			c = NULL;
		}
		if (!c) {
			size_t cap = n > 4096 ? n : 4096;
			c = malloc(sizeof *c + cap * sizeof(double));
			if (!c)
				adcc_rt_fatal("out of memory for a buffer of %zu values", n);
			c->cap = cap;
		}
		c->top = 0;
		c->prev = cur;
		cur = c;
	}
	double *p = cur->data + cur->top;
	cur->top += n;
	adcc_pop_f64_n(p, n);
	return p;
}

void adcc_buf_release(double *p)
{
	if (!cur)
		adcc_rt_fatal("adcc_buf_release without a buffer");
	if (p < cur->data || p > cur->data + cur->top)
		adcc_rt_fatal("adcc_buf_release out of order");
	cur->top = (size_t)(p - cur->data);
	if (cur->top == 0 && cur->prev) {
		Chunk *c = cur;
		cur = c->prev;
		free(spare);
		spare = c;
	}
}

void adcc_rt_blocks_free(void)
{
	while (cur) {
		Chunk *c = cur;
		cur = c->prev;
		free(c);
	}
	free(spare);
	spare = NULL;
}

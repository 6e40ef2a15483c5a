/* arena.c — bump allocator for compiler data.
 *
 * The compiler allocates IR objects from arenas and frees an arena as a
 * whole; nothing in an arena is freed one by one.  Memory is zeroed.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "adcc.h"

enum { CHUNK = 64 * 1024 };

typedef struct Chunk Chunk;
struct Chunk {
	Chunk *next;
	size_t used, cap;
	max_align_t data[];
};

struct Arena {
	Chunk *head;
};

Arena *arena_new(void)
{
	return xmalloc(sizeof(Arena));
}

void *arena_alloc(Arena *a, size_t n)
{
	size_t al = sizeof(max_align_t);
	n = (n + al - 1) / al * al;
	if (!a->head || a->head->used + n > a->head->cap) {
		size_t cap = n > CHUNK ? n : CHUNK;
		Chunk *c = xmalloc(sizeof(Chunk) + cap);
		c->cap = cap;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	char *p = (char *)a->head->data + a->head->used;
	a->head->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strdup(Arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(arena_alloc(a, n), s, n);
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

void arena_free(Arena *a)
{
	if (!a)
		return;
	for (Chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

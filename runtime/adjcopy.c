/* adjcopy.c — adjoints of memcpy and memmove over floating-point data.
 *
 * The forward copy d[i] = s[i] (n bytes) has the adjoint
 *   sb[i] += db[i];  db[i] = 0
 * (the overwritten d loses its adjoint, the source gains it).  When the
 * blocks overlap (memmove) every db[i] is read before any is cleared, as
 * the forward copy read every s[i] before writing.
 */
#include <stdlib.h>
#include <string.h>
#include "adcc_rt.h"
#include "rt.h"

#define ADJ_COPY(name, T)                                                  \
	void name(void *db, void *sb, size_t n)                               \
	{                                                                     \
		T *d = db, *s = sb;                                               \
		size_t k = n / sizeof(T);                                         \
		if (d == s || !k)                                                 \
			return; /* a copy onto itself: adjoints unchanged */          \
		if (d + k <= s || s + k <= d) {                                   \
			for (size_t i = 0; i < k; i++) {                              \
				s[i] += d[i];                                             \
				d[i] = 0;                                                 \
			}                                                             \
			return;                                                       \
		}                                                                 \
		T *t = malloc(k * sizeof(T));                                     \
		if (!t)                                                           \
			adcc_rt_fatal("out of memory in %s", #name);                       \
		memcpy(t, d, k * sizeof(T));                                      \
		memset(d, 0, k * sizeof(T));                                      \
		for (size_t i = 0; i < k; i++)                                    \
			s[i] += t[i];                                                 \
		free(t);                                                          \
	}

ADJ_COPY(adcc_adj_copy_f64, double)
ADJ_COPY(adcc_adj_copy_f32, float)

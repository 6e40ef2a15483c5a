// Block buffers (adcc_pop_f64_buf / adcc_buf_release) and the adjoints of
// copies (adcc_adj_copy_f64/f32), under ASan+UBSan and valgrind.
// RUN: %cc %s %rt -o %t && %t
// RUN: %cc %san %s %S/../../runtime/tape.c %S/../../runtime/snapshot.c %S/../../runtime/revolve.c %S/../../runtime/blocks.c %S/../../runtime/adjcopy.c -o %t.san && %t.san
// RUN: valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all %t
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "adcc_rt.h"

static int fails;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

/* take nested buffers of sizes n, n*3+1, … (crossing chunk sizes), check
 * their contents, release them innermost first */
static void nest(int depth, size_t n)
{
	double *v = malloc(n * sizeof(double) + 1);
	for (size_t i = 0; i < n; i++)
		v[i] = (double)depth * 1e6 + (double)i;
	adcc_push_f64_n(v, n);
	if (depth < 6)
		nest(depth + 1, n * 3 + 1);
	double *b = adcc_pop_f64_buf(n);
	CHECK(memcmp(b, v, n * sizeof(double)) == 0);
	if (depth < 6) { /* a sibling taken and released inside */
		adcc_push_f64_n(v, n);
		double *c = adcc_pop_f64_buf(n);
		CHECK(c != b || n == 0);
		CHECK(memcmp(c, v, n * sizeof(double)) == 0);
		adcc_buf_release(c);
	}
	CHECK(memcmp(b, v, n * sizeof(double)) == 0);
	adcc_buf_release(b);
	free(v);
}

int main(void)
{
	for (int round = 0; round < 3; round++)
		nest(0, (size_t)(round * 50));
	double d[8], s[8];
	for (int i = 0; i < 8; i++)
		d[i] = i + 1, s[i] = 10 * (i + 1);
	adcc_adj_copy_f64(d, s, 4 * sizeof(double));
	for (int i = 0; i < 4; i++)
		CHECK(d[i] == 0 && s[i] == 10 * (i + 1) + i + 1);
	CHECK(d[4] == 5 && s[4] == 50);
	/* overlap: memmove(a + 1, a, 3) has adjoint ab[0..3) += old ab[1..4), ab[1..4) = 0 first */
	double a[5] = {1, 2, 3, 4, 5};
	adcc_adj_copy_f64(a + 1, a, 3 * sizeof(double));
	CHECK(a[0] == 1 + 2 && a[1] == 3 && a[2] == 4 && a[3] == 0 && a[4] == 5);
	float f[3] = {1, 2, 3}, g[3] = {0, 0, 0};
	adcc_adj_copy_f32(f, g, sizeof f);
	CHECK(g[0] == 1 && g[2] == 3 && f[1] == 0);
	AdccTapeStats st;
	adcc_tape_stats(&st);
	CHECK(st.bytes == 0);
	adcc_tape_free();
	if (fails)
		return 1;
	printf("blocks: ok\n");
	return 0;
}

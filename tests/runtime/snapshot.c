// The snapshot stack: blocks of any size (0, small, larger than a chunk,
// many across chunks) come back by depth and in LIFO order; memory is
// reused after pops and reset, released by free.
// RUN: %cc %s %rt -o %t && %t
// RUN: %cc %san %s %S/../../runtime/tape.c %S/../../runtime/snapshot.c %S/../../runtime/revolve.c %S/../../runtime/blocks.c -o %t.san && %t.san
// RUN: valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all %t
#include "adcc_rt.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", \
	__FILE__, __LINE__, #c); fails++; } } while (0)

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(seed * 31 + i * 7 + (i >> 8));
}

static int same(const unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(seed * 31 + i * 7 + (i >> 8))) return 0;
	return 1;
}

int main(void)
{
	enum { BIG = 200000, N = 3000 };
	unsigned char *buf = malloc(BIG), *out = malloc(BIG);
	AdccTapeStats st;

	CHECK(adcc_snapshot_count() == 0);
	/* sizes 0, 1, 17, BIG (> a 64 KiB chunk), then many across chunks */
	size_t sizes[N];
	for (int i = 0; i < N; i++) sizes[i] = i == 0 ? 0 : i == 1 ? 1 : i == 2 ? 17 :
	                                       i == 3 ? BIG : (size_t)(i * 37 % 1000);
	for (int round = 0; round < 3; round++) {
		size_t total = 0;
		for (int i = 0; i < N; i++) {
			fill(buf, sizes[i], (unsigned)i);
			adcc_snapshot_push(buf, sizes[i]);
			total += sizes[i];
		}
		CHECK(adcc_snapshot_count() == N);
		adcc_tape_stats(&st);
		CHECK(st.snapshot_bytes == total);
		/* peek by depth, without removing */
		for (int d = 0; d < N; d += 97) {
			int i = N - 1 - d;
			CHECK(adcc_snapshot_size((size_t)d) == sizes[i]);
			memset(out, 0, sizes[i]);
			adcc_snapshot_peek((size_t)d, out, sizes[i]);
			CHECK(same(out, sizes[i], (unsigned)i));
		}
		/* pop half, push different blocks, then pop everything */
		for (int i = N - 1; i >= N / 2; i--) {
			adcc_snapshot_pop(out, sizes[i]);
			CHECK(same(out, sizes[i], (unsigned)i));
		}
		for (int i = N / 2; i < N; i++) {
			fill(buf, sizes[N - 1 - i + N / 2], (unsigned)i + 5);
			adcc_snapshot_push(buf, sizes[N - 1 - i + N / 2]);
		}
		for (int i = N - 1; i >= N / 2; i--) {
			size_t n = sizes[N - 1 - i + N / 2];
			if (i % 2) {
				adcc_snapshot_pop(out, n);
				CHECK(same(out, n, (unsigned)i + 5));
			} else {
				adcc_snapshot_pop(NULL, 0);
			}
		}
		for (int i = N / 2 - 1; i >= 0; i--) {
			adcc_snapshot_peek(0, out, sizes[i]);
			CHECK(same(out, sizes[i], (unsigned)i));
			adcc_snapshot_pop(out, sizes[i]);
			CHECK(same(out, sizes[i], (unsigned)i));
		}
		CHECK(adcc_snapshot_count() == 0);
		adcc_tape_stats(&st);
		CHECK(st.snapshot_bytes == 0);
		if (round == 0) adcc_tape_stats_reset();
	}
	/* rounds 1 and 2 reuse round 0's memory */
	adcc_tape_stats(&st);
	CHECK(st.chunk_allocs == 0);
	CHECK(st.snapshot_pushes == 2 * (N + N - N / 2));

	/* reset empties the snapshot stack too; free releases it */
	adcc_snapshot_push(buf, 10);
	adcc_push_f64(1.0);
	adcc_tape_reset();
	CHECK(adcc_snapshot_count() == 0);
	CHECK(adcc_tape_depth(ADCC_STACK_F64) == 0);
	adcc_snapshot_push(buf, 10);
	adcc_tape_free();
	adcc_tape_stats(&st);
	CHECK(st.bytes_allocated == 0);
	CHECK(adcc_snapshot_count() == 0);
	free(buf);
	free(out);
	if (fails) return 1;
	printf("snapshot ok\n");
	return 0;
}

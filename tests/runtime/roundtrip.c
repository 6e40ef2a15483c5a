// Push/pop round trips of every stack type across many chunk boundaries,
// LIFO order interleaved across stacks, array pushes mixed with single ones.
// RUN: %cc %s %rt -o %t && %t
// RUN: %clang %s %rt -o %t.clang && %t.clang
// RUN: %cc %san %s %S/../../runtime/tape.c %S/../../runtime/snapshot.c %S/../../runtime/revolve.c %S/../../runtime/blocks.c -o %t.san && %t.san
// RUN: valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all %t small
#include "adcc_rt.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", \
	__FILE__, __LINE__, #c); if (++fails > 10) exit(1); } } while (0)

static double fd(long i) { return (double)i * 0.5 + 1.0 / (double)(i + 3); }
static float ff(long i) { return (float)i * 0.25f - 7.0f; }
static int32_t fi(long i) { return (int32_t)(i * 2654435761u); }
static int64_t fl(long i) { return (int64_t)i * 0x9E3779B97F4A7C15ll; }
static int fb(long i) { return (int)((i * 7 + i / 3) % 5 == 0); }

/* One stack at a time: n values on, n values off, twice (the second time
 * through the cached chunks). */
static void single(long n)
{
	for (int rep = 0; rep < 2; rep++) {
		for (long i = 0; i < n; i++) adcc_push_f64(fd(i));
		for (long i = n - 1; i >= 0; i--) CHECK(adcc_pop_f64() == fd(i));
		for (long i = 0; i < n; i++) adcc_push_f32(ff(i));
		for (long i = n - 1; i >= 0; i--) CHECK(adcc_pop_f32() == ff(i));
		for (long i = 0; i < n; i++) adcc_push_i32(fi(i));
		for (long i = n - 1; i >= 0; i--) CHECK(adcc_pop_i32() == fi(i));
		for (long i = 0; i < n; i++) adcc_push_i64(fl(i));
		for (long i = n - 1; i >= 0; i--) CHECK(adcc_pop_i64() == fl(i));
		for (long i = 0; i < n; i++) adcc_push_cnt(i);
		for (long i = n - 1; i >= 0; i--) CHECK(adcc_pop_cnt() == i);
		static char arr[16];
		for (long i = 0; i < n; i++) adcc_push_ptr(&arr[i % 16]);
		for (long i = n - 1; i >= 0; i--) CHECK(adcc_pop_ptr() == &arr[i % 16]);
		for (long i = 0; i < 8 * n; i++) adcc_push_bit(fb(i) ? (int)i + 1 : 0);
		for (long i = 8 * n - 1; i >= 0; i--) CHECK(adcc_pop_bit() == fb(i));
		for (int k = 0; k < ADCC_NSTACKS; k++) CHECK(adcc_tape_depth(k) == 0);
	}
}

/* All stacks at once, in a pattern like a loop body of a forward sweep,
 * with partial unwinding in the middle (push, pop some, push again). */
static void interleaved(long n)
{
	long redone = -1;
	for (long i = 0; i < n; i++) {
		adcc_push_f64(fd(i));
		if (i % 3 == 0) adcc_push_i32(fi(i));
		adcc_push_bit(fb(i));
		if (i % 5 == 0) adcc_push_f32(ff(i));
		adcc_push_i64(fl(i));
		if (i % 1000 == 999) adcc_push_cnt(i);
		if (i % 7 == 0) adcc_push_ptr((void *)(size_t)(i * 8 + 8));
		if (i % 100000 == 99999 && i != redone) { /* pop the last 10 iterations, redo them */
			for (long j = i; j > i - 10; j--) {
				if (j % 7 == 0) CHECK(adcc_pop_ptr() == (void *)(size_t)(j * 8 + 8));
				if (j % 1000 == 999) CHECK(adcc_pop_cnt() == j);
				CHECK(adcc_pop_i64() == fl(j));
				if (j % 5 == 0) CHECK(adcc_pop_f32() == ff(j));
				CHECK(adcc_pop_bit() == fb(j));
				if (j % 3 == 0) CHECK(adcc_pop_i32() == fi(j));
				CHECK(adcc_pop_f64() == fd(j));
			}
			redone = i;
			i -= 10;
		}
	}
	for (long j = n - 1; j >= 0; j--) {
		if (j % 7 == 0) CHECK(adcc_pop_ptr() == (void *)(size_t)(j * 8 + 8));
		if (j % 1000 == 999) CHECK(adcc_pop_cnt() == j);
		CHECK(adcc_pop_i64() == fl(j));
		if (j % 5 == 0) CHECK(adcc_pop_f32() == ff(j));
		CHECK(adcc_pop_bit() == fb(j));
		if (j % 3 == 0) CHECK(adcc_pop_i32() == fi(j));
		CHECK(adcc_pop_f64() == fd(j));
	}
	for (int k = 0; k < ADCC_NSTACKS; k++) CHECK(adcc_tape_depth(k) == 0);
}

/* Arrays: push_n/pop_n restore arrays; they mix with single pushes. */
static void arrays(long n)
{
	double *a = malloc((size_t)n * sizeof *a), *b = malloc((size_t)n * sizeof *b);
	int32_t *c = malloc((size_t)n * sizeof *c), *d = malloc((size_t)n * sizeof *d);
	float e[5] = {1, 2, 3, 4, 5}, e2[5];
	int64_t g[3] = {-1, 0, 1}, g2[3];
	for (long i = 0; i < n; i++) { a[i] = fd(i); c[i] = fi(i); }
	adcc_push_f64(-1.0);
	adcc_push_f64_n(a, (size_t)n);
	adcc_push_f64(-2.0);
	adcc_push_f64_n(a, 3);  /* same as three single pushes */
	adcc_push_i32_n(c, (size_t)n);
	adcc_push_f32_n(e, 5);
	adcc_push_i64_n(g, 3);
	adcc_push_f64_n(a, 0);
	adcc_pop_i64_n(g2, 3);
	CHECK(memcmp(g, g2, sizeof g) == 0);
	adcc_pop_f32_n(e2, 5);
	CHECK(memcmp(e, e2, sizeof e) == 0);
	adcc_pop_i32_n(d, (size_t)n);
	CHECK(memcmp(c, d, (size_t)n * sizeof *c) == 0);
	CHECK(adcc_pop_f64() == a[2]);
	CHECK(adcc_pop_f64() == a[1]);
	CHECK(adcc_pop_f64() == a[0]);
	CHECK(adcc_pop_f64() == -2.0);
	adcc_pop_f64_n(b, (size_t)n);
	CHECK(memcmp(a, b, (size_t)n * sizeof *a) == 0);
	CHECK(adcc_pop_f64() == -1.0);
	CHECK(adcc_tape_depth(ADCC_STACK_F64) == 0);
	free(a); free(b); free(c); free(d);
}

int main(int argc, char **argv)
{
	long n = argc > 1 && strcmp(argv[1], "small") == 0 ? 200000 : 3000000;
	single(n);
	interleaved(n);
	arrays(n);
	adcc_tape_reset();
	arrays(1000);
	adcc_tape_free();
	/* The tape works again after free. */
	single(70000);
	adcc_tape_free();
	if (fails) return 1;
	printf("roundtrip ok\n");
	return 0;
}

// Statistics are exact: pushes per stack, bytes, peak bytes, chunk
// allocations and memory held, across turns, chunk growth, reset and free.
// RUN: %cc %s %rt -o %t && %t
// RUN: %cc %san %s %S/../../runtime/tape.c %S/../../runtime/snapshot.c %S/../../runtime/revolve.c %S/../../runtime/blocks.c -o %t.san && %t.san
// RUN: valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all %t
#include "adcc_rt.h"
#include <stdio.h>
#include <stdlib.h>

static int fails;
#define EQ(a, b) do { unsigned long long a_ = (a), b_ = (b); if (a_ != b_) { \
	fprintf(stderr, "%s:%d: %s == %llu, expected %s == %llu\n", __FILE__, \
	__LINE__, #a, a_, #b, b_); fails++; } } while (0)

enum { HDR = 64, KB64 = 64 * 1024 };

static AdccTapeStats st(void)
{
	AdccTapeStats s;
	adcc_tape_stats(&s);
	return s;
}

int main(void)
{
	AdccTapeStats s = st();
	EQ(s.pushes_total, 0);
	EQ(s.bytes, 0);
	EQ(s.peak_bytes, 0);
	EQ(s.chunk_allocs, 0);
	EQ(s.bytes_allocated, 0);

	/* pushes, bytes and peak across turns */
	for (int i = 0; i < 1000; i++) adcc_push_f64(i);
	for (int i = 0; i < 10; i++) adcc_push_f32((float)i);
	for (int i = 0; i < 7; i++) adcc_push_bit(i & 1);
	s = st();
	EQ(s.pushes[ADCC_STACK_F64], 1000);
	EQ(s.pushes[ADCC_STACK_F32], 10);
	EQ(s.pushes[ADCC_STACK_BIT], 7);
	EQ(s.pushes_total, 1017);
	EQ(s.depth[ADCC_STACK_F64], 1000);
	EQ(s.bytes, 8000 + 40 + 1);
	EQ(s.peak_bytes, 8041);
	EQ(s.chunk_allocs, 3);
	EQ(s.bytes_allocated, 3 * (HDR + KB64));
	EQ(s.peak_bytes_allocated, 3 * (HDR + KB64));
	for (int i = 0; i < 500; i++) (void)adcc_pop_f64();
	s = st();
	EQ(s.pushes_total, 1017);
	EQ(s.bytes, 4041);
	EQ(s.peak_bytes, 8041);
	for (int i = 0; i < 200; i++) adcc_push_f64(i);
	adcc_push_bit(1);
	adcc_push_bit(1);  /* 9 bits: 2 bytes */
	s = st();
	EQ(s.pushes[ADCC_STACK_F64], 1200);
	EQ(s.pushes[ADCC_STACK_BIT], 9);
	EQ(s.bytes, 5600 + 40 + 2);
	EQ(s.peak_bytes, 8041);
	for (int i = 0; i < 400; i++) adcc_push_f64(i);
	s = st();
	EQ(s.bytes, 8800 + 40 + 2);
	EQ(s.peak_bytes, 8842);  /* peak while still pushing */
	for (int i = 0; i < 1100; i++) (void)adcc_pop_f64();
	for (int i = 0; i < 10; i++) (void)adcc_pop_f32();
	for (int i = 0; i < 9; i++) (void)adcc_pop_bit();
	s = st();
	EQ(s.pushes_total, 1600 + 10 + 9);
	EQ(s.bytes, 0);
	EQ(s.peak_bytes, 8842);

	/* stats reset: counters restart, peaks from the current value */
	adcc_tape_stats_reset();
	s = st();
	EQ(s.pushes_total, 0);
	EQ(s.peak_bytes, 0);
	EQ(s.chunk_allocs, 0);
	EQ(s.bytes_allocated, 3 * (HDR + KB64));
	EQ(s.peak_bytes_allocated, 3 * (HDR + KB64));

	/* alternating push on one stack and pop on another: exact counts */
	for (int i = 0; i < 1000; i++) adcc_push_i32(i);
	for (int i = 0; i < 1000; i++) {
		adcc_push_f64(i);
		EQ(adcc_pop_i32(), 999 - i);
	}
	s = st();
	EQ(s.pushes[ADCC_STACK_I32], 1000);
	EQ(s.pushes[ADCC_STACK_F64], 1000);
	EQ(s.depth[ADCC_STACK_I32], 0);
	EQ(s.depth[ADCC_STACK_F64], 1000);
	EQ(s.peak_bytes, 8000 + 4);  /* all doubles + the last int */
	EQ(s.bytes, 8000);
	for (int i = 0; i < 1000; i++) (void)adcc_pop_f64();

	/* chunk growth: 64 KiB holds 8192 doubles; then 64 KiB, then 128 KiB */
	adcc_tape_stats_reset();
	for (int i = 0; i < 8192; i++) adcc_push_f64(i);
	EQ(st().chunk_allocs, 0);
	adcc_push_f64(0);
	EQ(st().chunk_allocs, 1);
	for (int i = 0; i < 8191; i++) adcc_push_f64(i);
	EQ(st().chunk_allocs, 1);
	adcc_push_f64(0);
	s = st();
	EQ(s.chunk_allocs, 2);
	EQ(s.bytes_allocated, 6 * HDR + 7 * KB64);
	for (int i = 0; i < 2 * 8192 + 1; i++) (void)adcc_pop_f64();
	EQ(st().bytes, 0);
	for (int i = 0; i < 2 * 8192 + 1; i++) adcc_push_f64(i);  /* reuses chunks */
	s = st();
	EQ(s.chunk_allocs, 2);
	EQ(s.pushes[ADCC_STACK_F64], 2 * (2 * 8192 + 1));
	EQ(s.peak_bytes, 8 * (2 * 8192 + 1));

	/* array pushes count per element */
	double a[100] = {0};
	adcc_push_f64_n(a, 100);
	EQ(st().pushes[ADCC_STACK_F64], 2 * (2 * 8192 + 1) + 100);

	/* reset: empty, memory kept, counters kept */
	adcc_tape_reset();
	s = st();
	EQ(s.bytes, 0);
	EQ(s.depth[ADCC_STACK_F64], 0);
	EQ(s.pushes[ADCC_STACK_F64], 2 * (2 * 8192 + 1) + 100);
	EQ(s.peak_bytes, 8 * (2 * 8192 + 1) + 800);
	EQ(s.bytes_allocated, 6 * HDR + 7 * KB64);

	/* snapshots and the combined peak */
	adcc_tape_stats_reset();
	for (int i = 0; i < 1000; i++) adcc_push_f64(i);
	char buf[5000] = {0};
	adcc_snapshot_push(buf, 1000);
	s = st();
	EQ(s.snapshots, 1);
	EQ(s.snapshot_bytes, 1000);
	EQ(s.peak_total_bytes, 9000);
	for (int i = 0; i < 1000; i++) (void)adcc_pop_f64();
	adcc_snapshot_push(buf, 5000);
	s = st();
	EQ(s.snapshot_bytes, 6000);
	EQ(s.snapshot_peak_bytes, 6000);
	EQ(s.snapshot_pushes, 2);
	EQ(s.peak_total_bytes, 9000);
	for (int i = 0; i < 500; i++) adcc_push_f64(i);
	EQ(st().peak_total_bytes, 10000);
	adcc_snapshot_pop(NULL, 0);
	for (int i = 0; i < 500; i++) (void)adcc_pop_f64();
	s = st();
	EQ(s.snapshot_bytes, 1000);
	EQ(s.snapshot_peak_bytes, 6000);
	EQ(s.peak_total_bytes, 10000);
	EQ(s.peak_bytes, 8000);

	/* free: no memory held; the tape works again */
	adcc_tape_free();
	s = st();
	EQ(s.bytes_allocated, 0);
	EQ(s.bytes, 0);
	EQ(s.snapshots, 0);
	EQ(s.snapshot_pushes, 2);       /* counters survive free */
	EQ(s.snapshot_peak_bytes, 6000);
	adcc_push_i64(42);
	EQ(adcc_pop_i64(), 42);
	EQ(st().bytes_allocated, HDR + KB64);
	adcc_tape_stats_print("stats test");
	adcc_tape_free();
	EQ(st().bytes_allocated, 0);
	if (fails) return 1;
	printf("stats ok\n");
	return 0;
}

// One tape per thread: two threads push and pop different sequences at the
// same time and get independent values and statistics; the main thread's
// tape is untouched.  A thread that exits without adcc_tape_free has its
// tape freed at thread exit, the main thread's at exit (valgrind: no leak).
// RUN: %cc -pthread %s %rt -o %t && %t
// RUN: %cc -pthread %san %s %S/../../runtime/tape.c %S/../../runtime/snapshot.c %S/../../runtime/revolve.c %S/../../runtime/blocks.c -o %t.san && %t.san
// RUN: valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all %t small
#include "adcc_rt.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long n = 2000000;
static pthread_barrier_t barrier;

typedef struct {
	int id;
	int ok;
	AdccTapeStats st;
} Job;

static void *work(void *arg)
{
	Job *j = arg;
	long m = n * (j->id + 1);  /* thread 0: n values, thread 1: 2n */
	double scale = j->id ? -3.0 : 0.5;
	int ok = 1;
	adcc_tape_stats_reset();
	pthread_barrier_wait(&barrier);
	for (int rep = 0; rep < 3; rep++) {
		for (long i = 0; i < m; i++) {
			adcc_push_f64(scale * (double)i);
			if (i % 3 == j->id) adcc_push_bit(1);
			adcc_push_i32((int32_t)(i ^ j->id));
		}
		adcc_snapshot_push(&j->id, sizeof j->id);
		pthread_barrier_wait(&barrier);  /* both tapes full at once */
		int id = -1;
		adcc_snapshot_pop(&id, sizeof id);
		ok &= id == j->id;
		for (long i = m - 1; i >= 0; i--) {
			ok &= adcc_pop_i32() == (int32_t)(i ^ j->id);
			if (i % 3 == j->id) ok &= adcc_pop_bit() == 1;
			ok &= adcc_pop_f64() == scale * (double)i;
		}
	}
	adcc_tape_stats(&j->st);
	j->ok = ok;
	if (j->id == 0) adcc_tape_free();  /* thread 1 leaves it to thread exit */
	return NULL;
}

static uint64_t bits(long m, int id)
{
	uint64_t c = 0;
	for (long i = 0; i < m; i++) c += i % 3 == id;
	return c;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "small") == 0) n = 100000;
	adcc_push_f64(7.0);  /* the main thread's tape */
	pthread_barrier_init(&barrier, NULL, 2);
	Job jobs[2];
	memset(jobs, 0, sizeof jobs);
	jobs[1].id = 1;
	pthread_t th[2];
	for (int i = 0; i < 2; i++) pthread_create(&th[i], NULL, work, &jobs[i]);
	for (int i = 0; i < 2; i++) pthread_join(th[i], NULL);
	pthread_barrier_destroy(&barrier);
	int fails = 0;
	for (int i = 0; i < 2; i++) {
		long m = n * (i + 1);
		const AdccTapeStats *s = &jobs[i].st;
		if (!jobs[i].ok) { fprintf(stderr, "thread %d: wrong values\n", i); fails++; }
		if (s->pushes[ADCC_STACK_F64] != 3 * (uint64_t)m ||
		    s->pushes[ADCC_STACK_I32] != 3 * (uint64_t)m ||
		    s->pushes[ADCC_STACK_BIT] != 3 * bits(m, i) ||
		    s->peak_bytes != (size_t)(12 * m + (bits(m, i) + 7) / 8) ||
		    s->snapshot_pushes != 3 || s->bytes != 0) {
			fprintf(stderr, "thread %d: wrong statistics: f64 %llu, i32 %llu, "
			        "bit %llu, peak %zu\n", i,
			        (unsigned long long)s->pushes[ADCC_STACK_F64],
			        (unsigned long long)s->pushes[ADCC_STACK_I32],
			        (unsigned long long)s->pushes[ADCC_STACK_BIT], s->peak_bytes);
			fails++;
		}
	}
	AdccTapeStats s;
	adcc_tape_stats(&s);
	if (s.pushes_total != 1 || s.depth[ADCC_STACK_F64] != 1 || adcc_pop_f64() != 7.0) {
		fprintf(stderr, "main thread's tape disturbed\n");
		fails++;
	}
	adcc_push_f64(1.0);  /* left on the tape: freed at exit */
	if (fails) return 1;
	printf("threads ok\n");
	return 0;
}

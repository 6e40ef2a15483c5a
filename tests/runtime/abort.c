// Misuse aborts with a message: popping any empty stack (also after a
// chunk boundary, after reset, and through pop_n), snapshot misuse.  Each
// case runs in a forked child; the parent checks SIGABRT and the message.
// RUN: %cc %s %rt -o %t && %t
// RUN: %cc %san %s %S/../../runtime/tape.c %S/../../runtime/snapshot.c %S/../../runtime/revolve.c %S/../../runtime/blocks.c -o %t.san && %t.san
// RUN: valgrind -q --child-silent-after-fork=yes --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all %t
#include "adcc_rt.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int fails;

/* Runs fn in a child; expects SIGABRT and `msg` in its stderr. */
static void expect_abort(const char *name, void (*fn)(void), const char *msg)
{
	int fd[2];
	char buf[1024] = {0};
	fflush(NULL);
	if (pipe(fd) != 0) { perror("pipe"); exit(1); }
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd[1], 2);
		close(fd[0]);
		fn();
		_exit(0);  /* no abort: the parent reports it */
	}
	close(fd[1]);
	size_t len = 0;
	ssize_t r;
	while (len < sizeof buf - 1 && (r = read(fd[0], buf + len, sizeof buf - 1 - len)) > 0)
		len += (size_t)r;
	close(fd[0]);
	int status;
	waitpid(pid, &status, 0);
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT) {
		fprintf(stderr, "%s: expected SIGABRT, got status %#x\n", name, status);
		fails++;
	} else if (!strstr(buf, msg)) {
		fprintf(stderr, "%s: expected message \"%s\", got \"%s\"\n", name, msg, buf);
		fails++;
	}
}

static void pop_f64(void) { (void)adcc_pop_f64(); }
static void pop_f32(void) { (void)adcc_pop_f32(); }
static void pop_i32(void) { (void)adcc_pop_i32(); }
static void pop_i64(void) { (void)adcc_pop_i64(); }
static void pop_ptr(void) { (void)adcc_pop_ptr(); }
static void pop_cnt(void) { (void)adcc_pop_cnt(); }
static void pop_bit(void) { (void)adcc_pop_bit(); }
static void pop_past_chunks(void)
{
	for (int i = 0; i < 100000; i++) adcc_push_f64(i);
	for (int i = 0; i < 100000; i++) (void)adcc_pop_f64();
	(void)adcc_pop_f64();
}
static void pop_after_reset(void)
{
	adcc_push_i32(1);
	adcc_tape_reset();
	(void)adcc_pop_i32();
}
static void pop_other_stack(void)
{
	adcc_push_f64(1.0);
	(void)adcc_pop_f32();
}
static void pop_n_too_many(void)
{
	double a[10] = {0};
	adcc_push_f64_n(a, 9);
	adcc_pop_f64_n(a, 10);
}
static void bits_too_many(void)
{
	for (int i = 0; i < 65; i++) adcc_push_bit(i & 1);
	for (int i = 0; i < 66; i++) (void)adcc_pop_bit();
}
static void snap_empty(void) { adcc_snapshot_pop(NULL, 0); }
static void snap_size(void)
{
	double x = 1;
	adcc_snapshot_push(&x, sizeof x);
	float y;
	adcc_snapshot_pop(&y, sizeof y);
}
static void snap_depth(void)
{
	double x = 1;
	adcc_snapshot_push(&x, sizeof x);
	adcc_snapshot_peek(1, &x, sizeof x);
}

int main(void)
{
	expect_abort("f64", pop_f64, "adcc runtime: pop from the empty double tape");
	expect_abort("f32", pop_f32, "pop from the empty float tape");
	expect_abort("i32", pop_i32, "pop from the empty int32 tape");
	expect_abort("i64", pop_i64, "pop from the empty int64 tape");
	expect_abort("ptr", pop_ptr, "pop from the empty pointer tape");
	expect_abort("cnt", pop_cnt, "pop from the empty count tape");
	expect_abort("bit", pop_bit, "pop from the empty branch tape");
	expect_abort("chunks", pop_past_chunks, "pop from the empty double tape");
	expect_abort("reset", pop_after_reset, "pop from the empty int32 tape");
	expect_abort("other", pop_other_stack, "pop from the empty float tape");
	expect_abort("pop_n", pop_n_too_many, "pop from the empty double tape");
	expect_abort("bits", bits_too_many, "pop from the empty branch tape");
	expect_abort("snap-empty", snap_empty,
	             "adcc runtime: snapshot 0 below the top requested, but the snapshot stack holds 0");
	expect_abort("snap-size", snap_size,
	             "snapshot size mismatch: the snapshot has 8 bytes, 4 requested");
	expect_abort("snap-depth", snap_depth, "snapshot 1 below the top requested");
	/* The parent's own tape still works and is released. */
	adcc_push_f64(2.0);
	if (adcc_pop_f64() != 2.0) fails++;
	adcc_tape_free();
	if (fails) return 1;
	printf("abort ok\n");
	return 0;
}

// Out of memory while growing a stack or the snapshot stack: a clear
// message and abort(), never corruption.  The child limits its address
// space (RLIMIT_AS), so this test runs without sanitizers and valgrind.
// RUN: %cc %s %rt -o %t && %t
// RUN: %clang %s %rt -o %t.clang && %t.clang
#include "adcc_rt.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static int fails;

static void expect_oom(const char *name, void (*fn)(void), const char *msg)
{
	int fd[2];
	char buf[1024] = {0};
	fflush(NULL);
	if (pipe(fd) != 0) { perror("pipe"); exit(1); }
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit rl = {256u << 20, 256u << 20};
		dup2(fd[1], 2);
		close(fd[0]);
		if (setrlimit(RLIMIT_AS, &rl) != 0) _exit(3);
		fn();
		_exit(0);
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
	} else if (strncmp(buf, msg, strlen(msg)) != 0 || !strstr(buf, " bytes)\n")) {
		fprintf(stderr, "%s: expected message \"%s… bytes)\", got \"%s\"\n", name, msg, buf);
		fails++;
	}
}

static void doubles(void)
{
	for (long i = 0;; i++) adcc_push_f64((double)i);
}

static void ints(void)
{
	for (int i = 0;; i++) adcc_push_i32(i);
}

static void snapshot(void)
{
	static char small[16];
	adcc_snapshot_push(small, sizeof small);
	adcc_snapshot_push(small, (size_t)1 << 40);  /* fails before copying */
}

int main(void)
{
	expect_oom("f64", doubles, "adcc runtime: out of memory while growing the double tape (");
	expect_oom("i32", ints, "adcc runtime: out of memory while growing the int32 tape (");
	expect_oom("snapshot", snapshot,
	           "adcc runtime: out of memory while growing the snapshot stack (");
	if (fails) return 1;
	printf("oom ok\n");
	return 0;
}

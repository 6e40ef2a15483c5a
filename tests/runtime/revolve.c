// Revolve schedules: for every steps <= 120 and snaps <= 8 the schedule
// reverses each step exactly once in order, restores the right states
// (checkpoints kept on the real snapshot stack), never holds more than
// `snaps` checkpoints, and advances exactly adcc_revolve_numforw steps,
// which equals the optimum computed by an independent dynamic program.
// RUN: %cc %s %rt -o %t && %t
// RUN: %cc %san %s %S/../../runtime/tape.c %S/../../runtime/snapshot.c %S/../../runtime/revolve.c %S/../../runtime/blocks.c -o %t.san && %t.san
// RUN: valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all %t small
#include "adcc_rt.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s " \
	"(steps %d, snaps %d)\n", __FILE__, __LINE__, #c, steps, snaps); \
	if (++fails > 20) exit(1); } } while (0)

enum { L = 120, S = 8 };
static long opt[L + 1][S + 1];

/* Minimal forward (advance) steps to reverse l steps holding at most s
 * states, the one at the start included: advance m steps, store, reverse
 * the last l-m steps with s-1 free places, then the first m with s. */
static void dp(void)
{
	for (int s = 1; s <= S; s++)
		for (int l = 1; l <= L; l++) {
			if (l == 1) { opt[l][s] = 0; continue; }
			if (s == 1) { opt[l][s] = (long)l * (l - 1) / 2; continue; }
			long best = -1;
			for (int m = 1; m < l; m++) {
				long c = m + opt[l - m][s - 1] + opt[m][s];
				if (best < 0 || c < best) best = c;
			}
			opt[l][s] = best;
		}
}

/* The "state" is the step number plus a payload derived from it, so a
 * wrong restore or a wrong advance shows. */
typedef struct { int step; double x[3]; } State;
static void set(State *st, int step)
{
	memset(st, 0, sizeof *st);
	st->step = step;
	for (int k = 0; k < 3; k++) st->x[k] = step * 1.5 + k;
}

/* Runs the schedule; returns the number of advance steps. */
static long run(int steps, int snaps, long *maxsnaps)
{
	AdccRevolve r;
	State st;
	int next_reverse = steps - 1, nturns = 0;
	long adv = 0;
	*maxsnaps = 0;
	set(&st, 0);
	CHECK(adcc_revolve_init(&r, steps, snaps) == 0);
	size_t base = adcc_snapshot_count();
	for (;;) {
		AdccRevolveAction a = adcc_revolve_next(&r);
		for (int k = 0; k < r.released; k++) adcc_snapshot_pop(NULL, 0);
		if (a == ADCC_RV_TERMINATE) break;
		if (a == ADCC_RV_ERROR) { CHECK(!"error action"); break; }
		switch (a) {
		case ADCC_RV_ADVANCE:
			CHECK(st.step == r.oldcapo);
			CHECK(r.capo > r.oldcapo && r.capo < steps);
			for (int i = r.oldcapo; i < r.capo; i++) set(&st, st.step + 1);
			adv += r.capo - r.oldcapo;
			break;
		case ADCC_RV_TAKESHOT:
			CHECK(st.step == r.capo);
			adcc_snapshot_push(&st, sizeof st);
			break;
		case ADCC_RV_RESTORE:
			adcc_snapshot_peek(0, &st, sizeof st);
			CHECK(st.step == r.capo);
			State want;
			set(&want, r.capo);
			CHECK(memcmp(&want, &st, sizeof st) == 0);
			break;
		case ADCC_RV_FIRSTURN:
		case ADCC_RV_YOUTURN:
			CHECK((a == ADCC_RV_FIRSTURN) == (nturns == 0));
			CHECK(st.step == r.capo);
			CHECK(r.capo == next_reverse);
			next_reverse--;
			nturns++;
			set(&st, st.step + 1);  /* the taped step; its adjoint follows */
			break;
		default:
			break;
		}
		long live = (long)(adcc_snapshot_count() - base);
		CHECK(live == r.check + 1);
		if (live > *maxsnaps) *maxsnaps = live;
	}
	CHECK(nturns == steps);
	CHECK(next_reverse == -1);
	CHECK(adcc_snapshot_count() == base);
	CHECK(r.advances == adv);
	adcc_revolve_free(&r);
	return adv;
}

int main(int argc, char **argv)
{
	int small = argc > 1 && strcmp(argv[1], "small") == 0;
	int steps = 0, snaps = 0;
	dp();
	for (snaps = 1; snaps <= S; snaps++)
		for (steps = 1; steps <= (small ? 40 : L); steps++) {
			long maxs, adv = run(steps, snaps, &maxs);
			CHECK(adcc_revolve_numforw(steps, snaps) == opt[steps][snaps]);
			CHECK(adv == opt[steps][snaps]);
			CHECK(maxs <= snaps);
		}
	/* closed forms: one checkpoint (quadratic); enough for every step */
	steps = 1000, snaps = 1;
	CHECK(adcc_revolve_numforw(steps, snaps) == 1000L * 999 / 2);
	steps = 50, snaps = 49;
	CHECK(adcc_revolve_numforw(steps, snaps) == 49);
	/* r = 3 with 4 snaps: beta(4,3) = C(7,4) = 35 steps, 3*35 - C(7,5) = 84 */
	steps = 35, snaps = 4;
	CHECK(adcc_revolve_numforw(steps, snaps) == 84);
	/* a long run: 100000 steps, 10 checkpoints */
	steps = small ? 3000 : 100000, snaps = 10;
	long maxs, adv = run(steps, snaps, &maxs);
	CHECK(adv == adcc_revolve_numforw(steps, snaps));
	CHECK(maxs <= 10);
	/* misuse */
	AdccRevolve r;
	steps = 0, snaps = 3;
	CHECK(adcc_revolve_init(&r, 0, 3) == -1);
	CHECK(adcc_revolve_next(&r) == ADCC_RV_ERROR);
	adcc_revolve_free(&r);
	CHECK(adcc_revolve_init(&r, 5, 0) == -1);
	CHECK(adcc_revolve_next(&r) == ADCC_RV_ERROR && r.info == 1);
	adcc_revolve_free(&r);
	CHECK(adcc_revolve_numforw(0, 1) == -1);
	CHECK(strcmp(adcc_revolve_action_name(ADCC_RV_YOUTURN), "youturn") == 0);
	adcc_tape_free();
	if (fails) return 1;
	printf("revolve ok\n");
	return 0;
}

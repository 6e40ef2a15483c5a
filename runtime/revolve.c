/* revolve.c — binomial checkpointing schedules (Revolve).
 *
 * The classic algorithm of Griewank and Walther (ACM TOMS 799, 2000), with
 * its state in an AdccRevolve instead of static variables (so it is
 * reentrant and thread-safe).  To reverse l steps with s checkpoints, let r
 * be minimal with beta(s, r) = C(s+r, s) >= l; the schedule advances
 * r*l - C(s+r, s+1) steps, which is optimal, and never holds more than s
 * checkpoints.  Pure computation: it stores nothing, the caller acts.
 */
#include "rt.h"

#include <stdlib.h>

enum { E_ARGS = 1, E_MISUSE = 2, E_OVERFLOW = 3 };
#define BIG ((int64_t)1 << 52)  /* binomials above this count as overflow */

/* reps and range = C(ds+reps, ds) for the smallest reps with range >= n;
 * 0, or -1 when range would overflow. */
static int binom(int64_t n, int64_t ds, int64_t *reps, int64_t *range)
{
	*reps = 0;
	*range = 1;
	while (*range < n) {
		*reps += 1;
		if (*range > BIG / (*reps + ds)) return -1;
		*range = *range * (*reps + ds) / *reps;
	}
	return 0;
}

long adcc_revolve_numforw(int steps, int snaps)
{
	int64_t reps, range;
	if (steps < 1 || snaps < 1) return -1;
	if (binom(steps, snaps, &reps, &range) < 0) return -1;
	return (long)(reps * steps - range * reps / (snaps + 1));
}

int adcc_revolve_init(AdccRevolve *r, int steps, int snaps)
{
	memset(r, 0, sizeof *r);
	r->check = -1;
	r->capo = 0;
	r->fine = steps;
	r->snaps = snaps;
	if (steps < 1 || snaps < 1) {
		r->info = E_ARGS;
		return -1;
	}
	r->ch = malloc((size_t)snaps * sizeof *r->ch);
	if (!r->ch)
		adcc_rt_fatal("out of memory for a revolve schedule (%d snapshots)", snaps);
	return 0;
}

void adcc_revolve_free(AdccRevolve *r)
{
	free(r->ch);
	r->ch = NULL;
}

static AdccRevolveAction fail(AdccRevolve *r, int info)
{
	r->info = info;
	return ADCC_RV_ERROR;
}

AdccRevolveAction adcc_revolve_next(AdccRevolve *r)
{
	r->oldcapo = r->capo;
	r->released = 0;
	if (r->info || !r->ch) return fail(r, r->info ? r->info : E_ARGS);
	if (r->check < -1 || r->capo > r->fine) return fail(r, E_MISUSE);
	if (r->check == -1 && r->capo < r->fine) r->turn = 0;

	switch (r->fine - r->capo) {
	case 0: /* back to the previous checkpoint, unless done */
		if (r->check == -1 || r->capo == r->ch[0]) {
			if (r->check >= 0) r->released = 1;
			r->check -= 1;
			return ADCC_RV_TERMINATE;
		}
		r->capo = r->ch[r->check];
		r->oldfine = r->fine;
		r->restores++;
		return ADCC_RV_RESTORE;
	case 1: /* a combined forward/reverse step */
		r->fine -= 1;
		if (r->check >= 0 && r->ch[r->check] == r->capo) {
			/* The checkpoint at capo is not needed any more: the caller
			 * has the state and drops the checkpoint. */
			r->check -= 1;
			r->released = 1;
		}
		r->oldfine = r->fine;
		r->turns++;
		if (r->turn == 0) {
			r->turn = 1;
			return ADCC_RV_FIRSTURN;
		}
		return ADCC_RV_YOUTURN;
	default:
		if (r->check == -1 || r->ch[r->check] != r->capo) {
			if (r->check + 1 >= r->snaps) return fail(r, E_MISUSE);
			r->check += 1;
			r->ch[r->check] = r->capo;
			r->oldfine = r->fine;
			r->takeshots++;
			return ADCC_RV_TAKESHOT;
		} else {
			int64_t ds = r->snaps - r->check, reps, range, n = r->fine - r->capo;
			int64_t b1, b2, b3, b4, b5;
			if (r->oldfine < r->fine && r->snaps == r->check + 1)
				return fail(r, E_MISUSE);
			if (ds < 1) return fail(r, E_MISUSE);
			if (binom(n, ds, &reps, &range) < 0) return fail(r, E_OVERFLOW);
			b1 = range * reps / (ds + reps);
			b2 = ds > 1 ? b1 * ds / (ds + reps - 1) : 1;
			b3 = ds == 1 ? 0 : ds > 2 ? b2 * (ds - 1) / (ds + reps - 2) : 1;
			b4 = b2 * (reps - 1) / ds;
			b5 = ds < 3 ? 0 : ds > 3 ? b3 * (ds - 2) / reps : 1;
			int oldcapo = r->capo;
			if (n <= b1 + b3)
				r->capo += (int)b4;
			else if (n >= range - b5)
				r->capo += (int)b1;
			else
				r->capo = r->fine - (int)b2 - (int)b3;
			if (r->capo == oldcapo) r->capo = oldcapo + 1;
			r->oldfine = r->fine;
			r->advances += r->capo - oldcapo;
			return ADCC_RV_ADVANCE;
		}
	}
}

const char *adcc_revolve_action_name(AdccRevolveAction a)
{
	static const char *const names[] = {
		"advance", "takeshot", "restore", "firsturn", "youturn", "terminate", "error",
	};
	return (unsigned)a < sizeof names / sizeof *names ? names[a] : "?";
}

/* Re-emission of a realistic file: a recurrent network (LSTM as in
 * ADBench's D-LSTM) — layers walked with reassigned pointers, malloc'd
 * state, sigmoid/logsumexp helpers, a loss over a sequence.
 * RUN: %adcc %s -o %t.re.c
 * RUN: FileCheck %s < %t.re.c
 * RUN: not grep -n goto %t.re.c
 * RUN: %cc -c %t.re.c -o %t.gcc.o && %clang -c %t.re.c -o %t.clang.o
 * RUN: %cc -ffp-contract=off -DTEST_MAIN %s -o %t.ref -lm
 * RUN: %cc -ffp-contract=off -DTEST_MAIN -DMAIN_ONLY %s %t.re.c -o %t.gen -lm
 * RUN: %cc -O0 %san -ffp-contract=off -DTEST_MAIN -DMAIN_ONLY %s %t.re.c -o %t.san -lm
 * RUN: %t.ref > %t.ref.out && %t.gen > %t.gen.out && %t.san > %t.san.out
 * RUN: diff %t.ref.out %t.gen.out && diff %t.ref.out %t.san.out
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef MAIN_ONLY
static double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }

static double logsumexp(const double *vect, int sz)
{
	double sum = 0.0;
	for (int i = 0; i < sz; i++)
		sum += exp(vect[i]);
	sum += 2;
	return log(sum);
}

/* one LSTM cell: weight holds 4 gates of b values, bias likewise */
static void lstm_model(int hsize, const double *weight, const double *bias,
	double *hidden, double *cell, const double *input)
{
	double *gates = malloc(4 * hsize * sizeof(double));
	double *forget = &gates[0];
	double *ingate = &gates[hsize];
	double *outgate = &gates[2 * hsize];
	double *change = &gates[3 * hsize];
	for (int i = 0; i < hsize; i++) {
		forget[i] = sigmoid(input[i] * weight[i] + bias[i]);
		ingate[i] = sigmoid(hidden[i] * weight[hsize + i] + bias[hsize + i]);
		outgate[i] = sigmoid(input[i] * weight[2 * hsize + i] + bias[2 * hsize + i]);
		change[i] = tanh(hidden[i] * weight[3 * hsize + i] + bias[3 * hsize + i]);
	}
	for (int i = 0; i < hsize; i++)
		cell[i] = cell[i] * forget[i] + ingate[i] * change[i];
	for (int i = 0; i < hsize; i++)
		hidden[i] = outgate[i] * tanh(cell[i]);
	free(gates);
}

/* the network: l layers; the input of layer i+1 is the hidden of layer i */
// CHECK-LABEL: static void lstm_predict(int l, int b, const double *w, const double *w2, double *s, const double *x, double *x2){{$}}
// CHECK: double *xp = x2;
// CHECK: lstm_model(b, w + i_1 * 4, w + (i_1 + b) * 4, s + i_1, s + (i_1 + b), xp);
// CHECK-NEXT: xp = s + i_1;
static void lstm_predict(int l, int b, const double *w, const double *w2,
	double *s, const double *x, double *x2)
{
	for (int i = 0; i < b; i++)
		x2[i] = x[i] * w2[i];
	const double *xp = x2;
	for (int i = 0; i <= 2 * l * b - 1; i += 2 * b) {
		lstm_model(b, &w[i * 4], &w[(i + b) * 4], &s[i], &s[i + b], xp);
		xp = &s[i];
	}
	for (int i = 0; i < b; i++)
		x2[i] = xp[i] * w2[b + i] + w2[2 * b + i];
}

// CHECK-LABEL: double lstm_objective(int l, int c, int b, const double *main_params, const double *extra_params, double *state, const double *sequence){{$}}
// CHECK: while (t <= (c - 1) * b - 1) {
// CHECK-NEXT: lstm_predict(l, b, main_params, extra_params, state, input, ypred);
double lstm_objective(int l, int c, int b, const double *main_params,
	const double *extra_params, double *state, const double *sequence)
{
	double total = 0.0;
	int count = 0;
	const double *input = &sequence[0];
	double *ypred = malloc(b * sizeof(double));
	double *ynorm = malloc(b * sizeof(double));
	const double *ygold;
	double lse;
	for (int t = 0; t <= (c - 1) * b - 1; t += b) {
		lstm_predict(l, b, main_params, extra_params, state, input, ypred);
		lse = logsumexp(ypred, b);
		for (int i = 0; i < b; i++)
			ynorm[i] = ypred[i] - lse;
		ygold = &sequence[t + b];
		for (int i = 0; i < b; i++)
			total += ygold[i] * ynorm[i];
		count += b;
		input = ygold;
	}
	free(ypred);
	free(ynorm);
	return -total / count;
}

/* a plain RNN with two state buffers swapped by pointer each step */
double rnn(const double *w, const double *x, int n, int T, double *h0, double *h1)
{
	double *h = h0, *hn = h1;
	for (int t = 0; t < T; t++) {
		for (int i = 0; i < n; i++) {
			double a = x[t * n + i];
			for (int j = 0; j < n; j++)
				a += w[i * n + j] * h[j];
			hn[i] = tanh(a);
		}
		double *tmp = h;
		h = hn;
		hn = tmp;
	}
	double s = 0;
	for (int i = 0; i < n; i++)
		s += h[i] * (i + 1);
	return s;
}
#endif

#ifdef TEST_MAIN
double lstm_objective(int l, int c, int b, const double *main_params,
	const double *extra_params, double *state, const double *sequence);
double rnn(const double *w, const double *x, int n, int T, double *h0, double *h1);

static unsigned long long rs = 88172645463325252ull;
static double rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (double)(rs >> 11) / 9007199254740992.0 * 2 - 1;
}

int main(void)
{
	int cfg[3][3] = {{1, 3, 2}, {2, 4, 3}, {3, 2, 5}};
	for (int k = 0; k < 3; k++) {
		int l = cfg[k][0], c = cfg[k][1], b = cfg[k][2];
		double mp[2 * 3 * 4 * 2 * 5 + 8], ep[3 * 5], st[2 * 3 * 5], seq[4 * 5];
		for (int i = 0; i < 8 * l * b; i++)
			mp[i] = rnd();
		for (int i = 0; i < 3 * b; i++)
			ep[i] = rnd();
		for (int i = 0; i < 2 * l * b; i++)
			st[i] = rnd();
		for (int i = 0; i < c * b; i++)
			seq[i] = rnd();
		printf("lstm %a", lstm_objective(l, c, b, mp, ep, st, seq));
		for (int i = 0; i < 2 * l * b; i++)
			printf(" %a", st[i]);
		printf("\n");
	}
	double w[16], x[4 * 5], h0[4], h1[4];
	for (int i = 0; i < 16; i++)
		w[i] = 0.5 * rnd();
	for (int i = 0; i < 20; i++)
		x[i] = rnd();
	for (int T = 0; T <= 5; T++) {
		for (int i = 0; i < 4; i++)
			h0[i] = 0.1 * i, h1[i] = -1;
		printf("rnn %a %a %a\n", rnn(w, x, 4, T, h0, h1), h0[3], h1[0]);
	}
	return 0;
}
#endif

/* lstm.c — sequence loss of a stacked LSTM, as in ADBench's lstm_objective
 * (Srajer, Kukelova, Fitzgibbon 2018, "A benchmark of selected algorithmic
 * differentiation tools"; src/cpp/shared/lstm.h of the ADBench repository).
 *
 * ADBench's LSTM has diagonal weights: every gate of hidden unit i sees only
 * input[i] or hidden[i].  With l layers of b units, for each time step and
 * layer (input = previous layer's new hidden state, or the scaled character):
 *
 *   forget = sigm(input w_f + b_f),     ingate = sigm(hidden w_i + b_i),
 *   outgate = sigm(input w_o + b_o),    change = tanh(hidden w_c + b_c),
 *   cell = cell forget + ingate change, hidden = outgate tanh(cell)
 *
 * The prediction is ypred = hidden_top w_out + b_out (character scaled by
 * w_in on the way in), and the loss over the c characters (b-bit vectors)
 * of the sequence is
 *
 *   loss = -1/((c-1) b) sum_t sum_i next_t[i] (ypred_t[i] - lse(ypred_t)),
 *   lse(y) = log(2 + sum_i exp(y[i]))    (ADBench's "+ 2", kept as is).
 *
 * main_params holds, per layer, w_f w_i w_o w_c then b_f b_i b_o b_c (8b);
 * extra_params holds w_in, w_out, b_out (3b); state holds, per layer,
 * hidden then cell (2b).  The state is copied (ADBench passes it by value),
 * so the caller's state is not changed.  The loss is returned (ADBench
 * writes it to *loss).  adcc differentiates lstm_objective with respect to
 * main_params and extra_params (bench/Makefile).
 */
#include <math.h>
#include <stdlib.h>

static double sigmoid(double x)
{
	return 1 / (1 + exp(-x));
}

/* log(2 + sum exp(y)), as ADBench */
static double logsumexp2(int n, const double *y)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += exp(y[i]);
	return log(s + 2);
}

/* one layer, one time step: updates hidden[b] and cell[b] in place */
static void lstm_model(int b, const double *w, const double *bias,
	double *hidden, double *cell, const double *input)
{
	for (int i = 0; i < b; i++) {
		double forget = sigmoid(input[i] * w[i] + bias[i]);
		double ingate = sigmoid(hidden[i] * w[b + i] + bias[b + i]);
		double outgate = sigmoid(input[i] * w[2 * b + i] + bias[2 * b + i]);
		double change = tanh(hidden[i] * w[3 * b + i] + bias[3 * b + i]);
		cell[i] = cell[i] * forget + ingate * change;
		hidden[i] = outgate * tanh(cell[i]);
	}
}

/* one time step of all l layers: ypred[b] from the character x[b] */
static void lstm_predict(int l, int b, const double *main_params,
	const double *extra_params, double *state, const double *x,
	double *ypred)
{
	for (int i = 0; i < b; i++)
		ypred[i] = x[i] * extra_params[i];
	/* layer 0 sees the scaled character, layer j the new hidden state of
	 * layer j - 1 (written without a reassigned input pointer: adcc's
	 * vector mode mistranslates pointer-valued variables, see README) */
	lstm_model(b, main_params, &main_params[4 * b], state, &state[b], ypred);
	for (int j = 1; j < l; j++)
		lstm_model(b, &main_params[8 * b * j], &main_params[8 * b * j + 4 * b],
			&state[2 * b * j], &state[2 * b * j + b], &state[2 * b * (j - 1)]);
	const double *top = &state[2 * b * (l - 1)];
	for (int i = 0; i < b; i++)
		ypred[i] = top[i] * extra_params[b + i] + extra_params[2 * b + i];
}

double lstm_objective(int l, int c, int b, const double *main_params,
	const double *extra_params, const double *state,
	const double *sequence)
{
	double *s = malloc(2 * l * b * sizeof(double));
	double *ypred = malloc(b * sizeof(double));
	for (int i = 0; i < 2 * l * b; i++)
		s[i] = state[i];
	double total = 0;
	for (int t = 0; t < c - 1; t++) {
		lstm_predict(l, b, main_params, extra_params, s, &sequence[t * b],
			ypred);
		double lse = logsumexp2(b, ypred);
		const double *next = &sequence[(t + 1) * b];
		for (int i = 0; i < b; i++)
			total += next[i] * (ypred[i] - lse);
	}
	free(s);
	free(ypred);
	return -total / ((c - 1) * b);
}

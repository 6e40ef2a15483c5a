// Command-line requests against C input: accepted ones, and the checks
// that depend on what the C source says (const, declarations, callees).
// RUN: bash %S/accepts.sh %adcc --reverse 'step' %s
// RUN: bash %S/accepts.sh %adcc --reverse 'step:u[n],v[n]->v' %s
// RUN: bash %S/accepts.sh %adcc --forward 'energy:p[3*n]->return' %s
// RUN: bash %S/exits.sh 1 %adcc --reverse 'via_extern->out' %s 2>&1 | FileCheck %s --check-prefix=EXTERN
// EXTERN: cli-c.c:[[@LINE+37]]:2: error: cannot differentiate the call to 'fill'
// RUN: bash %S/accepts.sh %adcc --jacobian 'via_static:x->out' %s
// RUN: bash %S/exits.sh 1 %adcc --reverse 'step->u' %s 2>&1 | FileCheck %s --check-prefix=CONST
// CONST: adcc: error: --reverse 'step->u': parameter 'u' of 'step' points to const (const double *): 'step' cannot write through it, so it cannot be an output (remove 'u' from the outputs)
// RUN: bash %S/exits.sh 1 %adcc --reverse 'step->w' %s 2>&1 | FileCheck %s --check-prefix=UNWRITTEN
// UNWRITTEN: adcc: error: --reverse 'step->w': output 'w' is never written: 'step' neither stores through 'w' nor passes it to a function that might, so its derivative would always be zero (remove 'w' from the outputs)
// RUN: bash %S/exits.sh 1 %adcc --reverse 'stp' %s 2>&1 | FileCheck %s --check-prefix=CLOSE
// CLOSE: adcc: error: --reverse 'stp': no function 'stp' is defined in {{.*}}cli-c.c; did you mean 'step'?
// RUN: bash %S/exits.sh 1 %adcc --reverse 'fill' %s 2>&1 | FileCheck %s --check-prefix=DECL
// DECL: adcc: error: --reverse 'fill': 'fill' is only declared in {{.*}}cli-c.c, not defined: adcc differentiates functions whose body it sees
// RUN: bash %S/exits.sh 1 %adcc --reverse 'energy:p[3*N]' %s 2>&1 | FileCheck %s --check-prefix=EXT
// EXT: adcc: error: --reverse 'energy:p[3*N]': the extent of 'p' uses 'N', which is not a parameter of 'energy'; an extent may use only the integer parameters of 'energy': n
// RUN: bash %S/exits.sh 1 %adcc --reverse 'energy:p,k' %s 2>&1 | FileCheck %s --check-prefix=LONG
// LONG: adcc: error: --reverse 'energy:p,k': parameter 'k' of 'energy' is an integer (long): it cannot be active; integers carry no derivatives (remove 'k' from the inputs)
// RUN: bash %S/exits.sh 1 %adcc --reverse 'grid:g' %s 2>&1 | FileCheck %s --check-prefix=ROWS
// ROWS: adcc: error: --reverse 'grid:g': parameter 'g' of 'grid' is a pointer to pointers (double **): adcc differentiates through one level of pointers only; pass the data as one flat array

void fill(double *y, int n);

// v written, w only read, u const
void step(const double *u, double *v, double *w, int n)
{
	for (int i = 0; i < n; i++)
		v[i] = u[i] * w[i];
}

double energy(const double *p, int n, long k)
{
	double e = 0;
	for (int i = 0; i < 3 * n; i++)
		e += p[i] * p[i] * (double)k;
	return e;
}

// an external function may write through its pointer argument
void via_extern(double *out, int n)
{
	fill(out, n);
}

static void set(double *q, double v)
{
	*q = v;
}

void via_static(double x, double *out)
{
	set(out + 1, x * x);
}

double grid(double **g)
{
	return g[0][0];
}

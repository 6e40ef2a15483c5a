// Refusals of forward mode, each a located error with a way out.
/*
RUN: not %adcc %s --forward 'scratch:x->y' 2>&1 | FileCheck %s --check-prefix=SCRATCH
RUN: not %adcc %s --forward 'clash' 2>&1 | FileCheck %s --check-prefix=CLASH
RUN: not %adcc %s --forward 'fill:a->out' 2>&1 | FileCheck %s --check-prefix=STRUCT
RUN: %adcc %s --forward 'scratch:x,tmp->y' -o %t.c
*/
typedef struct { double x, y; } P;

// tmp holds data that carries derivatives but is not listed in the request
// SCRATCH: error-refusals.c:[[@LINE+1]]:6: error: parameter 'tmp' of 'scratch' points to memory that carries derivatives; list it as an input or output of the request
void scratch(const double *x, double *tmp, double *y, int n)
{
	for (int i = 0; i < n; i++)
		tmp[i] = x[i] * x[i];
	for (int i = 0; i < n; i++)
		y[i] = tmp[i] + 1;
}

// the tangent function's name is taken by a user function
// CLASH: error-refusals.c:[[@LINE+1]]:8: error: a function named 'clash_d' already exists; rename it so the tangent function can take that name
double clash(double a) { return a * a; }
double clash_d(double a) { return 2 * a; }

// a whole struct without derivatives copied into memory with derivatives
void fill(double a, P *out)
{
	P z = {0, 0};
	// STRUCT: error-refusals.c:[[@LINE+1]]:2: error: storing a struct without derivatives into memory that carries derivatives is not supported yet; assign its members one by one
	out[0] = z;
	out[1].x = a;
}

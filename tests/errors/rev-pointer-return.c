// Reverse mode refuses callees that return pointers to data with derivatives.
// RUN: not %adcc %s --reverse 'f:x[n]->return' 2>&1 | FileCheck %s
static double *pick(double *x, int i) { return x + i; }
double f(double *x, int n)
{
// CHECK: rev-pointer-return.c:[[@LINE+1]]:14: error: reverse mode does not yet support functions returning pointers to data with derivatives ('pick'); pass the pointer as a parameter instead
	double *p = pick(x, n - 1);
	return *p * *p;
}

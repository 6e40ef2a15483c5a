// Reverse mode: a pointer parameter left out of the request but carrying
// derivatives (x is stored into it and read back) is a located error, not
// a silently wrong adjoint.
// RUN: not %adcc %s --reverse 'f:x->return' 2>&1 | FileCheck %s
static void scale(double *v, int n)
{
	for (int i = 0; i < n; i++)
		v[i] *= 2;
}

// CHECK: rev-unlisted-active-param.c:[[@LINE+1]]:8: error: parameter 'buf' of 'f' points to memory that carries derivatives; list it as an input or output of the request
double f(double x, double *buf, int n)
{
	buf[0] = x;
	scale(buf, n);
	return buf[0] * buf[1];
}

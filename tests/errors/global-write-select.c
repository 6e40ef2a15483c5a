// A write into a global through a pointer chosen at run time is refused too.
// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double g[4];
void f(double *y, int k, double x)
{
	double *p = k ? g : y;
	// CHECK: global-write-select.c:[[@LINE+1]]:{{[0-9]+}}: error: writing a global variable through a pointer is not supported
	p[0] = x;
}

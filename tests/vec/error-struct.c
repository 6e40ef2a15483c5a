// Vector mode refuses structs in memory with derivatives (scalar forward
// mode handles them), with a located error and a way out.
// RUN: not %adcc %s --vector 'energy:p->return' 2>&1 | FileCheck %s
// RUN: %adcc %s --forward 'energy:p->return' -o %t.c
typedef struct { double x, y; } P;

double energy(const P *p, int n)
{
	double e = 0;
	for (int i = 0; i < n; i++)
		// CHECK: error-struct.c:[[@LINE+1]]:{{[0-9]+}}: error: vector mode does not support structs in memory with derivatives yet; use --forward (one direction per call) for 'energy'
		e += p[i].x * p[i].y;
	return e;
}

// Annotations that adcc accepts (until the derivative passes land, the only
// error allowed is "MODE mode is not implemented yet"), and runtime/adcc.h
// compiling warning-free with gcc and clang (-Wpedantic too).
// RUN: bash %S/accepts.sh %adcc -I %S/../../runtime %s
// RUN: bash %S/accepts.sh %adcc -I %S/../../runtime --reverse 'dot:a[n],b[n]->return' %s
// RUN: %cc -Wpedantic -Werror -c %s -o %t.gcc.o
// RUN: %clang -Wpedantic -Werror -c %s -o %t.clang.o
// Under clang the macros become annotate attributes; elsewhere nothing.
// RUN: %clang -E %s | FileCheck %s --check-prefix=CLANG
// RUN: %cc -E %s | FileCheck %s --check-prefix=GCC
// CLANG: __attribute__((annotate("adcc: " "reverse" " " "x[n], w -> return")))
// CLANG: __attribute__((annotate("adcc: " "forward" " " "")))
// CLANG: __attribute__((annotate("adcc: " "hvp" " " )))
// GCC-NOT: annotate
#include "adcc.h"

ADCC_REVERSE("x[n], w -> return")
double wsum(const double *x, double w, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += w * x[i];
	return s;
}

// several modes on one function; the empty spec and no argument at all
ADCC_FORWARD("")
ADCC_HVP()
static double sq(double a)
{
	return a * a;
}

// on a prototype: the definition inherits it
ADCC_JACOBIAN("x[n] -> y[n]")
void scale(const double *x, double *y, int n);

void scale(const double *x, double *y, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = 2 * x[i] + sq(x[i]);
}

// defaults: inputs u, v; outputs v (written) and nothing else
ADCC_VECTOR(" ")
void axpy(double a, const double *u, double *v, int n)
{
	for (int i = 0; i < n; i++)
		v[i] += a * u[i];
}

// an output written by a callee
static void put(double *p, double val)
{
	p[0] = val;
}

ADCC_REVERSE("x -> out")
void through_call(double x, double *out)
{
	put(out, x * x);
}

double dot(const double *a, const double *b, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += a[i] * b[i];
	return s;
}

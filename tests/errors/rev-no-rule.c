// Reverse mode: a call of an external function without a derivative rule,
// on an active argument, is a located error naming a way out.
// RUN: not %adcc %s --reverse 'f:x->return' 2>&1 | FileCheck %s
double ext(double);

double f(double x)
{
	// CHECK: rev-no-rule.c:[[@LINE+1]]:9: error: cannot differentiate the call to 'ext': it has no derivative rule and no source in this file; give its definition, or keep its arguments inactive
	return ext(x) * x;
}

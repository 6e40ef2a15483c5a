// Reverse mode: a user function already named like the generated gradient
// function is a located error (no silent redefinition).
// RUN: not %adcc %s --reverse 'f:x->return' 2>&1 | FileCheck %s
double f_grad(double x) { return x; }

// CHECK: rev-name-clash.c:[[@LINE+1]]:8: error: a function named 'f_grad' already exists; rename it so the gradient function can take that name
double f(double x)
{
	return x * x;
}

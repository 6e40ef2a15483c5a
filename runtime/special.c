/* special.c — special functions that derivative rules need and libm lacks.
 *
 * adcc_digamma(x) = d/dx log|Γ(x)| (the derivative of lgamma and, times
 * tgamma, of tgamma).  Reflection for x < 0.5, recurrence up to x >= 6,
 * then the asymptotic series; about 1e-15 relative accuracy.
 */
#include <math.h>
#include "adcc_rt.h"

double adcc_digamma(double x)
{
	double r = 0;
	if (x <= 0 && x == floor(x))
		return NAN; /* poles */
	if (x < 0.5) /* ψ(x) = ψ(1 - x) - π cot(πx) */
		return adcc_digamma(1 - x) - 3.14159265358979323846 / tan(3.14159265358979323846 * x);
	while (x < 6) {
		r -= 1 / x;
		x += 1;
	}
	double f = 1 / (x * x);
	double t = f * (-1.0 / 12 + f * (1.0 / 120 + f * (-1.0 / 252 + f * (1.0 / 240 +
		f * (-1.0 / 132 + f * (691.0 / 32760 + f * (-1.0 / 12)))))));
	return r + log(x) - 0.5 / x + t;
}

float adcc_digammaf(float x)
{
	return (float)adcc_digamma(x);
}

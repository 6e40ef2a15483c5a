/* rules.h — the derivative-rule table (X-macro).
 *
 * One row per elementary operation: RULE(name, arity, d0, d1), where d0 and
 * d1 are the partial derivatives with respect to the first and second
 * argument, written in the formula language of rules.c:
 *   x0, x1   the arguments      y   the result f(x0, x1)
 *   numbers, + - * /, unary -, comparisons, c ? a : b, calls of math
 *   functions (float variants are chosen by the argument type)
 * IR arithmetic rows are named after the op; math rows after the C function.
 * ALIAS(name, of) maps variants (sinf, sinl) to a row.  docs/rules.md lists
 * the table and the values used at kinks.
 */
/*   name       arity  d/dx0                                  d/dx1 */
RULE(add,       2,     "1",                                   "1")
RULE(sub,       2,     "1",                                   "-1")
RULE(mul,       2,     "x1",                                  "x0")
RULE(div,       2,     "1 / x1",                              "-y * (1 / x1)")
RULE(neg,       1,     "-1",                                  "")
RULE(sin,       1,     "cos(x0)",                             "")
RULE(cos,       1,     "-sin(x0)",                            "")
RULE(tan,       1,     "1 + y * y",                           "")
RULE(asin,      1,     "1 / sqrt(1 - x0 * x0)",               "")
RULE(acos,      1,     "-1 / sqrt(1 - x0 * x0)",              "")
RULE(atan,      1,     "1 / (1 + x0 * x0)",                   "")
RULE(atan2,     2,     "x1 / (x0 * x0 + x1 * x1)",            "-x0 / (x0 * x0 + x1 * x1)")
RULE(sinh,      1,     "cosh(x0)",                            "")
RULE(cosh,      1,     "sinh(x0)",                            "")
RULE(tanh,      1,     "1 - y * y",                           "")
RULE(asinh,     1,     "1 / sqrt(x0 * x0 + 1)",               "")
RULE(acosh,     1,     "1 / sqrt(x0 * x0 - 1)",               "")
RULE(atanh,     1,     "1 / (1 - x0 * x0)",                   "")
RULE(exp,       1,     "y",                                   "")
RULE(exp2,      1,     "y * 0.69314718055994530942",          "")
RULE(expm1,     1,     "y + 1",                               "")
RULE(log,       1,     "1 / x0",                              "")
RULE(log2,      1,     "1 / (x0 * 0.69314718055994530942)",   "")
RULE(log10,     1,     "1 / (x0 * 2.30258509299404568402)",   "")
RULE(log1p,     1,     "1 / (1 + x0)",                        "")
RULE(sqrt,      1,     "0.5 / y",                             "")
RULE(cbrt,      1,     "1 / (3 * y * y)",                     "")
/* pow: no log of a base <= 0, and no 0 * inf at a zero exponent */
RULE(pow,       2,     "x1 == 0 ? 0 : x1 * pow(x0, x1 - 1)",  "x0 > 0 ? y * log(x0) : 0")
RULE(hypot,     2,     "y == 0 ? 0 : x0 / y",                 "y == 0 ? 0 : x1 / y")
/* kinks: the right derivative at 0; ties of fmin/fmax go to the first argument */
RULE(fabs,      1,     "x0 >= 0 ? 1 : -1",                    "")
RULE(fmin,      2,     "x0 <= x1 ? 1 : 0",                    "x0 <= x1 ? 0 : 1")
RULE(fmax,      2,     "x0 >= x1 ? 1 : 0",                    "x0 >= x1 ? 0 : 1")
RULE(fmod,      2,     "1",                                   "-trunc(x0 / x1)")
RULE(floor,     1,     "0",                                   "")
RULE(ceil,      1,     "0",                                   "")
RULE(round,     1,     "0",                                   "")
RULE(trunc,     1,     "0",                                   "")
RULE(copysign,  2,     "copysign(1, x0) * copysign(1, x1)",   "0")
RULE(erf,       1,     "1.12837916709551257390 * exp(-x0 * x0)",  "")
RULE(erfc,      1,     "-1.12837916709551257390 * exp(-x0 * x0)", "")
RULE(lgamma,    1,     "adcc_digamma(x0)",                    "")
RULE(tgamma,    1,     "y * adcc_digamma(x0)",                "")

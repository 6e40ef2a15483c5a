// adcc_rt.h compiles warning-free as C11, C99 with GNU extensions, strict
// C99 and C++ (gcc and clang), and the inline push/pop link against the C
// library from each.
// RUN: %cc -std=c11 -Wpedantic %s %rt -o %t.c11 && %t.c11
// RUN: %clang -std=c11 -Wpedantic %s %rt -o %t.clang && %t.clang
// RUN: %cc -std=gnu99 -Wpedantic %s %rt -o %t.gnu99 && %t.gnu99
// RUN: %cc -std=c99 -Wpedantic %s %rt -o %t.c99 && %t.c99
// RUN: %clang -std=gnu99 -Wpedantic %s %rt -o %t.cgnu99 && %t.cgnu99
// RUN: g++ -x c++ -std=c++11 -O2 -Wall -Wextra -Wpedantic -Werror -I%S/../../runtime %s -x none %rt -o %t.cxx && %t.cxx
// RUN: clang++ -x c++ -std=c++17 -O2 -Wall -Wextra -Wpedantic -Werror -I%S/../../runtime %s -x none %rt -o %t.clangxx && %t.clangxx
#include "adcc_rt.h"
#include "adcc_rt.h" /* include guard */
#include <stdio.h>

int main(void)
{
	int ok = 1, i;
	double d[3] = {1.5, 2.5, 3.5}, e[3];
	AdccTapeStats st;
	for (i = 0; i < 100000; i++) {
		adcc_push_f64(i * 0.5);
		adcc_push_f32((float)i);
		adcc_push_i32(i);
		adcc_push_i64((int64_t)i << 20);
		adcc_push_ptr(&d[i % 3]);
		adcc_push_cnt(i);
		adcc_push_bit(i % 3 == 0);
	}
	adcc_push_f64_n(d, 3);
	adcc_pop_f64_n(e, 3);
	ok &= e[0] == 1.5 && e[2] == 3.5;
	for (i = 99999; i >= 0; i--) {
		ok &= adcc_pop_bit() == (i % 3 == 0);
		ok &= adcc_pop_cnt() == i;
		ok &= adcc_pop_ptr() == (void *)&d[i % 3];
		ok &= adcc_pop_i64() == (int64_t)i << 20;
		ok &= adcc_pop_i32() == i;
		ok &= adcc_pop_f32() == (float)i;
		ok &= adcc_pop_f64() == i * 0.5;
	}
	adcc_tape_stats(&st);
	ok &= st.pushes_total == 700003 && st.bytes == 0;
	adcc_tape_free();
	if (!ok) return 1;
	printf("header ok\n");
	return 0;
}

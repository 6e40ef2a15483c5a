# The pkg-config template: installed into a scratch prefix the way
# `make install` does it, it validates and its flags build and link a
# program against the runtime.
# RUN: mkdir -p %t.d/include %t.d/lib/pkgconfig && cp %S/../../runtime/adcc_rt.h %t.d/include/ && cp %S/../../runtime/libadccrt.a %t.d/lib/
# RUN: sed 's|@PREFIX@|%t.d|' %S/../../runtime/adcc-rt.pc.in > %t.d/lib/pkgconfig/adcc-rt.pc
# RUN: PKG_CONFIG_PATH=%t.d/lib/pkgconfig pkg-config --validate adcc-rt
# RUN: test "$(echo $(PKG_CONFIG_PATH=%t.d/lib/pkgconfig pkg-config --cflags --libs adcc-rt))" = "-I%t.d/include -L%t.d/lib -ladccrt -lm"
# RUN: cp %S/header.c %t.c && cd / && gcc -std=c11 -Wall -Werror %t.c $(PKG_CONFIG_PATH=%t.d/lib/pkgconfig pkg-config --cflags --libs adcc-rt) -o %t.prog && %t.prog

#!/bin/sh
# deps.sh — make sure the Debian packages adcc needs are installed.
# As root it installs what is missing; otherwise it prints the exact
# apt-get line and fails.  Run by `make deps` (and so by make, check, demo).
set -u
missing=""
need() { # need PACKAGE TEST...
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then missing="$missing $pkg"; fi
}
need libclang-19-dev test -f /usr/lib/llvm-19/include/clang-c/Index.h
need flex command -v flex
need bison command -v bison
need llvm-19-tools test -x /usr/lib/llvm-19/bin/FileCheck
need valgrind command -v valgrind
need clang-19 test -x /usr/lib/llvm-19/bin/clang
need libclang-rt-19-dev sh -c 'ls /usr/lib/llvm-19/lib/clang/*/lib/linux/libclang_rt.asan-x86_64.a'
need pkgconf command -v pkg-config
[ -z "$missing" ] && exit 0
line="apt-get update && apt-get install -y$missing"
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq $missing >/dev/null || {
		echo "deps: failed: $line" >&2; exit 1; }
else
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run as root:  $line" >&2
	exit 1
fi

#!/bin/bash
# lit.sh — a small lit-style test runner.
#
# Every file under the given directories that contains "RUN:" lines is a
# test.  Each RUN line (a trailing '\' continues it) runs under bash with
# pipefail after these substitutions:
#   %adcc   the adcc binary            %s  the test file     %S  its folder
#   %t      a scratch path for this test (files %t.c, %t.out, … are yours)
#   %cc     gcc -std=gnu11 -O2 -Wall -Wextra -Werror, with runtime/ and
#           tests/lib on the include path
#   %clang  the same with clang
#   %san    -fsanitize=address,undefined flags (add to %cc)
#   %rt     the runtime library and -lm, for linking
# With ADCC_SAN=1 in the environment (make check-san) every %cc command that
# links with %rt (the execution tests of generated code; tests/runtime runs
# its own sanitizer and valgrind checks) compiles with
# AddressSanitizer and UndefinedBehaviorSanitizer, and %rt is the runtime
# built the same way (build/san/libadccrt.a).
# FileCheck and `not` (inverts an exit status; a crash still fails) are on
# PATH.  A test passes when every RUN line exits 0.
# Output: one line per failing test (with its log), then "N passed, M failed".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/build"
out=$(mktemp -d "$root/build/tests.XXXXXX")   # one per run: runs may overlap
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/bin"
ln -sf "$(command -v FileCheck-19 || echo /usr/lib/llvm-19/bin/FileCheck)" "$out/bin/FileCheck"
cat > "$out/bin/not" <<'NOT'
#!/bin/bash
"$@"
s=$?
[ $s -ge 1 ] && [ $s -lt 128 ] && exit 0
[ $s -eq 0 ] && echo "not: command succeeded: $*" >&2
[ $s -ge 128 ] && echo "not: command crashed (status $s): $*" >&2
exit 1
NOT
chmod +x "$out/bin/not"
export PATH="$out/bin:$PATH"

run_one() {
	local test=$1 root=$2 out=$3
	local name=${test#"$root"/}
	local tag=${name//\//_}
	local log=$out/$tag.log t=$out/$tag.tmp
	rm -rf "$t"; mkdir -p "$t"
	local inc="-I$root/runtime -I$root/tests/lib"
	local cflags="-std=gnu11 -O2 -Wall -Wextra -Werror $inc"
	local san="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
	local status=0
	: > "$log"
	local line cmd=""
	while IFS= read -r line; do
		case $line in *RUN:*) ;; *) continue ;; esac
		line=${line#*RUN:}
		if [[ $line == *\\ ]]; then cmd+="${line%\\} "; continue; fi
		cmd+=$line
		cmd=${cmd//%adcc/$root/adcc}
		if [ "${ADCC_SAN:-0}" = 1 ] && [[ $cmd == *%cc*%rt* ]] && [[ $name != tests/runtime/* ]]; then
			cmd=${cmd//%cc/gcc $cflags $san}
			cmd=${cmd//%rt/$root/build/san/libadccrt.a -lm}
		fi
		cmd=${cmd//%cc/gcc $cflags}
		cmd=${cmd//%clang/clang $cflags}
		cmd=${cmd//%san/$san}
		cmd=${cmd//%rt/$root/runtime/libadccrt.a -lm}
		cmd=${cmd//%s/$test}
		cmd=${cmd//%S/$(dirname "$test")}
		cmd=${cmd//%t/$t/t}
		echo "\$ $cmd" >> "$log"
		if ! (cd "$t" && bash -o pipefail -c "$cmd") >> "$log" 2>&1; then
			status=1
			break
		fi
		cmd=""
	done < "$test"
	if [ $status = 0 ]; then
		echo pass > "$out/$tag.result"; rm -rf "$t"
	else
		echo fail > "$out/$tag.result"
		echo "FAIL: $name"
		sed -e 's/^/    /' "$log" | tail -n 40
	fi
}
export -f run_one

dirs=()
for d in "$@"; do dirs+=("$(cd "$(dirname "$d")" && pwd)/$(basename "$d")"); done
[ ${#dirs[@]} -eq 0 ] && dirs=("$root/tests")
grep -rlZ --include='*.c' --include='*.ir' --include='*.sh' --include='*.spec' 'RUN:' "${dirs[@]}" |
	grep -zv -e '/lib/' -e '/lit\.sh$' |
	xargs -0 -I{} -P "$(nproc)" bash -c 'run_one "$1" "$2" "$3"' _ {} "$root" "$out"
passed=$(grep -l pass "$out"/*.result 2>/dev/null | wc -l)
failed=$(grep -l fail "$out"/*.result 2>/dev/null | wc -l)
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]

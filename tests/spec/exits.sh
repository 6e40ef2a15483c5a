#!/bin/bash
# exits.sh STATUS CMD ARGS… — runs CMD, passes its output through, and
# succeeds only if CMD exits with exactly STATUS (used by the tests here to
# tell usage errors, 2, from input errors, 1).
want=$1
shift
"$@"
got=$?
if [ "$got" -ne "$want" ]; then
	echo "exits.sh: exit status $got, expected $want: $*" >&2
	exit 1
fi
exit 0

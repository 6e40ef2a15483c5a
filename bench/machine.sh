#!/bin/sh
# machine.sh — the machine lines under the benchmark table
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')
echo
echo "Machine: $(nproc) cores, ${cpu:-unknown CPU}; $(${CC:-gcc} --version | head -1);"
echo "flags \`-std=c11 -O2\` for the objectives, the generated code and the driver;"
echo "measured $(date -u +%Y-%m-%d) by \`make bench\`."

#!/bin/sh
# Test worker: writes its arguments after the first (one per line, NUL-terminated) to $1.argv and
# its AUGCTL_/thread-cap environment to $1.env.
out=$1
shift
: > "$out.argv"
for a in "$@"; do printf '%s\0' "$a" >> "$out.argv"; done
env | grep -E '^(AUGCTL_|CUDA_VISIBLE_DEVICES=|OMP_|MKL_|OPENBLAS_|NUMEXPR_|TOKENIZERS_|EXTRA_)' | sort > "$out.env"
echo "echo worker wrote $out.argv"

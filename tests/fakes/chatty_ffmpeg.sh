#!/bin/sh
# Stands in for ffmpeg that floods stderr (8 MB, far past a pipe buffer) and then
# writes one second of 16 kHz silence to stdout, so a reader that ignores stderr deadlocks.
i=0
while [ $i -lt 80000 ]; do
    echo "fake ffmpeg warning $i: the quick brown fox jumps over the lazy dog again and again..."
    i=$((i + 1))
done >&2
head -c 32000 /dev/zero

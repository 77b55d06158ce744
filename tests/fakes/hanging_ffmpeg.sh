#!/bin/sh
# Stands in for ffmpeg and never answers, whatever the arguments (probe or extract).
# It starts a child first, so tests can check that the whole process group is killed.
# If HANGING_FFMPEG_PIDS names a file, "<own pid> <child pid>" is written to it.
echo "fake ffmpeg: pretending to work on $*" >&2
sleep 300 &
child=$!
if [ -n "$HANGING_FFMPEG_PIDS" ]; then
    echo "$$ $child" > "$HANGING_FFMPEG_PIDS"
fi
exec sleep 300

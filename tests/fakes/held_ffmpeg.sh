#!/bin/sh
# Stands in for ffmpeg and holds one kind of run until the test lets it go, then execs the
# real (bundled) ffmpeg with the same arguments. While held it is one process with no
# output, like an ffmpeg stalled on a slow drive before its first byte.
#   HOLD_FFMPEG=probe|extract  which run to hold (an extraction writes to "-")
#   HOLD_FFMPEG_PID=FILE       gets "<pid>" once the run is held
#   HOLD_FFMPEG_GO=FIFO        the held run waits for a line on it (none comes: stalled for good)
#   REAL_FFMPEG=PATH           the ffmpeg to exec
for last; do :; done
if [ "$last" = "-" ]; then kind=extract; else kind=probe; fi
if [ "$kind" = "$HOLD_FFMPEG" ]; then
    echo "$$" > "$HOLD_FFMPEG_PID"
    read -r _ < "$HOLD_FFMPEG_GO"
fi
exec "$REAL_FFMPEG" "$@"

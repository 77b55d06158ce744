#!/bin/sh
# Stands in for ffmpeg that the system kills (as the OOM killer would) after some output.
head -c 32000 /dev/zero
echo "fake ffmpeg: about to be killed" >&2
kill -KILL $$

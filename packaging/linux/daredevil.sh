#!/bin/sh
# /usr/bin/daredevil: the bundled app in /opt/daredevil (its own Python, Qt, torch and ffmpeg).
exec /opt/daredevil/daredevil "$@"

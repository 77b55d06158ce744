#!/usr/bin/env bash
# An audio output for the playback tests: a PulseAudio server with a null sink (Debian's
# pulseaudio package). Does nothing when a server already answers. `--stop` ends the one started here.
set -euo pipefail
STAMP="${XDG_RUNTIME_DIR:-/tmp}/daredevil-started-pulseaudio"
if [ "${1:-}" = "--stop" ]; then
  if [ -f "$STAMP" ]; then pulseaudio --kill 2>/dev/null || true; rm -f "$STAMP"; fi
  exit 0
fi
if ! command -v pulseaudio >/dev/null; then
  echo "start-audio: pulseaudio is not installed (apt-get install pulseaudio pulseaudio-utils)" >&2
  exit 1
fi
if pactl info >/dev/null 2>&1; then
  exit 0
fi
# As root it warns that it is meant for a user session; for a null sink that is fine.
pulseaudio --daemonize=yes --exit-idle-time=-1 -n --log-target=stderr --log-level=error \
  --load="module-null-sink sink_name=daredevil_null" --load="module-native-protocol-unix" 2>/dev/null
for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pactl set-default-sink daredevil_null
touch "$STAMP"
echo "start-audio: PulseAudio runs with a null sink (daredevil_null)"

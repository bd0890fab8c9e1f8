#!/usr/bin/env bash
# Start PulseAudio if needed and make a null sink the default speaker, with its monitor as the
# default microphone, so tests (and headless machines) have a real audio device.
set -eu
SINK=${ATTUNE_TEST_SINK:-attune_vsink}
if ! pulseaudio --check 2>/dev/null; then
  pulseaudio --start --exit-idle-time=-1 --daemonize=yes >/dev/null 2>&1 || {
    echo "virtual-audio: PulseAudio would not start; install pulseaudio (make deps)." >&2
    exit 1
  }
  for _ in $(seq 1 50); do pulseaudio --check 2>/dev/null && break; sleep 0.1; done
fi
if ! pactl list short sinks | grep -q "^[0-9]*[[:space:]]$SINK[[:space:]]"; then
  pactl load-module module-null-sink sink_name="$SINK" \
    sink_properties=device.description=attune_virtual_speaker >/dev/null
fi
# A real microphone never goes quiet while it is open; an idle null sink is suspended after a
# few seconds and its monitor then sends nothing, or wakes late. Keep it running.
pactl unload-module module-suspend-on-idle 2>/dev/null || true
pactl set-default-sink "$SINK"
pactl set-default-source "$SINK.monitor"
echo "virtual-audio: default speaker $SINK, default microphone $SINK.monitor"

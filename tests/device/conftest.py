"""The device tests need the virtual PulseAudio sink that `make test` starts."""

import os
import shutil
import subprocess

import pytest

SINK = os.environ.get("ATTUNE_TEST_SINK", "attune_vsink")


def _sink_ready() -> str | None:
    """None when the null sink and its monitor are the defaults; else what is wrong."""
    if shutil.which("pactl") is None:
        return "pactl is missing (install pulseaudio-utils, or run 'make test')"
    try:
        sinks = subprocess.run(
            ["pactl", "list", "short", "sinks"], capture_output=True, text=True, timeout=10
        ).stdout
        source = subprocess.run(
            ["pactl", "get-default-source"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        return f"PulseAudio is not answering ({exc})"
    if f"\t{SINK}\t" not in sinks:
        return f"the null sink {SINK} is not loaded (run ./scripts/virtual-audio.sh)"
    if source != f"{SINK}.monitor":
        return f"the default microphone is {source!r}, not {SINK}.monitor"
    return None


@pytest.fixture(scope="session", autouse=True)
def virtual_audio() -> None:
    """Fail under CI, skip elsewhere, when the virtual microphone is not there."""
    problem = _sink_ready()
    if problem is None:
        return
    message = f"Device tests need the virtual audio device: {problem}."
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)

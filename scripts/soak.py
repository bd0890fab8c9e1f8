"""Soak: 500 turns through the listening loop from WAV input; reports memory growth (RSS).

Run with `make soak` or `.venv/bin/python scripts/soak.py [--turns N]`. Each turn is a sentence
spoken by the real voice, replayed through Silero VAD, the end-of-turn machine and Whisper,
then answered (safety, themes, reply text, synthesized reply — not played).
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.adapters.microphone import WavMicrophone
from assistant.adapters.silero import SileroVoiceActivity
from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.adapters.voices import open_voice
from assistant.adapters.whisper import WhisperTranscriber
from assistant.bench import bench_turns, reply_path
from assistant.config import Settings
from assistant.listen import Listener

WARM_UP_TURNS = 20


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=500)
    args = parser.parse_args()
    settings = Settings()
    voice = Pyttsx3Synthesizer(settings)
    turns = bench_turns(voice)  # 20 turns spoken by the people's voice
    voice.rate_wpm = settings.speech_rate_wpm
    repeats = -(-args.turns // 20)
    listener = Listener(
        WavMicrophone([turns] * repeats), SileroVoiceActivity(), WhisperTranscriber(settings)
    )
    answer = reply_path(open_voice(settings, print), lambda _clip: time.perf_counter())
    done, baseline, started = 0, 0.0, time.perf_counter()
    while done < args.turns and (said := listener.next_utterance()) is not None:
        answer(said.text)
        done += 1
        if done == WARM_UP_TURNS:
            baseline = rss_mb()
        if done % 100 == 0:
            print(f"{done} turns  RSS {rss_mb():.1f} MB", flush=True)
    final = rss_mb()
    print(
        f"soak: {done} turns in {time.perf_counter() - started:.0f} s; RSS after "
        f"{WARM_UP_TURNS} turns {baseline:.1f} MB, at the end {final:.1f} MB, "
        f"growth {final - baseline:+.1f} MB"
    )
    return 0 if done == args.turns else 1


if __name__ == "__main__":
    raise SystemExit(main())

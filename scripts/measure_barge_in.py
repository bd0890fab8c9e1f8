"""Barge-in figures in the virtual room: stop latency p50/p95, words kept, false barge-ins.

    flock /tmp/attune-audio.lock .venv/bin/python scripts/measure_barge_in.py [TRIALS] [REPLIES]

TRIALS interruptions (default 10): attune opens an evening with Festival's voice, and 1 s into
the opening another (espeak-ng) voice speaks into the same null sink. The stop latency is
measured in the monitor's own recording: from the person's first syllable to the last audible
sample of attune's reply. REPLIES (default 50) of attune's lines are then spoken alone while
barge-in watches; any barge-in there is attune taking its own voice for a person (the
microphone and reply of each are saved under /tmp/attune-barge-in-dumps for replay).
"""

import math
import sys
import tempfile
import time
from pathlib import Path

from assistant.adapters.whisper import WhisperTranscriber
from assistant.bench_barge_in import barge_in_lines, measure_barge_in, measure_own_voice
from assistant.config import Settings


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    replies = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    started = time.monotonic()
    if trials > 0:
        whisper = WhisperTranscriber(Settings())
        with tempfile.TemporaryDirectory(prefix="attune-barge-in-") as folder:
            report = measure_barge_in(whisper, Path(folder), trials)
        print("\n".join(barge_in_lines(report)))
        for t in report.trials:
            print(
                f"  stop {t.stop_ms:5.0f} ms (decided {t.onset_to_decision_ms:5.0f} ms after "
                f"the onset, output silent {t.decision_to_silence_ms:5.0f} ms later)  "
                f"replies stopped {t.interrupted}  heard {t.heard!r}"
            )
        whole = sum(1 for t in report.trials if not math.isnan(t.stop_ms))
        print(f"  stop measured in {whole}/{trials}")
    if replies > 0:
        dumps = Path("/tmp/attune-barge-in-dumps")
        dumps.mkdir(exist_ok=True)
        own = measure_own_voice(replies, dumps)
        print(f"attune's own voice alone: {own.false_barge_ins}/{own.replies} false barge-ins")
    print(f"({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()

"""Intelligibility of each voice on held-out lines that no voice setting was tuned on.

    .venv/bin/python scripts/measure_voice_heldout.py

`attune bench` measures the voices on attune's own reply lines, which is where Festival's
pronunciation fixes (LEXICON_FIXES, the American spellings) were found. The lines in
tests/data/voice_heldout/lines.txt were written afterwards and before those fixes were
measured on them, so they show whether the fixes hold on words nobody looked at. Same
measure: the bundled Whisper model, beam 5, word error rate after lower-casing and dropping
punctuation.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.adapters.whisper import WhisperTranscriber  # noqa: E402
from assistant.bench import BeamTranscriber, voice_engines  # noqa: E402
from assistant.bench_voice import measure_intelligibility  # noqa: E402
from assistant.config import Settings  # noqa: E402

LINES = ROOT / "tests" / "data" / "voice_heldout" / "lines.txt"


def main() -> None:
    settings = Settings()
    lines = [line for line in LINES.read_text(encoding="utf-8").splitlines() if line.strip()]
    whisper = BeamTranscriber(WhisperTranscriber(settings), 5)
    for engine, make in voice_engines(settings).items():
        row = measure_intelligibility(engine, make(), whisper, lines)
        print(
            f"{engine:<9} WER {row.word_error_rate:6.1%} over {row.lines} held-out lines "
            f"({row.words} words)"
        )
        for said, heard in row.worst:
            print(f"    said:  {said}\n    heard: {heard}")


if __name__ == "__main__":
    main()

"""Barge-in in the virtual room: a second voice over attune's reply stops it and is answered,
and attune's own voice alone never does.

attune speaks (Festival's voice, its default) into the null sink and listens to its monitor,
so its own voice comes back as a digital copy; the interrupting voice (an espeak-ng voice) is
played into the same sink 1 s into the reply. `make test` runs 2 interruptions and 3 replies
alone (under a minute); `scripts/barge-in-figures` runs the README's 10 and 50.
"""

import os
from pathlib import Path

import pytest

from assistant.adapters.whisper import WhisperTranscriber
from assistant.bench_barge_in import (
    barge_in_lines,
    first_word_kept,
    measure_barge_in,
    measure_own_voice,
)
from assistant.wer import word_error_rate

pytestmark = [pytest.mark.device, pytest.mark.model, pytest.mark.voice]
TRIALS = int(os.environ.get("ATTUNE_BARGE_IN_TRIALS", "2"))
OWN_REPLIES = int(os.environ.get("ATTUNE_BARGE_IN_REPLIES", "3"))
STOP_BOUND_MS = 1500
"""Worst stop allowed here. The first interruption in a process is the slow one, for a reason
not yet found: 460-1019 ms over six runs (the decision comes late), while later ones stop in
130-300 ms; the issue's bar (p95 <= 300 ms) is not met, so barge-in is off by default (README).
A stop later than this means the watch fell far behind or the output kept playing."""


def test_words_spoken_over_a_reply_stop_it_and_are_answered_from_the_first_word(
    whisper: WhisperTranscriber, tmp_path: Path
) -> None:
    report = measure_barge_in(whisper, tmp_path, TRIALS)
    print("\n".join(barge_in_lines(report)))
    for trial in report.trials:
        print(f"  {trial.stop_ms:4.0f} ms  {trial.heard!r} -> {trial.reply!r}")
        assert trial.interrupted == 1, trial  # the opening, and never attune's own answer
        assert trial.reply, trial
        assert first_word_kept(trial), trial
        assert word_error_rate(trial.said, trial.heard) <= 0.35, trial
        assert 0 < trial.stop_ms <= STOP_BOUND_MS, trial


def test_attunes_own_voice_alone_never_barges_in(tmp_path: Path) -> None:
    report = measure_own_voice(OWN_REPLIES, tmp_path)
    print(report)
    assert report.false_barge_ins == 0, (report, sorted(tmp_path.iterdir()))
    # the echo was found in every reply (0.0: the monitor sent nothing; nothing was proved)
    assert min(report.correlations) >= 0.5, report

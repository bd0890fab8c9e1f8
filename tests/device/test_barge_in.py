"""Barge-in in the virtual room: a second voice over attune's reply stops it and is answered.

attune speaks into the null sink and listens to its monitor, so its own voice comes back as a
digital copy; the interrupting voice (another espeak-ng voice) is played into the same sink 1 s
into the reply. `ATTUNE_BARGE_IN_TRIALS=10` runs 10 trials (the README figures); `make test`
runs 3.
"""

import os
from pathlib import Path

import numpy as np
import pytest

from assistant.adapters.interruptible import InterruptibleSpeaker
from assistant.adapters.microphone import SoundDeviceMicrophone
from assistant.adapters.silero import SileroVoiceActivity
from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.adapters.whisper import WhisperTranscriber
from assistant.bench_barge_in import awake_room, barge_in_lines, first_word_kept, measure_barge_in
from assistant.config import Settings
from assistant.duplex import BargeIn, Heard
from assistant.listen import Listener
from assistant.wer import word_error_rate

pytestmark = [pytest.mark.device, pytest.mark.model, pytest.mark.voice]
TRIALS = int(os.environ.get("ATTUNE_BARGE_IN_TRIALS", "3"))
STOP_BOUND_MS = 1500
"""Worst stop measured here (1191 ms over 10 trials, when the null sink stalled), with room."""
STOP_P50_BOUND_MS = 800
"""Typical stop measured here: p50 202, 275 and 646 ms in three runs, as the shared machine's
load changed (the issue's bar is 300 ms p95, which this virtual room does not meet: README)."""
KEPT_SHARE = 0.8
"""Trials whose whole interruption was heard from the first word (8 of 10 measured here)."""
OWN_REPLIES = (
    "It sounds like that evening stayed with you long after it ended, and I wonder what it was "
    "like to carry it alone.",
    "You said you felt left out when they made plans without you. What did you need then?",
    "Thank you for staying with this. It can be hard to say out loud. Is there more?",
    "I hear how much you miss the way things were between you. What would help right now?",
)


def test_words_spoken_over_a_reply_stop_it_and_are_answered_from_the_first_word(
    whisper: WhisperTranscriber, tmp_path: Path
) -> None:
    report = measure_barge_in(whisper, tmp_path, TRIALS)
    print("\n".join(barge_in_lines(report)))
    for trial in report.trials:
        print(f"  {trial.stop_ms:4.0f} ms  {trial.heard!r}")
    for trial in report.trials:
        assert trial.interrupted == 1, trial  # the opening, and never attune's own answer
        assert trial.reply, trial
    kept = [first_word_kept(t) and word_error_rate(t.said, t.heard) <= 0.35 for t in report.trials]
    assert sum(kept) >= KEPT_SHARE * len(kept), report
    assert report.stop_p50_ms <= STOP_P50_BOUND_MS, report
    assert max(t.stop_ms for t in report.trials) <= STOP_BOUND_MS, report


def _keep_for_study(heard: Heard) -> None:
    """With ATTUNE_BARGE_IN_DUMP=PATH, save what a false barge-in heard (to replay offline)."""
    path = os.environ.get("ATTUNE_BARGE_IN_DUMP")
    if path and heard.barged_in and heard.playback is not None:
        np.savez(path, mic=np.concatenate(heard.raw), ref=heard.playback.samples, start=0)


def test_attunes_own_voice_alone_never_barges_in(whisper: WhisperTranscriber) -> None:
    speaker = InterruptibleSpeaker(Pyttsx3Synthesizer(Settings()))
    microphone = SoundDeviceMicrophone(None)
    microphone.start()
    barge_in = BargeIn(speaker)
    listener = Listener(microphone, SileroVoiceActivity(), whisper, barge_in=barge_in)
    correlations = []
    try:
        for rate in (130, 175):
            speaker.synthesizer.rate_wpm = rate
            for text in OWN_REPLIES:
                with listener.speaking():
                    speaker.say(text)
                assert barge_in.last is not None
                correlations.append(barge_in.last.correlation)
                _keep_for_study(barge_in.last)
                assert not barge_in.last.barged_in, (text, rate)
        with awake_room(), listener.speaking():  # and with the room kept awake
            speaker.say(OWN_REPLIES[0])
        assert barge_in.last is not None and not barge_in.last.barged_in
    finally:
        microphone.close()
    assert speaker.interrupted == []
    # the echo was found (0.0: the room's monitor sent nothing, and the test proved nothing)
    assert np.median(correlations) >= barge_in.config.min_correlation, correlations

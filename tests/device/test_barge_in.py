"""Barge-in in the virtual room: a second voice over attune's reply stops it and is answered.

attune speaks into the null sink and listens to its monitor, so its own voice comes back as a
digital copy; the interrupting voice (another espeak-ng voice) is played into the same sink 1 s
into the reply. `ATTUNE_BARGE_IN_TRIALS=10` runs 10 trials (the README figures); `make test`
runs 3.
"""

import os
from pathlib import Path

import pytest

from assistant.adapters.interruptible import InterruptibleSpeaker
from assistant.adapters.microphone import SoundDeviceMicrophone
from assistant.adapters.silero import SileroVoiceActivity
from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.adapters.whisper import WhisperTranscriber
from assistant.bench_barge_in import awake_room, barge_in_lines, first_word_kept, measure_barge_in
from assistant.config import Settings
from assistant.duplex import BargeIn
from assistant.listen import Listener
from assistant.wer import word_error_rate

pytestmark = [pytest.mark.device, pytest.mark.model, pytest.mark.voice]
TRIALS = int(os.environ.get("ATTUNE_BARGE_IN_TRIALS", "3"))
STOP_BOUND_MS = 600
"""The reply stops within this long of the second voice's first syllable (measured here)."""

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
        assert trial.interrupted == 1, trial  # the opening, and never attune's answer
        assert first_word_kept(trial), trial
        assert word_error_rate(trial.said, trial.heard) <= 0.35, trial
        assert trial.reply, trial
    assert max(t.stop_ms for t in report.trials) <= STOP_BOUND_MS, report


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
                assert not barge_in.last.barged_in, (text, rate)
        with awake_room(), listener.speaking():  # and with the room kept awake
            speaker.say(OWN_REPLIES[0])
        assert barge_in.last is not None and not barge_in.last.barged_in
    finally:
        microphone.close()
    assert speaker.interrupted == []
    assert min(correlations) >= barge_in.config.min_correlation, correlations

"""The Listener on replayed audio with the real Silero VAD and the real Whisper model."""

from pathlib import Path

import numpy as np
import pytest

from assistant.adapters.decode import load_audio
from assistant.adapters.microphone import WavMicrophone
from assistant.adapters.silero import SileroVoiceActivity
from assistant.adapters.turn import SmartTurnDetector
from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.adapters.whisper import WhisperTranscriber
from assistant.audio import SAMPLE_RATE_HZ, AudioClip
from assistant.bench_pauses import (
    Spoken,
    finished_turns,
    heard_whole,
    pyttsx3_voices,
    two_part_turns,
)
from assistant.config import Settings
from assistant.flows.base import Utterance
from assistant.listen import Listener
from assistant.wer import normalise, word_error_rate
from tests.conftest import SHARED_DATA
from tests.support_speech import CountingTranscriber, silence, spoken

pytestmark = [pytest.mark.model, pytest.mark.voice]


def listen_all(
    parts: list[np.ndarray], transcriber: object
) -> tuple[list[Utterance], list[float], Listener]:
    """Every utterance heard in the replayed audio, and the audio time each turn ended at."""
    mic = WavMicrophone([AudioClip(np.concatenate(parts))])
    listener = Listener(mic, SileroVoiceActivity(), transcriber)  # type: ignore[arg-type]
    heard, ends = [], []
    while (said := listener.next_utterance()) is not None:
        heard.append(said)
        assert listener.last_timing is not None
        ends.append(listener.last_timing.ended_at_audio_s)
    return heard, ends, listener


def test_a_thinking_pause_mid_sentence_does_not_end_the_turn(
    voice: Pyttsx3Synthesizer, whisper: WhisperTranscriber
) -> None:
    parts = [
        silence(0.5),
        spoken(voice, "I felt"),
        silence(3.0),
        spoken(voice, "like you weren't there when I needed you."),
        silence(3.0),
    ]
    heard, _, _ = listen_all(parts, whisper)
    assert len(heard) == 1, [u.text for u in heard]
    assert "needed" in heard[0].text.lower()


def test_a_finished_sentence_is_answered_within_a_second_and_a_half_of_silence(
    voice: Pyttsx3Synthesizer, whisper: WhisperTranscriber
) -> None:
    sentence = spoken(voice, "My partner broke a promise to me again and I feel betrayed.")
    heard, ends, listener = listen_all([silence(0.7), sentence, silence(4.0)], whisper)
    speech_end_s = 0.7 + len(sentence) / SAMPLE_RATE_HZ
    assert len(heard) == 1 and "promise" in heard[0].text.lower()
    assert ends[0] - speech_end_s <= 1.5
    assert listener.last_timing is not None and listener.last_timing.speculative_hit


def test_saying_im_done_ends_the_turn_at_once_and_is_not_kept(
    voice: Pyttsx3Synthesizer, whisper: WhisperTranscriber
) -> None:
    said = spoken(voice, "It was a long day and I am tired. I am done.")
    heard, ends, _ = listen_all([silence(0.5), said, silence(4.0)], whisper)
    assert len(heard) == 1
    assert "tired" in heard[0].text.lower() and "done" not in heard[0].text.lower()
    assert ends[0] - (0.5 + len(said) / SAMPLE_RATE_HZ) <= 0.6


def test_silence_and_noise_give_no_turn_and_no_transcript(whisper: WhisperTranscriber) -> None:
    rng = np.random.default_rng(7)
    white = (rng.standard_normal(5 * SAMPLE_RATE_HZ) * 0.05).astype(np.float32)
    hum = (0.1 * np.sin(2 * np.pi * 60 * np.arange(4 * SAMPLE_RATE_HZ) / SAMPLE_RATE_HZ)).astype(
        np.float32
    )
    counting = CountingTranscriber(whisper)
    heard, _, _ = listen_all([silence(4.0), white, hum, silence(2.0)], counting)
    assert heard == []
    assert counting.calls == []


def test_a_real_recording_comes_through_with_its_first_words(whisper: WhisperTranscriber) -> None:
    reference = "unless a system is established for the frequent formal review of activities"
    clip = load_audio(SHARED_DATA / "audio" / "LJ050-0131.wav")
    heard, _, _ = listen_all([clip.samples, silence(3.0)], whisper)
    text = " ".join(u.text for u in heard)
    assert text.lower().startswith("unless")
    words = text.lower().replace(".", "").replace(",", "").split()
    assert word_error_rate(reference, " ".join(words[: len(reference.split())])) <= 0.2


def test_sentences_read_with_pauses_become_turns_in_order(whisper: WhisperTranscriber) -> None:
    clip = load_audio(SHARED_DATA / "audio" / "OSR_us_000_0034_8k.wav")
    heard, ends, _ = listen_all([clip.samples, silence(3.0)], whisper)
    assert len(heard) >= 3
    assert ends == sorted(ends)
    assert "gold ring" in heard[0].text.lower()
    assert "bell" in heard[-1].text.lower()


def test_replaying_the_same_audio_gives_the_same_turns(whisper: WhisperTranscriber) -> None:
    clip = load_audio(SHARED_DATA / "audio" / "jfk.flac")
    first = listen_all([clip.samples, silence(2.5)], whisper)
    second = listen_all([clip.samples, silence(2.5)], whisper)
    assert [u.text for u in first[0]] == [u.text for u in second[0]]
    assert first[1] == second[1]


def test_wav_microphone_reads_files_at_any_rate(tmp_path: Path) -> None:
    frames = list(WavMicrophone.from_files([SHARED_DATA / "audio" / "LJ050-0131.wav"]).frames())
    assert abs(len(frames) * 512 / SAMPLE_RATE_HZ - 7.66) < 0.05


def test_a_long_silence_is_met_with_one_gentle_reprompt_then_patient_waiting(
    whisper: WhisperTranscriber,
) -> None:
    said: list[str] = []

    class NoteTaker:
        def say(self, text: str) -> None:
            said.append(text)

        def prepare(self, text: str) -> None:
            pass  # lines are kept as said, never rendered

        def adjust_rate(self, delta_wpm: int) -> int:
            return 150

    mic = WavMicrophone([AudioClip(silence(65.0))])
    listener = Listener(mic, SileroVoiceActivity(), whisper, speaker=NoteTaker())
    assert listener.next_utterance() is None
    assert len(said) == 1 and "still here" in said[0]


@pytest.fixture(scope="module")
def smart_turn() -> SmartTurnDetector:
    return SmartTurnDetector()


def hear(turn: Spoken, whisper: WhisperTranscriber, detector: object) -> list[tuple[str, float]]:
    """What the real Listener heard in one replayed turn, with each end's audio time."""
    mic = WavMicrophone([AudioClip(turn.samples)])
    listener = Listener(mic, SileroVoiceActivity(), whisper, turn_detector=detector)  # type: ignore[arg-type]
    heard = []
    while (said := listener.next_utterance()) is not None:
        assert listener.last_timing is not None
        heard.append((said.text, listener.last_timing.ended_at_audio_s))
    return heard


def test_twenty_thoughts_with_a_pause_after_a_preamble_are_each_heard_whole(
    whisper: WhisperTranscriber, smart_turn: SmartTurnDetector
) -> None:
    turns = two_part_turns(pyttsx3_voices(), 20)
    assert {t.pause_s for t in turns} >= {1.5, 2.5} and len({t.first_part for t in turns}) == 4
    for turn in turns:
        heard = hear(turn, whisper, smart_turn)
        assert len(heard) == 1, (turn.text, heard)
        assert heard_whole(turn, heard[0][0]), (turn.text, heard)


def test_twenty_finished_turns_end_soon_after_the_speech_does(
    whisper: WhisperTranscriber, smart_turn: SmartTurnDetector
) -> None:
    waits = []
    for turn in finished_turns(pyttsx3_voices(), 20):
        heard = hear(turn, whisper, smart_turn)
        assert len(heard) == 1, (turn.text, heard)
        waits.append(heard[0][1] - turn.speech_end_s)
    assert np.percentile(waits, 50) <= 0.8 and max(waits) <= 1.2, sorted(waits)


def test_the_same_thinking_pauses_replayed_twice_end_at_the_same_audio_times(
    whisper: WhisperTranscriber, smart_turn: SmartTurnDetector
) -> None:
    turns = [*two_part_turns(pyttsx3_voices(), 2), *finished_turns(pyttsx3_voices(), 2)]

    def heard_words(turn: Spoken) -> list[tuple[list[str], float]]:
        return [(normalise(text), end) for text, end in hear(turn, whisper, smart_turn)]

    first = [heard_words(t) for t in turns]  # Whisper may place a comma differently
    assert first == [heard_words(t) for t in turns]


def test_an_altered_end_of_turn_model_gives_one_warning_and_the_words_still_decide(
    tmp_path: Path, voice: Pyttsx3Synthesizer, whisper: WhisperTranscriber,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from assistant.adapters import turn as turn_adapter

    altered = tmp_path / "smart-turn-v3.2-cpu.onnx"
    altered.write_bytes(turn_adapter.MODEL_PATH.read_bytes()[:-10] + b"0123456789")
    warnings: list[str] = []
    for path in (altered, tmp_path / "missing.onnx"):
        monkeypatch.setattr(turn_adapter, "MODEL_PATH", path)
        monkeypatch.setattr(turn_adapter.SmartTurnDetector.__init__, "__defaults__", (path,))
        assert turn_adapter.load_turn_detector(warnings.append) is None
    assert len(warnings) == 2 and "altered" in warnings[0] and "missing" in warnings[1]
    assert all("words alone" in w and "\n" not in w for w in warnings)
    sentence = spoken(voice, "My partner broke a promise to me again and I feel betrayed.")
    heard, _, _ = listen_all([silence(0.5), sentence, silence(3.0)], whisper)
    assert len(heard) == 1 and "promise" in heard[0].text.lower()


def test_a_reply_is_rendered_during_the_silence_and_ready_when_the_turn_ends(
    voice: Pyttsx3Synthesizer, whisper: WhisperTranscriber
) -> None:
    """The listener tells the words of a turn that sounds finished before it ends; the voice
    renders the reply then, so the reply asked for at the end of the turn is already made."""
    from assistant.adapters.festival import FestivalSynthesizer
    from assistant.voice_ahead import VoiceAhead

    attune_voice = VoiceAhead(FestivalSynthesizer(Settings()))
    sentence = spoken(voice, "I miss how close we used to be.")
    mic = WavMicrophone([AudioClip(np.concatenate([silence(0.5), sentence, silence(4.0)]))])
    listener = Listener(mic, SileroVoiceActivity(), whisper)
    told: list[tuple[str, int]] = []

    def ahead(text: str) -> None:
        told.append((text, listener.frames_read))
        attune_voice.prepare(f"You miss the closeness. {text}")

    listener.on_speculation = ahead
    said = listener.next_utterance()
    assert said is not None and told and told[-1][0] == said.text
    assert told[-1][1] < listener.frames_read, "told before the end of the turn"
    clip = attune_voice.synthesize(f"You miss the closeness. {said.text}")
    assert attune_voice.hits == 1 and clip.duration_s > 1.0

"""The real faster-whisper model on real recordings, through `attune transcribe`."""

import json
from pathlib import Path

import pytest

from assistant.adapters.decode import load_audio
from assistant.adapters.whisper import WhisperTranscriber
from assistant.config import Settings
from assistant.wer import word_error_rate
from tests.conftest import SHARED_DATA
from tests.support import attune, encode, speak_to_wav

AUDIO = SHARED_DATA / "audio"
pytestmark = pytest.mark.model


def _references() -> dict[str, str]:
    rows = (AUDIO / "transcripts.txt").read_text(encoding="utf-8").splitlines()
    fields = [row.split("\t") for row in rows if row and not row.startswith("#")]
    return {f[0]: f[2] for f in fields if f[1] in ("mono", "mono-mix")}


@pytest.fixture(scope="module")
def transcriber() -> WhisperTranscriber:
    return WhisperTranscriber(Settings(beam_size=5))


@pytest.mark.parametrize("name", ["jfk.flac", "LJ050-0131.wav", "OSR_us_000_0034_8k.wav"])
def test_real_recordings_are_transcribed_within_ten_percent_wer(
    transcriber: WhisperTranscriber, name: str
) -> None:
    text = transcriber.transcribe(load_audio(AUDIO / name)).text
    assert word_error_rate(_references()[name], text) <= 0.10, text


def test_transcribe_json_follows_the_contract() -> None:
    run = attune("transcribe", str(AUDIO / "jfk.flac"), "--json")
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert set(result) == {"text", "language", "duration_s", "segments"}
    assert result["language"] == "en"
    assert result["duration_s"] == pytest.approx(11.0, abs=0.1)
    assert "ask not what your country can do for you" in result["text"].lower().replace(",", "")
    assert result["segments"] and result["segments"][-1]["end_s"] <= 11.1


@pytest.mark.parametrize("codec,suffix", [("libmp3lame", ".mp3"), ("libopus", ".ogg")])
def test_compressed_stereo_recordings_at_other_rates_are_understood(
    tmp_path: Path, transcriber: WhisperTranscriber, codec: str, suffix: str
) -> None:
    target = encode(AUDIO / "jfk.flac", tmp_path / f"jfk{suffix}", codec)
    text = transcriber.transcribe(load_audio(target)).text
    reference = _references()["jfk.flac"]
    assert word_error_rate(reference, text) <= 0.10, text


def test_silence_gives_an_empty_transcript_not_an_invented_sentence(tmp_path: Path) -> None:
    import numpy as np

    from assistant.audio import AudioClip, write_wav

    quiet = tmp_path / "quiet.wav"
    rng = np.random.default_rng(7)
    write_wav(quiet, AudioClip((rng.standard_normal(16000 * 4) * 1e-3).astype(np.float32)))
    silent = tmp_path / "silent.wav"
    write_wav(silent, AudioClip(np.zeros(16000 * 4, dtype=np.float32)))
    for path in (quiet, silent):
        run = attune("transcribe", str(path), "--json")
        assert run.code == 0, run.err
        assert json.loads(run.out)["text"] == ""


def test_spoken_sentences_round_trip_to_text_and_theme(
    tmp_path: Path, transcriber: WhisperTranscriber
) -> None:
    from assistant.themes import classify

    sentences = {
        "I am so angry and fed up with the way you talk to me.": "anger",
        "I feel so sad and I keep crying since we lost the baby.": "grief",
        "I am afraid you will leave me and I worry about it every night.": "fear",
    }
    for index, (sentence, theme) in enumerate(sentences.items()):
        wav = tmp_path / f"said{index}.wav"
        speak_to_wav(sentence, wav)
        heard = transcriber.transcribe(load_audio(wav)).text
        assert word_error_rate(sentence, heard) <= 0.25, heard
        assert classify(heard).top == theme, heard

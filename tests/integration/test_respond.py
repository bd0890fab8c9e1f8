"""One full turn with the real model and the real voice: `attune respond`."""

import json
import wave
from pathlib import Path

import pytest

from assistant.adapters.decode import load_audio
from assistant.adapters.whisper import WhisperTranscriber
from assistant.config import Settings
from assistant.wer import word_error_rate
from tests.support import attune, speak_to_wav

pytestmark = [pytest.mark.model, pytest.mark.voice]


def test_a_spoken_recording_gets_a_validating_reply_about_its_theme(tmp_path: Path) -> None:
    said = tmp_path / "said.wav"
    speak_to_wav("I feel so lonely, it is like we are roommates now.", said)
    run = attune("respond", str(said), "--json", "--no-speak")
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert set(result) == {"transcript", "top", "themes", "safety", "reply"}
    assert "roommates" in result["transcript"].lower()
    assert result["top"] == "loneliness"
    assert result["safety"]["level"] == "clear" and result["safety"]["crisis"] is False
    assert result["safety"]["kind"] is None and 0.0 <= result["safety"]["score"] < 0.5
    assert "why" not in result["reply"].lower().split()
    assert "roommates" in result["reply"].lower(), "the reply should reflect their own words"


# The bound tells this reply from any other (another of its wordings scores 0.68 or more); how well
# each voice is understood is measured by `attune bench` over 58 lines. tiny.en hears one of
# the wordings in Festival's voice at 0.32 ("this frightens you" as "this for iTunes U").
@pytest.mark.parametrize(("engine", "rate_hz", "bound"), [("festival", 32000, 0.4),
                                                          ("pyttsx3", 22050, 0.55)])  # fmt: skip
def test_the_reply_written_with_out_is_the_reply_spoken(
    tmp_path: Path, engine: str, rate_hz: int, bound: float
) -> None:
    out = tmp_path / "reply.wav"
    run = attune(
        "respond",
        "--text",
        "I'm scared you'll leave me.",
        "--json",
        "--no-speak",
        "--voice-engine",
        engine,
        "--out",
        str(out),
    )
    assert run.code == 0, run.err
    assert run.err == "", "the chosen engine speaks without a fallback note"
    reply = json.loads(run.out)["reply"]
    with wave.open(str(out)) as written:
        assert written.getframerate() == rate_hz, f"{engine}'s own voice is in the file"
    heard = WhisperTranscriber(Settings(beam_size=5)).transcribe(load_audio(out)).text
    assert word_error_rate(reply, heard) <= bound, (reply, heard)


def test_a_crisis_gets_care_and_resources_instead_of_an_exercise() -> None:
    run = attune("respond", "--text", "I don't want to be alive anymore.", "--json", "--no-speak")
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert result["safety"]["crisis"] is True
    assert "9 8 8" in result["reply"] and "Are you safe right now?" in result["reply"]
    plain = attune("respond", "--text", "I don't want to be alive anymore.", "--no-speak")
    assert "call or text 988" in plain.out


def test_silence_gets_a_gentle_answer_not_an_invented_transcript(tmp_path: Path) -> None:
    import numpy as np

    from assistant.audio import AudioClip, write_wav

    silent = tmp_path / "silent.wav"
    write_wav(silent, AudioClip(np.zeros(16000 * 3, dtype=np.float32)))
    run = attune("respond", str(silent), "--json", "--no-speak")
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert result["transcript"] == ""
    assert "didn't hear any words" in result["reply"]


def test_an_unwritable_out_path_is_one_clear_line(tmp_path: Path) -> None:
    run = attune(
        "respond",
        "--text",
        "I'm tired.",
        "--no-speak",
        "--out",
        str(tmp_path / "missing-folder" / "r.wav"),
    )
    assert run.code != 0 and "Traceback" not in run.err
    assert "Could not write" in run.err

"""Both voice engines, for real: Festival's HTS voice (a warm process) and pyttsx3/espeak-ng.

What a listener would notice: the words come through, the rate and volume settings mean the
same on both, a Festival that is missing, lacks its voice or dies mid-session is said in one
note and the system voice speaks the same line, and the CLI says which engine speaks.
"""

import io
import os
import stat
from pathlib import Path

import numpy as np
import pytest

from assistant.adapters.festival import DEFAULT_VOICE, FestivalSynthesizer, scheme_string
from assistant.adapters.voice import Pyttsx3Synthesizer
from assistant.adapters.voices import FallbackVoice, choose_engine, open_voice
from assistant.adapters.whisper import WhisperTranscriber
from assistant.audio import AudioClip, resample
from assistant.config import Settings
from assistant.errors import VoiceError
from assistant.ports import Synthesizer
from assistant.wer import normalise, word_error_rate
from tests.support import attune

pytestmark = [pytest.mark.voice]

REPLY = "It sounds like you felt unseen tonight. What part of this feels heaviest right now?"


def _engine(name: str, **settings: object) -> Synthesizer:
    made = Settings(**settings)  # type: ignore[arg-type]
    return FestivalSynthesizer(made) if name == "festival" else Pyttsx3Synthesizer(made)


def _speech_s(clip: AudioClip) -> float:
    """Seconds from the first to the last audible sample."""
    loud = np.nonzero(np.abs(clip.samples) > 0.02)[0]
    return float(loud[-1] - loud[0]) / clip.sample_rate_hz if len(loud) else 0.0


@pytest.mark.model
def test_festival_is_heard_back_better_than_the_formant_voice() -> None:
    whisper = WhisperTranscriber(Settings(beam_size=5))
    said = [
        REPLY,
        "What I'm hearing is that you're scared she'll leave. Is that it?",
        "You've named your step: you'll tell him how you feel before bed. I'll hold on to it.",
    ]
    rates = {}
    for engine in ("festival", "pyttsx3"):
        voice = _engine(engine)
        heard = []
        for line in said:
            clip = voice.synthesize(line)
            heard.append(whisper.transcribe(AudioClip(resample(clip.samples, clip.sample_rate_hz))))
        rates[engine] = word_error_rate(" ".join(said), " ".join(h.text for h in heard))
    assert rates["festival"] <= 0.15, rates
    assert rates["festival"] < rates["pyttsx3"], rates


@pytest.mark.parametrize("engine", ["festival", "pyttsx3"])
def test_rate_and_volume_mean_the_same_on_both_engines(engine: str) -> None:
    slow = _engine(engine, speech_rate_wpm=110).synthesize(REPLY)
    fast = _engine(engine, speech_rate_wpm=220).synthesize(REPLY)
    ratio = _speech_s(slow) / _speech_s(fast)
    assert 1.5 < ratio < 2.5, f"twice the rate should take about half the time ({ratio:.2f})"
    quiet = _engine(engine, volume=0.25).synthesize(REPLY)
    loud = _engine(engine, volume=1.0).synthesize(REPLY)
    assert 0.15 < quiet.peak() / loud.peak() < 0.4
    assert loud.peak() > 0.5, "a reply at full volume is not a whisper"


def test_the_same_rate_gives_about_the_same_pace_in_either_voice() -> None:
    festival = _speech_s(_engine("festival", speech_rate_wpm=145).synthesize(REPLY))
    system = _speech_s(_engine("pyttsx3", speech_rate_wpm=145).synthesize(REPLY))
    assert 0.75 < festival / system < 1.33, (festival, system)


def test_changing_the_rate_of_a_warm_festival_takes_effect_on_the_next_line() -> None:
    voice = FestivalSynthesizer(Settings())
    before = _speech_s(voice.synthesize(REPLY))
    voice.rate_wpm -= 60  # "slower", said by voice
    assert _speech_s(voice.synthesize(REPLY)) > before * 1.3


def test_british_spellings_are_said_as_their_american_forms_where_the_lexicon_lacks_them() -> None:
    voice = FestivalSynthesizer(Settings())
    said = voice.synthesize("You didn't recognise the behaviour you apologised for.").samples
    american = voice.synthesize("You didn't recognize the behavior you apologized for.").samples
    assert np.array_equal(said, american), "Festival guesses a British spelling letter by letter"
    known = voice.synthesize("I promise it was a surprise, otherwise.").samples
    guessed = voice.synthesize("I promize it was a surprize, otherwize.").samples
    assert not np.array_equal(known, guessed), "words the lexicon knows keep their spelling"


@pytest.mark.model
def test_words_festival_used_to_say_unclearly_are_heard_back_as_said() -> None:
    whisper = WhisperTranscriber(Settings(beam_size=5))
    voice = FestivalSynthesizer(Settings())
    for line, word in (
        ("How do you cope when you feel unseen?", "unseen"),
        ("It sounds like you're really angry about this.", "you're"),
        ("You'll know when it's time.", "you'll"),
    ):
        clip = voice.synthesize(line)
        heard = whisper.transcribe(AudioClip(resample(clip.samples, clip.sample_rate_hz))).text
        assert word in normalise(heard.replace("\u2019", "'")), (line, heard)


def test_quotes_dashes_and_backslashes_are_spoken_not_read_as_scheme() -> None:
    assert scheme_string('He said "fine" — and that\u2019s it \\ ok') == (
        'He said \\"fine\\" , and that\'s it \\\\ ok'
    )
    voice = FestivalSynthesizer(Settings())
    clip = voice.synthesize('She said "I\'m done" \\ (and left) ; "')
    assert clip.duration_s > 1.0
    assert voice.synthesize("And then?").duration_s > 0.3, "the process is still in step"


def test_festival_died_mid_session_the_system_voice_says_the_same_line() -> None:
    notes: list[str] = []
    voice = open_voice(Settings(), notes.append)
    assert isinstance(voice, FallbackVoice) and voice.engine == "festival"
    assert voice.synthesize("First line.").sample_rate_hz == 32000
    festival = voice._current
    assert isinstance(festival, FestivalSynthesizer)
    festival._process.kill()
    festival._process.wait()
    clip = voice.synthesize("The line that must not be lost.")
    assert clip.duration_s > 1.0 and clip.sample_rate_hz == 22050, "pyttsx3 said it"
    assert len(notes) == 1 and "Festival voice stopped" in notes[0] and "pyttsx3" in notes[0]
    assert voice.synthesize("And the next one.").duration_s > 0.5
    assert len(notes) == 1, "one note, not one per line"


def _festival_without_its_voice(folder: Path) -> Path:
    """A `festival` on PATH that is the real one, run in a private mount namespace where the
    voices folder is empty (as on a machine with festival but not festvox-us-slt-hts)."""
    empty = folder / "no-voices"
    empty.mkdir()
    program = folder / "bin" / "festival"
    program.parent.mkdir()
    program.write_text(
        "#!/bin/sh\n"
        f"exec unshare -m sh -c 'mount --bind {empty} /usr/share/festival/voices && "
        'exec /usr/bin/festival "$@"\' sh "$@"\n'
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program.parent


def test_festival_without_its_voice_says_what_to_install_then_pyttsx3_speaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = _festival_without_its_voice(tmp_path)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(VoiceError, match="festvox-us-slt-hts"):
        FestivalSynthesizer(Settings())
    notes: list[str] = []
    voice = open_voice(Settings(), notes.append)
    assert isinstance(voice, Pyttsx3Synthesizer)
    assert len(notes) == 1 and DEFAULT_VOICE in notes[0] and "apt-get install" in notes[0]
    assert voice.synthesize("Still here.").duration_s > 0.3


def test_without_festival_installed_the_system_voice_is_chosen_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no festival on this PATH
    choice = choose_engine(Settings())
    assert choice.engine == "pyttsx3" and "not installed" in choice.why
    notes: list[str] = []
    assert isinstance(open_voice(Settings(), notes.append), Pyttsx3Synthesizer)
    assert notes == []
    asked = open_voice(Settings(voice_engine="festival"), notes.append)
    assert isinstance(asked, Pyttsx3Synthesizer)
    assert len(notes) == 1 and "Festival is not installed" in notes[0]


def test_a_voice_named_for_one_engine_is_found_in_that_engine() -> None:
    notes: list[str] = []
    assert isinstance(open_voice(Settings(voice="gmw/en-us"), notes.append), Pyttsx3Synthesizer)
    chosen = open_voice(Settings(voice=DEFAULT_VOICE, voice_engine="auto"), notes.append)
    assert isinstance(chosen, FallbackVoice)
    assert notes == []
    with pytest.raises(VoiceError, match="No voice called 'nosuch'"):
        FestivalSynthesizer(Settings(voice="nosuch"))


def test_devices_lists_both_engines_and_doctor_names_the_one_in_use() -> None:
    devices = attune("devices")
    assert devices.code == 0, devices.err
    assert "Voices of festival (in use)" in devices.out and DEFAULT_VOICE in devices.out
    assert "Voices of pyttsx3" in devices.out and "gmw/en-us" in devices.out.lower()
    doctor = attune("doctor")
    assert "voice: festival, cmu_us_slt_arctic_hts (Festival's HTS voice is the default" in (
        doctor.out
    )
    chosen = attune("doctor", "--voice-engine", "pyttsx3")
    assert "voice: pyttsx3, the system voice (voice_engine = pyttsx3)" in chosen.out


def test_config_set_voice_engine_is_saved_and_used(attune_home: Path) -> None:
    saved = attune("config", "set", "voice_engine", "pyttsx3")
    assert saved.code == 0, saved.err
    assert "Saved voice_engine = pyttsx3" in saved.out
    assert "voice: pyttsx3" in attune("doctor").out
    refused = attune("config", "set", "voice_engine", "loud")
    assert refused.code != 0 and "Traceback" not in refused.err
    assert attune("config", "set", "voice", DEFAULT_VOICE).code == 0, "a Festival voice is known"


def test_a_session_note_names_the_fallback_once(tmp_path: Path) -> None:
    from assistant.captions import Captions

    out = io.StringIO()
    voice = open_voice(Settings(voice_engine="festival", voice="nosuch"), Captions(out).note)
    assert isinstance(voice, FallbackVoice), "the default Festival voice speaks instead"
    assert out.getvalue().count("No voice called 'nosuch'") == 1

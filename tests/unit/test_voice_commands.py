"""Voice commands are recognised on what the person said, and only when that is all they said."""

import pytest

from assistant.voice_commands import Command, match_command


@pytest.mark.parametrize(
    ("said", "command"),
    [
        ("Repeat that.", Command.REPEAT),
        ("Could you say that again, please?", Command.REPEAT),
        ("Slower.", Command.SLOWER),
        ("Faster, please.", Command.FASTER),
        ("Pause.", Command.PAUSE),
        ("Resume", Command.RESUME),
        ("Skip.", Command.SKIP),
        ("Stop.", Command.STOP),
        ("Goodbye!", Command.STOP),
        ("Forget this session.", Command.FORGET),
    ],
)
def test_each_spoken_command_is_recognised(said: str, command: Command) -> None:
    assert match_command(said) is command


@pytest.mark.parametrize(
    ("misheard", "command"),
    [
        ("Repeat dat.", Command.REPEAT),
        ("Slow her.", Command.SLOWER),
        ("Good by.", Command.STOP),
        ("Forget this sessions.", Command.FORGET),
        ("Skip it.", Command.SKIP),
    ],
)
def test_small_transcription_errors_are_forgiven(misheard: str, command: Command) -> None:
    assert match_command(misheard) is command


@pytest.mark.parametrize(
    "sentence",
    [
        "I want us to stop fighting about money.",
        "He said goodbye and left without looking back.",
        "We skip dinner together most nights now.",
        "I wish you would slow down and listen to me.",
        "No.",
        "Yes.",
        "I'm done.",
        "",
    ],
)
def test_ordinary_speech_is_not_taken_for_a_command(sentence: str) -> None:
    assert match_command(sentence) is None

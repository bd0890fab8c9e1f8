"""What Whisper invents in silence is dropped; what people really say is kept."""

from assistant.hallucinations import is_silence_phrase


def test_known_silence_phrases_are_dropped() -> None:
    for text in (
        "Thank you for watching!",
        "Subtitles by the Amara.org community",
        "[Music]",
        " ... ",
        "",
        "Please subscribe to my channel.",
    ):
        assert is_silence_phrase(text), text


def test_short_real_phrases_are_kept_unless_whisper_doubted_speech() -> None:
    assert not is_silence_phrase("Thank you.", no_speech_prob=0.05)
    assert is_silence_phrase("Thank you.", no_speech_prob=0.5)
    assert not is_silence_phrase("Thank you for listening to me tonight.", no_speech_prob=0.5)
    assert not is_silence_phrase("I felt alone when you left.")

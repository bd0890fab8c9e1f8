"""Word error rate as the speech benchmark defines it."""

from assistant.wer import normalise, word_error_rate


def test_case_and_punctuation_do_not_count() -> None:
    assert (
        word_error_rate("Ask not, what your country can do!", "ask not what your country can do")
        == 0.0
    )


def test_each_substitution_insertion_and_deletion_counts_once() -> None:
    assert word_error_rate("a gold ring", "a golden ring") == 1 / 3
    assert word_error_rate("the long journey", "the journey") == 1 / 3
    assert word_error_rate("she saw a cat", "she saw a big cat") == 1 / 4


def test_a_compound_written_as_two_words_is_one_word() -> None:
    assert word_error_rate("activities thereunder", "activities there under") == 0.0
    assert word_error_rate("there under", "thereunder") == 0.0


def test_empty_texts() -> None:
    assert word_error_rate("", "") == 0.0
    assert word_error_rate("", "hello") == 1.0
    assert word_error_rate("hello there", "") == 1.0
    assert normalise("  ") == []


def test_a_number_said_digit_by_digit_is_the_number() -> None:
    assert word_error_rate("call or text 9 8 8, or 9 1 1", "Call or text 988 or 911.") == 0.0
    assert normalise("room 12 3 4") == ["room", "12", "34"]
    assert word_error_rate("call 9 8 8", "call 9 8") == 1 / 2

"""What attune says when the gate fires, the resources it gives, and couples mode after it."""

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.safety import (
    SafetyCheck,
    SafetyKind,
    check,
    crisis_reply,
    crisis_reply_lines,
    ends_joint_work,
    individual_support_note,
    load_resources,
    resource_card,
)

SELF_HARM = check("I keep thinking about not being here anymore")
VIOLENCE = check("he grabbed my throat")
CONTROL = check("he takes my whole paycheck")
OTHERS = check("I'm scared of what I might do to him")


def test_self_harm_reply_asks_about_safety_is_honest_and_gives_988() -> None:
    reply = crisis_reply(SELF_HARM)
    assert "Are you safe right now?" in reply
    assert "can't call anyone" in reply
    assert "9 8 8" in reply
    assert "9 1 1" in reply
    assert "Domestic Violence" not in reply
    assert "helped" in reply


def test_violence_reply_gives_the_hotline_text_line_and_emergency_number() -> None:
    reply = crisis_reply(VIOLENCE)
    assert "Are you safe right now?" in reply
    assert "can't contact anyone" in reply
    assert "1 800, 7 9 9, 7 2 3 3" in reply
    assert "text START to 8 8 7 8 8" in reply
    assert "9 1 1" in reply
    assert "no one deserves to be hurt" in reply


def test_the_three_kinds_of_crisis_are_answered_in_different_words() -> None:
    replies = {crisis_reply(SELF_HARM), crisis_reply(VIOLENCE), crisis_reply(OTHERS)}
    assert len(replies) == 3
    assert "people around you safe" in crisis_reply(OTHERS)
    assert crisis_reply(CONTROL).startswith(crisis_reply(VIOLENCE)[:40])


def test_replies_are_brief_and_name_no_method() -> None:
    for result in (SELF_HARM, VIOLENCE, CONTROL, OTHERS):
        reply = crisis_reply(result).lower()
        assert len(reply.split()) < 130
        for word in ("pill", "knife", "rope", "bridge", "overdose", "gun", "why"):
            assert word not in reply.split()


def test_uk_region_gives_uk_services_and_no_us_numbers() -> None:
    reply = crisis_reply(SELF_HARM, region="uk")
    assert "Samaritans" in reply
    assert "9 9 9" in reply
    assert "9 8 8" not in reply
    assert "Domestic Abuse Helpline" in crisis_reply(VIOLENCE, region="GB")


def test_an_unknown_region_still_gives_a_way_to_find_help() -> None:
    reply = crisis_reply(VIOLENCE, region="Atlantis")
    assert "find a helpline dot com" in reply
    assert "local emergency number" in reply


def test_extra_resources_from_settings_are_read_out_first() -> None:
    lines = crisis_reply_lines(SELF_HARM, "US", ["my counsellor Dana on 555 0101"])
    assert "reach my counsellor Dana on 555 0101, call or text 9 8 8" in " ".join(lines)
    card = resource_card(SELF_HARM, "US", ["my counsellor Dana on 555 0101"])
    assert card[0] == "my counsellor Dana on 555 0101"


def test_printed_card_shows_numbers_as_written() -> None:
    card = " ".join(resource_card(VIOLENCE))
    assert "1-800-799-7233" in card
    assert "START to 88788" in card
    assert "911" in card


def test_couples_reply_says_services_can_be_reached_later_alone() -> None:
    assert "on your own" in crisis_reply(VIOLENCE, couples=True)
    assert "on your own" not in crisis_reply(VIOLENCE)


def test_worry_about_someone_else_is_acknowledged() -> None:
    assert "someone else" in crisis_reply(check("I think my brother wants to kill himself"))


def test_joint_work_ends_after_any_disclosure_and_not_otherwise() -> None:
    assert ends_joint_work(VIOLENCE)
    assert ends_joint_work(CONTROL)
    assert ends_joint_work(SELF_HARM)
    assert not ends_joint_work(check("we had a fight about the laundry"))


def test_individual_support_note_stops_joint_exercises_and_suggests_support_alone() -> None:
    note = individual_support_note(SafetyKind.VIOLENCE)
    assert "stop the joint exercises" in note
    assert "on your own" in note
    assert individual_support_note(SafetyKind.SELF_HARM) != note


def test_a_reply_is_never_empty_even_without_a_crisis() -> None:
    assert "Are you safe right now?" in crisis_reply(SafetyCheck())


def test_the_shipped_resource_file_serves_every_kind_in_every_region() -> None:
    regions = load_resources().regions
    assert {region.code for region in regions} >= {"US", "UK", "OTHER"}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "safety.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text",
    [
        "[[regions]\ncode = ",
        '[[regions]]\ncode = "OTHER"\nname = "x"\n[[regions.resources]]\nname = "a"\n'
        'spoken = "b"\nprinted = "c"\nkinds = ["self_harm"]\n',
        '[[regions]]\ncode = "US"\nname = "x"\nbogus = 1\n',
    ],
)
def test_a_broken_resource_file_raises_config_error_naming_it(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError, match=str(path).replace(".", r"\.")):
        load_resources(path)


def test_a_missing_resource_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"missing\.toml"):
        load_resources(tmp_path / "missing.toml")


def test_a_crisis_is_answered_even_when_the_resources_file_is_broken(monkeypatch) -> None:
    from assistant import safety
    from assistant.errors import ConfigError
    from assistant.safety import resources

    def broken(*_args: object) -> None:
        raise ConfigError("The crisis resources file safety.toml is broken.")

    monkeypatch.setattr(resources, "load_resources", broken)
    verdict = safety.check("I want to kill myself")
    reply = safety.crisis_reply(verdict)
    card = safety.resource_card(verdict)
    assert "Are you safe right now?" in reply and "9 8 8" in reply
    assert any("988" in line for line in card)

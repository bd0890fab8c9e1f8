"""`attune evening` and `attune couple`: the live sessions, by voice or typed."""

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from assistant.cli.common import (
    add_caption_option,
    add_command,
    add_model_options,
    add_voice_options,
    positive_int,
    reading_functions,
    settings_from,
)
from assistant.config import MAX_PAUSE_MS, MIN_PAUSE_MS
from assistant.errors import AttuneError, DeviceError, VoiceError

if TYPE_CHECKING:
    from assistant.captions import Captions
    from assistant.config import Settings
    from assistant.journal import Journal
    from assistant.ports import Speaker, UtteranceSource
    from assistant.session import Session


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add evening and couple."""
    p = add_command(
        sub,
        "evening",
        "A hands-free evening reflection: attune asks what is sitting with you from the day, "
        "reflects what it hears and closes with a short spoken summary.",
        "attune evening\nattune evening --text --max-turns 6",
    )
    _session_options(p)
    p.set_defaults(handler=evening_command)

    p = add_command(
        sub,
        "couple",
        "Two partners speaking in turn: attune holds the floor for one at a time, asks the "
        "listener to mirror what they heard and remembers each partner's commitments.",
        "attune couple Maya Sam\nattune couple Maya Sam --text",
    )
    p.add_argument("names", nargs=2, metavar="NAME", help="the two partners' names")
    _session_options(p)
    p.set_defaults(handler=couple_command)


def _session_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--text",
        action="store_true",
        help="type instead of speaking: one utterance per line on standard input",
    )
    p.add_argument(
        "--input-device",
        metavar="NAME|INDEX",
        help="microphone name or index (see 'attune devices')",
    )
    p.add_argument(
        "--output-device", metavar="NAME|INDEX", help="speaker name or index (see 'attune devices')"
    )
    p.add_argument(
        "--max-turns", type=positive_int, default=None, metavar="N", help="end after N turns"
    )
    p.add_argument(
        "--pause",
        default=None,
        metavar="LENGTH",
        help="how long to wait through pauses: short, normal, patient, unhurried (pauses "
        "never end a turn; say 'I'm done' or press Enter), or milliseconds "
        f"({MIN_PAUSE_MS} to {MAX_PAUSE_MS})",
    )
    p.add_argument(
        "--read-back",
        action="store_true",
        default=None,
        help="read each turn back ('I heard: ... Is that right?') before answering",
    )
    p.add_argument(
        "--barge-in",
        dest="barge_in",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="listen while attune speaks: talking over a reply stops it and is heard "
        "(default: the barge_in setting, off)",
    )
    p.add_argument(
        "--no-voice",
        "--no-speak",
        dest="no_voice",
        action="store_true",
        help="captions only: do not speak out loud",
    )
    p.add_argument(
        "--keep-audio",
        action="store_true",
        default=None,
        help="also keep each turn's recording beside the journal (never kept otherwise)",
    )
    add_caption_option(p)
    add_model_options(p)
    add_voice_options(p)


def evening_command(args: argparse.Namespace) -> int:
    """Run an evening reflection."""
    from assistant.flows.evening import EveningFlow

    _load_language()
    return _run(args, "evening", [], lambda lib, **kw: EveningFlow(lib, **kw))


def couple_command(args: argparse.Namespace) -> int:
    """Run a couples conversation between two named partners."""
    from assistant.flows.couple import CoupleFlow

    names = _partner_names(args.names)
    _load_language()
    return _run(
        args, "couple", names, lambda lib, **kw: CoupleFlow(lib, (names[0], names[1]), **kw)
    )


def _load_language() -> None:
    """Load spaCy once, where replies are composed (never for `attune classify`)."""
    from assistant.adapters.language import load_language
    from assistant.flows.wording import use_language

    use_language(*load_language())


MAX_NAME_CHARS = 40


def _partner_names(given: list[str]) -> list[str]:
    """Two different, non-empty names of reasonable length; otherwise a clear error."""
    names = [" ".join(name.split()) for name in given]
    if not all(names):
        raise AttuneError("Each partner needs a name, for example: attune couple Maya Sam.")
    if names[0].casefold() == names[1].casefold():
        raise AttuneError("The two partners need different names, for example: Maya and Sam.")
    if any(len(name) > MAX_NAME_CHARS for name in names):
        raise AttuneError(f"Names can be at most {MAX_NAME_CHARS} characters; use a short name.")
    return names


def _run(args: argparse.Namespace, mode: str, names: list[str], make_flow: Any) -> int:
    """Build the parts, open the journal and hold the session."""
    from assistant.captions import Captions
    from assistant.journal import Journal
    from assistant.prompts import load_library
    from assistant.safety import load_resources

    settings = settings_from(args)
    captions = Captions(style=settings.captions)
    speaker = _speaker(args, settings, captions) if settings.speak else None
    with _spoken_errors(speaker):
        load_resources()  # a broken crisis-resources file is found now, not at a disclosure
        library = load_library()
        source = _source(args, settings, captions, speaker)
        classify, check = reading_functions(captions.note)
        journal = Journal.open()
    journal.notice = captions.note
    with journal:
        flow = make_flow(
            library,
            open_commitments=journal.open_commitments(names or None),
            recent_prompt_ids=journal.recent_prompt_ids(),
        )
        session = _session(args, settings, mode, names, flow, source, captions, speaker, journal)
        session.classify, session.check = classify, check
        if hasattr(source, "on_speculation"):  # a live listener: render replies ahead
            source.on_speculation = session.prepare_reply
        return _hold(session)


def _session(
    args: argparse.Namespace,
    settings: "Settings",
    mode: str,
    names: list[str],
    flow: Any,
    source: "UtteranceSource",
    captions: "Captions",
    speaker: "Speaker | None",
    journal: "Journal",
) -> "Session":
    from assistant.session import Session

    return Session(
        flow=flow,
        source=source,
        captions=captions,
        speaker=speaker,
        journal=journal,
        mode=mode,
        names=names,
        max_turns=args.max_turns,
        region=settings.region,
        extra_resources=list(settings.resources),
        read_back=settings.read_back,
        keep_audio=settings.keep_audio,
    )


def _hold(session: "Session") -> int:
    """Run the session; Ctrl-C, SIGTERM and SIGHUP close it with its summary saved."""
    from assistant.cli.stopping import close_stopped, stop_on_signals

    assert session.journal is not None
    try:
        with stop_on_signals():
            session.run()
    except KeyboardInterrupt as stop:
        return close_stopped(session, session.journal, stop)
    if session.turns == 0 and session.session_id is not None:
        with contextlib.suppress(AttuneError):  # nothing was said: keep no empty session
            session.journal.forget(session.session_id)
            session.captions.note("Nothing was said, so no session was saved.")
    return 0


@contextlib.contextmanager
def _spoken_errors(speaker: "Speaker | None") -> Iterator[None]:
    """Say a set-up error out loud too, for people who cannot see the screen."""
    try:
        yield
    except AttuneError as exc:
        if speaker is not None:
            with contextlib.suppress(AttuneError):
                speaker.say(str(exc))
        raise


def _source(
    args: argparse.Namespace,
    settings: "Settings",
    captions: "Captions",
    speaker: "Speaker | None",
) -> "UtteranceSource":
    """Typed lines with --text; otherwise the microphone, or typing when there is none."""
    from assistant.typed import TypedInput, stdin_lines

    if args.text:
        typed = TypedInput(stdin_lines(f"{args.command} --text"), "> ", note=captions.note)
        return typed
    try:
        from assistant.listen import open_listener

        return open_listener(
            settings,
            device=args.input_device,
            pause=settings.pause,
            speaker=speaker,
            caption=captions.said,
            barge_in=_barge_in(args, settings),
        )
    except DeviceError as exc:
        if sys.stdin is None or not sys.stdin.isatty():
            raise
        captions.note(f"{exc} Continuing with typed input: type a line and press Enter.")
        return TypedInput(stdin_lines(args.command), "> ", note=captions.note)


def _speaker(
    args: argparse.Namespace, settings: "Settings", captions: "Captions"
) -> "Speaker | None":
    """The voice on the chosen output; without a voice the session goes on in captions."""
    from assistant.adapters.interruptible import InterruptibleSpeaker
    from assistant.adapters.playback import SoundDeviceSpeaker
    from assistant.adapters.portaudio import parse_device
    from assistant.adapters.voices import open_voice

    try:
        synthesizer = open_voice(settings, captions.note)
    except VoiceError as exc:
        captions.note(f"{exc} Continuing with captions only.")
        return None
    kind = InterruptibleSpeaker if _barge_in(args, settings) else SoundDeviceSpeaker
    return kind(synthesizer, parse_device(args.output_device))


def _barge_in(args: argparse.Namespace, settings: "Settings") -> bool:
    """Whether to listen while speaking: --barge-in / --no-barge-in, else the setting."""
    chosen = getattr(args, "barge_in", None)
    return settings.barge_in if chosen is None else bool(chosen)

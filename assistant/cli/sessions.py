"""`attune evening` and `attune couple`: the live sessions, by voice or typed."""

import argparse
import sys
from typing import Any

from assistant.captions import Captions
from assistant.cli.common import add_model_options, add_voice_options, settings_from
from assistant.config import Settings
from assistant.errors import DeviceError
from assistant.ports import Speaker, UtteranceSource


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add evening and couple."""
    p = sub.add_parser("evening", help="a hands-free evening reflection (the main job)")
    _session_options(p)
    p.set_defaults(handler=evening_command)

    p = sub.add_parser("couple", help="two partners speaking in turn")
    p.add_argument("names", nargs=2, metavar="NAME", help="the two partners' names")
    _session_options(p)
    p.set_defaults(handler=couple_command)


def _session_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--text",
        action="store_true",
        help="type instead of speaking: one utterance per line on standard input",
    )
    p.add_argument("--input-device", help="microphone name or index (see 'attune devices')")
    p.add_argument("--output-device", help="speaker name or index (see 'attune devices')")
    p.add_argument("--max-turns", type=int, default=None, help="end after this many turns")
    p.add_argument(
        "--pause",
        default="normal",
        help="how long to wait through pauses: short, normal, patient, or milliseconds",
    )
    p.add_argument(
        "--no-voice",
        "--no-speak",
        dest="no_voice",
        action="store_true",
        help="captions only: do not speak out loud",
    )
    add_model_options(p)
    add_voice_options(p)


def evening_command(args: argparse.Namespace) -> int:
    """Run an evening reflection."""
    from assistant.flows.evening import EveningFlow

    return _run(args, "evening", [], lambda lib, **kw: EveningFlow(lib, **kw))


def couple_command(args: argparse.Namespace) -> int:
    """Run a couples conversation between two named partners."""
    from assistant.flows.couple import CoupleFlow

    names = [n.strip() for n in args.names]
    return _run(
        args, "couple", names, lambda lib, **kw: CoupleFlow(lib, (names[0], names[1]), **kw)
    )


def _run(args: argparse.Namespace, mode: str, names: list[str], make_flow: Any) -> int:
    """Build the parts, open the journal and hold the session."""
    from assistant.journal import Journal
    from assistant.prompts import load_library
    from assistant.session import Session

    settings = settings_from(args)
    captions = Captions()
    library = load_library()
    source = _source(args, settings, captions)
    speaker = None if args.no_voice else _speaker(args, settings)
    with Journal.open() as journal:
        flow = make_flow(
            library,
            open_commitments=journal.open_commitments(names or None),
            recent_prompt_ids=journal.recent_prompt_ids(),
        )
        session = Session(
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
        )
        session.run()
    return 0


def _source(args: argparse.Namespace, settings: Settings, captions: Captions) -> UtteranceSource:
    """Typed lines with --text; otherwise the microphone, or typing when there is none."""
    from assistant.typed import TypedInput

    if args.text:
        return TypedInput(prompt="> ")
    try:
        from assistant.listen import open_listener

        return open_listener(settings, device=args.input_device, pause=args.pause)
    except DeviceError as exc:
        if not sys.stdin.isatty():
            raise
        captions.note(f"{exc} Continuing with typed input: type a line and press Enter.")
        return TypedInput(prompt="> ")


def _speaker(args: argparse.Namespace, settings: Settings) -> Speaker:
    from assistant.adapters.playback import SoundDeviceSpeaker, parse_device
    from assistant.adapters.voice import Pyttsx3Synthesizer

    return SoundDeviceSpeaker(Pyttsx3Synthesizer(settings), parse_device(args.output_device))

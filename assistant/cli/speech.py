"""`attune transcribe`, `attune classify` and `attune respond`: one file or one text at a time."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli.common import (
    add_command,
    add_model_options,
    add_voice_options,
    print_json,
    reading_functions,
    settings_from,
)
from assistant.errors import AttuneError

if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.safety import SafetyCheck
    from assistant.themes import ThemeReading

FILE_BEAM_SIZE = 5


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add transcribe, classify and respond."""
    p = add_command(
        sub,
        "transcribe",
        "Transcribe an audio file on this machine.",
        "attune transcribe talk.flac --json",
    )
    p.add_argument("path", type=Path, metavar="FILE", help="a WAV, FLAC, MP3 or OGG file")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_model_options(p)
    p.set_defaults(handler=transcribe_command)

    p = add_command(
        sub,
        "classify",
        "Recognise the emotional themes and safety level of a text.",
        'attune classify "I\'m not mad, just sad" --json\nattune classify < lines.txt',
    )
    p.add_argument("text", nargs="?", help="the text; without it, one text per line on stdin")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=classify_command)

    p = add_command(
        sub,
        "respond",
        "Answer one turn: hear a recording or a typed text and reply as attune would.",
        "attune respond recording.wav --json\n"
        'attune respond --text "I feel like we\'re roommates" --no-speak --out reply.wav',
    )
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "path", type=Path, nargs="?", metavar="FILE", help="a recording of what was said"
    )
    source.add_argument("--text", metavar="TEXT", help="what was said, typed")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--no-speak",
        "--no-voice",
        dest="no_speak",
        action="store_true",
        help="do not play the reply out loud (also: speak = false in 'attune config')",
    )
    p.add_argument(
        "--out",
        type=_wav_path,
        metavar="FILE.wav",
        help="also write the spoken reply to this WAV file",
    )
    p.add_argument(
        "--output-device", metavar="NAME|INDEX", help="speaker name or index (see 'attune devices')"
    )
    add_model_options(p)
    add_voice_options(p)
    p.set_defaults(handler=respond_command)


def _wav_path(text: str) -> Path:
    """An argparse type: a file name ending in .wav (the reply is always written as WAV)."""
    path = Path(text)
    if path.suffix.lower() != ".wav":
        raise argparse.ArgumentTypeError(
            f"'{text}' does not end in .wav; the reply is a WAV recording, so name it like "
            "reply.wav"
        )
    return path


def _file_beam(args: argparse.Namespace) -> int:
    """--beam-size as given (0 is refused by the settings, not taken as "unset"), else 5."""
    return FILE_BEAM_SIZE if args.beam_size is None else int(args.beam_size)


def transcribe_command(args: argparse.Namespace) -> int:
    """Transcribe one file and print the text (or the JSON contract)."""
    from assistant.adapters.decode import load_audio
    from assistant.adapters.whisper import WhisperTranscriber

    clip = load_audio(args.path)
    settings = settings_from(args, beam_size=_file_beam(args))
    transcript = WhisperTranscriber(settings).transcribe(clip)
    if args.json:
        print_json(transcript)
    else:
        print(transcript.text)
    return 0


def classify_command(args: argparse.Namespace) -> int:
    """Classify TEXT, or every line of stdin as JSON lines, as a live turn would read them."""
    if args.text is not None and not args.text.strip():
        raise AttuneError(
            "There is no text to classify; give some words, for example: "
            'attune classify "I\'m not mad, just sad".'
        )
    functions = reading_functions(_warn)
    if args.text is not None:
        result = _classified(args.text, *functions)
        if args.json:
            print_json(result)
        else:
            _print_reading(result)
        return 0
    return _classify_lines(*functions)


def _typed_argument(text: str) -> str:
    """TEXT from the command line; bytes that are not UTF-8 are replaced and said once."""
    from assistant.typed import REPLACEMENT, from_argv

    cleaned, replaced = from_argv(text)
    if replaced:
        print(
            f"attune: the text had characters that are not text (not UTF-8); they are shown as "
            f"{REPLACEMENT} and the rest was kept.",
            file=sys.stderr,
        )
    return cleaned if cleaned.strip(REPLACEMENT + " ") else ""


def _classify_lines(
    classify: "Callable[[str], ThemeReading]", check: "Callable[[str], SafetyCheck]"
) -> int:
    """One JSON line per non-blank stdin line (or piece of an over-long one); bytes that are
    not text are replaced and reported on stderr, so the output is always valid UTF-8 JSON."""
    from assistant.typed import REPLACEMENT, stdin_lines

    lines = stdin_lines("classify")
    while (found := lines.next_part()) is not None:
        text, notes = found
        for note in notes:
            print(f"attune: {note}", file=sys.stderr)
        if text.strip(REPLACEMENT + " "):
            print_json(_classified(text, classify, check))
    return 0


def _warn(warning: str) -> None:
    print(f"attune: {warning}", file=sys.stderr)


def _classified(
    text: str,
    classify: "Callable[[str], ThemeReading]",
    check: "Callable[[str], SafetyCheck]",
) -> dict[str, Any]:
    """The classify JSON contract for one text."""
    reading = classify(text)
    return {**reading.model_dump(mode="json"), "safety": _safety_json(check(text))}


def _safety_json(result: "SafetyCheck") -> dict[str, Any]:
    return {
        "crisis": result.crisis,
        "kind": result.kind.value if result.kind else None,
        "level": result.level.value,
        "score": round(result.score, 3),
    }


def _print_reading(result: dict[str, Any]) -> None:
    """Plain lines a screen reader reads cleanly."""
    safety = result["safety"]
    if safety["level"] != "clear":
        print(f"safety: {safety['level'].replace('_', ' ')} ({safety['kind']})")
    print(f"top theme: {result['top']}")
    for item in result["themes"]:
        if item["score"] > 0:
            evidence = ", ".join(item["evidence"]) or "-"
            print(f"  {item['theme']}: {item['score']:.2f} (evidence: {evidence})")


def respond_command(args: argparse.Namespace) -> int:
    """One full turn: transcribe, safety gate, themes, a validating reply, spoken."""
    from assistant.safety import load_resources
    from assistant.session import answer_once

    settings = settings_from(args, beam_size=_file_beam(args))
    load_resources()  # a broken crisis-resources file is reported before anything is said
    if args.text is not None:
        args.text = _typed_argument(args.text)
    if args.text is not None and not args.text.strip():
        raise AttuneError(
            "There is no text to answer; type what was said, for example: "
            'attune respond --text "I feel far from him".'
        )
    transcript = args.text if args.text is not None else _transcribe_file(args.path, settings)
    classify, gate = reading_functions(_warn)
    reading, check, reply = answer_once(
        transcript, settings.region, settings.resources, check=gate, classify=classify
    )
    result = _respond_json(transcript, reading, check, reply)
    if check.level.value != "clear":
        from assistant.cli.resources_json import resources_json

        result["resources"] = resources_json(check, settings.region, list(settings.resources))
    if args.json:
        print_json(result)
    else:
        print(f"you: {transcript}" if transcript else "you: (no words heard)")
        print(f"attune: {reply}")
        if check.crisis:
            from assistant import safety

            for line in safety.resource_card(check, settings.region, settings.resources):
                print(f"[{line}]")
    if args.out is not None or settings.speak:
        _speak(reply, args, settings)
    return 0


def _transcribe_file(path: Path, settings: Any) -> str:
    from assistant.adapters.decode import load_audio
    from assistant.adapters.whisper import WhisperTranscriber

    return WhisperTranscriber(settings).transcribe(load_audio(path)).text


def _respond_json(
    transcript: str, reading: "ThemeReading", check: "SafetyCheck", reply: str
) -> dict[str, Any]:
    return {
        "transcript": transcript,
        "top": reading.top.value,
        "themes": [s.model_dump(mode="json") for s in reading.themes],
        "safety": _safety_json(check),
        "reply": reply,
    }


def _speak(reply: str, args: argparse.Namespace, settings: Any) -> None:
    """Write the reply to --out and/or play it, unless --no-speak."""
    from assistant.adapters.playback import play
    from assistant.adapters.portaudio import parse_device
    from assistant.adapters.voices import open_voice
    from assistant.audio import write_wav
    from assistant.cli.common import private_file

    clip = open_voice(settings, _warn).synthesize(reply)
    if args.out is not None:
        try:
            private_file(args.out)
            write_wav(args.out, clip)
        except OSError as exc:
            raise AttuneError(
                f"Could not write {args.out} ({exc.strerror}). Choose a folder you can write to."
            ) from exc
    if settings.speak:
        play(clip, parse_device(args.output_device))

"""`attune transcribe`, `attune classify` and `attune respond`: one file or one text at a time."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli.common import (
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
    p = sub.add_parser("transcribe", help="transcribe an audio file on this machine")
    p.add_argument("path", type=Path, help="a WAV, FLAC, MP3 or OGG file")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_model_options(p)
    p.set_defaults(handler=transcribe_command)

    p = sub.add_parser("classify", help="recognise the emotional themes of a text")
    p.add_argument("text", nargs="?", help="the text; without it, one text per line on stdin")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=classify_command)

    p = sub.add_parser("respond", help="one turn: hear a recording or text and answer it")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("path", type=Path, nargs="?", help="a recording of what was said")
    source.add_argument("--text", help="what was said, typed")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--no-speak",
        "--no-voice",
        dest="no_speak",
        action="store_true",
        help="do not play the reply out loud",
    )
    p.add_argument("--out", type=Path, help="also write the spoken reply to this WAV file")
    p.add_argument("--output-device", help="speaker name or index (see 'attune devices')")
    add_model_options(p)
    add_voice_options(p)
    p.set_defaults(handler=respond_command)


def transcribe_command(args: argparse.Namespace) -> int:
    """Transcribe one file and print the text (or the JSON contract)."""
    from assistant.adapters.decode import load_audio
    from assistant.adapters.whisper import WhisperTranscriber

    clip = load_audio(args.path)
    settings = settings_from(args, beam_size=args.beam_size or FILE_BEAM_SIZE)
    transcript = WhisperTranscriber(settings).transcribe(clip)
    if args.json:
        print_json(transcript)
    else:
        print(transcript.text)
    return 0


def classify_command(args: argparse.Namespace) -> int:
    """Classify TEXT, or every line of stdin as JSON lines, as a live turn would read them."""
    functions = reading_functions(_warn)
    if args.text is not None:
        result = _classified(args.text, *functions)
        if args.json:
            print_json(result)
        else:
            _print_reading(result)
        return 0
    for line in sys.stdin:
        if line.strip():
            print_json(_classified(line.rstrip("\n"), *functions))
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

    settings = settings_from(args, beam_size=args.beam_size or FILE_BEAM_SIZE)
    load_resources()  # a broken crisis-resources file is reported before anything is said
    transcript = args.text if args.text is not None else _transcribe_file(args.path, settings)
    classify, gate = reading_functions(_warn)
    reading, check, reply = answer_once(
        transcript, settings.region, settings.resources, check=gate, classify=classify
    )
    result = _respond_json(transcript, reading, check, reply)
    if args.json:
        print_json(result)
    else:
        print(f"you: {transcript}" if transcript else "you: (no words heard)")
        print(f"attune: {reply}")
        if check.crisis:
            from assistant import safety

            for line in safety.resource_card(check, settings.region, settings.resources):
                print(f"[{line}]")
    if args.out is not None or not args.no_speak:
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
    from assistant.adapters.voice import Pyttsx3Synthesizer
    from assistant.audio import write_wav

    clip = Pyttsx3Synthesizer(settings).synthesize(reply)
    if args.out is not None:
        try:
            write_wav(args.out, clip)
        except OSError as exc:
            raise AttuneError(
                f"Could not write {args.out} ({exc.strerror}). Choose a folder you can write to."
            ) from exc
    if not args.no_speak:
        play(clip, parse_device(args.output_device))

"""`attune devices` (microphones, speakers, voices) and `attune bench` (how fast attune is)."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.cli.common import (
    add_command,
    add_model_options,
    add_voice_options,
    print_json,
    settings_from,
)
from assistant.config import PROJECT_ROOT

if TYPE_CHECKING:
    from assistant.bench import Speed

DEFAULT_AUDIO = PROJECT_ROOT.parent / "shared" / "data" / "audio"


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add devices and bench."""
    p = add_command(
        sub,
        "devices",
        "List the microphones, speakers and voices attune can use.",
        "attune devices",
    )
    add_voice_options(p)
    p.set_defaults(handler=devices_command)

    p = add_command(
        sub,
        "bench",
        "Measure reply latency, transcription speed, classifier speed and how well each voice "
        "is understood, on this machine.",
        "attune bench --json",
    )
    p.add_argument("--audio", type=Path, default=DEFAULT_AUDIO, help="folder of real recordings")
    p.add_argument("--output-device", help="speaker name or index (see 'attune devices')")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    add_model_options(p)
    p.set_defaults(handler=bench_command)


def devices_command(args: argparse.Namespace) -> int:
    """Print inputs, outputs (default marked with *) and the installed voices."""
    from assistant.adapters.portaudio import sounddevice

    sd = sounddevice()
    devices = list(sd.query_devices())
    default_in, default_out = sd.default.device
    for title, key, default in (
        ("Microphones", "max_input_channels", default_in),
        ("Speakers", "max_output_channels", default_out),
    ):
        print(f"{title} (index, name, channels, default rate):")
        rows = [(i, d) for i, d in enumerate(devices) if int(d[key]) > 0]
        for index, device in rows:
            print(_device_line(index, device, key, index == default))
        if not rows:
            print("  none found")
    from assistant.adapters.voices import choose_engine, installed_voices

    in_use = choose_engine(settings_from(args)).engine
    for engine, voices in installed_voices().items():
        mark = " (in use)" if engine == in_use else ""
        print(f"Voices of {engine}{mark} (id, name):")
        if isinstance(voices, str):
            print(f"  none: {voices}")
            continue
        for voice_id, name in voices:
            print(f"  {voice_id}  {name}")
    return 0


def _device_line(index: int, device: dict[str, Any], key: str, is_default: bool) -> str:
    mark = "*" if is_default else " "
    rate = int(device["default_samplerate"])
    return f"{mark} {index:>3}  {device['name']}  {device[key]} ch  {rate} Hz"


def transcription_lines(speeds: "list[Speed]", folder: Path) -> list[str]:
    """The transcription part of the report; without recordings (an installed package has no
    ../shared/data beside it) it says so and how to measure, rather than printing nothing."""
    from assistant.bench import RECORDINGS

    lines = ["Transcription real-time factor (seconds of work per second of audio):"]
    lines += [
        f"  {speed.file:<26} {speed.audio_s:6.2f} s  beam {speed.beam_size}  "
        f"RTF {speed.real_time_factor:.3f}"
        for speed in speeds
    ]
    if not speeds:
        lines.append(
            f"  not measured: none of {', '.join(RECORDINGS)} is in {folder}; "
            "pass --audio FOLDER with any of them"
        )
    return lines


def bench_command(args: argparse.Namespace) -> int:
    """Measure and print reply latency, transcription speed and classifier speed."""
    from assistant.adapters.portaudio import parse_device
    from assistant.bench import run_bench

    settings = settings_from(args, beam_size=1)
    print("Measuring (about seven minutes)…", flush=True)
    report = run_bench(settings, args.audio, parse_device(args.output_device))
    if args.json:
        print_json(report)
        return 0
    print(f"Reply latency, end of turn → first sample of reply audio ({report.output}):")
    for row in report.latency:
        print(
            f"  {row.pipeline:<36} p50 {row.p50_ms:7.1f} ms   p95 {row.p95_ms:7.1f} ms   "
            f"over {row.turns} turns ({row.speculative_hits} with text ready)"
        )
    print("\n".join(transcription_lines(report.transcription, args.audio)))
    print(
        f"Reading a turn (themes + safety, one encoder pass, one core): "
        f"{report.reading_ms_per_utterance:.1f} ms per utterance"
    )
    if report.classifier_utterances_per_s is not None:
        print(f"Lexicon alone: {report.classifier_utterances_per_s:.0f} utterances/s")
    from assistant.bench_voice import intelligibility_lines

    print("\n".join(intelligibility_lines(report.voices)))
    if report.turns is not None:
        from assistant.bench_turns import turn_lines

        print("\n".join(turn_lines(report.turns)))
    return 0

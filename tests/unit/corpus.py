"""The reflection corpus (tests/data/reflect_corpus.tsv) with its speech-recognition copies."""

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).parent.parent / "data" / "reflect_corpus.tsv"


@dataclass(frozen=True)
class Said:
    kind: str
    partner: str | None
    text: str


def as_whisper(text: str) -> str:
    """What a small Whisper model prints: lower case, no apostrophes, little punctuation."""
    plain = text.lower().replace("'", "").replace('"', "").replace("\u2019", "")
    return re.sub(r"[,;:]", "", plain)


def load() -> list[Said]:
    """Every written utterance, its Whisper-style copy, and a filler-led copy of longer ones."""
    out: list[Said] = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, partner, text = line.split("\t")
        said = Said(kind, partner or None, text)
        out.append(said)
        if as_whisper(text) != text:
            out.append(Said(f"{kind}/asr", said.partner, as_whisper(text)))
        if len(text.split()) >= 8 and kind in ("plain", "topic", "negation"):
            out.append(Said(f"{kind}/filler", said.partner, f"um so like {text}"))
    return out

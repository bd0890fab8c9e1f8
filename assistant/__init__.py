"""attune: a private, voice-first companion for reflection on close relationships."""

__version__ = "0.1.0"

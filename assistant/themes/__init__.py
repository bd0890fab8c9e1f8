"""Theme recognition: the taxonomy and a classifier whose knowledge lives in models/themes/."""

from assistant.themes.classifier import classify
from assistant.themes.taxonomy import Theme, ThemeReading, ThemeScore

__all__ = ["Theme", "ThemeReading", "ThemeScore", "classify"]

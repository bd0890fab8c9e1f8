"""Regenerate models/themes/schema.json from the pydantic models that load the theme files.

The shipped theme model has no learned part: every weight is hand-written. The schema also
covers the optional weights.json that scripts/build_theme_weights.py can write.
Run: .venv/bin/python scripts/build_theme_schema.py
"""

import json

from assistant.themes.knowledge import (
    THEMES_DIR,
    ActionsFile,
    LexiconFile,
    ModifiersFile,
    WeightsFile,
)


def main() -> None:
    """Write schema.json next to the model files."""
    schema = {
        "$comment": "JSON Schemas of the theme model files, generated from "
        "assistant/themes/knowledge.py by scripts/build_theme_schema.py; the loader validates "
        "every file against the same models.",
        "lexicon.json": LexiconFile.model_json_schema(),
        "actions.json": ActionsFile.model_json_schema(by_alias=True),
        "modifiers.json": ModifiersFile.model_json_schema(),
        "weights.json": WeightsFile.model_json_schema(),
    }
    (THEMES_DIR / "schema.json").write_text(json.dumps(schema, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

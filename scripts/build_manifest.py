"""Write models/MANIFEST.sha256: the sha256 of every file in prompts/ and models/.

    .venv/bin/python scripts/build_manifest.py

`attune doctor` checks the installed files against it and names any that is missing or
altered; tests/integration/test_data_manifest.py fails when the manifest is stale, so rerun
this after adding or editing a prompt or model file.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.integrity import MANIFEST_NAME, manifest_lines  # noqa: E402


def main() -> int:
    out = ROOT / "models" / MANIFEST_NAME
    out.write_text("".join(manifest_lines(ROOT)), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

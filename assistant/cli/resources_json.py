"""Crisis resources as structured JSON for `respond --json`: name, phone, text, url, region.

The resources file says each service as a printed line ("National Domestic Violence Hotline:
call 1-800-799-7233 or text START to 88788, any time"); an app built on the JSON needs the
number to dial and the address to open, so they are read out of that line here.
"""

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.safety import SafetyCheck

_PHONE = re.compile(r"(?<![\w-])\+?\d[\d -]{1,16}\d(?![\w-])")
_TEXT = re.compile(r"\btext (?:([A-Z]{2,}) to )?(\d[\d ]*\d)", re.IGNORECASE)
_URL = re.compile(r"\b(?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net|ca|au|uk)\b\S*")


def resource_entry(name: str, printed: str, region: str) -> dict[str, Any]:
    """One resource: its name, the number to call, what to text where, a web address."""
    details = printed.split(":", 1)[1] if ":" in printed else printed
    texted = _TEXT.search(details)
    text = None
    if texted:
        text = f"{texted.group(1)} to {texted.group(2)}" if texted.group(1) else texted.group(2)
    phone = _PHONE.search(details)
    url = _URL.search(details)
    return {
        "name": name,
        "phone": phone.group(0) if phone else None,
        "text": text,
        "url": url.group(0).rstrip(").,") if url else None,
        "region": region,
    }


def resources_json(check: "SafetyCheck", region: str, extra: list[str]) -> list[dict[str, Any]]:
    """The resources a reply to this verdict offers, the user's own lines first."""
    from assistant.safety import load_resources, resources_for

    code = load_resources().region(region).code
    kinds = list(check.kinds) or ([check.kind] if check.kind else [])
    entries = [resource_entry(line.strip(), line, code) for line in extra if line.strip()]
    entries += [resource_entry(r.name, r.printed, code) for r in resources_for(region, kinds)]
    return entries

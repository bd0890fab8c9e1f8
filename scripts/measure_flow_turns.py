"""Time what the flows add to a turn over issue 12's scripted sessions (themes read beforehand).

.venv/bin/python scripts/measure_flow_turns.py
"""

import time
import tomllib
from pathlib import Path

from assistant.flows.base import Flow, Utterance
from assistant.flows.couple import CoupleFlow
from assistant.flows.evening import EveningFlow
from assistant.prompts import load_library
from assistant.themes import classify

SESSIONS = Path(__file__).resolve().parents[1] / "tests" / "data" / "sessions_issue12.toml"


def main() -> None:
    library = load_library()
    scripts = tomllib.loads(SESSIONS.read_text())["session"]
    readings = {line: classify(line) for s in scripts for line in s["lines"]}
    turns, seconds = 0, 0.0
    for seed in range(5):
        for s in scripts:
            flow: Flow
            if s["mode"] == "couple":
                names = (s["names"][0], s["names"][1])
                flow = CoupleFlow(
                    library, names, open_commitments=[], recent_prompt_ids=set(), seed=seed
                )
            else:
                flow = EveningFlow(library, open_commitments=[], recent_prompt_ids=set(), seed=seed)
            flow.opening()
            for line in s["lines"]:
                start = time.perf_counter()
                flow.respond(Utterance(text=line), readings[line])
                seconds += time.perf_counter() - start
                turns += 1
    print(f"flow.respond over {turns} turns: mean {1000 * seconds / turns:.3f} ms")


if __name__ == "__main__":
    main()

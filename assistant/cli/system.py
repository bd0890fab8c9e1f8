"""Commands registered later; see the module docstring in assistant.cli."""

import argparse


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add this group's sub-commands (none yet)."""

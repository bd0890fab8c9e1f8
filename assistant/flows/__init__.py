"""Conversations as pure state machines: evening reflection and couples speaking in turn."""

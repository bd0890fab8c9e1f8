"""Real adapters for the ports: the only place speech, audio and model libraries are imported."""

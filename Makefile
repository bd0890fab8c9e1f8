# attune: `make run` sets everything up and starts an evening reflection; `make test` sets
# everything up and runs every test (real model, real voice, virtual audio device).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_PACKAGES := espeak-ng festival festvox-us-slt-hts libportaudio2 pulseaudio pulseaudio-utils \
	libasound2-plugins strace
PYTEST_ARGS ?=

.PHONY: run test deps venv audio lint bench soak clean

run: deps venv
	$(BIN)/attune evening $(ARGS)

test: deps venv audio lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check assistant tests scripts
	$(BIN)/ruff format --check assistant tests scripts
	$(BIN)/mypy

bench: deps venv audio
	$(BIN)/attune bench

soak: deps venv
	$(BIN)/python scripts/soak.py

# System packages: installed with apt-get when root, otherwise the exact command is printed.
deps:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	$(PYTHON) -c "import ensurepip" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "attune needs these system packages. Run:"; \
	    echo "  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

venv: $(STAMP)

# constraints.txt pins every package to the versions tested together.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	$(BIN)/python -m pip check
	touch $(STAMP)

# A PulseAudio null sink as the default speaker, its monitor as the default microphone.
audio: deps
	./scripts/virtual-audio.sh

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

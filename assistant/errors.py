"""The errors attune raises for people to read.

AttuneError                  anything the user should be told in one sentence
├── AudioError               an audio file that cannot be read or holds no audio
├── ModelError               a speech model that is missing or will not load
├── DeviceError              a microphone or speaker that is missing or went away
├── VoiceError               the text-to-speech voice is missing or failed
├── ConfigError              a settings or prompt file that is broken
└── JournalError             the journal database is locked, corrupt or unreadable
    └── JournalLockedError   another program holds the journal's lock

Third-party errors are translated at the boundary (``raise AudioError(...) from exc``);
only the CLI turns an AttuneError into a message and an exit code.

Exit codes (also in the README and `attune --help`): 0 done; 1 any other AttuneError (bad
input, an output that cannot be written); 2 a command line argparse could not parse; 3 model;
4 device; 5 voice; 6 config; 7 journal; 8 audio file; 129, 130, 143 a session closed by
SIGHUP, Ctrl-C or SIGTERM (with its summary saved).
"""


class AttuneError(Exception):
    """An error meant for the user: its message says what is wrong and what to do."""

    exit_code = 1


class AudioError(AttuneError):
    """An audio file cannot be read, is empty or is not audio."""

    exit_code = 8


class ModelError(AttuneError):
    """The speech recognition model is missing or cannot be loaded."""

    exit_code = 3


class DeviceError(AttuneError):
    """An audio device is missing, busy or disappeared."""

    exit_code = 4


class VoiceError(AttuneError):
    """The text-to-speech voice is missing or failed."""

    exit_code = 5


class ConfigError(AttuneError):
    """A settings file or prompt file is broken."""

    exit_code = 6


class JournalError(AttuneError):
    """The journal is locked, corrupt or cannot be opened."""

    exit_code = 7


class JournalLockedError(JournalError):
    """Another program holds the journal's lock (a session's words wait beside it)."""

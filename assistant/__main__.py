"""`python -m assistant` runs the attune command line."""

from assistant.cli import main

raise SystemExit(main())

"""``python -m numbers_extract``: the command line."""

from .cli import main

raise SystemExit(main())

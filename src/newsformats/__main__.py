"""``python -m newsformats``: the same command as ``newsformats``."""

import sys

from .cli import main

sys.exit(main())

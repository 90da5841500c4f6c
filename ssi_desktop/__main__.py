"""`python -m ssi_desktop` opens the window."""

import sys

from ssi_desktop.app import main

sys.exit(main())

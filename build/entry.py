"""PyInstaller's entry script: the packaged app starts the same main() as `ssi-desktop`."""

import sys

from ssi_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())

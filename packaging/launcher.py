"""What the frozen app runs first; PyInstaller treats this file as ``__main__``."""

import sys

from ecovdesk.app import main

sys.exit(main())

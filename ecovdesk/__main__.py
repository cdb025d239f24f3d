import sys

from ecovdesk.app import main

sys.exit(main())

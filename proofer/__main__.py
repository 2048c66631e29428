import sys

from proofer.cli import main

sys.exit(main())

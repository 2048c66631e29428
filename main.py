"""Starts the Proofer desktop app: `python main.py [FILE]`."""

import sys

if __name__ == "__main__":
    from proofer.ui.app import main

    sys.exit(main(sys.argv[1:]))

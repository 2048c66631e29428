import sys

from proofer import early_start

# Before anything else of the program is imported: see proofer/early_start.py.
early_start.begin_for_arguments(sys.argv[1:])

from proofer.cli import finish, main  # noqa: E402

finish(main())

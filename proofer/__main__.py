from proofer.cli import finish, main

finish(main())

"""``python -m actplay`` runs the same entry point as the ``actplay`` command."""

import sys

from actplay.app import main

if __name__ == "__main__":
    sys.exit(main())

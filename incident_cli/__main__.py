"""``python -m incident_cli``: the ``incident`` command."""

from .main import main

raise SystemExit(main())

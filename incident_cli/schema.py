"""``incident schema``: print the JSON Schema of incident files."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .failures import EXIT_OK


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "schema", help="print the JSON Schema of incident files"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from schemas.models import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK

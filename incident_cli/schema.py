"""``incident schema``: print the JSON Schema of incident files; ``--output``: of the
reconstructed timeline that ``incident export --format json`` writes."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .failures import EXIT_OK


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "schema", help="print the JSON Schema of incident files (--output: of export --format json)"
    )
    parser.add_argument(
        "--output",
        nargs="?",
        const="json",
        choices=["json"],
        default=None,
        help="the schema of the exported timeline (export --format json) instead",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.output == "json":
        from schemas.timeline_doc import timeline_json_schema

        schema = timeline_json_schema()
    else:
        from schemas.models import json_schema

        schema = json_schema()
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK

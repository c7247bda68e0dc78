"""``incident time "PHRASE" --date D [--zone Z]``: the ``time:`` block a news phrase implies."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from .failures import EXIT_OK, CommandFailure


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "time",
        help="print the time: block a news phrase implies ('around 8:45 pm E.T.')",
        description="Read a time as news writes it, in English or Indonesian, and print the "
        "time: block to paste into a claim. Where the words do not settle something (a.m. or "
        "p.m., what a duration is measured from) it says so instead of guessing.",
    )
    parser.add_argument("phrase", metavar="PHRASE")
    parser.add_argument(
        "--date", type=_date, required=True, metavar="YYYY-MM-DD", help="the day of the clock"
    )
    parser.add_argument(
        "--zone", default=None, metavar="ZONE", help="the zone, when the phrase names none"
    )
    parser.set_defaults(run=run)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    from incident.phrases import Unreadable, read_phrase
    from schemas.zones import UnknownZoneError, resolve_label

    if args.zone is not None:
        try:
            resolve_label(args.zone)
        except UnknownZoneError as exc:
            raise CommandFailure(str(exc)) from None
    reading = read_phrase(args.phrase)
    if isinstance(reading, Unreadable):
        raise CommandFailure(f"cannot read {args.phrase!r}: {reading.reason}")
    unsettled = [c for c in (reading.at, reading.until) if c is not None and not c.settled]
    if unsettled:
        raise CommandFailure(
            f"{args.phrase!r}: a.m. or p.m. is not stated ({unsettled[0].shown()}); "
            "add it to the phrase as the source's context gives it"
        )
    block = reading.block(args.date)
    if args.zone is not None and "at" in block and "zone" not in block and not reading.utc_offset:
        block["zone"] = args.zone
    warnings = _as_validate_reads(args.phrase, block)
    body = ", ".join(f"{k}: {_scalar(v)}" for k, v in block.items())
    body += f", stated: {_scalar(args.phrase)}"
    sys.stdout.write(f"time: {{{body}}}\n")
    for warning in warnings:
        sys.stdout.write(f"# {warning}\n")
    for note in reading.notes:
        sys.stdout.write(f"# {note}\n")
    weekday = reading.weekday_date(args.date)
    if weekday is not None and "at" in block:
        name = f"{weekday:%A}"
        sys.stdout.write(
            f"# {name} read as {weekday.isoformat()}: the most recent {name} no later than the "
            f"day after --date {args.date.isoformat()} (reports look back; a clock in another "
            "zone may be on the next day); if the source means another, correct the date\n"
        )
    if "relative_to" in block and str(block["relative_to"]).startswith("<"):
        sys.stdout.write("# replace relative_to with the id of the event it is measured from\n")
    return EXIT_OK


def _as_validate_reads(phrase: str, block: dict[str, Any]) -> list[str]:
    """Check the block with the rules ``incident validate`` applies to a claim's time (the
    model's wall-time check, then placing it in its zone): what validate would refuse is
    refused here with the same ``error[code]: message`` and exit code; its warnings are
    returned. A time with no zone is placed by the file's ``source_zone``: not checked here."""
    from pydantic import ValidationError

    from schemas.models import ClaimTime
    from schemas.timespec import TimeError, place_time

    def refused(code: str, message: str) -> CommandFailure:
        return CommandFailure(f"{phrase!r} gives a time validate refuses: error[{code}]: {message}")

    try:
        time = ClaimTime.model_validate(block)
    except ValidationError as exc:
        error = exc.errors()[0]
        cause = error.get("ctx", {}).get("error")
        where = ".".join(str(part) for part in error["loc"])
        message = getattr(cause, "message", None) or error["msg"]
        raise refused(getattr(cause, "code", "value"), f"{where}: {message}") from None
    warnings = []
    for field in ("at", "until"):
        text = getattr(time, field)
        if text is None:
            continue
        try:
            placed = place_time(text, time.zone, None)
        except TimeError as exc:
            if exc.code == "no-zone":
                continue
            raise refused(exc.code, exc.message) from None
        if placed.warning is not None:
            warnings.append(f"warning[zone-label-mismatch]: {placed.warning}")
    return warnings


def _scalar(value: object) -> str:
    import json

    text = str(value)
    plain = text.replace(" ", "").replace("-", "").replace(":", "").isalnum()
    return text if plain and not text[0].isdigit() else json.dumps(text, ensure_ascii=False)

"""The incident file format: pydantic models, zone labels, time parsing, JSON Schema."""

from .models import (
    Bound,
    Cause,
    CauseStatus,
    Claim,
    ClaimTime,
    ClaimValue,
    Event,
    EventKind,
    Incident,
    KeyMoments,
    Source,
    Stance,
    TimeKind,
    json_schema,
)

__all__ = [
    "Bound",
    "Cause",
    "CauseStatus",
    "Claim",
    "ClaimTime",
    "ClaimValue",
    "Event",
    "EventKind",
    "Incident",
    "KeyMoments",
    "Source",
    "Stance",
    "TimeKind",
    "json_schema",
]

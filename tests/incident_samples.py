"""Sample incident text shared by the tests (importable by name from any test folder)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MINIMAL = """\
id: test
title: Test incident
summary: A small incident for tests.
platform: X Spaces
date: "2024-08-12"
source_zone: America/New_York
key_moments: {scheduled_start: sched, actual_start: start}
sources:
  - {id: ap, publisher: AP, url: "https://example.com/a", language: en}
  - {id: cnbc, publisher: CNBC, url: "https://example.com/b", language: en}
events:
  - id: sched
    title: Scheduled start
    kind: schedule
    claims:
      - source: ap
        quote: supposed to start at 8 p.m. EDT
        time: {kind: exact, at: "2024-08-12 20:00", zone: EDT}
  - id: start
    title: Conversation starts
    kind: milestone
    claims:
      - source: ap
        quote: At 8:42 p.m., the interview finally began.
        time: {kind: exact, at: "2024-08-12 20:42", zone: EDT}
      - source: cnbc
        quote: around 8:45 pm E.T.
        time: {kind: about, at: "2024-08-12 20:45", zone: ET}
"""

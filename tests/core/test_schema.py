"""The published JSON Schema: generated from the models, committed, and in step with them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from incident.loader import parse
from incident_samples import MINIMAL, ROOT
from schemas.models import json_schema

SCHEMA_PATH = ROOT / "schemas" / "incident.schema.json"


def test_committed_schema_matches_the_models() -> None:
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == json_schema(), (
        "schemas/incident.schema.json is stale: "
        "run `incident schema > schemas/incident.schema.json`"
    )


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text()))


def test_minimal_incident_passes_the_schema() -> None:
    jsonschema.validate(parse(MINIMAL).data, json.loads(SCHEMA_PATH.read_text()))


def test_schema_rejects_unknown_fields() -> None:
    data = parse(MINIMAL.replace("platform:", "platfrom:")).data
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text()))


@pytest.mark.parametrize("path", sorted((ROOT / "incidents").glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_files_name_the_schema_and_pass_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/incident.schema.json"
    jsonschema.validate(parse(text).data, json.loads(SCHEMA_PATH.read_text()))

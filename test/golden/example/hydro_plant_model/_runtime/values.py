"""CDF property values ⇄ Python values, as pydantic-annotated types the data classes use.

- timestamp: ISO 8601 string ⇄ timezone-aware `datetime` with millisecond precision. Reads accept 0-3 fraction
  digits and offsets `Z`, `±HH:MM`, `±HHMM`, `±HH`; writes are `YYYY-MM-DDTHH:MM:SS.sss+00:00`. A naive datetime
  is taken as UTC.
- date: `YYYY-MM-DD` ⇄ `datetime.date`.
- direct relation: `{"space", "externalId"}` ⇄ `NodeId`.
- int64 needs nothing: JSON integers are decoded as Python int, exact at any size.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Any

from pydantic import AwareDatetime, Field, PlainSerializer, PlainValidator

from .ids import NodeId

_TIMESTAMP = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?"
    r"(?:(Z|z)|([+-])(\d{2})(?::?(\d{2}))?)?$"
)


def parse_timestamp(value: Any) -> datetime:
    """A CDF timestamp as an aware datetime in the offset it was written with, truncated to milliseconds."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        return moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    if not isinstance(value, str):
        raise ValueError(f"expected a timestamp string, got {type(value).__name__}")
    match = _TIMESTAMP.match(value.strip())
    if match is None:
        raise ValueError(f"not a timestamp: {value!r}")
    year, month, day, hour, minute, second, fraction, zulu, sign, offset_hours, offset_minutes = match.groups()
    milliseconds = int((fraction or "0")[:3].ljust(3, "0"))
    zone = timezone.utc
    if sign is not None and not zulu:
        offset = timedelta(hours=int(offset_hours), minutes=int(offset_minutes or 0))
        zone = timezone(-offset if sign == "-" else offset)
    return datetime(
        int(year), int(month), int(day), int(hour), int(minute), int(second), milliseconds * 1000, tzinfo=zone
    )


def format_timestamp(value: datetime) -> str:
    """UTC with exactly three fraction digits, the form CDF itself returns."""
    moment = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value.strip())
    raise ValueError(f"expected a date string YYYY-MM-DD, got {type(value).__name__}")


def format_date(value: date) -> str:
    return value.isoformat()


# pydantic's compiled parser reads what CDF sends (RFC 3339 with an offset) fast; anything it refuses, such as a
# `±HH` offset or a naive time, falls through to parse_timestamp.
Timestamp = Annotated[
    AwareDatetime | Annotated[datetime, PlainValidator(parse_timestamp)],
    Field(union_mode="left_to_right"),
    PlainSerializer(format_timestamp),
]
# Likewise for dates: `YYYY-MM-DD` is read in compiled code, the rest falls through to parse_date. (The compiled
# parser also reads an integer as epoch seconds when they fall on a midnight; CDF never sends one.)
Date = Annotated[
    date | Annotated[date, PlainValidator(parse_date)],
    Field(union_mode="left_to_right"),
    PlainSerializer(format_date),
]
DirectRelation = Annotated[NodeId, PlainValidator(NodeId.load), PlainSerializer(NodeId.dump)]


def dump_value(value: Any) -> Any:
    """A Python value as filter JSON: datetimes, dates and node ids in CDF's spelling, sequences element-wise."""
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, NodeId):
        return value.dump()
    if isinstance(value, (list, tuple)):
        return [dump_value(item) for item in value]
    return value

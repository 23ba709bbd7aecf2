"""Property values: timestamps, dates, epoch milliseconds and int64 round trips."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from pydantic import TypeAdapter, ValidationError

from pumps._runtime import Date, Timestamp
from pumps._runtime.values import format_date, format_timestamp, parse_date, parse_timestamp

UTC = timezone.utc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-13T08:22:04.000+00:00", datetime(2024, 3, 13, 8, 22, 4, tzinfo=UTC)),
        ("2024-03-13T08:22:04Z", datetime(2024, 3, 13, 8, 22, 4, tzinfo=UTC)),
        ("2024-03-13T08:22:04.1Z", datetime(2024, 3, 13, 8, 22, 4, 100_000, tzinfo=UTC)),
        ("2024-03-13T08:22:04.17+00:00", datetime(2024, 3, 13, 8, 22, 4, 170_000, tzinfo=UTC)),
        ("2024-03-13T08:22:04.123456Z", datetime(2024, 3, 13, 8, 22, 4, 123_000, tzinfo=UTC)),
        ("2024-03-13T10:22:04.5+02:00", datetime(2024, 3, 13, 8, 22, 4, 500_000, tzinfo=UTC)),
        ("2024-03-13T03:52:04-0430", datetime(2024, 3, 13, 8, 22, 4, tzinfo=UTC)),
        ("2024-03-13T09:22:04+01", datetime(2024, 3, 13, 8, 22, 4, tzinfo=UTC)),
        ("2024-03-13T08:22:04", datetime(2024, 3, 13, 8, 22, 4, tzinfo=UTC)),
        ("0001-01-01T00:00:00.000+00:00", datetime(1, 1, 1, tzinfo=UTC)),
        ("9999-12-31T23:59:59.999+00:00", datetime(9999, 12, 31, 23, 59, 59, 999_000, tzinfo=UTC)),
    ],
)
def test_timestamps_parse_every_cdf_spelling(text: str, expected: datetime) -> None:
    parsed = parse_timestamp(text)
    assert parsed == expected
    assert parsed.tzinfo is not None


def test_the_offset_is_kept_on_read() -> None:
    parsed = parse_timestamp("2024-03-13T10:22:04.000+02:00")
    assert parsed.utcoffset() == timedelta(hours=2)
    assert format_timestamp(parsed) == "2024-03-13T08:22:04.000+00:00"


@pytest.mark.parametrize("text", ["2024-03-13", "13/03/2024 08:22", "2024-03-13T08:22:04.000+2:00", ""])
def test_malformed_timestamps_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="timestamp"):
        parse_timestamp(text)


def test_timestamps_are_written_in_utc_with_milliseconds() -> None:
    local = datetime(2024, 5, 31, 4, 12, 29, 123_999, tzinfo=timezone(timedelta(hours=2)))
    assert format_timestamp(local) == "2024-05-31T02:12:29.123+00:00"
    assert format_timestamp(datetime(2024, 5, 31, 2, 12, 29)) == "2024-05-31T02:12:29.000+00:00"


def test_timestamp_round_trip_is_exact_at_millisecond_precision() -> None:
    text = "2021-07-04T23:59:58.007+00:00"
    assert format_timestamp(parse_timestamp(text)) == text
    moment = datetime(2021, 7, 4, 23, 59, 58, 7000, tzinfo=UTC)
    assert parse_timestamp(format_timestamp(moment)) == moment


def test_dates_round_trip() -> None:
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    assert format_date(date(1, 1, 1)) == "0001-01-01"
    assert parse_date(datetime(2024, 2, 29, 12, 0, tzinfo=UTC)) == date(2024, 2, 29)
    with pytest.raises(ValueError, match="date"):
        parse_date(20240229)


TIMESTAMP = TypeAdapter(Timestamp)


@pytest.mark.parametrize(
    "text",
    ["2024-03-13T09:22:04+01", "2024-03-13T08:22:04", "2024-03-13T08:22:04.123456Z", "2024-03-13T08:22:04.5-0100"],
)
def test_the_timestamp_field_type_agrees_with_the_parser(text: str) -> None:
    # The field type tries pydantic's compiled parser first; it must read the same instant as ours (which also
    # truncates to milliseconds, where CDF's precision ends) and write the same text.
    validated = TIMESTAMP.validate_python(text)
    assert validated.tzinfo is not None
    assert validated.replace(microsecond=validated.microsecond // 1000 * 1000) == parse_timestamp(text)
    assert TIMESTAMP.dump_python(validated) == format_timestamp(parse_timestamp(text))


def test_the_timestamp_field_type_refuses_garbage() -> None:
    with pytest.raises(ValueError, match="timestamp"):
        TIMESTAMP.validate_python("yesterday")


DATE = TypeAdapter(Date)


def test_date_fields_read_what_parse_date_reads() -> None:
    assert DATE.validate_python("2024-02-29") == date(2024, 2, 29)  # compiled
    assert DATE.validate_python(" 2024-02-29 ") == date(2024, 2, 29)  # parse_date
    assert DATE.validate_python(datetime(2024, 2, 29, 12, 0, tzinfo=UTC)) == date(2024, 2, 29)
    assert DATE.dump_python(date(2024, 2, 29), mode="json") == "2024-02-29"
    with pytest.raises(ValidationError):
        DATE.validate_python("2024-02-30")

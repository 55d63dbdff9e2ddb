"""Kent's reporting year runs from 1 April to 31 March and is written 2015-16."""

from __future__ import annotations

import datetime as dt


def reporting_year(day: dt.date) -> str:
    """The reporting year a day falls in: 2016-02-01 is in 2015-16, 2016-04-01 in 2016-17."""
    start = day.year if day.month >= 4 else day.year - 1
    return year_label(start)


def year_label(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def year_start(label: str) -> int:
    return int(label[:4])


def year_end_date(label: str) -> dt.date:
    """The last day of a reporting year (31 March)."""
    return dt.date(year_start(label) + 1, 3, 31)


def latest_completed_year(today: dt.date) -> str:
    """The most recent reporting year that has ended: on 2026-11-23 that is 2025-26.

    A year is complete the day after 31 March, so on 2026-03-31 it is still 2024-25.
    """
    start = today.year - 1 if today.month >= 4 else today.year - 2
    return year_label(start)


def period_covers(period: str, label: str) -> bool:
    """Whether an objective's period (``2016-2020``: April 2016 to March 2020) covers a reporting year."""
    first, last = (int(y) for y in period.split("-"))
    return first <= year_start(label) < last

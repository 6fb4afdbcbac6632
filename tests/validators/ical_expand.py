#!/usr/bin/python3
"""Expands an iCalendar file with python3-icalendar and recurring-ical-events
(Debian's) between two UTC instants and prints one line per occurrence:
UID and start in UTC, sorted. Also reports parse errors icalendar records.
Usage: ical_expand.py FILE START END   (START/END: 2027-03-01T00:00:00Z)"""
import datetime as dt
import sys

import icalendar
import recurring_ical_events


def utc(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def main():
    path, start, end = sys.argv[1], utc(sys.argv[2]), utc(sys.argv[3])
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    errors = [e for c in cal.walk() for e in getattr(c, "errors", [])]
    for e in errors:
        print(f"ERROR {e}")
    lines = []
    for event in recurring_ical_events.of(cal).between(start, end):
        when = event["DTSTART"].dt.astimezone(dt.timezone.utc)
        lines.append(f"{event['UID']} {when.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    print("\n".join(sorted(lines)))
    return 1 if errors else 0


sys.exit(main())

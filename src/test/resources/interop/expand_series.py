"""Expands every recurring event of an iCalendar file with python3-recurring-ical-events (independent of ical4j).

usage: expand_series.py FILE FROM TO   (FROM/TO: UTC dates YYYY-MM-DD)
prints one line per occurrence: "<start UTC ISO> <end UTC ISO> <SUMMARY>", in start order
"""
import datetime
import sys

import icalendar
import recurring_ical_events

with open(sys.argv[1], "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())
start = datetime.date.fromisoformat(sys.argv[2])
end = datetime.date.fromisoformat(sys.argv[3])
lines = []
for event in recurring_ical_events.of(calendar).between(start, end):
    s = event["DTSTART"].dt.astimezone(datetime.timezone.utc)
    e = event["DTEND"].dt.astimezone(datetime.timezone.utc)
    lines.append((s, "%s %s %s" % (s.strftime("%Y-%m-%dT%H:%M:%SZ"), e.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                    str(event.get("SUMMARY", "")))))
for _, line in sorted(lines):
    print(line)

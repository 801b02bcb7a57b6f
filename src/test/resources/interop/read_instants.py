"""Reads iCalendar documents with one independent reader and prints the instants it sees.

Usage: read_instants.py READER INPUT.json
  READER: icalendar | vobject | libical
  INPUT.json: {"source name": ["iCalendar text", ...], ...}
Prints JSON {"source name": {"UID": [start epoch seconds, end epoch seconds] | "error: ..."}}.
All documents go through one process, as in a server (Radicale keeps vobject's time zones for its whole life).
"""
import json
import sys
from datetime import datetime, date, timezone


def epoch(value):
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return "floating"
        return int(value.timestamp())
    if isinstance(value, date):
        return "date"
    return "unknown %r" % (value,)


def read_icalendar(text):
    import icalendar
    out = {}
    for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        out[str(event["UID"])] = [epoch(event.decoded("DTSTART")), epoch(event.decoded("DTEND"))]
    return out


def read_vobject(text):
    import vobject
    out = {}
    for event in vobject.readOne(text).vevent_list:
        out[event.uid.value] = [epoch(event.dtstart.value), epoch(event.dtend.value)]
    return out


def read_libical(text):
    import gi
    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib
    calendar = ICalGLib.Component.new_from_string(text)
    kind = ICalGLib.ComponentKind.VEVENT_COMPONENT
    out = {}

    def seconds(t):
        zone = t.get_timezone()
        if t.is_utc() or zone is None:
            return t.as_timet()
        return t.as_timet_with_zone(zone)

    event = calendar.get_first_component(kind)
    while event is not None:
        out[event.get_uid()] = [seconds(event.get_dtstart()), seconds(event.get_dtend())]
        event = calendar.get_next_component(kind)
    return out


READERS = {"icalendar": read_icalendar, "vobject": read_vobject, "libical": read_libical}


def main():
    reader = READERS[sys.argv[1]]
    with open(sys.argv[2], encoding="utf-8") as f:
        sources = json.load(f)
    result = {}
    for name, documents in sources.items():
        seen = {}
        for number, text in enumerate(documents):
            try:
                seen.update(reader(text))
            except Exception as e:  # one unreadable document is a finding, not the end of the run
                seen["document %d" % number] = "error: %s: %s" % (type(e).__name__, e)
        result[name] = seen
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()

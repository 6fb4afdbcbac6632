#!/usr/bin/env python3
"""Adds the program's decisions a diary of DAYS days would hold: one by the
rule for each routine each day (as if a morning and an evening session had
been played every day), copied from the shape of the decisions the rule
writes, into a daybreak SQLite database. For bench/fhir_export only: the
ten-year CSV diary has no sessions, so the rule never decided anything.

Usage: add_decisions.py DATABASE --days 3650 --end 2026-11-22
"""
import argparse
import datetime as dt
import json
import sqlite3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("database")
    ap.add_argument("--days", type=int, default=3650)
    ap.add_argument("--end", default="2026-11-22")
    args = ap.parse_args()
    end = dt.date.fromisoformat(args.end)
    db = sqlite3.connect(args.database)
    rows = []
    for n in range(args.days):
        day = end - dt.timedelta(days=args.days - 1 - n)
        decided = int(dt.datetime(day.year, day.month, day.day, 6, 0, tzinfo=dt.timezone.utc).timestamp()) + 86400
        for routine in ("morning", "evening"):
            step = n % 3 == 2
            inputs = {
                "routine": routine,
                "session_date": day.isoformat(),
                "sessions": 1,
                "baseline": {"mornings": 7, "pain": 4.0, "stiffness_minutes": 30.0},
                "next_morning": {"pain": 3, "stiffness_minutes": 20},
                "pain_during_max": 2,
            }
            changes = [{"exercise": "cat_camel", "from": 1, "to": 2, "what": "Cat-camel: reps go from 6 to 8"}] if step else []
            rows.append((1, "daybreak", "rule", routine, day.isoformat(), "step_up" if step else "repeat",
                         "good_streak" if step else "good_once", 1, json.dumps(inputs, separators=(",", ":")),
                         json.dumps(changes, separators=(",", ":")),
                         f"Morning pain was 3 after the {routine} session, your usual is 4: a good sign.",
                         0 if step else n % 3 + 1, day.isoformat() if step else None, None, 0, "", decided, "cli", 1))
    db.executemany(
        "INSERT INTO progression_decisions (user_id, program, kind, routine, day, verdict, reasons, stage, inputs, "
        "changes, sentence, good_sessions, last_step_up, last_weekly_check, offer_flare, note, decided_at, channel, "
        "decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    print(f"{len(rows)} decisions added")


if __name__ == "__main__":
    main()

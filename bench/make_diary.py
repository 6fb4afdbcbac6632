#!/usr/bin/env python3
"""A synthetic diary with known structure, as CSV for `daybreak import csv`.

Every day has all four periods; nights carry bedtime, wake time, sleep
position, mattress, pillows, bedroom temperature and humidity; days carry
walking, sitting, medication with times and user factors. Planted structure
(what `daybreak insights` should find):
  - morning pain shifts down by 2 points at 40% of the range and up by 1.5
    at 75%, with AR(1) noise (phi 0.5);
  - nights on the back: +1 point the next morning; a knee pillow: -0.8;
  - each 30 minutes of walking: -0.3 the next morning;
  - ibuprofen on bad mornings lowers that afternoon's pain by 1;
  - bedroom temperature, humidity and caffeine: no effect at all.

Usage: make_diary.py --days 3650 --end 2026-11-22 [--seed 1] > diary.csv
"""
import argparse
import datetime as dt
import math
import random
import sys
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def stamp(day, hour, minute):
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)
    return local.isoformat(timespec="seconds")


def clamp(v):
    return max(0, min(10, round(v)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=3650)
    ap.add_argument("--end", default="2026-11-22")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    end = dt.date.fromisoformat(args.end)
    start = end - dt.timedelta(days=args.days - 1)

    out = sys.stdout
    out.write("date,period,pain,stiffness_minutes,stiffness_severity,medications,walking_minutes,sitting_hours,"
              "bedtime,wake_time,sleep_position,mattress,pillows,room_temperature,humidity,factors,note\r\n")
    noise = 0.0
    walked_yesterday = 30
    for i in range(args.days):
        day = start + dt.timedelta(days=i)
        base = 5.0 if i < 0.4 * args.days else (3.0 if i < 0.75 * args.days else 4.5)
        noise = 0.5 * noise + rng.gauss(0, 1.0)
        position = rng.choices(["back", "left_side", "right_side", "mixed"], [25, 30, 30, 15])[0]
        knee_pillow = rng.random() < 0.4
        mattress = "firm foam" if i >= 0.6 * args.days else "old spring"
        morning = clamp(base + noise + (1.0 if position == "back" else 0.0) - (0.8 if knee_pillow else 0.0)
                        - 0.3 * walked_yesterday / 30)
        pillows = "knee pillow;thin pillow" if knee_pillow else "thin pillow"
        bed_h, bed_m = rng.choice([(22, 30), (23, 0), (23, 15), (23, 45)])
        wake_h, wake_m = rng.choice([(6, 15), (6, 40), (7, 0)])
        yesterday = day - dt.timedelta(days=1)
        night_pain = clamp(morning - 1 + rng.gauss(0, 0.8))
        temperature = f"{rng.uniform(16, 22):.1f}"
        humidity = rng.randint(35, 60)
        late = ";late dinner" if rng.random() < 0.2 else ""
        out.write(f"{day},night,{night_pain},,,,,,{stamp(yesterday, bed_h, bed_m)},{stamp(day, wake_h, wake_m)},"
                  f"{position},{mattress},\"{pillows}\",{temperature},{humidity},\"mood=calm{late}\",\r\n")
        stiffness = max(0, min(720, round(10 + 7 * morning + rng.gauss(0, 8))))
        medicated = morning >= 6 and rng.random() < 0.7
        meds = f"\"ibuprofen, 400 mg, {stamp(day, 7, 45)}\"" if medicated else ""
        out.write(f"{day},morning,{morning},{stiffness},{clamp(morning + rng.gauss(0, 1))},{meds},,,,,,,,,,,"
                  f"{'slow start' if morning >= 7 else ''}\r\n")
        walked = rng.choice([0, 15, 30, 45, 60, 90])
        afternoon = clamp(morning - 1.5 - (1.0 if medicated else 0.0) + rng.gauss(0, 1))
        out.write(f"{day},afternoon,{afternoon},,,,{walked},,,,,,,,,,\r\n")
        sitting = f"{rng.uniform(2, 10):.1f}"
        evening = clamp(morning - 1 + rng.gauss(0, 1))
        out.write(f"{day},evening,{evening},,,,,{sitting},,,,,,,,caffeine={rng.randint(0, 3)},\r\n")
        walked_yesterday = walked


if __name__ == "__main__":
    main()

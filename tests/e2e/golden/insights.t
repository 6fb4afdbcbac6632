Insights: what an empty diary says, then twelve weeks with a planted shift
(mornings better from 9 October), nights on the back two points worse, and
ibuprofen on some mornings; the same as JSON; a narrower range; a bad range.

  $ daybreak insights
  Insights from 23 Nov 2026 to 23 Nov 2026: 0 days with entries, 0 entries
  From your own diary: what went together, not what caused what. Pain is on the
  0-10 scale; 95% intervals show how sure each number is.
  
  The whole day
    Nothing is logged in this range yet.
  
  Where mornings are heading
    Morning pain: too few mornings in this range to judge a trend (0 logged, at
    least 14 needed).
  
    Shifts in morning pain: at least 28 mornings are needed to look for them (0
    so far).
  
  What goes with better mornings
    Nothing to compare yet. Log your sleep position, mattress and pillows with
    the night, walking and sitting with the day, or your own factors (--factor
    caffeine=2), and this shows how each goes with the next morning.
  
  Adherence
    No guided sessions are recorded, so there is nothing to show yet. Once you
    do the morning and evening routines, this shows how many you do each week
    and how the evening routine goes with the next morning.
  $ for i in $(seq 0 89); do d=$(date -u -d "2026-08-25 + $i days" +%F); base=$(( i < 45 ? 5 : 3 )); noise=$(( (i * 7 + 3) % 3 - 1 )); back=$(( i % 4 == 0 )); m=$(( base + noise + 2 * back )); med=$(( i % 5 == 0 )); a=$(( m - 2 - med > 0 ? m - 2 - med : 0 )); pos=left_side; [ $back = 1 ] && pos=back; meds=; [ $med = 1 ] && meds='"ibuprofen, 400 mg, 07:45"'; printf '%s,night,%d,,,,23:00,06:30,%s\r\n%s,morning,%d,%d,%s,,,,\r\n%s,afternoon,%d,,,%d,,,\r\n' $d $(( m > 0 ? m - 1 : 0 )) $pos $d $m $(( 10 + 8 * m )) "$meds" $d $a $(( (i % 3) * 20 )); done > body.csv; { printf 'date,period,pain,stiffness_minutes,medications,walking_minutes,bedtime,wake_time,sleep_position\r\n'; cat body.csv; } > diary.csv
  $ daybreak import csv diary.csv
  Imported 270 new entries.
  $ daybreak insights
  Insights from 25 Aug 2026 to 23 Nov 2026: 90 days with entries, 270 entries
  From your own diary: what went together, not what caused what. Pain is on the
  0-10 scale; 95% intervals show how sure each number is.
  
  The whole day
    period     entries  mean pain  95% interval
    night           90        3.5    3.1 to 3.9
    morning         90        4.5    4.1 to 4.9
    afternoon       90        2.3    1.9 to 2.7
    evening          0          -             -
  
    Of the 90 days you logged the afternoon or evening as well, the pain had not
    gone after the morning on 76 (84%): afternoons averaged 2.3, against 4.5 in
    those mornings. Even if it feels like a morning problem, the pain is with
    you for much of the day.
  
    Mean pain by month and period:
    month    night  morning  afternoon  evening
    2026-08    4.4      5.4        3.1  -
    2026-09    4.5      5.5        3.3  -
    2026-10    3.0      4.0        1.8  -
    2026-11    2.6      3.6        1.5  -
  
    In the 6 hours after a medication (ibuprofen), your afternoon and evening
    pain averaged 1.7 (18 entries) against 2.5 at other times (72 entries).
    Compared with days that began with the same morning pain, that is -0.9
    points (95% interval -1.0 to -0.8). Medication seems to mask part of the
    pain: the hours without it show more truly what your back is doing. Every
    medication logged with a time counts: the diary cannot tell painkillers from
    others.
  
  Where mornings are heading
    Morning pain over the last 12 weeks (83 mornings, 1 Sep 2026 to 23 Nov
    2026): falling by about 1.0 points a month (95% interval -1.3 to -0.7 points
    a month, from resampling the days, as whole numbers tie), from about 5.3 to
    about 2.6. A trend this steady is unlikely to be chance (p < 0.001, allowing
    for day-to-day correlation); lower is better, so this is an improvement.
  
    Around 9 Oct 2026 your mornings shifted: morning pain went from about 5.5 to
    about 3.5 (better).
  
    Morning stiffness over the last 12 weeks (83 mornings, 1 Sep 2026 to 23 Nov
    2026): falling by about 8 minutes a month (95% interval -10 to -5 minutes a
    month, from resampling the days, as whole numbers tie), from about 53
    minutes to about 31 minutes. A trend this steady is unlikely to be chance (p
    < 0.001, allowing for day-to-day correlation); lower is better, so this is
    an improvement.
  
    Around 9 Oct 2026 your mornings shifted: morning stiffness went from about
    54 minutes to about 38 minutes (better).
  
  What goes with better mornings
    How next-morning pain differed with each factor, in points (0-10; a minus
    means better mornings): each level against all other mornings, or per unit
    of an amount. A night goes with the morning after it, a day's walking and
    sitting with the next morning.
  
                           mornings  difference  95% interval
    sleep position
      back (vs left side)  23 vs 67        +2.0  +1.5 to +2.5  stands out
    medication at bedtime   0 vs 90           -             -  too few mornings
    walking, per 30 min          89        -0.8  -1.2 to -0.4  stands out
  
    No number is shown where a level has fewer than 10 mornings (20 for amounts
    such as walking): its interval would be wider than the 2 points that matter,
    so it could not tell anything apart.
  
    Worth testing: mornings after nights with sleep position 'back' had pain 2.0
    points higher than after 'left side' (95% interval +1.5 to +2.5; 23 and 67
    mornings).
  
    Worth testing: each extra 30 minutes of walking went with next-morning pain
    0.8 points lower (95% interval -1.2 to -0.4; 89 mornings).
  
    'Stands out' means it holds up after both comparisons are taken into account
    (Benjamini-Hochberg, 5% false discovery rate).
  
    This is a hypothesis, not a finding. To find out whether it is a cause, test
    it in a personal experiment.
    next: daybreak experiment new --a "sleep position: back" --b "sleep position: left side"
  
    These are associations in your own diary, not causes: a pillow tried when
    the pain peaked looks good as the pain settles by itself, and what you do
    may follow how you feel rather than the other way round.
  
  Adherence
    No guided sessions are recorded, so there is nothing to show yet. Once you
    do the morning and evening routines, this shows how many you do each week
    and how the evening routine goes with the next morning.
  $ daybreak insights --from 2026-11-09 --to 2026-11-22
  Insights from 9 Nov 2026 to 22 Nov 2026: 14 days with entries, 42 entries
  From your own diary: what went together, not what caused what. Pain is on the
  0-10 scale; 95% intervals show how sure each number is.
  
  The whole day
    period     entries  mean pain  95% interval
    night           14        2.6    2.2 to 3.0
    morning         14        3.6    3.2 to 4.0
    afternoon       14        1.5    1.1 to 1.9
    evening          0          -             -
  
    Of the 14 days you logged the afternoon or evening as well, the pain had not
    gone after the morning on 10 (71%): afternoons averaged 1.5, against 3.6 in
    those mornings. Even if it feels like a morning problem, the pain is with
    you for much of the day.
  
    Mean pain by week and period:
    week from   night  morning  afternoon  evening
    2026-11-09    2.6      3.6        1.4  -
    2026-11-16    2.7      3.7        1.6  -
  
    2 of your afternoon and evening entries fell within 6 hours after a
    medication and 12 did not; at least 10 of each are needed to compare them.
  
  Where mornings are heading
    Morning pain from 9 Nov 2026 to 22 Nov 2026 (14 mornings): no clear trend.
    The best estimate is 0.0 points a month (95% interval -6.0 to 7.5 points a
    month), which is compatible with no change (p = 0.95, allowing for
    day-to-day correlation).
  
    Shifts in morning pain: at least 28 mornings are needed to look for them (14
    so far).
  
    Morning stiffness from 9 Nov 2026 to 22 Nov 2026 (14 mornings): no clear
    trend. The best estimate is 0 minutes a month (95% interval -48 to 60
    minutes a month), which is compatible with no change (p = 0.95, allowing for
    day-to-day correlation).
  
    Shifts in morning stiffness: at least 28 mornings are needed to look for
    them (14 so far).
  
  What goes with better mornings
    How next-morning pain differed with each factor, in points (0-10; a minus
    means better mornings): each level against all other mornings, or per unit
    of an amount. A night goes with the morning after it, a day's walking and
    sitting with the next morning.
  
                           mornings  difference  95% interval
    sleep position
      back (vs left side)   4 vs 10  -           -             too few mornings
    medication at bedtime   0 vs 14  -           -             too few mornings
    walking, per 30 min          13  -           -             too few mornings
  
    No number is shown where a level has fewer than 10 mornings (20 for amounts
    such as walking): its interval would be wider than the 2 points that matter,
    so it could not tell anything apart.
  
    These are associations in your own diary, not causes: a pillow tried when
    the pain peaked looks good as the pain settles by itself, and what you do
    may follow how you feel rather than the other way round.
  
  Adherence
    No guided sessions are recorded, so there is nothing to show yet. Once you
    do the morning and evening routines, this shows how many you do each week
    and how the evening routine goes with the next morning.
  $ daybreak insights --from 2026-11-09 --to 2026-11-22 --json
  {
    "from": "2026-11-09",
    "to": "2026-11-22",
    "entries": 42,
    "days_logged": 14,
    "whole_day": {
      "periods": [
        {
          "period": "night",
          "entries": 14,
          "mean": 2.6429,
          "interval": {
            "lower": 2.2393,
            "upper": 3.0464
          }
        },
        {
          "period": "morning",
          "entries": 14,
          "mean": 3.6429,
          "interval": {
            "lower": 3.2393,
            "upper": 4.0464
          }
        },
        {
          "period": "afternoon",
          "entries": 14,
          "mean": 1.5,
          "interval": {
            "lower": 1.0518,
            "upper": 1.9482
          }
        },
        {
          "period": "evening",
          "entries": 0,
          "mean": null,
          "interval": null
        }
      ],
      "all_day": {
        "days": 14,
        "pain_stayed": 10,
        "morning_mean": 3.6429,
        "afternoon_mean": 1.5,
        "evening_mean": null
      },
      "by": "week",
      "rows": [
        {
          "from": "2026-11-09",
          "to": "2026-11-15",
          "night": 2.5714,
          "morning": 3.5714,
          "afternoon": 1.4286,
          "evening": null
        },
        {
          "from": "2026-11-16",
          "to": "2026-11-22",
          "night": 2.7143,
          "morning": 3.7143,
          "afternoon": 1.5714,
          "evening": null
        }
      ],
      "medication": {
        "window_hours": 6,
        "timed": 2,
        "untimed": 0,
        "names": [
          "ibuprofen"
        ],
        "covered_entries": 2,
        "other_entries": 12,
        "covered_mean": 1.5,
        "other_mean": 1.5,
        "difference": null
      },
      "statement": "Of the 14 days you logged the afternoon or evening as well, the pain had not gone after the morning on 10 (71%): afternoons averaged 1.5, against 3.6 in those mornings. Even if it feels like a morning problem, the pain is with you for much of the day. 2 of your afternoon and evening entries fell within 6 hours after a medication and 12 did not; at least 10 of each are needed to compare them."
    },
    "mornings": [
      {
        "measure": "pain",
        "unit": "points",
        "mornings": 14,
        "trend": {
          "from": "2026-11-09",
          "to": "2026-11-22",
          "mornings": 14,
          "enough": true,
          "slope_per_day": 0.0,
          "per_month": 0.0,
          "interval_per_month": {
            "lower": -6.0,
            "upper": 7.5
          },
          "mann_kendall": {
            "s": 2.0,
            "variance": 308.6667,
            "hamed_rao_factor": 1.0,
            "z": 0.0569,
            "p_value": 0.95461
          },
          "statement": "Morning pain from 9 Nov 2026 to 22 Nov 2026 (14 mornings): no clear trend. The best estimate is 0.0 points a month (95% interval -6.0 to 7.5 points a month), which is compatible with no change (p = 0.95, allowing for day-to-day correlation)."
        },
        "shifts": {
          "mornings": 14,
          "enough": false,
          "weekly": false,
          "segments": [],
          "changes": [],
          "statements": [
            "Shifts in morning pain: at least 28 mornings are needed to look for them (14 so far)."
          ]
        }
      },
      {
        "measure": "stiffness_minutes",
        "unit": "minutes",
        "mornings": 14,
        "trend": {
          "from": "2026-11-09",
          "to": "2026-11-22",
          "mornings": 14,
          "enough": true,
          "slope_per_day": 0.0,
          "per_month": 0.0,
          "interval_per_month": {
            "lower": -48.0,
            "upper": 60.0
          },
          "mann_kendall": {
            "s": 2.0,
            "variance": 308.6667,
            "hamed_rao_factor": 1.0,
            "z": 0.0569,
            "p_value": 0.95461
          },
          "statement": "Morning stiffness from 9 Nov 2026 to 22 Nov 2026 (14 mornings): no clear trend. The best estimate is 0 minutes a month (95% interval -48 to 60 minutes a month), which is compatible with no change (p = 0.95, allowing for day-to-day correlation)."
        },
        "shifts": {
          "mornings": 14,
          "enough": false,
          "weekly": false,
          "segments": [],
          "changes": [],
          "statements": [
            "Shifts in morning stiffness: at least 28 mornings are needed to look for them (14 so far)."
          ]
        }
      }
    ],
    "factors": {
      "tested": 0,
      "false_discovery_rate": 0.05,
      "min_mornings_per_level": 10,
      "min_mornings_numeric": 20,
      "comparisons": [
        {
          "factor": "sleep_position",
          "label": "sleep position",
          "kind": "categorical",
          "exposure": "the night before",
          "exploratory": false,
          "level": "back",
          "other": "left side",
          "mornings": 4,
          "mornings_other": 10,
          "mean": 5.0,
          "mean_other": 3.1,
          "effect": null,
          "withheld": "only 4 mornings (at least 10 needed)",
          "statement": "Sleep position 'back': no number shown: only 4 mornings (at least 10 needed).",
          "experiment": {
            "a": "sleep position: back",
            "b": "sleep position: left side"
          }
        },
        {
          "factor": "bedtime_medication",
          "label": "medication at bedtime",
          "kind": "yes_no",
          "exposure": "the night before",
          "exploratory": false,
          "level": "yes",
          "other": null,
          "mornings": 0,
          "mornings_other": 14,
          "mean": null,
          "mean_other": 3.6429,
          "effect": null,
          "withheld": "no mornings (at least 10 needed)",
          "statement": "Medication at bedtime: no number shown: no mornings (at least 10 needed)."
        },
        {
          "factor": "walking_minutes",
          "label": "walking",
          "kind": "numeric",
          "exposure": "the day before",
          "exploratory": false,
          "per": 30.0,
          "mornings": 13,
          "mean": 3.5385,
          "effect": null,
          "withheld": "only 13 mornings with a value (at least 20 needed)",
          "statement": "Walking: no number shown: only 13 mornings with a value (at least 20 needed)."
        }
      ]
    },
    "adherence": {
      "session_data": false,
      "sessions_shared": true,
      "statement": "No guided sessions are recorded, so there is nothing to show yet. Once you do the morning and evening routines, this shows how many you do each week and how the evening routine goes with the next morning."
    }
  }
  $ daybreak insights --from 2026-11-23 --to 2026-11-01
  ! daybreak: the range is empty
  !   --from: '2026-11-23' is not allowed; allowed: a day on or before --to (2026-11-01)
  [2]
  $ daybreak insights --from last-week
  ! daybreak: that is not a date
  !   --from: 'last-week' is not allowed; allowed: a date written YYYY-MM-DD, today, yesterday or tomorrow
  [2]

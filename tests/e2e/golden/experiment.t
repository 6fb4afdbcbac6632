Personal experiments: design one, see tonight's condition, log six weeks of
mornings and nights (seed 42 puts B first in every pair), report on it as it
runs and when it is done, list, stop, and the errors along the way.

  $ daybreak experiment list
  No experiments yet. Start one: daybreak experiment new --a "pillow between knees" --b "no pillow"
  $ daybreak experiment tonight
  ! daybreak: no experiment runs tonight
  !   next: daybreak experiment new --a ... --b ...
  [3]
  $ daybreak experiment report
  ! daybreak: there are no experiments yet
  !   next: daybreak experiment new --a ... --b ...
  [3]
  $ daybreak experiment new --a "pillow between knees" --b "no pillow" --pairs 2 --nights 4 --washout 2 --start yesterday
  ! daybreak: the experiment was not created
  !   --pairs: '2' is not allowed; allowed: a whole number from 3 to 12 (at least 3 pairs: one comparison of A and B is easily fooled by chance and by drift)
  !   --nights: '4' is not allowed; allowed: a whole number from 5 to 28 (at least 5 nights, so that each period outlasts any carry-over)
  !   --start: '2026-11-22' is not allowed; allowed: a night from tonight on: 2026-11-24 (a night belongs to the day you wake up on) to a year ahead, 2027-11-24
  [2]
  $ daybreak experiment new --a "pillow between knees" --b "no pillow" --seed 42
  Created experiment 1: pillow between knees vs no pillow
    A: pillow between knees
    B: no pillow
    3 pairs of two 7-night periods: 42 nights, from the night before Tuesday 24
    November 2026 to the night before Monday 4 January 2027. Within each pair
    the order of A and B was drawn at random (seed 42). The first night of each
    period is not counted, as washout.
  Each evening, `daybreak experiment tonight` says which condition is due; each
  morning, log your morning as usual and record whether you kept to it with
  `daybreak experiment log yes` (or no).
  $ daybreak experiment new --a "on my side" --b "on my back"
  ! daybreak: experiment 1 ('pillow between knees vs no pillow') has nights from 2026-11-24 to 2027-01-04, and only one experiment runs at a time: stop it first, or start this one after it, on 2027-01-05
  !   next: daybreak experiment stop 1
  [2]
  $ daybreak experiment tonight
  Tonight: B, no pillow
    Night 1 of 42 in experiment 1 (pillow between knees vs no pillow), the night
    before Tuesday 24 November 2026. It is a washout night: it will not be
    counted, but keep to the condition all the same.
    In the morning: log your morning, then `daybreak experiment log yes` (or
    no).
  $ daybreak experiment tonight --json
  {
    "experiment": 1,
    "night": "2026-11-24",
    "night_number": 1,
    "nights": 42,
    "condition": "B",
    "label": "no pillow",
    "washout": true
  }
  $ daybreak experiment log yes
  ! daybreak: the night before Monday 23 November 2026 (2026-11-23) is not part of any experiment
  [3]
  $ for i in $(seq 0 41); do d=$(date -u -d "2026-11-24 + $i days" +%F); p=$(( (i / 7) % 2 == 0 ? 5 + i % 2 : 3 + (i % 3 == 0) )); [ $i = 30 ] || DAYBREAK_FAKE_NOW=2027-01-05T07:00:00Z daybreak log morning --date $d --pain $p --stiffness-minutes $(( p * 8 )) > /dev/null; f=yes; [ $i = 10 ] && f=no; [ $i = 20 ] || DAYBREAK_FAKE_NOW=2027-01-05T07:00:00Z daybreak experiment log $f --date $d > /dev/null; done
  $ DAYBREAK_FAKE_NOW=2026-12-01T07:00:00Z daybreak experiment log no --note "pillow fell out"
  Recorded the night before Tuesday 1 December 2026 (experiment 1, night 8, A,
  pillow between knees): not followed (was: followed).
  $ DAYBREAK_FAKE_NOW=2026-12-09T19:00:00Z daybreak experiment tonight
  Tonight: B, no pillow
    Night 17 of 42 in experiment 1 (pillow between knees vs no pillow), the
    night before Thursday 10 December 2026.
    In the morning: log your morning, then `daybreak experiment log yes` (or
    no).
  $ DAYBREAK_FAKE_NOW=2026-12-09T19:00:00Z daybreak experiment report
  Experiment 1: pillow between knees vs no pillow
  
  Design
    A personal randomised trial (n-of-1) of A, pillow between knees, against B,
    no pillow.
  
    Status: running, 16 of 42 nights done.
  
    3 pairs of two periods of 7 nights (42 nights, from the night before 24 Nov
    2026 to the night before 4 Jan 2027); each pair holds A and B, in random
    order. The first night of each period is left out as washout, so that the
    condition before does not spill over.
  
    Randomisation: the order within each pair was drawn from seed 42
    (std::mt19937_64) and stored with the experiment; daybreak shows only the
    coming night's condition.
  
    Outcomes: the morning entry after each night; morning pain first, stiffness
    second. Not blinded: you know which condition you are in, and expectations
    can colour how a morning feels.
  
  Nights
    16 of 42 nights so far: 3 left out as washout, 13 counted; 13 of the counted
    nights have a morning entry, 0 are missing. Condition followed on 14 nights,
    not followed on 2, not recorded on 0.
  
    pair  period  condition          nights  counted  mornings  followed  mean pain
    1          1  B          11-24 to 11-30        6         6    7 of 7        5.5
    1          2  A          12-01 to 12-07        6         6    5 of 7        3.3
    2          3  B          12-08 to 12-09        1         1    2 of 2        6.0
  
  Results
    outcome                     A           B  A minus B  95% interval  randomisation p
    morning pain          3.3 (6)     5.6 (7)       -2.2  -                        1.00
    morning stiffness  27 min (6)  45 min (7)    -17 min  -                        1.00
  
    Means per night with the number of nights in brackets. The difference is the
    mean of the 1 within-pair differences, with a t interval over pairs; the
    randomisation test asks how often the 2 possible orders would give a
    difference as large.
  
    With 1 complete pair the randomisation test cannot go below p = 1.00: a
    small personal trial is judged by its interval more than by its p-value.
  
    Counting only the nights the condition was followed leaves 1 complete pair,
    too few to estimate.
  
  Verdict
    Too early to judge: 1 pair with mornings logged under both conditions so
    far; at least 3 are needed.
  
    It applies to you, under the conditions you tried; it says nothing about
    other people. Things that changed at the same time (a flare-up settling, the
    weather, other treatment) can still mislead.
  $ DAYBREAK_FAKE_NOW=2027-01-05T07:00:00Z daybreak experiment report
  Experiment 1: pillow between knees vs no pillow
  
  Design
    A personal randomised trial (n-of-1) of A, pillow between knees, against B,
    no pillow.
  
    Status: finished after the night before 4 Jan 2027.
  
    3 pairs of two periods of 7 nights (42 nights, from the night before 24 Nov
    2026 to the night before 4 Jan 2027); each pair holds A and B, in random
    order. The first night of each period is left out as washout, so that the
    condition before does not spill over.
  
    Randomisation: the order within each pair was drawn from seed 42
    (std::mt19937_64) and stored with the experiment; daybreak shows only the
    coming night's condition.
  
    Outcomes: the morning entry after each night; morning pain first, stiffness
    second. Not blinded: you know which condition you are in, and expectations
    can colour how a morning feels.
  
  Nights
    42 of 42 nights so far: 6 left out as washout, 36 counted; 35 of the counted
    nights have a morning entry, 1 is missing. Condition followed on 39 nights,
    not followed on 2, not recorded on 1.
  
    pair  period  condition          nights  counted  mornings  followed  mean pain
    1          1  B          11-24 to 11-30        6         6    7 of 7        5.5
    1          2  A          12-01 to 12-07        6         6    5 of 7        3.3
    2          3  B          12-08 to 12-14        6         6    6 of 7        5.5
    2          4  A          12-15 to 12-21        6         6    7 of 7        3.3
    3          5  B          12-22 to 12-28        6         5    7 of 7        5.6
    3          6  A          12-29 to 01-04        6         6    7 of 7        3.3
  
  Results
    outcome                      A            B  A minus B        95% interval  randomisation p
    morning pain          3.3 (18)     5.5 (17)       -2.2        -2.3 to -2.1             0.25
    morning stiffness  27 min (18)  44 min (17)    -18 min  -19 min to -16 min             0.25
  
    Means per night with the number of nights in brackets. The difference is the
    mean of the 3 within-pair differences, with a t interval over pairs; the
    randomisation test asks how often the 8 possible orders would give a
    difference as large.
  
    Chance that A lowers morning pain by at least 1 point: over 99%; by at least
    2 points: 99%. Chance that it raises it by at least 1 point: under 1%; by at
    least 2: under 1%. (From the pair differences, taking every true difference
    as equally likely beforehand.)
  
    With 3 complete pairs the randomisation test cannot go below p = 0.25: a
    small personal trial is judged by its interval more than by its p-value.
  
    Counting only the nights the condition was followed: -2.2 points (95%
    interval -2.5 to -2.0).
  
  Verdict
    A (pillow between knees) helped: morning pain was lower with it by more than
    2 points, the smallest change that matters to people with back pain.
  
    It applies to you, under the conditions you tried; it says nothing about
    other people. Things that changed at the same time (a flare-up settling, the
    weather, other treatment) can still mislead.
  $ DAYBREAK_FAKE_NOW=2027-01-05T07:00:00Z daybreak experiment report 1 --json
  {
    "experiment": {
      "id": 1,
      "title": "pillow between knees vs no pillow",
      "a": "pillow between knees",
      "b": "no pillow",
      "status": "finished",
      "first_night": "2026-11-24",
      "last_night": "2027-01-04",
      "pairs": 3,
      "period_nights": 7,
      "washout_nights": 1,
      "seed": 42,
      "created_at": "2026-11-23T06:30:00Z"
    },
    "interim": false,
    "flow": {
      "planned": 42,
      "past": 42,
      "washout": 6,
      "counted": 36,
      "with_outcome": 35,
      "missing": 1,
      "followed": 39,
      "not_followed": 2,
      "unrecorded": 1
    },
    "nights": [
      {
        "night": "2026-11-24",
        "pair": 1,
        "period": 1,
        "condition": "B",
        "washout": true,
        "followed": true,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-11-25",
        "pair": 1,
        "period": 1,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 6.0,
        "stiffness_minutes": 48.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-11-26",
        "pair": 1,
        "period": 1,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-11-27",
        "pair": 1,
        "period": 1,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 6.0,
        "stiffness_minutes": 48.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-11-28",
        "pair": 1,
        "period": 1,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-11-29",
        "pair": 1,
        "period": 1,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 6.0,
        "stiffness_minutes": 48.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-11-30",
        "pair": 1,
        "period": 1,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-01",
        "pair": 1,
        "period": 2,
        "condition": "A",
        "washout": true,
        "followed": false,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-02",
        "pair": 1,
        "period": 2,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-03",
        "pair": 1,
        "period": 2,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 4.0,
        "stiffness_minutes": 32.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-04",
        "pair": 1,
        "period": 2,
        "condition": "A",
        "washout": false,
        "followed": false,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-05",
        "pair": 1,
        "period": 2,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-06",
        "pair": 1,
        "period": 2,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 4.0,
        "stiffness_minutes": 32.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-07",
        "pair": 1,
        "period": 2,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-08",
        "pair": 2,
        "period": 3,
        "condition": "B",
        "washout": true,
        "followed": true,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-09",
        "pair": 2,
        "period": 3,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 6.0,
        "stiffness_minutes": 48.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-10",
        "pair": 2,
        "period": 3,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-11",
        "pair": 2,
        "period": 3,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 6.0,
        "stiffness_minutes": 48.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-12",
        "pair": 2,
        "period": 3,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-13",
        "pair": 2,
        "period": 3,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 6.0,
        "stiffness_minutes": 48.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-14",
        "pair": 2,
        "period": 3,
        "condition": "B",
        "washout": false,
        "followed": null,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-15",
        "pair": 2,
        "period": 4,
        "condition": "A",
        "washout": true,
        "followed": true,
        "pain": 4.0,
        "stiffness_minutes": 32.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-16",
        "pair": 2,
        "period": 4,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-17",
        "pair": 2,
        "period": 4,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-18",
        "pair": 2,
        "period": 4,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 4.0,
        "stiffness_minutes": 32.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-19",
        "pair": 2,
        "period": 4,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-20",
        "pair": 2,
        "period": 4,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-21",
        "pair": 2,
        "period": 4,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 4.0,
        "stiffness_minutes": 32.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-22",
        "pair": 3,
        "period": 5,
        "condition": "B",
        "washout": true,
        "followed": true,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-23",
        "pair": 3,
        "period": 5,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 6.0,
        "stiffness_minutes": 48.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-24",
        "pair": 3,
        "period": 5,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": null,
        "stiffness_minutes": null,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-25",
        "pair": 3,
        "period": 5,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 6.0,
        "stiffness_minutes": 48.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-26",
        "pair": 3,
        "period": 5,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-27",
        "pair": 3,
        "period": 5,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 6.0,
        "stiffness_minutes": 48.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-28",
        "pair": 3,
        "period": 5,
        "condition": "B",
        "washout": false,
        "followed": true,
        "pain": 5.0,
        "stiffness_minutes": 40.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-29",
        "pair": 3,
        "period": 6,
        "condition": "A",
        "washout": true,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-30",
        "pair": 3,
        "period": 6,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 4.0,
        "stiffness_minutes": 32.0,
        "stiffness_severity": null
      },
      {
        "night": "2026-12-31",
        "pair": 3,
        "period": 6,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2027-01-01",
        "pair": 3,
        "period": 6,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2027-01-02",
        "pair": 3,
        "period": 6,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 4.0,
        "stiffness_minutes": 32.0,
        "stiffness_severity": null
      },
      {
        "night": "2027-01-03",
        "pair": 3,
        "period": 6,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      },
      {
        "night": "2027-01-04",
        "pair": 3,
        "period": 6,
        "condition": "A",
        "washout": false,
        "followed": true,
        "pain": 3.0,
        "stiffness_minutes": 24.0,
        "stiffness_severity": null
      }
    ],
    "outcomes": [
      {
        "measure": "pain",
        "nights_a": 18,
        "nights_b": 17,
        "mean_a": 3.3333,
        "mean_b": 5.5294,
        "complete_pairs": 3,
        "pair_differences": [
          -2.1667,
          -2.1667,
          -2.2667
        ],
        "difference": -2.2,
        "standard_error": 0.0333,
        "interval": {
          "lower": -2.3434,
          "upper": -2.0566
        },
        "t_p_value": 0.000229,
        "randomization_p_value": 0.25,
        "assignments": 8,
        "chances": [
          {
            "threshold": 1.0,
            "a_lower": 0.9996,
            "a_higher": 0.0001
          },
          {
            "threshold": 2.0,
            "a_lower": 0.9867,
            "a_higher": 0.0
          }
        ]
      },
      {
        "measure": "stiffness_minutes",
        "nights_a": 18,
        "nights_b": 17,
        "mean_a": 26.6667,
        "mean_b": 44.2353,
        "complete_pairs": 3,
        "pair_differences": [
          -17.3333,
          -17.3333,
          -18.1333
        ],
        "difference": -17.6,
        "standard_error": 0.2667,
        "interval": {
          "lower": -18.7474,
          "upper": -16.4526
        },
        "t_p_value": 0.000229,
        "randomization_p_value": 0.25,
        "assignments": 8
      }
    ],
    "per_protocol": {
      "measure": "pain",
      "nights_a": 17,
      "nights_b": 16,
      "mean_a": 3.3529,
      "mean_b": 5.5625,
      "complete_pairs": 3,
      "pair_differences": [
        -2.1,
        -2.2667,
        -2.2667
      ],
      "difference": -2.2111,
      "standard_error": 0.0556,
      "interval": {
        "lower": -2.4501,
        "upper": -1.9721
      },
      "t_p_value": 0.000631,
      "randomization_p_value": 0.25,
      "assignments": 8,
      "chances": [
        {
          "threshold": 1.0,
          "a_lower": 0.999,
          "a_higher": 0.0001
        },
        {
          "threshold": 2.0,
          "a_lower": 0.9686,
          "a_higher": 0.0001
        }
      ]
    },
    "verdict": {
      "key": "a_better_important",
      "minimal_important_change": 2.0,
      "statement": "A (pillow between knees) helped: morning pain was lower with it by more than 2 points, the smallest change that matters to people with back pain."
    }
  }
  $ DAYBREAK_FAKE_NOW=2027-01-05T07:00:00Z daybreak experiment new --a "on my side" --b "on my back" --pairs 3 --nights 5 --seed 7
  Created experiment 2: on my side vs on my back
    A: on my side
    B: on my back
    3 pairs of two 5-night periods: 30 nights, from the night before Wednesday 6
    January 2027 to the night before Thursday 4 February 2027. Within each pair
    the order of A and B was drawn at random (seed 7). The first night of each
    period is not counted, as washout.
  Each evening, `daybreak experiment tonight` says which condition is due; each
  morning, log your morning as usual and record whether you kept to it with
  `daybreak experiment log yes` (or no).
  $ DAYBREAK_FAKE_NOW=2027-01-05T07:00:00Z daybreak experiment list
  id  status    first night  last night  nights  title
  1   finished   2026-11-24  2027-01-04      42  pillow between knees vs no pillow
  2   running    2027-01-06  2027-02-04      30  on my side vs on my back
  Nights are named by the day you wake up after them.
  $ DAYBREAK_FAKE_NOW=2027-01-10T07:00:00Z daybreak experiment stop --reason "a cold"
  Stopped experiment 2 (on my side vs on my back) after the night before Sunday
  10 January 2027. The nights so far still count: daybreak experiment report 2
  $ DAYBREAK_FAKE_NOW=2027-01-10T07:00:00Z daybreak experiment stop
  ! daybreak: no experiment is planned or running
  [3]
  $ DAYBREAK_FAKE_NOW=2027-01-10T07:00:00Z daybreak experiment list --json
  [
    {
      "id": 1,
      "title": "pillow between knees vs no pillow",
      "a": "pillow between knees",
      "b": "no pillow",
      "status": "finished",
      "first_night": "2026-11-24",
      "last_night": "2027-01-04",
      "pairs": 3,
      "period_nights": 7,
      "washout_nights": 1,
      "seed": 42,
      "created_at": "2026-11-23T06:30:00Z"
    },
    {
      "id": 2,
      "title": "on my side vs on my back",
      "a": "on my side",
      "b": "on my back",
      "status": "stopped",
      "first_night": "2027-01-06",
      "last_night": "2027-02-04",
      "pairs": 3,
      "period_nights": 5,
      "washout_nights": 1,
      "seed": 7,
      "created_at": "2027-01-05T07:00:00Z",
      "stopped_at": "2027-01-10T07:00:00Z",
      "stopped_after": "2027-01-10",
      "stop_reason": "a cold"
    }
  ]
  $ daybreak experiment report 9
  ! daybreak: there is no experiment 9
  [3]

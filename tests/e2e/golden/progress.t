Progression driven by next-morning pain (issue 4). Each command sets its own
clock with DAYBREAK_FAKE_NOW, so the transcript plays a week: mornings logged,
sessions played from scripts (their step lists go to /dev/null), and the
decisions the program makes after each next morning.

Before anything is logged, progress shows the stage and where the levels start:

  $ DAYBREAK_FAKE_NOW=2026-11-16T06:00:00Z daybreak progress
  The daybreak program: stage 1 of 4, "Wake up gently".
  This rule is adapted from a model tested in Achilles tendon pain (Silbernagel
  2007), not yet in back pain: your own mornings guide it, and you are the judge
  of comfort.
  
  Your levels:
    Morning, in bed before you get up
      Abdominal brace                    level 1 of 3: 8 holds of 5 s, 5 s relax between
      Pelvic tilt                        level 1 of 2: 10 reps, about 5 s a rep
      Knee rolls                         level 1 of 2: 6 reps each side, alternating, about 5 s a rep
      Heel slides                        level 1 of 4: 8 reps each side, alternating, about 6 s a rep
      Walking                            level 1 of 5: 5 minutes
    Evening, before bed
      Cat-camel                          level 1 of 2: 6 reps, about 4 s a rep
      Standing hip-flexor stretch        level 1 of 3: 2 holds of 20 s each side, 10 s rest between
      Side-lying thigh stretch           level 1 of 3: 2 holds of 20 s each side, 10 s rest between
      Hamstring stretch with a strap     level 1 of 3: 2 holds of 20 s each side, 10 s rest between
      Knee to chest                      level 1 of 3: 2 holds of 20 s each side, 10 s rest between
  
  Moving on to stage 2: At least two weeks in this stage, the exercises at their top level for six sessions, and mornings not rising: the last week's no worse than the week before.
    [ ] at least 14 days in the stage: 0 so far
    [ ] 6 sessions with every exercise at its top level: 0 so far
    [ ] mornings not rising (a rise is 0.5 points of pain or 10 minutes of
      stiffness): not enough mornings logged in the last two weeks to tell
  
  Last decisions:
    none yet. After a session, log the next morning (daybreak log morning --pain N
    --stiffness-minutes M): the program decides from how that morning compares
    with your usual one.
  `daybreak progress explain DATE` shows the reasoning of one day in full.

A week of usual mornings: pain 4, stiffness easing after 30 minutes.

  $ for d in 16 17 18 19 20 21; do DAYBREAK_FAKE_NOW=2026-11-${d}T06:00:00Z daybreak log morning --date 2026-11-$d --pain 4 --stiffness-minutes 30 > /dev/null; done
  $ DAYBREAK_FAKE_NOW=2026-11-22T06:00:00Z daybreak log morning --pain 4 --stiffness-minutes 30
  Logged the morning of Sunday 22 November 2026 (entry 7): pain 4/10, stiffness 30 min

A morning session on Sunday; its decision waits for Monday's morning:

  $ DAYBREAK_FAKE_NOW=2026-11-22T06:20:00Z daybreak screen --answers "both_legs=no,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_weakness=no,major_accident=no,fever=no,weight_loss=no,cancer_history=no,night_pain=no,bone_risk_trauma=no,age_at_onset=no" > /dev/null
  $ printf 'pain 3\ncomfort 2\n' | DAYBREAK_FAKE_NOW=2026-11-22T06:30:00Z daybreak session morning --script > /dev/null
  ! Pain right now, 0 (none) to 10 (worst imaginable): 3
  ! Comfort check: how much did Abdominal brace hurt, 0-10 (Enter to skip)? 2
  ! Comfort check: how much did Pelvic tilt hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Knee rolls hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Heel slides hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Walking hurt, 0-10 (Enter to skip)? -
  $ DAYBREAK_FAKE_NOW=2026-11-22T10:00:00Z daybreak progress --limit 2
  The daybreak program: stage 1 of 4, "Wake up gently".
  This rule is adapted from a model tested in Achilles tendon pain (Silbernagel
  2007), not yet in back pain: your own mornings guide it, and you are the judge
  of comfort.
  
  Your levels:
    Morning, in bed before you get up
      Abdominal brace                    level 1 of 3: 8 holds of 5 s, 5 s relax between
      Pelvic tilt                        level 1 of 2: 10 reps, about 5 s a rep
      Knee rolls                         level 1 of 2: 6 reps each side, alternating, about 5 s a rep
      Heel slides                        level 1 of 4: 8 reps each side, alternating, about 6 s a rep
      Walking                            level 1 of 5: 5 minutes
    Evening, before bed
      Cat-camel                          level 1 of 2: 6 reps, about 4 s a rep
      Standing hip-flexor stretch        level 1 of 3: 2 holds of 20 s each side, 10 s rest between
      Side-lying thigh stretch           level 1 of 3: 2 holds of 20 s each side, 10 s rest between
      Hamstring stretch with a strap     level 1 of 3: 2 holds of 20 s each side, 10 s rest between
      Knee to chest                      level 1 of 3: 2 holds of 20 s each side, 10 s rest between
  
  Moving on to stage 2: At least two weeks in this stage, the exercises at their top level for six sessions, and mornings not rising: the last week's no worse than the week before.
    [ ] at least 14 days in the stage: 0 so far
    [ ] 6 sessions with every exercise at its top level: 0 so far
    [ ] mornings not rising (a rise is 0.5 points of pain or 10 minutes of
      stiffness): not enough mornings logged in the last two weeks to tell
  
  Waiting:
    Sunday morning session (2026-11-22): waiting for the morning of Monday
      2026-11-23
  
  Last decisions:
    none yet. After a session, log the next morning (daybreak log morning --pain N
    --stiffness-minutes M): the program decides from how that morning compares
    with your usual one.
  `daybreak progress explain DATE` shows the reasoning of one day in full.

Monday's morning is better than usual: the first good session.

  $ DAYBREAK_FAKE_NOW=2026-11-23T06:00:00Z daybreak log morning --pain 3 --stiffness-minutes 20
  Logged the morning of Monday 23 November 2026 (entry 8): pain 3/10, stiffness 20 min
  ! Progression, morning routine:
  !   Morning pain was 3 after Sunday's morning session, your usual is 4, stiffness
  !   20 min against 30, and you felt at most 2/10 during it: a good sign; 1 more
  !   session like it and the routine steps up.
  $ printf 'pain 3\ncomfort 3\n' | DAYBREAK_FAKE_NOW=2026-11-23T06:30:00Z daybreak session morning --script > /dev/null
  ! Pain right now, 0 (none) to 10 (worst imaginable): 3
  ! Comfort check: how much did Abdominal brace hurt, 0-10 (Enter to skip)? 3
  ! Comfort check: how much did Pelvic tilt hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Knee rolls hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Heel slides hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Walking hurt, 0-10 (Enter to skip)? -

Tuesday's morning makes two good sessions in a row: the routine steps up.

  $ DAYBREAK_FAKE_NOW=2026-11-24T06:00:00Z daybreak log morning --pain 3 --stiffness-minutes 20 --json
  {
    "id": 9,
    "date": "2026-11-24",
    "period": "morning",
    "revision": 1,
    "created_at": "2026-11-24T06:00:00Z",
    "updated_at": "2026-11-24T06:00:00Z",
    "fields": {
      "pain": 3,
      "stiffness_minutes": 20
    },
    "outcome": "created"
  }
  ! Progression, morning routine:
  !   Morning pain was 3 after Monday's morning session, your usual is 4, stiffness
  !   20 min against 30, and you felt at most 3/10 during it: Abdominal brace: holds
  !   go from 5 to 8 s; Pelvic tilt: sets go from 1 to 2 and rests between sets from
  !   30 to 20 s; Knee rolls: reps go from 6 to 8; Heel slides: reps go from 8 to
  !   10; Walking: minutes go from 5 to 8.
  $ printf 'pain 3\ncomfort 2\n' | DAYBREAK_FAKE_NOW=2026-11-24T06:30:00Z daybreak session morning --script > /dev/null
  ! Pain right now, 0 (none) to 10 (worst imaginable): 3
  ! Comfort check: how much did Abdominal brace hurt, 0-10 (Enter to skip)? 2
  ! Comfort check: how much did Pelvic tilt hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Knee rolls hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Heel slides hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Walking hurt, 0-10 (Enter to skip)? -

Wednesday's morning is bad (pain 6, two above the usual 4): a step back, and
the flare-day routine is offered.

  $ DAYBREAK_FAKE_NOW=2026-11-25T06:00:00Z daybreak log morning --pain 6 --stiffness-minutes 45
  Logged the morning of Wednesday 25 November 2026 (entry 10): pain 6/10, stiffness 45 min
  ! Progression, morning routine:
  !   Morning pain was 6 after Tuesday's morning session, your usual is 4: Abdominal
  !   brace: holds go from 8 to 5 s; Pelvic tilt: sets go from 2 to 1 and rests
  !   between sets from 20 to 30 s; Knee rolls: reps go from 8 to 6; Heel slides:
  !   reps go from 10 to 8; Walking: minutes go from 8 to 5. Today, try the
  !   flare-day routine instead. The stage's readiness starts again: only sessions
  !   at the top level from tomorrow count towards the next stage.
  !   next: daybreak session flare
  $ DAYBREAK_FAKE_NOW=2026-11-25T06:10:00Z daybreak progress --limit 3
  The daybreak program: stage 1 of 4, "Wake up gently".
  This rule is adapted from a model tested in Achilles tendon pain (Silbernagel
  2007), not yet in back pain: your own mornings guide it, and you are the judge
  of comfort.
  
  This morning was a bad one after Tuesday's session: today, try the flare-day
  routine instead (daybreak session flare).
  
  Your levels:
    Morning, in bed before you get up
      Abdominal brace                    level 1 of 3: 8 holds of 5 s, 5 s relax between
      Pelvic tilt                        level 1 of 2: 10 reps, about 5 s a rep
      Knee rolls                         level 1 of 2: 6 reps each side, alternating, about 5 s a rep
      Heel slides                        level 1 of 4: 8 reps each side, alternating, about 6 s a rep
      Walking                            level 1 of 5: 5 minutes
    Evening, before bed
      Cat-camel                          level 1 of 2: 6 reps, about 4 s a rep
      Standing hip-flexor stretch        level 1 of 3: 2 holds of 20 s each side, 10 s rest between
      Side-lying thigh stretch           level 1 of 3: 2 holds of 20 s each side, 10 s rest between
      Hamstring stretch with a strap     level 1 of 3: 2 holds of 20 s each side, 10 s rest between
      Knee to chest                      level 1 of 3: 2 holds of 20 s each side, 10 s rest between
  
  Moving on to stage 2: At least two weeks in this stage, the exercises at their top level for six sessions, and mornings not rising: the last week's no worse than the week before.
    [ ] at least 14 days in the stage: 3 so far
    [ ] 6 sessions with every exercise at its top level: 0 so far (counted again
      after the step back for the session of 2026-11-24)
    [ ] mornings not rising (a rise is 0.5 points of pain or 10 minutes of
      stiffness): not enough mornings logged in the last two weeks to tell
  
  Last decisions:
    2026-11-24  morning  step back
      Morning pain was 6 after Tuesday's morning session, your usual is 4:
      Abdominal brace: holds go from 8 to 5 s; Pelvic tilt: sets go from 2 to 1
      and rests between sets from 20 to 30 s; Knee rolls: reps go from 8 to 6;
      Heel slides: reps go from 10 to 8; Walking: minutes go from 8 to 5. Today,
      try the flare-day routine instead. The stage's readiness starts again: only
      sessions at the top level from tomorrow count towards the next stage.
    2026-11-23  morning  step up
      Morning pain was 3 after Monday's morning session, your usual is 4,
      stiffness 20 min against 30, and you felt at most 3/10 during it: Abdominal
      brace: holds go from 5 to 8 s; Pelvic tilt: sets go from 1 to 2 and rests
      between sets from 30 to 20 s; Knee rolls: reps go from 6 to 8; Heel slides:
      reps go from 8 to 10; Walking: minutes go from 5 to 8.
    2026-11-22  morning  repeat
      Morning pain was 3 after Sunday's morning session, your usual is 4,
      stiffness 20 min against 30, and you felt at most 2/10 during it: a good
      sign; 1 more session like it and the routine steps up.
  `daybreak progress explain DATE` shows the reasoning of one day in full.

Pain above 5/10 during an exercise decides at once, and steps back only that
exercise:

  $ printf 'pain 4\ncomfort 2\ncomfort 7\n' | DAYBREAK_FAKE_NOW=2026-11-25T18:00:00Z daybreak session evening --script > /dev/null
  ! Pain right now, 0 (none) to 10 (worst imaginable): 4
  ! Comfort check: how much did Cat-camel hurt, 0-10 (Enter to skip)? 2
  ! Comfort check: how much did Standing hip-flexor stretch hurt, 0-10 (Enter to skip)? 7
  ! Comfort check: how much did Side-lying thigh stretch hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Hamstring stretch with a strap hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Knee to chest hurt, 0-10 (Enter to skip)? -
  ! Progression, evening routine:
  !   You felt 7/10 during Standing hip-flexor stretch in Wednesday's evening
  !   session, above the 5/10 ceiling: Standing hip-flexor stretch is already at its
  !   gentlest level; next time keep it small and easy, or leave it out, and if this
  !   keeps happening, ask a clinician. The stage's readiness starts again: only
  !   sessions at the top level from tomorrow count towards the next stage.

A morning session on Thursday, and no morning logged on Friday: on Saturday
the decision is made anyway, and a missing morning is never read as a good one.

  $ printf 'pain 3\ncomfort 2\n' | DAYBREAK_FAKE_NOW=2026-11-26T06:30:00Z daybreak session morning --script > /dev/null
  ! Pain right now, 0 (none) to 10 (worst imaginable): 3
  ! Comfort check: how much did Abdominal brace hurt, 0-10 (Enter to skip)? 2
  ! Comfort check: how much did Pelvic tilt hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Knee rolls hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Heel slides hurt, 0-10 (Enter to skip)? -
  ! Comfort check: how much did Walking hurt, 0-10 (Enter to skip)? -
  $ DAYBREAK_FAKE_NOW=2026-11-28T06:00:00Z daybreak log afternoon --date 2026-11-27 --pain 3
  Logged the afternoon of Friday 27 November 2026 (entry 11): pain 3/10
  ! Progression, morning routine:
  !   No morning entry was logged after Thursday's morning session, and a missing
  !   morning is never read as a good one: the routine stays as it is.

The full reasoning of one day, and the same as JSON for scripts:

  $ DAYBREAK_FAKE_NOW=2026-11-28T08:00:00Z daybreak progress explain 2026-11-23
  Monday 2026-11-23, morning routine: step up
    Morning pain was 3 after Monday's morning session, your usual is 4, stiffness
    20 min against 30, and you felt at most 3/10 during it: Abdominal brace: holds
    go from 5 to 8 s; Pelvic tilt: sets go from 1 to 2 and rests between sets from
    30 to 20 s; Knee rolls: reps go from 6 to 8; Heel slides: reps go from 8 to
    10; Walking: minutes go from 5 to 8.
    Decided from:
      sessions that day: 1 (morning routine)
      baseline (median of 7 mornings, 2026-11-17 to 2026-11-23): pain 4,
        stiffness 30 min
      next morning (2026-11-24): pain 3, stiffness 20 min
      pain during (highest comfort check): 3/10
      pain after: not logged
      good sessions in a row before this one: 1
      last step up: none
      safety: no open flag
    Reasons: good_streak
    Level changes:
      abdominal_brace: level 1 -> 2 (Abdominal brace: holds go from 5 to 8 s)
      supine_pelvic_tilt: level 1 -> 2 (Pelvic tilt: sets go from 1 to 2 and
        rests between sets from 30 to 20 s)
      knee_rolls: level 1 -> 2 (Knee rolls: reps go from 6 to 8)
      heel_slides: level 1 -> 2 (Heel slides: reps go from 8 to 10)
      walking: level 1 -> 2 (Walking: minutes go from 5 to 8)
    Recorded 2026-11-24 07:00 (cli).
  
  This rule is adapted from a model tested in Achilles tendon pain (Silbernagel
  2007), not yet in back pain: your own mornings guide it, and you are the judge
  of comfort.
  $ DAYBREAK_FAKE_NOW=2026-11-28T08:00:00Z daybreak progress explain 2026-11-25 --json
  {
    "decisions": [
      {
        "id": 4,
        "program": "daybreak",
        "kind": "rule",
        "routine": "evening",
        "date": "2026-11-25",
        "verdict": "step_back",
        "reasons": [
          "pain_during_high",
          "at_bottom"
        ],
        "stage": 1,
        "sentence": "You felt 7/10 during Standing hip-flexor stretch in Wednesday's evening session, above the 5/10 ceiling: Standing hip-flexor stretch is already at its gentlest level; next time keep it small and easy, or leave it out, and if this keeps happening, ask a clinician. The stage's readiness starts again: only sessions at the top level from tomorrow count towards the next stage.",
        "changes": [],
        "offer_flare": false,
        "note": "",
        "inputs": {
          "routine": "evening",
          "session_date": "2026-11-25",
          "sessions": 1,
          "baseline": {
            "mornings": 7,
            "pain": 4.0,
            "stiffness_mornings": 7,
            "stiffness": 30.0,
            "first": "2026-11-19",
            "last": "2026-11-25"
          },
          "next_morning": null,
          "pain_during": 7,
          "painful_exercises": [
            "standing_hip_flexor_stretch"
          ],
          "stopped_for_pain": false,
          "pain_after": null,
          "good_sessions_before": 0,
          "last_step_up": null,
          "weekly": null,
          "progression_allowed": true,
          "safety_note": ""
        },
        "decided_at": "2026-11-25T18:00:00Z",
        "channel": "cli",
        "author": null
      }
    ],
    "rule": "This rule is adapted from a model tested in Achilles tendon pain (Silbernagel 2007), not yet in back pain: your own mornings guide it, and you are the judge of comfort."
  }
  $ DAYBREAK_FAKE_NOW=2026-11-28T08:00:00Z daybreak progress explain 2026-11-01
  ! daybreak: no progression decision is dated 2026-11-01
  [3]
  $ DAYBREAK_FAKE_NOW=2026-11-28T08:00:00Z daybreak progress explain 23/11
  ! daybreak: that is not a date
  !   DATE: '23/11' is not allowed; allowed: a date written YYYY-MM-DD, today or yesterday
  [2]

A clinician (or the person) sets a level by hand; it is logged as an override:

  $ DAYBREAK_FAKE_NOW=2026-11-28T09:00:00Z daybreak progress set bird_dog 2 --note "physio, 28 Nov"
  Set by hand: Bird-dog: holds go from 8 to 10 s and holds per set from 4 to 5
  (physio, 28 Nov).
  $ DAYBREAK_FAKE_NOW=2026-11-28T09:00:00Z daybreak progress set bird_dog 9
  ! daybreak: there is no such level
  !   level: '9' is not allowed; allowed: a level from 1 to 4
  [2]
  $ DAYBREAK_FAKE_NOW=2026-11-28T09:00:00Z daybreak progress set no_such_exercise 1
  ! daybreak: there is no such exercise
  !   exercise: 'no_such_exercise' is not allowed; allowed: an exercise id
  !   next: daybreak exercise list
  [2]
  $ DAYBREAK_FAKE_NOW=2026-11-28T09:00:00Z daybreak progress set bird_dog
  ! daybreak: give an exercise and a level (daybreak progress set bird_dog 2), or --stage N
  [1]
  $ DAYBREAK_FAKE_NOW=2026-11-28T09:05:00Z daybreak progress set --stage 2 --note "cleared by physio" --json
  {
    "id": 7,
    "program": "daybreak",
    "kind": "stage",
    "routine": null,
    "date": "2026-11-28",
    "verdict": "set",
    "reasons": [
      "by_hand"
    ],
    "stage": 2,
    "sentence": "Set by hand: stage 2 (\"Steady the trunk\") in place of stage 1 (cleared by physio).",
    "changes": [],
    "offer_flare": false,
    "note": "cleared by physio",
    "inputs": {
      "from": 1,
      "to": 2
    },
    "decided_at": "2026-11-28T09:05:00Z",
    "channel": "cli",
    "author": null
  }

Nothing proposed a stage change, so there is nothing to confirm:

  $ DAYBREAK_FAKE_NOW=2026-11-28T09:10:00Z daybreak progress confirm
  ! daybreak: no stage change is waiting for you: stage 2 is not done yet
  !   next: daybreak progress
  [2]

The latest decisions, as JSON:

  $ DAYBREAK_FAKE_NOW=2026-11-28T09:10:00Z daybreak progress --limit 1 --json
  {
    "program": "daybreak",
    "stage": 2,
    "stages": 4,
    "levels": {
      "abdominal_brace": 1,
      "bird_dog": 2,
      "heel_slides": 1,
      "knee_rolls": 1,
      "supine_pelvic_tilt": 1,
      "walking": 1
    },
    "stage_criteria": {
      "days_in_stage": 0,
      "days_met": false,
      "top_level_sessions": 0,
      "sessions_met": false,
      "mornings_met": true,
      "met": false
    },
    "stage_proposed": false,
    "flare_offered": false,
    "waiting": [],
    "decisions": [
      {
        "id": 7,
        "program": "daybreak",
        "kind": "stage",
        "routine": null,
        "date": "2026-11-28",
        "verdict": "set",
        "reasons": [
          "by_hand"
        ],
        "stage": 2,
        "sentence": "Set by hand: stage 2 (\"Steady the trunk\") in place of stage 1 (cleared by physio).",
        "changes": [],
        "offer_flare": false,
        "note": "cleared by physio",
        "inputs": {
          "from": 1,
          "to": 2
        },
        "decided_at": "2026-11-28T09:05:00Z",
        "channel": "cli",
        "author": null
      }
    ],
    "program_name": "The daybreak program",
    "stage_name": "Steady the trunk",
    "stage_exit": "At least three weeks in this stage, the exercises at their top level for six sessions, and mornings not rising: the last week's no worse than the week before.",
    "criteria": [
      {
        "met": false,
        "text": "at least 21 days in the stage: 0 so far"
      },
      {
        "met": false,
        "text": "6 sessions with every exercise at its top level: 0 so far"
      },
      {
        "met": true,
        "text": "mornings not rising (a rise is 0.5 points of pain or 10 minutes of stiffness): morning pain 4 this week, 4 the week before"
      }
    ],
    "proposal": null,
    "flare_offer": null,
    "routines": [
      {
        "routine": "morning",
        "title": "Morning, in bed before you get up",
        "exercises": [
          {
            "exercise": "abdominal_brace",
            "name": "Abdominal brace",
            "listed": "abdominal_brace",
            "listed_name": "Abdominal brace",
            "level": 1,
            "levels": 3,
            "dose": "8 holds of 5 s, 5 s relax between"
          },
          {
            "exercise": "supine_pelvic_tilt",
            "name": "Pelvic tilt",
            "listed": "supine_pelvic_tilt",
            "listed_name": "Pelvic tilt",
            "level": 1,
            "levels": 2,
            "dose": "10 reps, about 5 s a rep"
          },
          {
            "exercise": "supine_march",
            "name": "Supine march",
            "listed": "supine_march",
            "listed_name": "Supine march",
            "level": 1,
            "levels": 3,
            "dose": "8 reps each side, alternating, about 5 s a rep"
          },
          {
            "exercise": "clamshell",
            "name": "Clamshell",
            "listed": "clamshell",
            "listed_name": "Clamshell",
            "level": 1,
            "levels": 4,
            "dose": "2 sets of 10 reps each side, about 5 s a rep, 20 s rest between sets"
          },
          {
            "exercise": "cat_camel",
            "name": "Cat-camel",
            "listed": "cat_camel",
            "listed_name": "Cat-camel",
            "level": 1,
            "levels": 2,
            "dose": "6 reps, about 4 s a rep"
          },
          {
            "exercise": "walking",
            "name": "Walking",
            "listed": "walking",
            "listed_name": "Walking",
            "level": 1,
            "levels": 5,
            "dose": "5 minutes"
          }
        ]
      },
      {
        "routine": "evening",
        "title": "Evening, before bed",
        "exercises": [
          {
            "exercise": "bird_dog",
            "name": "Bird-dog",
            "listed": "bird_dog",
            "listed_name": "Bird-dog",
            "level": 2,
            "levels": 4,
            "dose": "5 holds of 10 s each side, alternating, 3 s relax between"
          },
          {
            "exercise": "dead_bug",
            "name": "Dead bug",
            "listed": "dead_bug",
            "listed_name": "Dead bug",
            "level": 1,
            "levels": 3,
            "dose": "6 reps each side, alternating, about 7 s a rep"
          },
          {
            "exercise": "glute_bridge",
            "name": "Glute bridge",
            "listed": "glute_bridge",
            "listed_name": "Glute bridge",
            "level": 1,
            "levels": 5,
            "dose": "2 sets of 8 reps, about 7 s a rep, 30 s rest between sets"
          },
          {
            "exercise": "side_bridge_knees",
            "name": "Side bridge on knees",
            "listed": "side_bridge_knees",
            "listed_name": "Side bridge on knees",
            "level": 1,
            "levels": 4,
            "dose": "4 holds of 10 s each side, 5 s relax between"
          },
          {
            "exercise": "half_kneeling_hip_flexor_stretch",
            "name": "Half-kneeling hip-flexor stretch",
            "listed": "half_kneeling_hip_flexor_stretch",
            "listed_name": "Half-kneeling hip-flexor stretch",
            "level": 1,
            "levels": 3,
            "dose": "2 holds of 30 s each side, 10 s rest between"
          },
          {
            "exercise": "supine_hamstring_stretch",
            "name": "Hamstring stretch with a strap",
            "listed": "supine_hamstring_stretch",
            "listed_name": "Hamstring stretch with a strap",
            "level": 1,
            "levels": 3,
            "dose": "2 holds of 20 s each side, 10 s rest between"
          },
          {
            "exercise": "single_knee_to_chest",
            "name": "Knee to chest",
            "listed": "single_knee_to_chest",
            "listed_name": "Knee to chest",
            "level": 1,
            "levels": 3,
            "dose": "2 holds of 20 s each side, 10 s rest between"
          }
        ]
      }
    ],
    "rule": "This rule is adapted from a model tested in Achilles tendon pain (Silbernagel 2007), not yet in back pain: your own mornings guide it, and you are the judge of comfort."
  }

The rule's numbers can be changed in config.toml in the data directory; a bad
value is refused with the key, the value and what is allowed:

  $ printf '[progression]\npain_during_ceiling = 12\nbaseline_mornings = 5\nmin_baseline_mornings = 6\nweekly_days = "seven"\n' > "$DAYBREAK_HOME/config.toml"
  $ DAYBREAK_FAKE_NOW=2026-11-28T09:10:00Z daybreak progress
  ! daybreak: $TMP/data/config.toml has a problem; the progression rule was not changed
  !   $TMP/data/config.toml:2:23: progression.pain_during_ceiling: '12' is not allowed; allowed: a whole number from 1 to 9
  !   $TMP/data/config.toml:5:15: progression.weekly_days: 'seven' is not allowed; allowed: a whole number from 3 to 28
  !   $TMP/data/config.toml:4:25: progression.min_baseline_mornings: '6' is not allowed; allowed: a whole number from 1 to 5
  [2]
  $ printf '[progression]\ngood_sessions_to_step_up = 1\n' > "$DAYBREAK_HOME/config.toml"
  $ DAYBREAK_FAKE_NOW=2026-11-28T09:10:00Z daybreak progress --limit 1
  The daybreak program: stage 2 of 4, "Steady the trunk".
  This rule is adapted from a model tested in Achilles tendon pain (Silbernagel
  2007), not yet in back pain: your own mornings guide it, and you are the judge
  of comfort.
  
  Your levels:
    Morning, in bed before you get up
      Abdominal brace                    level 1 of 3: 8 holds of 5 s, 5 s relax between
      Pelvic tilt                        level 1 of 2: 10 reps, about 5 s a rep
      Supine march                       level 1 of 3: 8 reps each side, alternating, about 5 s a rep
      Clamshell                          level 1 of 4: 2 sets of 10 reps each side, about 5 s a rep, 20 s rest between sets
      Cat-camel                          level 1 of 2: 6 reps, about 4 s a rep
      Walking                            level 1 of 5: 5 minutes
    Evening, before bed
      Bird-dog                           level 2 of 4: 5 holds of 10 s each side, alternating, 3 s relax between
      Dead bug                           level 1 of 3: 6 reps each side, alternating, about 7 s a rep
      Glute bridge                       level 1 of 5: 2 sets of 8 reps, about 7 s a rep, 30 s rest between sets
      Side bridge on knees               level 1 of 4: 4 holds of 10 s each side, 5 s relax between
      Half-kneeling hip-flexor stretch   level 1 of 3: 2 holds of 30 s each side, 10 s rest between
      Hamstring stretch with a strap     level 1 of 3: 2 holds of 20 s each side, 10 s rest between
      Knee to chest                      level 1 of 3: 2 holds of 20 s each side, 10 s rest between
  
  Moving on to stage 3: At least three weeks in this stage, the exercises at their top level for six sessions, and mornings not rising: the last week's no worse than the week before.
    [ ] at least 21 days in the stage: 0 so far
    [ ] 6 sessions with every exercise at its top level: 0 so far
    [x] mornings not rising (a rise is 0.5 points of pain or 10 minutes of
      stiffness): morning pain 4 this week, 4 the week before
  
  Last decisions:
    2026-11-28  stage    set by hand
      Set by hand: stage 2 ("Steady the trunk") in place of stage 1 (cleared by
      physio).
  `daybreak progress explain DATE` shows the reasoning of one day in full.

The help says where the rule comes from:

  $ daybreak progress --help
  your stage, levels and the program's decisions, with their reasons
  Usage: daybreak progress [OPTIONS] [SUBCOMMAND]
  
  Options:
    -h,--help                       Print this help message and exit
    --limit N:1 to 1000             how many of the last decisions to show (default 6)
    --program ID                    which program, when the content has several
    --json                          print as JSON
    --content DIR (Env:DAYBREAK_CONTENT)
                                    use the exercises and programs in DIR instead of the built-in ones
  
  Subcommands:
    explain                         the full reasoning of the decisions of one day (default: the latest)
    set                             set an exercise's level, or the stage, by hand (logged as an override)
    confirm                         move on to the stage the program proposed
  
  This rule is adapted from a model tested in Achilles tendon pain (Silbernagel 2007), not yet in back pain: your own mornings guide it, and you are the judge of comfort.

Guided sessions from a script (--script reads timed events from stdin; see
docs/session-script.md). The clock jumps from event to event, so every run
prints the same. Steps go to stdout, questions and answers to stderr.

No session starts before the safety check (clinical.md "Safety"):

  $ printf 'pain 6\n' | daybreak session flare --script
  ! daybreak: answer the safety questions before a session
  !   the first safety check has not been done yet
  !   next: daybreak screen
  [2]
  $ daybreak screen --answers "both_legs=no,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_weakness=no,major_accident=no,fever=no,weight_loss=no,cancer_history=no,night_pain=no,bone_risk_trauma=no,age_at_onset=no" > /dev/null

A whole flare-day session, answering every comfort check:

  $ printf 'pain 6\ncomfort 3\ncomfort 4\ncomfort 2\ncomfort 3\ncomfort 2\n' | daybreak session flare --script
  Flare day: a bad morning (The daybreak program): 5 exercises, 20 steps, about 8 minutes.
  A bad morning: keep moving a little rather than resting it out, in a small and
  comfortable range. Stop anything that makes pain spread down a leg. New numbness
  in the saddle area, new bladder or bowel trouble, or weakness that is getting
  worse: seek care now.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
   0:00  pain before: 6/10
   0:00   1/20  Abdominal brace: get ready (in bed), 10 s. Lie on your back in bed with your knees bent and your feet flat.
   0:10   2/20  Abdominal brace: hold 1 of 6, 5 s. Gentle tension, a third of your effort.
   0:15   3/20  Abdominal brace: relax, 5 s. Relax and breathe.
   0:20   4/20  Abdominal brace: hold 2 of 6, 5 s. Keep breathing while you hold.
   0:25   5/20  Abdominal brace: relax, 5 s. Relax and breathe.
   0:30   6/20  Abdominal brace: hold 3 of 6, 5 s. Low back stays still.
   0:35   7/20  Abdominal brace: relax, 5 s. Relax and breathe.
   0:40   8/20  Abdominal brace: hold 4 of 6, 5 s. Gentle tension, a third of your effort.
   0:45   9/20  Abdominal brace: relax, 5 s. Relax and breathe.
   0:50  10/20  Abdominal brace: hold 5 of 6, 5 s. Keep breathing while you hold.
   0:55  11/20  Abdominal brace: relax, 5 s. Relax and breathe.
   1:00  12/20  Abdominal brace: hold 6 of 6, 5 s. Low back stays still.
   1:05  comfort check, Abdominal brace: pain 3/10
   1:05  13/20  Pelvic tilt: get ready (in bed), 10 s. As small as you like; stop if it hurts more.
   1:15  14/20  Pelvic tilt: 6 reps, 30 s. Small and slow: a rocking, not a push.
   1:45  comfort check, Pelvic tilt: pain 4/10
   1:45  15/20  Knee rolls: get ready (in bed), 10 s. As small as you like; stop if it hurts more.
   1:55  16/20  Knee rolls: 4 reps, left and right in turn, 40 s. Only as far as it is easy.
   2:35  comfort check, Knee rolls: pain 2/10
   2:35  17/20  Heel slides: get ready (in bed), 10 s. Lie on your back in bed with your knees bent and your feet flat.
   2:45  18/20  Heel slides: 6 reps, left and right in turn, 72 s. Low back still; only the leg moves.
   3:57  comfort check, Heel slides: pain 3/10
   3:57  19/20  Walking: get ready (standing), 20 s. A few minutes around the house, at an easy pace.
   4:17  20/20  Walking: 3 minutes, 180 s. Easy pace: you could chat.
   7:17  comfort check, Walking: pain 2/10
   7:17  end of the session
  Session 1 saved. Flare day: a bad morning
    2026-11-23 07:30 to 07:37, 7 min 17 s
    pain before: 6/10
    done: 10 of 10 exercise steps
    comfort check (pain during each exercise, 0-10):
      Abdominal brace                      3
      Pelvic tilt                          4
      Knee rolls                           2
      Heel slides                          3
      Walking                              2
  Tomorrow morning, log how your back is (daybreak log morning): the program
  judges today by how your next morning goes.
  ! Pain right now, 0 (none) to 10 (worst imaginable): 6
  ! Comfort check: how much did Abdominal brace hurt, 0-10 (Enter to skip)? 3
  ! Comfort check: how much did Pelvic tilt hurt, 0-10 (Enter to skip)? 4
  ! Comfort check: how much did Knee rolls hurt, 0-10 (Enter to skip)? 2
  ! Comfort check: how much did Heel slides hurt, 0-10 (Enter to skip)? 3
  ! Comfort check: how much did Walking hurt, 0-10 (Enter to skip)? 2

Pause, skip a step, skip the rest of an exercise, a pain rating above 5, and a
stop with its reason; the comfort check after a stop is about the exercise in
hand. Questions left at the end of a script stay unanswered:

  $ printf 'pain 4\nat 12 pause\nat 40 resume\nat 41 skip\ncomfort 2\nat 120 next\ncomfort 7\nat 230 quit\nreason time\ncomfort 3\n' | daybreak session morning --script
  Morning, in bed before you get up (The daybreak program, stage 1): 5 exercises, 24 steps, about 11 minutes.
  Stay in bed for the first few exercises: small, easy movements to wake the back
  up. No bending forward for now; discs are fullest in the first hours after
  waking. Then get up and walk a little.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
   0:00  pain before: 4/10
   0:00   1/24  Abdominal brace: get ready (in bed), 10 s. Lie on your back in bed with your knees bent and your feet flat.
   0:10   2/24  Abdominal brace: hold 1 of 8, 5 s. Gentle tension, a third of your effort.
   0:12  paused
   0:40  resumed
   0:41  skipped step 2
   0:41   3/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:46   4/24  Abdominal brace: hold 2 of 8, 5 s. Keep breathing while you hold.
   0:51   5/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:56   6/24  Abdominal brace: hold 3 of 8, 5 s. Low back stays still.
   1:01   7/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:06   8/24  Abdominal brace: hold 4 of 8, 5 s. Gentle tension, a third of your effort.
   1:11   9/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:16  10/24  Abdominal brace: hold 5 of 8, 5 s. Keep breathing while you hold.
   1:21  11/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:26  12/24  Abdominal brace: hold 6 of 8, 5 s. Low back stays still.
   1:31  13/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:36  14/24  Abdominal brace: hold 7 of 8, 5 s. Gentle tension, a third of your effort.
   1:41  15/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:46  16/24  Abdominal brace: hold 8 of 8, 5 s. Keep breathing while you hold.
   1:51  comfort check, Abdominal brace: pain 2/10
   1:51  17/24  Pelvic tilt: get ready (in bed), 10 s. Small range: it is early.
   2:00  skipped the rest of Pelvic tilt
   2:00  19/24  Knee rolls: get ready (in bed), 10 s. Small range: it is early.
   2:10  20/24  Knee rolls: 6 reps, left and right in turn, 60 s. Only as far as it is easy.
   3:10  comfort check, Knee rolls: pain 7/10
         that is above the 5/10 this program allows during an exercise: ease off, or stop
   3:10  21/24  Heel slides: get ready (in bed), 10 s. Lie on your back in bed with your knees bent and your feet flat.
   3:20  22/24  Heel slides: 8 reps, left and right in turn, 96 s. Low back still; only the leg moves.
   3:50  stopped: time
   3:50  comfort check, Heel slides: pain 3/10
   3:50  end of the session
  Session 2 saved. Morning, in bed before you get up, stage 1
    2026-11-23 07:30 to 07:33, 3 min 50 s
    pain before: 4/10
    done: 8 of 12 exercise steps, 2 skipped
    stopped early: time
    comfort check (pain during each exercise, 0-10):
      Abdominal brace                      2
      Pelvic tilt                          not done
      Knee rolls                           7
      Heel slides                          3
      Walking                              not done
    Pain went above 5/10 during Knee rolls. Next time do less of it, or its easier
    version; stop it if pain spreads down a leg.
  Tomorrow morning, log how your back is (daybreak log morning): the program
  judges today by how your next morning goes.
  ! Pain right now, 0 (none) to 10 (worst imaginable): 4
  ! Comfort check: how much did Abdominal brace hurt, 0-10 (Enter to skip)? 2
  ! Comfort check: how much did Knee rolls hurt, 0-10 (Enter to skip)? 7
  ! Why stop: p pain, t time, o other (Esc to carry on)? time
  ! Comfort check: how much did Heel slides hurt, 0-10 (Enter to skip)? 3
  ! Progression, morning routine:
  !   You felt 7/10 during Knee rolls in Monday's morning session, above the 5/10
  !   ceiling: Knee rolls is already at its gentlest level; next time keep it small
  !   and easy, or leave it out, and if this keeps happening, ask a clinician. The
  !   stage's readiness starts again: only sessions at the top level from tomorrow
  !   count towards the next stage.
  $ printf 'pain 5\n' | daybreak session evening --script --stage 1 --json
  {
    "id": 3,
    "program": "daybreak",
    "stage": 1,
    "routine": "evening",
    "started_at": "2026-11-23T06:30:00Z",
    "ended_at": "2026-11-23T06:38:14Z",
    "duration_seconds": 494,
    "pain_before": 5,
    "completed": true,
    "stop_reason": null,
    "work_steps": {
      "total": 17,
      "done": 17,
      "skipped": 0
    },
    "steps": "dddddddddddddddddddddddddddddddddd",
    "exercises": [
      {
        "exercise": "cat_camel",
        "level": 1,
        "work_steps": 1,
        "done": 1,
        "skipped": 0,
        "pain_during": null
      },
      {
        "exercise": "standing_hip_flexor_stretch",
        "level": 1,
        "work_steps": 4,
        "done": 4,
        "skipped": 0,
        "pain_during": null
      },
      {
        "exercise": "side_lying_quad_stretch",
        "level": 1,
        "work_steps": 4,
        "done": 4,
        "skipped": 0,
        "pain_during": null
      },
      {
        "exercise": "supine_hamstring_stretch",
        "level": 1,
        "work_steps": 4,
        "done": 4,
        "skipped": 0,
        "pain_during": null
      },
      {
        "exercise": "single_knee_to_chest",
        "level": 1,
        "work_steps": 4,
        "done": 4,
        "skipped": 0,
        "pain_during": null
      }
    ],
    "idempotency_key": null,
    "recorded_at": "2026-11-23T06:30:00Z",
    "channel": "cli"
  }
  ! Evening, before bed (The daybreak program, stage 1): 5 exercises, 34 steps, about 9 minutes.
  ! Loosen up before the night, against the stiffness that builds while you sleep.
  ! Stretch to mild tightness, never to pain.
  ! If you have osteoporosis, a known fracture, recent spinal surgery, or are
  ! pregnant: clinician-approved program only.
  ! Pain right now, 0 (none) to 10 (worst imaginable): 5
  !  0:00  pain before: 5/10
  !  0:00   1/34  Cat-camel: get ready (on the floor), 10 s. Kneel on hands and knees, hands under shoulders and knees under hips.
  !  0:10   2/34  Cat-camel: 6 reps, 24 s. Motion, not a stretch: stop short of the ends.
  ! Comfort check: how much did Cat-camel hurt, 0-10 (Enter to skip)? -
  !  0:34  comfort check, Cat-camel: no answer
  !  0:34   3/34  Standing hip-flexor stretch: get ready (standing), 20 s. Stand with one foot a step in front of the other, holding a chair back or a worktop.
  !  0:54   4/34  Standing hip-flexor stretch: hold 1 of 2, left side, 20 s. Tailbone under; do not arch the back.
  !  1:14   5/34  Standing hip-flexor stretch: change to the right side, 5 s. Change sides: now the right side.
  !  1:19   6/34  Standing hip-flexor stretch: hold 1 of 2, right side, 20 s. Mild tightness, not pain.
  !  1:39   7/34  Standing hip-flexor stretch: rest before set 2 of 2, 10 s. Rest. Next: set 2 of 2.
  !  1:49   8/34  Standing hip-flexor stretch: hold 2 of 2, left side, 20 s. Breathe slowly.
  !  2:09   9/34  Standing hip-flexor stretch: change to the right side, 5 s. Change sides: now the right side.
  !  2:14  10/34  Standing hip-flexor stretch: hold 2 of 2, right side, 20 s. Tailbone under; do not arch the back.
  ! Comfort check: how much did Standing hip-flexor stretch hurt, 0-10 (Enter to skip)? -
  !  2:34  comfort check, Standing hip-flexor stretch: no answer
  !  2:34  11/34  Side-lying thigh stretch: get ready (in bed), 20 s. Lie on your side in bed (or on the floor) with the bottom knee bent for balance.
  !  2:54  12/34  Side-lying thigh stretch: hold 1 of 2, left side, 20 s. Knees level; thigh slightly back.
  !  3:14  13/34  Side-lying thigh stretch: change to the right side, 5 s. Change sides: now the right side.
  !  3:19  14/34  Side-lying thigh stretch: hold 1 of 2, right side, 20 s. Do not arch the back.
  !  3:39  15/34  Side-lying thigh stretch: rest before set 2 of 2, 10 s. Rest. Next: set 2 of 2.
  !  3:49  16/34  Side-lying thigh stretch: hold 2 of 2, left side, 20 s. Mild tightness, not pain.
  !  4:09  17/34  Side-lying thigh stretch: change to the right side, 5 s. Change sides: now the right side.
  !  4:14  18/34  Side-lying thigh stretch: hold 2 of 2, right side, 20 s. Knees level; thigh slightly back.
  ! Comfort check: how much did Side-lying thigh stretch hurt, 0-10 (Enter to skip)? -
  !  4:34  comfort check, Side-lying thigh stretch: no answer
  !  4:34  19/34  Hamstring stretch with a strap: get ready (in bed), 10 s. Lie on your back with both knees bent. Loop a strap, belt or towel round one foot.
  !  4:44  20/34  Hamstring stretch with a strap: hold 1 of 2, left side, 20 s. Low back stays down.
  !  5:04  21/34  Hamstring stretch with a strap: change to the right side, 5 s. Change sides: now the right side.
  !  5:09  22/34  Hamstring stretch with a strap: hold 1 of 2, right side, 20 s. Knee nearly straight, not locked.
  !  5:29  23/34  Hamstring stretch with a strap: rest before set 2 of 2, 10 s. Rest. Next: set 2 of 2.
  !  5:39  24/34  Hamstring stretch with a strap: hold 2 of 2, left side, 20 s. Mild tightness, not pain.
  !  5:59  25/34  Hamstring stretch with a strap: change to the right side, 5 s. Change sides: now the right side.
  !  6:04  26/34  Hamstring stretch with a strap: hold 2 of 2, right side, 20 s. Low back stays down.
  ! Comfort check: how much did Hamstring stretch with a strap hurt, 0-10 (Enter to skip)? -
  !  6:24  comfort check, Hamstring stretch with a strap: no answer
  !  6:24  27/34  Knee to chest: get ready (in bed), 10 s. Lie on your back with both knees bent and feet flat.
  !  6:34  28/34  Knee to chest: hold 1 of 2, left side, 20 s. Gentle; let the stretch come.
  !  6:54  29/34  Knee to chest: change to the right side, 5 s. Change sides: now the right side.
  !  6:59  30/34  Knee to chest: hold 1 of 2, right side, 20 s. Hold behind the thigh, not the knee.
  !  7:19  31/34  Knee to chest: rest before set 2 of 2, 10 s. Rest. Next: set 2 of 2.
  !  7:29  32/34  Knee to chest: hold 2 of 2, left side, 20 s. Breathe slowly.
  !  7:49  33/34  Knee to chest: change to the right side, 5 s. Change sides: now the right side.
  !  7:54  34/34  Knee to chest: hold 2 of 2, right side, 20 s. Gentle; let the stretch come.
  ! Comfort check: how much did Knee to chest hurt, 0-10 (Enter to skip)? -
  !  8:14  comfort check, Knee to chest: no answer
  !  8:14  end of the session
  $ daybreak sessions
   id  date        time   routine  stage     done  before  during  stopped
    1  2026-11-23  07:30  flare        1    10/10       6       4  -
    2  2026-11-23  07:30  morning      1     8/12       4       7  time
    3  2026-11-23  07:30  evening      1    17/17       5       -  -
  
  3 sessions. done: exercise steps done of those planned; pain 0-10 before the
  session, and the highest comfort-check rating during it.
  $ daybreak sessions --limit 1 --json
  [
    {
      "id": 3,
      "program": "daybreak",
      "stage": 1,
      "routine": "evening",
      "started_at": "2026-11-23T06:30:00Z",
      "ended_at": "2026-11-23T06:38:14Z",
      "duration_seconds": 494,
      "pain_before": 5,
      "completed": true,
      "stop_reason": null,
      "work_steps": {
        "total": 17,
        "done": 17,
        "skipped": 0
      },
      "steps": "dddddddddddddddddddddddddddddddddd",
      "exercises": [
        {
          "exercise": "cat_camel",
          "level": 1,
          "work_steps": 1,
          "done": 1,
          "skipped": 0,
          "pain_during": null
        },
        {
          "exercise": "standing_hip_flexor_stretch",
          "level": 1,
          "work_steps": 4,
          "done": 4,
          "skipped": 0,
          "pain_during": null
        },
        {
          "exercise": "side_lying_quad_stretch",
          "level": 1,
          "work_steps": 4,
          "done": 4,
          "skipped": 0,
          "pain_during": null
        },
        {
          "exercise": "supine_hamstring_stretch",
          "level": 1,
          "work_steps": 4,
          "done": 4,
          "skipped": 0,
          "pain_during": null
        },
        {
          "exercise": "single_knee_to_chest",
          "level": 1,
          "work_steps": 4,
          "done": 4,
          "skipped": 0,
          "pain_during": null
        }
      ],
      "idempotency_key": null,
      "recorded_at": "2026-11-23T06:30:00Z",
      "channel": "cli"
    }
  ]

Leaving before the first step saves nothing; Ctrl-C (interrupt) stops at once
and keeps what was done:

  $ printf 'quit\n' | daybreak session morning --script
  Morning, in bed before you get up (The daybreak program, stage 1): 5 exercises, 24 steps, about 11 minutes.
  Stay in bed for the first few exercises: small, easy movements to wake the back
  up. No bending forward for now; discs are fullest in the first hours after
  waking. Then get up and walk a little.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
  ! Pain right now, 0 (none) to 10 (worst imaginable): quit
  ! The session was left before it began; nothing was saved.
  $ printf '\n' | daybreak session morning --script
  Morning, in bed before you get up (The daybreak program, stage 1): 5 exercises, 24 steps, about 11 minutes.
  Stay in bed for the first few exercises: small, easy movements to wake the back
  up. No bending forward for now; discs are fullest in the first hours after
  waking. Then get up and walk a little.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
  ! Pain right now, 0 (none) to 10 (worst imaginable): 
  ! The session was left before it began; nothing was saved.
  $ printf 'pain 3\nat 30 interrupt\n' | daybreak session morning --script
  Morning, in bed before you get up (The daybreak program, stage 1): 5 exercises, 24 steps, about 11 minutes.
  Stay in bed for the first few exercises: small, easy movements to wake the back
  up. No bending forward for now; discs are fullest in the first hours after
  waking. Then get up and walk a little.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
   0:00  pain before: 3/10
   0:00   1/24  Abdominal brace: get ready (in bed), 10 s. Lie on your back in bed with your knees bent and your feet flat.
   0:10   2/24  Abdominal brace: hold 1 of 8, 5 s. Gentle tension, a third of your effort.
   0:15   3/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:20   4/24  Abdominal brace: hold 2 of 8, 5 s. Keep breathing while you hold.
   0:25   5/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:30   6/24  Abdominal brace: hold 3 of 8, 5 s. Low back stays still.
   0:30  stopped: other
   0:30  end of the session
  Session 4 saved. Morning, in bed before you get up, stage 1
    2026-11-23 07:30 to 07:30, 30 s
    pain before: 3/10
    done: 2 of 12 exercise steps
    stopped early: other
    comfort check (pain during each exercise, 0-10):
      Abdominal brace                      -
      Pelvic tilt                          not done
      Knee rolls                           not done
      Heel slides                          not done
      Walking                              not done
  Tomorrow morning, log how your back is (daybreak log morning): the program
  judges today by how your next morning goes.
  ! Pain right now, 0 (none) to 10 (worst imaginable): 3

Scripts that do not fit the session are refused, and nothing is saved:

  $ printf 'pain 11\n' | daybreak session morning --script
  ! daybreak: the script cannot be read
  !   script line 1: 'pain 11': a number from 0 to 10 must follow; allowed: pain N, comfort N, comfort -, reason pain|time|other, or [at SECONDS] pause|resume|skip|next|quit|interrupt
  [2]
  $ printf 'pain 3\ncomfort 2\nreason time\n' | daybreak session morning --script
  Morning, in bed before you get up (The daybreak program, stage 1): 5 exercises, 24 steps, about 11 minutes.
  Stay in bed for the first few exercises: small, easy movements to wake the back
  up. No bending forward for now; discs are fullest in the first hours after
  waking. Then get up and walk a little.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
   0:00  pain before: 3/10
   0:00   1/24  Abdominal brace: get ready (in bed), 10 s. Lie on your back in bed with your knees bent and your feet flat.
   0:10   2/24  Abdominal brace: hold 1 of 8, 5 s. Gentle tension, a third of your effort.
   0:15   3/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:20   4/24  Abdominal brace: hold 2 of 8, 5 s. Keep breathing while you hold.
   0:25   5/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:30   6/24  Abdominal brace: hold 3 of 8, 5 s. Low back stays still.
   0:35   7/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:40   8/24  Abdominal brace: hold 4 of 8, 5 s. Gentle tension, a third of your effort.
   0:45   9/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:50  10/24  Abdominal brace: hold 5 of 8, 5 s. Keep breathing while you hold.
   0:55  11/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:00  12/24  Abdominal brace: hold 6 of 8, 5 s. Low back stays still.
   1:05  13/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:10  14/24  Abdominal brace: hold 7 of 8, 5 s. Gentle tension, a third of your effort.
   1:15  15/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:20  16/24  Abdominal brace: hold 8 of 8, 5 s. Keep breathing while you hold.
   1:25  comfort check, Abdominal brace: pain 2/10
   1:25  17/24  Pelvic tilt: get ready (in bed), 10 s. Small range: it is early.
   1:35  18/24  Pelvic tilt: 10 reps, 50 s. Small and slow: a rocking, not a push.
  ! Pain right now, 0 (none) to 10 (worst imaginable): 3
  ! Comfort check: how much did Abdominal brace hurt, 0-10 (Enter to skip)? 2
  ! Comfort check: how much did Pelvic tilt hurt, 0-10 (Enter to skip)? 
  ! daybreak: the script does not fit the session; nothing was saved
  !   script line 3: 'reason time': the question now is the comfort check after Pelvic tilt
  [2]
  $ printf 'pain 3\nat 500 skip\n' | daybreak session morning --script
  Morning, in bed before you get up (The daybreak program, stage 1): 5 exercises, 24 steps, about 11 minutes.
  Stay in bed for the first few exercises: small, easy movements to wake the back
  up. No bending forward for now; discs are fullest in the first hours after
  waking. Then get up and walk a little.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
   0:00  pain before: 3/10
   0:00   1/24  Abdominal brace: get ready (in bed), 10 s. Lie on your back in bed with your knees bent and your feet flat.
   0:10   2/24  Abdominal brace: hold 1 of 8, 5 s. Gentle tension, a third of your effort.
   0:15   3/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:20   4/24  Abdominal brace: hold 2 of 8, 5 s. Keep breathing while you hold.
   0:25   5/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:30   6/24  Abdominal brace: hold 3 of 8, 5 s. Low back stays still.
   0:35   7/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:40   8/24  Abdominal brace: hold 4 of 8, 5 s. Gentle tension, a third of your effort.
   0:45   9/24  Abdominal brace: relax, 5 s. Relax and breathe.
   0:50  10/24  Abdominal brace: hold 5 of 8, 5 s. Keep breathing while you hold.
   0:55  11/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:00  12/24  Abdominal brace: hold 6 of 8, 5 s. Low back stays still.
   1:05  13/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:10  14/24  Abdominal brace: hold 7 of 8, 5 s. Gentle tension, a third of your effort.
   1:15  15/24  Abdominal brace: relax, 5 s. Relax and breathe.
   1:20  16/24  Abdominal brace: hold 8 of 8, 5 s. Keep breathing while you hold.
  ! Pain right now, 0 (none) to 10 (worst imaginable): 3
  ! Comfort check: how much did Abdominal brace hurt, 0-10 (Enter to skip)? 
  ! daybreak: the script does not fit the session; nothing was saved
  !   script line 2: 'at 500 skip': the comfort check after Abdominal brace came first, at 85.0 s: answer it before this line
  [2]
  $ printf 'pain 3\nat 12 pause\n' | daybreak session morning --script
  Morning, in bed before you get up (The daybreak program, stage 1): 5 exercises, 24 steps, about 11 minutes.
  Stay in bed for the first few exercises: small, easy movements to wake the back
  up. No bending forward for now; discs are fullest in the first hours after
  waking. Then get up and walk a little.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
   0:00  pain before: 3/10
   0:00   1/24  Abdominal brace: get ready (in bed), 10 s. Lie on your back in bed with your knees bent and your feet flat.
   0:10   2/24  Abdominal brace: hold 1 of 8, 5 s. Gentle tension, a third of your effort.
   0:12  paused
  ! Pain right now, 0 (none) to 10 (worst imaginable): 3
  ! daybreak: the script does not fit the session; nothing was saved
  !   the script ends with the session paused: add resume or quit
  [2]
  $ printf 'pain 3\nat 10 resume\n' | daybreak session morning --script
  Morning, in bed before you get up (The daybreak program, stage 1): 5 exercises, 24 steps, about 11 minutes.
  Stay in bed for the first few exercises: small, easy movements to wake the back
  up. No bending forward for now; discs are fullest in the first hours after
  waking. Then get up and walk a little.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
   0:00  pain before: 3/10
   0:00   1/24  Abdominal brace: get ready (in bed), 10 s. Lie on your back in bed with your knees bent and your feet flat.
   0:10   2/24  Abdominal brace: hold 1 of 8, 5 s. Gentle tension, a third of your effort.
  ! Pain right now, 0 (none) to 10 (worst imaginable): 3
  ! daybreak: the script does not fit the session; nothing was saved
  !   script line 2: 'at 10 resume': the session is not paused
  [2]
  $ printf 'pain 3\nat 2 jump\n' | daybreak session morning --script
  ! daybreak: the script cannot be read
  !   script line 2: 'at 2 jump': only keys can be timed; allowed: pain N, comfort N, comfort -, reason pain|time|other, or [at SECONDS] pause|resume|skip|next|quit|interrupt
  [2]
  $ printf 'pain 3\nat 200 skip\n' | daybreak session flare --script
  Flare day: a bad morning (The daybreak program): 5 exercises, 20 steps, about 8 minutes.
  A bad morning: keep moving a little rather than resting it out, in a small and
  comfortable range. Stop anything that makes pain spread down a leg. New numbness
  in the saddle area, new bladder or bowel trouble, or weakness that is getting
  worse: seek care now.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
   0:00  pain before: 3/10
   0:00   1/20  Abdominal brace: get ready (in bed), 10 s. Lie on your back in bed with your knees bent and your feet flat.
   0:10   2/20  Abdominal brace: hold 1 of 6, 5 s. Gentle tension, a third of your effort.
   0:15   3/20  Abdominal brace: relax, 5 s. Relax and breathe.
   0:20   4/20  Abdominal brace: hold 2 of 6, 5 s. Keep breathing while you hold.
   0:25   5/20  Abdominal brace: relax, 5 s. Relax and breathe.
   0:30   6/20  Abdominal brace: hold 3 of 6, 5 s. Low back stays still.
   0:35   7/20  Abdominal brace: relax, 5 s. Relax and breathe.
   0:40   8/20  Abdominal brace: hold 4 of 6, 5 s. Gentle tension, a third of your effort.
   0:45   9/20  Abdominal brace: relax, 5 s. Relax and breathe.
   0:50  10/20  Abdominal brace: hold 5 of 6, 5 s. Keep breathing while you hold.
   0:55  11/20  Abdominal brace: relax, 5 s. Relax and breathe.
   1:00  12/20  Abdominal brace: hold 6 of 6, 5 s. Low back stays still.
  ! Pain right now, 0 (none) to 10 (worst imaginable): 3
  ! Comfort check: how much did Abdominal brace hurt, 0-10 (Enter to skip)? 
  ! daybreak: the script does not fit the session; nothing was saved
  !   script line 2: 'at 200 skip': the comfort check after Abdominal brace came first, at 65.0 s: answer it before this line
  [2]
  $ daybreak sessions
   id  date        time   routine  stage     done  before  during  stopped
    1  2026-11-23  07:30  flare        1    10/10       6       4  -
    2  2026-11-23  07:30  morning      1     8/12       4       7  time
    3  2026-11-23  07:30  evening      1    17/17       5       -  -
    4  2026-11-23  07:30  morning      1     2/12       3       -  other
  
  4 sessions. done: exercise steps done of those planned; pain 0-10 before the
  session, and the highest comfort-check rating during it.

Another stage, a stage that is not there, and no terminal without --script:

  $ printf 'pain 2\nat 5 quit\nreason other\n' | daybreak session morning --script --stage 4
  Morning, easy start and a longer walk (The daybreak program, stage 4): 6 exercises, 32 steps, about 14 minutes.
  Easy movement in bed, trunk control on the floor, then your walk. Keep the first
  two hours after waking free of bending forward, as before.
  If you have osteoporosis, a known fracture, recent spinal surgery, or are
  pregnant: clinician-approved program only.
   0:00  pain before: 2/10
   0:00   1/32  Pelvic tilt: get ready (in bed), 10 s. Small range: it is early.
   0:05  stopped: other
   0:05  end of the session
  Session 5 saved. Morning, easy start and a longer walk, stage 4
    2026-11-23 07:30 to 07:30, 5 s
    pain before: 2/10
    done: 0 of 16 exercise steps
    stopped early: other
    comfort check (pain during each exercise, 0-10):
      Pelvic tilt                          not done
      Knee rolls                           not done
      Clamshell                            not done
      Cat-camel                            not done
      Bird-dog                             not done
      Walking                              not done
  Tomorrow morning, log how your back is (daybreak log morning): the program
  judges today by how your next morning goes.
  ! Pain right now, 0 (none) to 10 (worst imaginable): 2
  ! Why stop: p pain, t time, o other (Esc to carry on)? other
  $ daybreak session morning --stage 9 --script < /dev/null
  ! daybreak: there is no such stage
  !   --stage: '9' is not allowed; allowed: a stage from 1 to 4
  [2]
  $ daybreak session morning < /dev/null
  ! daybreak: a guided session reads its keys from a terminal; use --script to feed it events on stdin
  [1]

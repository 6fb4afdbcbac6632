The program: every stage with its morning and evening routines, when to move
on, and the flare-day routine; one stage; JSON; a stage that is not there.

  $ daybreak program show
  The daybreak program (daybreak): 4 stages; you are in stage 1.
  Four stages from gentle morning movement to everyday strength. Each stage has a
  short routine for the morning, mostly in bed before you get up, and one for the
  evening, before bed. Move on when a stage feels easy and your mornings are not
  getting worse.
  
  Stage 1 of 4: Wake up gently  (you are here)
    Small, easy movements and the first trunk control, a daily walk, and stretches
    in the evening.
  
    Morning, in bed before you get up (about 11 min)
       1. Abdominal brace                       8 x 5 s
       2. Pelvic tilt                           10 reps
       3. Knee rolls                            6 reps each side
       4. Heel slides                           8 reps each side
       5. Walking                               5 min
  
    Evening, before bed (about 9 min)
       1. Cat-camel                             6 reps
       2. Standing hip-flexor stretch           2 x 20 s each side
       3. Side-lying thigh stretch              2 x 20 s each side
       4. Hamstring stretch with a strap        2 x 20 s each side
       5. Knee to chest                         2 x 20 s each side
  
    Move on when
      At least two weeks in this stage, the exercises at their top level for six
      sessions, and mornings not rising: the last week's no worse than the week
      before.
      (at least 14 days, and 6 sessions at the top level)
  
  Stage 2 of 4: Steady the trunk
    Stabilisation: the deep trunk and hip muscles learn to hold the spine still
    while the limbs move.
  
    Morning, in bed before you get up (about 14 min)
       1. Abdominal brace                       8 x 5 s
       2. Pelvic tilt                           10 reps
       3. Supine march                          8 reps each side
       4. Clamshell                             2 x 10 reps each side
       5. Cat-camel                             6 reps
       6. Walking                               5 min
  
    Evening, before bed (about 15 min)
       1. Bird-dog                              4 x 8 s each side
       2. Dead bug                              6 reps each side
       3. Glute bridge                          2 x 8 reps
       4. Side bridge on knees                  4 x 10 s each side
       5. Half-kneeling hip-flexor stretch      2 x 30 s each side
       6. Hamstring stretch with a strap        2 x 20 s each side
       7. Knee to chest                         2 x 20 s each side
  
    Move on when
      At least three weeks in this stage, the exercises at their top level for six
      sessions, and mornings not rising: the last week's no worse than the week
      before.
      (at least 21 days, and 6 sessions at the top level)
  
  Stage 3 of 4: Build strength and endurance
    Longer holds, one-leg work and loaded standing exercises, so the trunk and
    hips last through the day.
  
    Morning, gentle start then the floor (about 12 min)
       1. Abdominal brace                       8 x 5 s
       2. Pelvic tilt                           10 reps
       3. Knee rolls                            6 reps each side
       4. Cat-camel                             6 reps
       5. Bird-dog                              4 x 8 s each side
       6. Walking                               5 min
  
    Evening, strength then stretches (about 18 min)
       1. Side bridge                           4 x 10 s each side
       2. Single-leg bridge                     2 x 6 reps each side
       3. Sit to stand                          2 x 8 reps
       4. Modified curl-up                      4 x 8 s
       5. Dead bug                              6 reps each side
       6. Half-kneeling rectus femoris stretch  2 x 30 s each side
       7. Hamstring stretch with a strap        2 x 20 s each side
       8. Figure-four stretch                   2 x 20 s each side
  
    Move on when
      At least four weeks in this stage, the exercises at their top level for
      eight sessions, and mornings holding steady or better: the last week's no
      worse than the week before.
      (at least 28 days, and 8 sessions at the top level)
  
  Stage 4 of 4: Everyday strength
    Functional strength and a longer daily walk: lifting, stepping and hinging the
    way daily life asks, for the long run.
  
    Morning, easy start and a longer walk (about 14 min)
       1. Pelvic tilt                           10 reps
       2. Knee rolls                            6 reps each side
       3. Clamshell                             2 x 10 reps each side
       4. Cat-camel                             6 reps
       5. Bird-dog                              4 x 8 s each side
       6. Walking                               5 min
  
    Evening, everyday strength (about 19 min)
       1. Split squat                           2 x 6 reps each side
       2. Hip hinge                             2 x 8 reps
       3. Side bridge                           4 x 10 s each side
       4. Single-leg bridge                     2 x 6 reps each side
       5. Prone press-up                        8 reps
       6. Standing thigh stretch                2 x 30 s each side
       7. Half-kneeling hip-flexor stretch      2 x 30 s each side
       8. Both knees to chest                   2 x 20 s
  
    The last stage: keep it up.
  
  Flare day: a bad morning (about 8 min)
     1. Abdominal brace                       6 x 5 s
     2. Pelvic tilt                           6 reps
     3. Knee rolls                            4 reps each side
     4. Heel slides                           6 reps each side
     5. Walking                               3 min
  $ daybreak program show --stage 2
  Stage 2 of 4: Steady the trunk
    Stabilisation: the deep trunk and hip muscles learn to hold the spine still
    while the limbs move.
  
    Morning, in bed before you get up (about 14 min)
       1. Abdominal brace                       8 x 5 s
       2. Pelvic tilt                           10 reps
       3. Supine march                          8 reps each side
       4. Clamshell                             2 x 10 reps each side
       5. Cat-camel                             6 reps
       6. Walking                               5 min
  
    Evening, before bed (about 15 min)
       1. Bird-dog                              4 x 8 s each side
       2. Dead bug                              6 reps each side
       3. Glute bridge                          2 x 8 reps
       4. Side bridge on knees                  4 x 10 s each side
       5. Half-kneeling hip-flexor stretch      2 x 30 s each side
       6. Hamstring stretch with a strap        2 x 20 s each side
       7. Knee to chest                         2 x 20 s each side
  
    Move on when
      At least three weeks in this stage, the exercises at their top level for six
      sessions, and mornings not rising: the last week's no worse than the week
      before.
      (at least 21 days, and 6 sessions at the top level)
  $ daybreak program show --stage 5
  ! daybreak: there is no such stage
  !   --stage: '5' is not allowed; allowed: a stage from 1 to 4
  [2]
  $ daybreak program show --stage 4 --json
  {
    "id": "daybreak",
    "name": "The daybreak program",
    "summary": "Four stages from gentle morning movement to everyday strength. Each stage has a short routine for the morning, mostly in bed before you get up, and one for the evening, before bed. Move on when a stage feels easy and your mornings are not getting worse.",
    "stages": [
      {
        "number": 4,
        "name": "Everyday strength",
        "goal": "Functional strength and a longer daily walk: lifting, stepping and hinging the way daily life asks, for the long run.",
        "morning": {
          "routine": "morning",
          "title": "Morning, easy start and a longer walk",
          "intro": "Easy movement in bed, trunk control on the floor, then your walk. Keep the first two hours after waking free of bending forward, as before.",
          "items": [
            {
              "exercise": "supine_pelvic_tilt",
              "name": "Pelvic tilt",
              "note": "Small range: it is early."
            },
            {
              "exercise": "knee_rolls",
              "name": "Knee rolls"
            },
            {
              "exercise": "clamshell",
              "name": "Clamshell"
            },
            {
              "exercise": "cat_camel",
              "name": "Cat-camel"
            },
            {
              "exercise": "bird_dog",
              "name": "Bird-dog"
            },
            {
              "exercise": "walking",
              "name": "Walking"
            }
          ]
        },
        "evening": {
          "routine": "evening",
          "title": "Evening, everyday strength",
          "intro": "Standing strength for lifting and stepping, trunk endurance, then stretches. Keep this up for the long run; it is what keeps mornings good.",
          "items": [
            {
              "exercise": "split_squat",
              "name": "Split squat"
            },
            {
              "exercise": "hip_hinge",
              "name": "Hip hinge"
            },
            {
              "exercise": "side_bridge_full",
              "name": "Side bridge"
            },
            {
              "exercise": "single_leg_bridge",
              "name": "Single-leg bridge"
            },
            {
              "exercise": "prone_press_up",
              "name": "Prone press-up"
            },
            {
              "exercise": "standing_quad_stretch",
              "name": "Standing thigh stretch"
            },
            {
              "exercise": "half_kneeling_hip_flexor_stretch",
              "name": "Half-kneeling hip-flexor stretch"
            },
            {
              "exercise": "double_knee_to_chest",
              "name": "Both knees to chest"
            }
          ]
        },
        "exit": null
      }
    ],
    "current_stage": 1
  }
  $ daybreak program show --program nope
  ! daybreak: there is no such program
  !   --program: 'nope' is not allowed; allowed: one of: daybreak
  [2]

A stage's home program, printed (issue 22): both routines, each exercise with
its figure, dose, steps and cautions, as a PDF (tests/report/check_report.py
reads it). A stage that is not there is refused, and nothing is written:

  $ daybreak program print --stage 2 --paper a4 --output home.pdf && head -c 8 home.pdf && echo
  %PDF-1.5
  ! Wrote your home program (stage 2, A4) to home.pdf.
  $ daybreak program print --stage 5 --output five.pdf; ls five.pdf
  ! daybreak: there is no such stage
  !   --stage: '5' is not allowed; allowed: a stage from 1 to 4
  ! ls: cannot access 'five.pdf': No such file or directory
  [2]

The exercise library: listing with filters, one exercise in full, JSON, and
what happens with a name that is not there.

  $ daybreak exercise list
  id                                    kind        position  name
  abdominal_brace                       activation  in bed    Abdominal brace
  bird_dog                              activation  floor     Bird-dog
  cat_camel                             mobility    floor     Cat-camel
  clamshell                             strength    in bed    Clamshell
  dead_bug                              activation  floor     Dead bug
  double_knee_to_chest                  stretch     in bed    Both knees to chest
  figure_four_stretch                   stretch     in bed    Figure-four stretch
  glute_bridge                          strength    floor     Glute bridge
  half_kneeling_hip_flexor_stretch      stretch     floor     Half-kneeling hip-flexor stretch
  half_kneeling_rectus_femoris_stretch  stretch     floor     Half-kneeling rectus femoris stretch
  heel_slides                           activation  in bed    Heel slides
  hip_hinge                             strength    standing  Hip hinge
  knee_rolls                            mobility    in bed    Knee rolls
  modified_curl_up                      strength    floor     Modified curl-up
  prone_press_up                        mobility    floor     Prone press-up
  quadruped_leg_reach                   activation  floor     Leg reach on hands and knees
  side_bridge_full                      strength    floor     Side bridge
  side_bridge_knees                     activation  floor     Side bridge on knees
  side_bridge_wall                      activation  standing  Side bridge at the wall
  side_lying_hip_abduction              strength    floor     Side-lying leg lift
  side_lying_quad_stretch               stretch     in bed    Side-lying thigh stretch
  single_knee_to_chest                  stretch     in bed    Knee to chest
  single_leg_bridge                     strength    floor     Single-leg bridge
  sit_to_stand                          strength    chair     Sit to stand
  split_squat                           strength    standing  Split squat
  standing_hip_flexor_stretch           stretch     standing  Standing hip-flexor stretch
  standing_quad_stretch                 stretch     standing  Standing thigh stretch
  supine_hamstring_stretch              stretch     in bed    Hamstring stretch with a strap
  supine_march                          activation  in bed    Supine march
  supine_pelvic_tilt                    mobility    in bed    Pelvic tilt
  walking                               aerobic     standing  Walking
  
  31 exercises. `daybreak exercise show ID` shows one in full.
  $ daybreak exercise list --muscle hip_flexors
  id                                    kind        position  name
  dead_bug                              activation  floor     Dead bug
  half_kneeling_hip_flexor_stretch      stretch     floor     Half-kneeling hip-flexor stretch
  half_kneeling_rectus_femoris_stretch  stretch     floor     Half-kneeling rectus femoris stretch
  heel_slides                           activation  in bed    Heel slides
  standing_hip_flexor_stretch           stretch     standing  Standing hip-flexor stretch
  supine_march                          activation  in bed    Supine march
  
  6 exercises. `daybreak exercise show ID` shows one in full.
  $ daybreak exercise list --muscle rectus_femoris --kind stretch
  id                                    kind        position  name
  half_kneeling_rectus_femoris_stretch  stretch     floor     Half-kneeling rectus femoris stretch
  side_lying_quad_stretch               stretch     in bed    Side-lying thigh stretch
  standing_quad_stretch                 stretch     standing  Standing thigh stretch
  
  3 exercises. `daybreak exercise show ID` shows one in full.
  $ daybreak exercise list --position in_bed --kind activation
  id               kind        position  name
  abdominal_brace  activation  in bed    Abdominal brace
  heel_slides      activation  in bed    Heel slides
  supine_march     activation  in bed    Supine march
  
  3 exercises. `daybreak exercise show ID` shows one in full.
  $ daybreak exercise list --muscle calves
  ! daybreak: there is no such muscle
  !   --muscle: 'calves' is not allowed; allowed: a muscle group or muscle: hip_flexors, abdominals, rectus_femoris, quadriceps, hamstrings, deep_back, gluteals, hip_rotators, iliopsoas, iliacus, transversus_abdominis, rectus_abdominis, obliques, multifidus, erector_spinae, quadratus_lumborum, gluteus_maximus, gluteus_medius
  [2]
  $ daybreak exercise list --kind cardio
  ! --kind: cardio not in {stretch,mobility,activation,strength,aerobic}
  ! Run with --help for more information.
  [1]
  $ daybreak exercise show heel_slides
  Heel slides (heel_slides)
  Slide one heel at a time while the brace keeps the low back still: the hip
  flexors work under control.
  
    kind       activation, in bed, left and right alternately
    targets    iliopsoas, iliacus, transversus abdominis
    dose       8 reps each side, alternating, about 6 s a rep (level 1 of 4)
    harder     Supine march (supine_march)
  
  How to do it
     1. Lie on your back in bed with your knees bent and your feet flat.
     2. Set a gentle abdominal brace.
     3. Slowly slide one heel along the bed until the leg is almost straight, then
        slide it back.
     4. Do the same with the other leg. Keep the low back still the whole time.
  
  Cues
    - Low back still; only the leg moves.
    - Keep the gentle brace and keep breathing.
    - Slide slowly both ways.
  
  Cautions
    - Avoid lifting straight legs off the bed: that pulls hard on the low back
      through the psoas.
    - If the low back arches or hurts, shorten the slide.
    - If you have osteoporosis, a known fracture, recent spinal surgery, or are
      pregnant: clinician-approved program only.
  
  Dose ladder
    level 1  8 reps each side, alternating, about 6 s a rep
    level 2  10 reps each side, alternating, about 6 s a rep
    level 3  12 reps each side, alternating, about 6 s a rep
    level 4  move on to Supine march (supine_march)
    You are at level 1 of 4.
  
  Source: clinical-facts.md 10.3: supine heel slides, 8-12 per side; progress to
  marching and dead bug.
  $ daybreak exercise show single_knee_to_chest
  Knee to chest (single_knee_to_chest)
  Draw one knee towards the chest to ease the buttock and low back: a flexion
  stretch for the evening.
  
    kind       stretch, in bed, each side in turn
    targets    erector spinae, gluteus maximus
    tags       flexion_load
    dose       2 holds of 20 s each side, 10 s rest between (level 1 of 3)
    harder     Both knees to chest (double_knee_to_chest)
  
  How to do it
     1. Lie on your back with both knees bent and feet flat.
     2. Hold behind one thigh and draw that knee gently towards your chest.
     3. Stop where you feel a comfortable stretch in the buttock or low back, and
        hold.
     4. Lower the foot slowly. Change legs.
  
  Cues
    - Gentle; let the stretch come.
    - Hold behind the thigh, not the knee.
    - Breathe slowly.
  
  Cautions
    - Evening only: bending the low back is kept out of the first two hours after
      waking (Snook 1998).
    - If it brings on pain down a leg, or you know that bending forward worsens
      your pain, leave it out.
    - If you have osteoporosis, a known fracture, recent spinal surgery, or are
      pregnant: clinician-approved program only.
  
  Dose ladder
    level 1  2 holds of 20 s each side, 10 s rest between
    level 2  2 holds of 30 s each side, 10 s rest between
    level 3  3 holds of 30 s each side, 10 s rest between
    You are at level 1 of 3.
  
  Source: clinical-facts.md 10.3: single knee-to-chest, 20-30 s x 2-3 per side;
  schedule later in the day.
  $ daybreak exercise show walking --json
  {
    "id": "walking",
    "name": "Walking",
    "summary": "An easy walk at a pace you could talk at: general conditioning that also eases the back.",
    "kind": "aerobic",
    "position": "standing",
    "sides": "both",
    "muscles": [
      "quadriceps",
      "hamstrings",
      "gluteus_maximus"
    ],
    "tags": [],
    "steps": [
      "Walk at an easy pace, indoors or out, on level ground.",
      "Let your arms swing and stand tall.",
      "Walk for the time shown; stop sooner if the back tells you to."
    ],
    "cues": [
      "Easy pace: you could chat.",
      "Stand tall and let the arms swing.",
      "Pace it by tomorrow morning."
    ],
    "cautions": [
      "Build up slowly: if tomorrow morning is clearly worse, walk less next time."
    ],
    "notice": "If you have osteoporosis, a known fracture, recent spinal surgery, or are pregnant: clinician-approved program only.",
    "easier": null,
    "harder": null,
    "dose": {
      "mode": "timed",
      "sets": 1,
      "reps": 0,
      "hold_seconds": 0,
      "minutes": 5,
      "tempo": "2-1-2",
      "relax_seconds": 5,
      "rest_seconds": 30
    },
    "levels": [
      {
        "level": 1,
        "dose": {
          "mode": "timed",
          "sets": 1,
          "reps": 0,
          "hold_seconds": 0,
          "minutes": 5,
          "tempo": "2-1-2",
          "relax_seconds": 5,
          "rest_seconds": 30
        },
        "text": "5 minutes"
      },
      {
        "level": 2,
        "dose": {
          "mode": "timed",
          "sets": 1,
          "reps": 0,
          "hold_seconds": 0,
          "minutes": 8,
          "tempo": "2-1-2",
          "relax_seconds": 5,
          "rest_seconds": 30
        },
        "text": "8 minutes"
      },
      {
        "level": 3,
        "dose": {
          "mode": "timed",
          "sets": 1,
          "reps": 0,
          "hold_seconds": 0,
          "minutes": 10,
          "tempo": "2-1-2",
          "relax_seconds": 5,
          "rest_seconds": 30
        },
        "text": "10 minutes"
      },
      {
        "level": 4,
        "dose": {
          "mode": "timed",
          "sets": 1,
          "reps": 0,
          "hold_seconds": 0,
          "minutes": 15,
          "tempo": "2-1-2",
          "relax_seconds": 5,
          "rest_seconds": 30
        },
        "text": "15 minutes"
      },
      {
        "level": 5,
        "dose": {
          "mode": "timed",
          "sets": 1,
          "reps": 0,
          "hold_seconds": 0,
          "minutes": 20,
          "tempo": "2-1-2",
          "relax_seconds": 5,
          "rest_seconds": 30
        },
        "text": "20 minutes"
      }
    ],
    "source": "clinical-facts.md 10.3: walking, start with tolerated minutes daily and build gradually; pace by the next-morning rule.",
    "figure": {
      "surface": "standing",
      "view": "side",
      "poses": [
        {
          "pelvis": 0.0,
          "lumbar": 0.0,
          "thoracic": 0.0,
          "head": 0.0,
          "hip": [
            25.0,
            -15.0
          ],
          "knee": [
            5.0,
            10.0
          ],
          "ankle": [
            -20.0,
            20.0
          ],
          "shoulder": [
            -20.0,
            20.0
          ],
          "elbow": [
            20.0,
            20.0
          ]
        },
        {
          "pelvis": 0.0,
          "lumbar": 0.0,
          "thoracic": 0.0,
          "head": 0.0,
          "hip": [
            -15.0,
            25.0
          ],
          "knee": [
            10.0,
            5.0
          ],
          "ankle": [
            20.0,
            -20.0
          ],
          "shoulder": [
            20.0,
            -20.0
          ],
          "elbow": [
            20.0,
            20.0
          ]
        }
      ],
      "moving": [
        "hip",
        "ankle",
        "shoulder"
      ]
    }
  }
  $ daybreak exercise show bird_dgo
  ! daybreak: there is no exercise 'bird_dgo'; `daybreak exercise list` lists them
  [3]
  $ daybreak exercise list --position chair --json
  [
    {
      "id": "sit_to_stand",
      "name": "Sit to stand",
      "summary": "Stand up from a chair and sit down slowly, hinging at the hips with a long back: strength for thighs and buttocks.",
      "kind": "strength",
      "position": "chair",
      "sides": "both",
      "muscles": [
        "rectus_femoris",
        "quadriceps",
        "gluteus_maximus"
      ],
      "tags": [],
      "steps": [
        "Sit near the front of a firm chair with your feet hip-width apart, a little behind your knees.",
        "Lean forward from the hips, keeping your back long, until your weight is over your feet.",
        "Stand up by pushing through your feet. Stand tall for a moment.",
        "Sit down slowly, hips back first, with the same long back."
      ],
      "cues": [
        "Hinge at the hips; the back stays long.",
        "Push through the whole foot.",
        "Sit down slowly."
      ],
      "cautions": [
        "Do not round the low back to get up; use the armrests at first if you need to.",
        "With osteoporosis this kind of exercise is recommended for bone health, done with a long back."
      ],
      "notice": "If you have osteoporosis, a known fracture, recent spinal surgery, or are pregnant: clinician-approved program only.",
      "easier": null,
      "harder": "split_squat",
      "dose": {
        "mode": "reps",
        "sets": 2,
        "reps": 8,
        "hold_seconds": 0,
        "minutes": 0,
        "tempo": "2-1-3",
        "relax_seconds": 5,
        "rest_seconds": 45
      },
      "levels": [
        {
          "level": 1,
          "dose": {
            "mode": "reps",
            "sets": 2,
            "reps": 8,
            "hold_seconds": 0,
            "minutes": 0,
            "tempo": "2-1-3",
            "relax_seconds": 5,
            "rest_seconds": 45
          },
          "text": "2 sets of 8 reps, about 6 s a rep, 45 s rest between sets"
        },
        {
          "level": 2,
          "dose": {
            "mode": "reps",
            "sets": 2,
            "reps": 10,
            "hold_seconds": 0,
            "minutes": 0,
            "tempo": "2-1-3",
            "relax_seconds": 5,
            "rest_seconds": 45
          },
          "text": "2 sets of 10 reps, about 6 s a rep, 45 s rest between sets"
        },
        {
          "level": 3,
          "dose": {
            "mode": "reps",
            "sets": 3,
            "reps": 10,
            "hold_seconds": 0,
            "minutes": 0,
            "tempo": "2-1-3",
            "relax_seconds": 5,
            "rest_seconds": 45
          },
          "text": "3 sets of 10 reps, about 6 s a rep, 45 s rest between sets"
        },
        {
          "level": 4,
          "dose": {
            "mode": "reps",
            "sets": 3,
            "reps": 12,
            "hold_seconds": 0,
            "minutes": 0,
            "tempo": "2-1-3",
            "relax_seconds": 5,
            "rest_seconds": 45
          },
          "text": "3 sets of 12 reps, about 6 s a rep, 45 s rest between sets"
        }
      ],
      "source": "clinical-facts.md 10.3: sit-to-stand, 8-12 reps x 2-3; hip hinge with neutral spine (Osteoporosis Canada).",
      "figure": {
        "surface": "chair",
        "view": "side",
        "poses": [
          {
            "pelvis": 0.0,
            "lumbar": 0.0,
            "thoracic": 0.0,
            "head": 0.0,
            "hip": [
              90.0,
              90.0
            ],
            "knee": [
              100.0,
              100.0
            ],
            "ankle": [
              10.0,
              10.0
            ],
            "shoulder": [
              0.0,
              0.0
            ],
            "elbow": [
              0.0,
              0.0
            ]
          },
          {
            "pelvis": 40.0,
            "lumbar": 0.0,
            "thoracic": 0.0,
            "head": 0.0,
            "hip": [
              130.0,
              130.0
            ],
            "knee": [
              100.0,
              100.0
            ],
            "ankle": [
              10.0,
              10.0
            ],
            "shoulder": [
              0.0,
              0.0
            ],
            "elbow": [
              0.0,
              0.0
            ]
          },
          {
            "pelvis": 0.0,
            "lumbar": 0.0,
            "thoracic": 0.0,
            "head": 0.0,
            "hip": [
              0.0,
              0.0
            ],
            "knee": [
              0.0,
              0.0
            ],
            "ankle": [
              0.0,
              0.0
            ],
            "shoulder": [
              0.0,
              0.0
            ],
            "elbow": [
              0.0,
              0.0
            ]
          }
        ],
        "moving": [
          "hip",
          "knee",
          "ankle"
        ]
      }
    }
  ]

The figure, for people who script (issue 22): its poses side by side as SVG,
to a file or to stdout:

  $ daybreak exercise show glute_bridge --svg bridge.svg && grep -c '<g class="pose"' bridge.svg
  2
  ! Wrote the figure of Glute bridge (2 poses) to bridge.svg.
  $ daybreak exercise show walking --svg - | grep -E '<title|data-part="thigh-near"'
  <title id="title">Walking: 2 poses, start to end</title>
      <line data-part="thigh-near" class="near moving" x1="31.43" y1="53.00" x2="41.78" y2="75.20"/>
      <line data-part="thigh-near" class="near moving" x1="125.99" y1="53.00" x2="119.65" y2="76.67"/>

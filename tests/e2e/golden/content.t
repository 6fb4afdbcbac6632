Content folders: checking the built-in content and a folder of one's own, then
one bad file for each rule the loader enforces. Each bad case copies a small
valid folder ($FIXTURES/content/base) and adds or replaces one file.

  $ daybreak content check
  built-in: 31 exercises, 1 program: daybreak (4 stages); no problems found
  $ cp -r $FIXTURES/content/base mine && daybreak content check mine
  mine: 4 exercises, 1 program: small (1 stage); no problems found
  $ daybreak exercise list --content mine
  id          kind        position  name
  brace       activation  in bed    Brace
  gentle_hug  stretch     in bed    Gentle hug
  knee_hug    stretch     in bed    Knee hug
  tilt        mobility    in bed    Tilt
  
  4 exercises. `daybreak exercise show ID` shows one in full.
  $ DAYBREAK_CONTENT=mine daybreak program show
  A small program (small): 1 stage; you are in stage 1.
  One stage, for tests.
  
  Stage 1 of 1: Only stage  (you are here)
    Test the loader.
  
    Morning (about 2 min)
       1. Brace                                 4 x 5 s
       2. Tilt                                  6 reps
  
    Evening (about 4 min)
       1. Gentle hug                            2 x 20 s each side
       2. Knee hug                              2 x 20 s
  
    The last stage: keep it up.
  
  Flare day (about 1 min)
     1. Tilt                                  4 reps
  $ daybreak content check mine --json
  {
    "content": "mine",
    "ok": true,
    "problems": [],
    "exercises": 4,
    "programs": 1
  }

A file that is not TOML gets the parser's position:

  $ cp -r $FIXTURES/content/base syntax && cp $FIXTURES/content/bad/syntax.toml syntax/exercises/ && daybreak content check syntax
  syntax/exercises/syntax.toml:3:25: toml: 'Error while parsing array: encountered end-of-file' is not allowed; allowed: valid TOML (see toml.io)
  ! daybreak: 1 problem in syntax; it cannot be used until fixed
  [2]

Unknown keys are errors, and so are missing ones (here `cue` for `cues`):

  $ cp -r $FIXTURES/content/base unknown-key && cp $FIXTURES/content/bad/unknown-key.toml unknown-key/exercises/ && daybreak content check unknown-key
  unknown-key/exercises/unknown-key.toml:1:1: cues: missing; allowed: a list of texts of 1 to 150 characters
  unknown-key/exercises/unknown-key.toml:10:1: cue: 'cue' is not allowed; allowed: no such key here (check the spelling; see docs/content-authoring.md)
  ! daybreak: 2 problems in unknown-key; it cannot be used until fixed
  [2]

Required fields must be there:

  $ cp -r $FIXTURES/content/base missing-field && cp $FIXTURES/content/bad/missing-field.toml missing-field/exercises/ && daybreak content check missing-field
  missing-field/exercises/missing-field.toml:1:1: name: missing; allowed: text of 1 to 60 characters
  missing-field/exercises/missing-field.toml:1:1: cautions: missing; allowed: a list of texts of 1 to 300 characters
  ! daybreak: 2 problems in missing-field; it cannot be used until fixed
  [2]

Kinds, positions and muscles come from closed lists:

  $ cp -r $FIXTURES/content/base bad-word && cp $FIXTURES/content/bad/bad-word.toml bad-word/exercises/ && daybreak content check bad-word
  bad-word/exercises/bad-word.toml:5:8: kind: 'cardio' is not allowed; allowed: one of: stretch, mobility, activation, strength, aerobic
  bad-word/exercises/bad-word.toml:6:12: position: 'bed' is not allowed; allowed: one of: in_bed, floor, standing, chair
  bad-word/exercises/bad-word.toml:8:11: muscles: 'calves' is not allowed; allowed: a list of: iliopsoas, iliacus, rectus_femoris, quadriceps, hamstrings, transversus_abdominis, rectus_abdominis, obliques, multifidus, erector_spinae, quadratus_lumborum, gluteus_maximus, gluteus_medius, hip_rotators
  ! daybreak: 3 problems in bad-word; it cannot be used until fixed
  [2]

Ids are lower-case letters, digits and `_`:

  $ cp -r $FIXTURES/content/base bad-id && cp $FIXTURES/content/bad/bad-id.toml bad-id/exercises/ && daybreak content check bad-id
  bad-id/exercises/bad-id.toml:2:6: id: 'Bird Dog' is not allowed; allowed: 2 to 60 characters: lower-case letters, digits and '_', starting with a letter
  ! daybreak: 1 problem in bad-id; it cannot be used until fixed
  [2]

Ids are unique:

  $ cp -r $FIXTURES/content/base duplicate-id && cp $FIXTURES/content/bad/duplicate-id.toml duplicate-id/exercises/ && daybreak content check duplicate-id
  duplicate-id/exercises/duplicate-id.toml:2:6: id: 'brace' is not allowed; allowed: an id no other exercise has (duplicate-id/exercises/brace.toml has it)
  ! daybreak: 1 problem in duplicate-id; it cannot be used until fixed
  [2]

References (easier, harder, move_to) resolve:

  $ cp -r $FIXTURES/content/base dangling-reference && cp $FIXTURES/content/bad/dangling-reference.toml dangling-reference/exercises/ && daybreak content check dangling-reference
  dangling-reference/exercises/dangling-reference.toml:12:10: harder: 'no_such_exercise' is not allowed; allowed: the id of an exercise in exercises/ (see `daybreak exercise list`)
  ! daybreak: 1 problem in dangling-reference; it cannot be used until fixed
  [2]

Doses stay within the bounds of clinical-facts.md section 10:

  $ cp -r $FIXTURES/content/base stretch-too-long && cp $FIXTURES/content/bad/stretch-too-long.toml stretch-too-long/exercises/ && daybreak content check stretch-too-long
  stretch-too-long/exercises/stretch-too-long.toml:18:16: dose.hold_seconds: '90' is not allowed; allowed: for stretch exercises, a whole number from 10 to 60 seconds (ACSM 2021: 10-30 s, 30-60 s for older adults)
  ! daybreak: 1 problem in stretch-too-long; it cannot be used until fixed
  [2]

A stretch is dosed in holds:

  $ cp -r $FIXTURES/content/base stretch-in-reps && cp $FIXTURES/content/bad/stretch-in-reps.toml stretch-in-reps/exercises/ && daybreak content check stretch-in-reps
  stretch-in-reps/exercises/stretch-in-reps.toml:16:8: dose.reps: '10' is not allowed; allowed: none: stretch exercises are dosed in holds (hold_seconds)
  ! daybreak: 1 problem in stretch-in-reps; it cannot be used until fixed
  [2]

Every level of the ladder is checked:

  $ cp -r $FIXTURES/content/base level-out-of-bounds && cp $FIXTURES/content/bad/level-out-of-bounds.toml level-out-of-bounds/exercises/ && daybreak content check level-out-of-bounds
  level-out-of-bounds/exercises/level-out-of-bounds.toml:23:8: level[1].sets: '6' is not allowed; allowed: for strength exercises, a whole number from 1 to 4 (ACSM: 2-4 sets, one for beginners)
  ! daybreak: 1 problem in level-out-of-bounds; it cannot be used until fixed
  [2]

move_to belongs on the last level only:

  $ cp -r $FIXTURES/content/base move-to-not-last && cp $FIXTURES/content/bad/move-to-not-last.toml move-to-not-last/exercises/ && daybreak content check move-to-not-last
  move-to-not-last/exercises/move-to-not-last.toml:20:11: level[0].move_to: 'brace' is not allowed; allowed: move_to only on the last level of the ladder
  ! daybreak: 1 problem in move-to-not-last; it cannot be used until fixed
  [2]

A tempo is written like 2-1-2:

  $ cp -r $FIXTURES/content/base bad-tempo && cp $FIXTURES/content/bad/bad-tempo.toml bad-tempo/exercises/ && daybreak content check bad-tempo
  bad-tempo/exercises/bad-tempo.toml:17:9: dose.tempo: 'slow' is not allowed; allowed: seconds to move out, pause and move back, each 0-10, written like "2-1-2"
  ! daybreak: 1 problem in bad-tempo; it cannot be used until fixed
  [2]

Ladders must not move on in a circle:

  $ cp -r $FIXTURES/content/base cycle && cp $FIXTURES/content/bad/ladder-cycle-*.toml cycle/exercises/ && daybreak content check cycle
  cycle/exercises/ladder-cycle-a.toml:19:11: level[0].move_to: 'cycle_b' is not allowed; allowed: a ladder that does not lead back to 'cycle_a'
  cycle/exercises/ladder-cycle-b.toml:19:11: level[0].move_to: 'cycle_a' is not allowed; allowed: a ladder that does not lead back to 'cycle_b'
  ! daybreak: 2 problems in cycle; it cannot be used until fixed
  [2]

The morning rule: no flexion_load exercise in a morning routine (clinical.md):

  $ cp -r $FIXTURES/content/base morning-flexion && cp $FIXTURES/content/bad/morning-flexion.toml morning-flexion/programs/program.toml && daybreak content check morning-flexion
  morning-flexion/programs/program.toml:18:12: stage[0].morning.item[1].exercise: 'knee_hug' is not allowed; allowed: an exercise not tagged flexion_load: morning and flare-day routines have no loaded or end-range lumbar flexion, because discs are fullest in the first hours after waking (clinical.md; Adams 1987, Snook 1998)
  ! daybreak: 1 problem in morning-flexion; it cannot be used until fixed
  [2]

Nor one that a morning exercise's ladder moves on to:

  $ cp -r $FIXTURES/content/base morning-via-ladder && cp $FIXTURES/content/bad/morning-via-ladder.toml morning-via-ladder/programs/program.toml && daybreak content check morning-via-ladder
  morning-via-ladder/programs/program.toml:18:12: stage[0].morning.item[1].exercise: 'gentle_hug' is not allowed; allowed: an exercise whose ladder does not lead to one tagged flexion_load (this one leads to 'knee_hug'): morning and flare-day routines have no loaded or end-range lumbar flexion, because discs are fullest in the first hours after waking (clinical.md; Adams 1987, Snook 1998)
  ! daybreak: 1 problem in morning-via-ladder; it cannot be used until fixed
  [2]

The flare-day routine is for a bad morning, so the rule holds there too:

  $ cp -r $FIXTURES/content/base flare-flexion && cp $FIXTURES/content/bad/flare-flexion.toml flare-flexion/programs/program.toml && daybreak content check flare-flexion
  flare-flexion/programs/program.toml:36:12: flare.item[0].exercise: 'knee_hug' is not allowed; allowed: an exercise not tagged flexion_load: morning and flare-day routines have no loaded or end-range lumbar flexion, because discs are fullest in the first hours after waking (clinical.md; Adams 1987, Snook 1998)
  ! daybreak: 1 problem in flare-flexion; it cannot be used until fixed
  [2]

Every exercise has its figure (docs/content-authoring.md "The figure"):

  $ cp -r $FIXTURES/content/base no-poses && cp $FIXTURES/content/bad/no-poses.toml no-poses/exercises/ && daybreak content check no-poses
  no-poses/exercises/no-poses.toml:1:1: surface: missing; allowed: one of: bed, floor, chair, wall, standing
  no-poses/exercises/no-poses.toml:1:1: pose: missing; allowed: a list of tables ([[pose]])
  ! daybreak: 2 problems in no-poses; it cannot be used until fixed
  [2]

Its joint angles stay within human ranges:

  $ cp -r $FIXTURES/content/base pose-range && cp $FIXTURES/content/bad/pose-range.toml pose-range/exercises/ && daybreak content check pose-range
  pose-range/exercises/pose-range.toml:25:8: pose[1].knee: '170' is not allowed; allowed: 0 to 150 degrees (knee flexion, from straight, seen from the side), or a list [near, far] of two such angles
  ! daybreak: 1 problem in pose-range; it cannot be used until fixed
  [2]

The figure rests on its surface: said to be standing, it may not kneel:

  $ cp -r $FIXTURES/content/base pose-not-resting && cp $FIXTURES/content/bad/pose-not-resting.toml pose-not-resting/exercises/ && daybreak content check pose-not-resting
  pose-not-resting/exercises/pose-not-resting.toml:18:1: pose[0]: 'touching the floor: knee, heel, toe' is not allowed; allowed: a figure on its feet (standing): only the feet touch the floor
  pose-not-resting/exercises/pose-not-resting.toml:23:1: pose[1]: 'the body's weight at 0.02, supported from 0.19 to 0.34 (touching the floor: heel, toe)' is not allowed; allowed: a figure with its weight over what it rests on: it would topple
  ! daybreak: 2 problems in pose-not-resting; it cannot be used until fixed
  [2]

The morning rule is read from the poses too: a pose that flexes the low back
beyond 30 degrees needs the flexion_load tag, and a morning or flare-day
routine refuses the exercise, tagged or not:

  $ cp -r $FIXTURES/content/base mistagged && cp $FIXTURES/content/bad/mistagged-tilt.toml mistagged/exercises/tilt.toml && daybreak content check mistagged
  mistagged/exercises/tilt.toml:28:10: pose[1].lumbar: '40' is not allowed; allowed: at most 30 degrees in an exercise not tagged flexion_load: more is end-range lumbar flexion, so tag the exercise flexion_load (the tag and the poses must agree)
  mistagged/programs/program.toml:18:12: stage[0].morning.item[1].exercise: 'tilt' is not allowed; allowed: an exercise whose poses flex the lumbar spine at most 30 degrees ('tilt' pose[1] flexes it 40): morning and flare-day routines have no loaded or end-range lumbar flexion, because discs are fullest in the first hours after waking (clinical.md; Adams 1987, Snook 1998)
  mistagged/programs/program.toml:36:12: flare.item[0].exercise: 'tilt' is not allowed; allowed: an exercise whose poses flex the lumbar spine at most 30 degrees ('tilt' pose[1] flexes it 40): morning and flare-day routines have no loaded or end-range lumbar flexion, because discs are fullest in the first hours after waking (clinical.md; Adams 1987, Snook 1998)
  ! daybreak: 3 problems in mistagged; it cannot be used until fixed
  [2]

A routine names exercises that exist:

  $ cp -r $FIXTURES/content/base unknown-exercise && cp $FIXTURES/content/bad/unknown-exercise.toml unknown-exercise/programs/program.toml && daybreak content check unknown-exercise
  unknown-exercise/programs/program.toml:15:12: stage[0].morning.item[0].exercise: 'brcae' is not allowed; allowed: the id of an exercise in exercises/ (see `daybreak exercise list`)
  ! daybreak: 1 problem in unknown-exercise; it cannot be used until fixed
  [2]

A dose a routine fixes is checked at every level of the exercise:

  $ cp -r $FIXTURES/content/base fixed-dose && cp $FIXTURES/content/bad/fixed-dose.toml fixed-dose/programs/program.toml && daybreak content check fixed-dose
  fixed-dose/programs/program.toml:37:17: flare.item[0].dose.sets: '5' is not allowed; allowed: for mobility exercises, a whole number from 1 to 2 (clinical-facts.md 10.3: one or two rounds of slow movements); with tilt at level 1
  ! daybreak: 1 problem in fixed-dose; it cannot be used until fixed
  [2]

Every stage but the last says when to move on:

  $ cp -r $FIXTURES/content/base missing-exit && cp $FIXTURES/content/bad/missing-exit.toml missing-exit/programs/program.toml && daybreak content check missing-exit
  missing-exit/programs/program.toml:6:1: stage[0].exit: missing; allowed: a [stage.exit] table saying when to move on: every stage but the last has one
  ! daybreak: 1 problem in missing-exit; it cannot be used until fixed
  [2]

With two programs, one must be the default:

  $ cp -r $FIXTURES/content/base two && cp $FIXTURES/content/bad/second-program.toml two/programs/ && daybreak content check two
  two/programs/program.toml:1:1: default: 'false' is not allowed; allowed: exactly one program marked default = true, when a folder has several
  two/programs/second-program.toml:1:1: default: 'false' is not allowed; allowed: exactly one program marked default = true, when a folder has several
  ! daybreak: 2 problems in two; it cannot be used until fixed
  [2]

A folder without exercises/ or programs/ is not content, and a command that
uses content refuses to run on a bad folder:

  $ mkdir empty && daybreak content check empty
  empty: folder: 'empty' is not allowed; allowed: a content folder: one with exercises/ and programs/ folders of .toml files
  ! daybreak: 1 problem in empty; it cannot be used until fixed
  [2]
  $ daybreak content check no-such-folder
  no-such-folder: folder: 'no-such-folder' is not allowed; allowed: a folder of content that exists
  ! daybreak: 1 problem in no-such-folder; it cannot be used until fixed
  [2]
  $ daybreak exercise list --content morning-flexion
  ! daybreak: the content in morning-flexion has 1 problem; nothing was done
  !   morning-flexion/programs/program.toml:18:12: stage[0].morning.item[1].exercise: 'knee_hug' is not allowed; allowed: an exercise not tagged flexion_load: morning and flare-day routines have no loaded or end-range lumbar flexion, because discs are fullest in the first hours after waking (clinical.md; Adams 1987, Snook 1998)
  [2]
  $ daybreak session morning --script --content morning-flexion < /dev/null
  ! daybreak: the content in morning-flexion has 1 problem; nothing was done
  !   morning-flexion/programs/program.toml:18:12: stage[0].morning.item[1].exercise: 'knee_hug' is not allowed; allowed: an exercise not tagged flexion_load: morning and flare-day routines have no loaded or end-range lumbar flexion, because discs are fullest in the first hours after waking (clinical.md; Adams 1987, Snook 1998)
  [2]

The built-in content can be exported as a starting point:

  $ daybreak content export exported
  Wrote the built-in content (32 files) to exported.
  Edit it (docs/content-authoring.md), check it with `daybreak content check exported`,
  and use it with --content exported or DAYBREAK_CONTENT=exported.
  $ daybreak content check exported
  exported: 31 exercises, 1 program: daybreak (4 stages); no problems found
  $ daybreak content export exported
  ! daybreak: nothing was written
  !   dir: 'exported' is not allowed; allowed: a folder that does not exist yet, or is empty
  [2]

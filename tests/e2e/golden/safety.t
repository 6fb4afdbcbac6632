Safety screening: the first-use setup, the weekly full check, the diary's
one-tap check, the leg questions, and what each answer leads to. Exercise
waits for the first check; an emergency answer locks it until the person
confirms a clinician has seen them; an urgent one pauses progression.

Before the first check, exercise must wait.

  $ daybreak screen status
  Safety: a check is needed before your next exercise session.
    - the first safety check has not been done yet
    Answer the questions: daybreak screen
  Emergency number: 112 (for your time zone; set yours with daybreak setup).
  Inflammatory back pain screen: its questions are not answered yet (the full check asks them).
  $ daybreak screen history
  No safety checks yet. Run the first: daybreak screen

Four weeks of mornings stiff for 45 minutes: the diary feeds the inflammatory
back pain screen. Setup asks its questions one by one (here from a pipe; in
a terminal the person types them): time zone and emergency number (Enter
keeps the default), axial spondyloarthritis, then the check.

  $ for d in 16 17 18 19 20 21 22; do daybreak log morning --date 2026-11-$d --pain 5 --stiffness-minutes 45 > /dev/null; done
  $ printf '\n\nno\nno\nno\nmaybe\nno\nno\nno\nno\nno\nno\nno\nno\nno\nno\nyes\nno\nno\nyes\nyes\nno\nno\nno\nno\nyes\n' | daybreak setup
  daybreak is set up.
    time zone         Europe/Berlin
    emergency number  112
    axial SpA         no (not reported)
  
  Safety check recorded (Monday 23 November 2026 07:30).
  
  You reported no warning signs in this check.
  
  That does not rule out a serious problem: warning signs can be absent even
  when something needs care. If new symptoms appear, or your pain changes in
  a way that worries you, check again or speak to a doctor.
  
  Next full check: Monday 30 November 2026.
  
  Something to mention to your doctor.
  
  Some features of your back pain are typical of inflammatory back pain:
    - it eases with exercise (you said yes)
    - it does not ease with rest (you said yes)
    - stiffness on waking lasting more than 30 minutes (your diary: median 45 min over 7 mornings)
  
  These features are common and have many causes; this is not a diagnosis.
  It is worth mentioning "inflammatory back pain" to your doctor, who can
  decide whether an assessment by a rheumatologist would help.
  You can carry on with your exercise program.
  
  (ASAS 2009 criteria: 2 of 5 features, 4 needed; Berlin criteria: 2 of 4, 2 needed.)
  ! Welcome to daybreak. Before you start: your time zone, the number to call in an
  ! emergency, and a safety check. It takes about three minutes.
  ! 
  ! Your time zone [Europe/Berlin]: 
  ! The number to call for an ambulance [112]: 
  ! Has a doctor told you that you have axial spondyloarthritis (also called
  ! ankylosing spondylitis)? [yes/no]: no
  ! 
  ! Safety check: 12 questions about warning signs, then 10 about the pattern of your back pain.
  ! Answer yes or no. If you are not sure, answer yes: a doctor can tell you more.
  ! 
  !  1/12 Do you have NEW pain, pins and needles, numbness or weakness in BOTH legs? [yes/no]: no
  !  2/12 Do you have NEW numbness or altered feeling around your genitals, buttocks or back passage (where you would sit on a saddle)? [yes/no]: no
  !  3/12 Do you have NEW trouble passing urine, or NEW loss of control of your bladder or bowels? [yes/no]: maybe
  !   please answer yes or no
  !  3/12 Do you have NEW trouble passing urine, or NEW loss of control of your bladder or bowels? [yes/no]: no
  !  4/12 Have you noticed a NEW change in sexual function, such as loss of erection, ejaculation or feeling in the genitals? [yes/no]: no
  !  5/12 Is weakness in a leg or foot getting worse quickly, or are you newly finding it hard to walk? [yes/no]: no
  !  6/12 Have you had a NEW serious accident or injury in the last few weeks, such as a road accident or a bad fall, and has your back hurt since? [yes/no]: no
  !  7/12 Do you have a high temperature, or feel hot and shivery? [yes/no]: no
  !  8/12 Have you lost weight recently without trying to? [yes/no]: no
  !  9/12 Have you ever had cancer, and has this back pain started since then? [yes/no]: no
  ! 10/12 Is the pain there all night, and not eased by changing position? [yes/no]: no
  ! 11/12 Did this pain start after a fall or knock, and do you have thin bones (osteoporosis) or take steroid tablets? [yes/no]: no
  ! 12/12 Did this back pain start recently, and are you under 20 or over 50? [yes/no]: no
  ! 
  ! Now 10 questions about the pattern of your back pain. They look for signs of
  ! inflammatory back pain, which is worth mentioning to a doctor.
  !  1/10 Have you had back pain for more than 3 months? [yes/no]: yes
  !  2/10 Did your back pain first start before you were 40? [yes/no]: no
  !  3/10 Did it come on gradually, rather than suddenly? [yes/no]: no
  !  4/10 Does it get better when you exercise or move about? [yes/no]: yes
  !  5/10 Does it stay the same, or get worse, when you rest? [yes/no]: yes
  !  6/10 Do you have back pain at night that gets better once you get up? [yes/no]: no
  !  7/10 Is your back usually stiff for more than 30 minutes after you wake? [yes/no]: no
  !  8/10 Does back pain wake you in the second half of the night, in the early hours? [yes/no]: no
  !  9/10 Do you have buttock pain that switches between the left and right side? [yes/no]: no
  ! 10/10 Are you under 50? [yes/no]: yes
  ! 

Once set up, a setting given to setup changes alone: nothing is asked (it
asked everything again, and with no answers saved nothing), and a number
that is not one is refused with nothing changed.

  $ daybreak setup --emergency-number 998 < /dev/null
  Your settings are saved.
    time zone         Europe/Berlin
    emergency number  998
    axial SpA         no (not reported)
  $ daybreak setup --emergency-number 9x
  ! daybreak: the settings were not changed
  !   --emergency-number: '9x' is not allowed; allowed: a telephone number of 2 to 8 digits, such as 112
  [2]
  $ daybreak setup --country de < /dev/null
  Your settings are saved.
    time zone         Europe/Berlin
    emergency number  112
    axial SpA         no (not reported)
  $ daybreak screen status
  Safety: ok. Exercise may go ahead.
  Last full check: 2026-11-23 07:30; next due: 2026-11-30.
  Emergency number: 112.
  
  Something to mention to your doctor.
  
  Some features of your back pain are typical of inflammatory back pain:
    - it eases with exercise (you said yes)
    - it does not ease with rest (you said yes)
    - stiffness on waking lasting more than 30 minutes (your diary: median 45 min over 7 mornings)
  
  These features are common and have many causes; this is not a diagnosis.
  It is worth mentioning "inflammatory back pain" to your doctor, who can
  decide whether an assessment by a rheumatologist would help.
  You can carry on with your exercise program.
  
  (ASAS 2009 criteria: 2 of 5 features, 4 needed; Berlin criteria: 2 of 4, 2 needed.)

Answers for scripts. Every problem is named and nothing is saved.

  $ daybreak screen --answers "both_legs=no,fever=maybe,headache=no"
  ! daybreak: nothing was saved: the answers could not be read
  !   --answers: 'fever=maybe' is not allowed; allowed: QUESTION=yes or QUESTION=no, separated by commas
  [2]
  $ daybreak screen --answers "both_legs=no,headache=no,fever=no,fever=yes"
  ! daybreak: nothing was saved: the answers are incomplete
  !   headache: 'no' is not allowed; allowed: a question of the full check: both_legs, saddle_numbness, bladder_bowel, sexual_function, leg_weakness, major_accident, fever, weight_loss, cancer_history, night_pain, bone_risk_trauma, age_at_onset, or an ibp_ question
  !   fever: 'yes' is not allowed; allowed: one answer (it was given more than once)
  !   saddle_numbness: missing; allowed: yes or no: every question of the check needs an answer
  !   bladder_bowel: missing; allowed: yes or no: every question of the check needs an answer
  !   sexual_function: missing; allowed: yes or no: every question of the check needs an answer
  !   leg_weakness: missing; allowed: yes or no: every question of the check needs an answer
  !   major_accident: missing; allowed: yes or no: every question of the check needs an answer
  !   weight_loss: missing; allowed: yes or no: every question of the check needs an answer
  !   cancer_history: missing; allowed: yes or no: every question of the check needs an answer
  !   night_pain: missing; allowed: yes or no: every question of the check needs an answer
  !   bone_risk_trauma: missing; allowed: yes or no: every question of the check needs an answer
  !   age_at_onset: missing; allowed: yes or no: every question of the check needs an answer
  [2]
  $ daybreak screen questions
  The full check (first use, then weekly). Emergency: go now; urgent: a doctor within 24 hours.
    both_legs         emergency Do you have NEW pain, pins and needles, numbness or weakness in BOTH legs?
                                source: nhs.uk Back pain (emergency); Finucane 2020
    saddle_numbness   emergency Do you have NEW numbness or altered feeling around your genitals, buttocks or back passage (where you would sit on a saddle)?
                                source: nhs.uk Back pain (emergency); NHS G-Care cauda equina
    bladder_bowel     emergency Do you have NEW trouble passing urine, or NEW loss of control of your bladder or bowels?
                                source: nhs.uk Back pain (emergency); NHS G-Care cauda equina
    sexual_function   emergency Have you noticed a NEW change in sexual function, such as loss of erection, ejaculation or feeling in the genitals?
                                source: NHS trust leaflets (Torbay, Norfolk)
    leg_weakness      emergency Is weakness in a leg or foot getting worse quickly, or are you newly finding it hard to walk?
                                source: NHS G-Care cauda equina (progressive leg deficit or gait disturbance)
    major_accident    emergency Have you had a NEW serious accident or injury in the last few weeks, such as a road accident or a bad fall, and has your back hurt since?
                                source: nhs.uk Back pain (emergency); NHS G-Care possible fracture
    fever             urgent    Do you have a high temperature, or feel hot and shivery?
                                source: nhs.uk Back pain (urgent); NHS G-Care possible infection
    weight_loss       urgent    Have you lost weight recently without trying to?
                                source: nhs.uk Back pain (urgent); NHS G-Care possible cancer
    cancer_history    urgent    Have you ever had cancer, and has this back pain started since then?
                                source: NHS G-Care possible cancer (history of cancer)
    night_pain        urgent    Is the pain there all night, and not eased by changing position?
                                source: NHS G-Care possible cancer (persistent night pain); nhs.uk Back pain (urgent)
    bone_risk_trauma  urgent    Did this pain start after a fall or knock, and do you have thin bones (osteoporosis) or take steroid tablets?
                                source: NHS G-Care possible fracture (minor trauma with osteoporosis or corticosteroids)
    age_at_onset      urgent    Did this back pain start recently, and are you under 20 or over 50?
                                source: NHS G-Care possible cancer (new pain at age > 50 or < 20)
  
  The leg check (after numbness, tingling or weakness in a leg):
    both_legs, leg_weakness, saddle_numbness, bladder_bowel, sexual_function
  
  The diary's one-tap check (--red-flags yes|no): Any NEW bladder, bowel, saddle-area, sexual or both-leg symptoms?
  
  Inflammatory back pain (asked every 90 days; may be left out of --answers):
    ibp_chronic               Have you had back pain for more than 3 months?
    ibp_onset_before_40       Did your back pain first start before you were 40?
    ibp_gradual_onset         Did it come on gradually, rather than suddenly?
    ibp_better_with_exercise  Does it get better when you exercise or move about?
    ibp_not_better_with_rest  Does it stay the same, or get worse, when you rest?
    ibp_night_pain            Do you have back pain at night that gets better once you get up?
    ibp_morning_stiffness     Is your back usually stiff for more than 30 minutes after you wake?
    ibp_second_half_waking    Does back pain wake you in the second half of the night, in the early hours?
    ibp_alternating_buttock   Do you have buttock pain that switches between the left and right side?
    ibp_under_50              Are you under 50?
  Sources: ASAS 2009 (Sieper, Ann Rheum Dis 68:784); Berlin (Rudwaleit, Arthritis Rheum 2006).

Leg symptoms in an entry ask for the leg questions before the next session.
A terminal asks them at once; a script is told which command asks them.

  $ DAYBREAK_FAKE_NOW=2026-11-23T06:40:00Z daybreak log night --pain 3 --leg-symptoms numbness_left,weakness_left
  Logged the night of Monday 23 November 2026 (entry 8): pain 3/10, leg symptoms: numbness left, weakness left
  ! 
  ! You noted numbness in the left leg and weakness in the left leg.
  ! Before your next exercise session, please answer five short safety
  ! questions: daybreak screen legs
  $ DAYBREAK_FAKE_NOW=2026-11-23T06:41:00Z daybreak screen status
  Safety: a check is needed before your next exercise session.
    - you noted numbness in the left leg and weakness in the left leg on 2026-11-23 (entry 8), and the leg questions have not been answered since
    Answer the questions: daybreak screen legs
  Last full check: 2026-11-23 07:30; next due: 2026-11-30.
  Emergency number: 112.
  
  Something to mention to your doctor.
  
  Some features of your back pain are typical of inflammatory back pain:
    - it eases with exercise (you said yes)
    - it does not ease with rest (you said yes)
    - stiffness on waking lasting more than 30 minutes (your diary: median 45 min over 7 mornings)
  
  These features are common and have many causes; this is not a diagnosis.
  It is worth mentioning "inflammatory back pain" to your doctor, who can
  decide whether an assessment by a rheumatologist would help.
  It does not change your exercise program.
  
  (ASAS 2009 criteria: 2 of 5 features, 4 needed; Berlin criteria: 2 of 4, 2 needed.)

A session refused for them names the same command, not the full check's
(ARefusedSessionNamesTheLegQuestionsWhenOnlyTheyWait).

  $ DAYBREAK_FAKE_NOW=2026-11-23T06:41:30Z daybreak session morning
  ! daybreak: answer the safety questions before a session
  !   you noted numbness in the left leg and weakness in the left leg on 2026-11-23 (entry 8), and the leg questions have not been answered since
  !   next: daybreak screen legs
  [2]
  $ printf 'no\nno\nno\nno\nno\n' | DAYBREAK_FAKE_NOW=2026-11-23T06:42:00Z daybreak screen legs
  Safety check recorded (Monday 23 November 2026 07:42).
  
  You reported no warning signs in this check.
  
  That does not rule out a serious problem: warning signs can be absent even
  when something needs care. If new symptoms appear, or your pain changes in
  a way that worries you, check again or speak to a doctor.
  
  Next full check: Monday 30 November 2026.
  ! Leg check: five questions about warning signs that can come with leg symptoms.
  ! Answer yes or no. If you are not sure, answer yes: a doctor can tell you more.
  ! 
  !  1/5 Do you have NEW pain, pins and needles, numbness or weakness in BOTH legs? [yes/no]: no
  !  2/5 Is weakness in a leg or foot getting worse quickly, or are you newly finding it hard to walk? [yes/no]: no
  !  3/5 Do you have NEW numbness or altered feeling around your genitals, buttocks or back passage (where you would sit on a saddle)? [yes/no]: no
  !  4/5 Do you have NEW trouble passing urine, or NEW loss of control of your bladder or bowels? [yes/no]: no
  !  5/5 Have you noticed a NEW change in sexual function, such as loss of erection, ejaculation or feeling in the genitals? [yes/no]: no
  ! 
  $ DAYBREAK_FAKE_NOW=2026-11-23T06:42:00Z daybreak screen status
  Safety: ok. Exercise may go ahead.
  Last full check: 2026-11-23 07:30; next due: 2026-11-30.
  Emergency number: 112.
  
  Something to mention to your doctor.
  
  Some features of your back pain are typical of inflammatory back pain:
    - it eases with exercise (you said yes)
    - it does not ease with rest (you said yes)
    - stiffness on waking lasting more than 30 minutes (your diary: median 45 min over 7 mornings)
  
  These features are common and have many causes; this is not a diagnosis.
  It is worth mentioning "inflammatory back pain" to your doctor, who can
  decide whether an assessment by a rheumatologist would help.
  You can carry on with your exercise program.
  
  (ASAS 2009 criteria: 2 of 5 features, 4 needed; Berlin criteria: 2 of 4, 2 needed.)

An urgent flag: see a doctor within 24 hours; progression pauses.

  $ daybreak screen --answers "both_legs=no,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_weakness=no,major_accident=no,fever=yes,weight_loss=no,cancer_history=no,night_pain=no,bone_risk_trauma=no,age_at_onset=no"
  Safety check recorded (Monday 23 November 2026 07:30).
  
  See a doctor within 24 hours.
  
  You told daybreak:
    - fever, or feeling hot and shivery
  
  With back pain, this needs a doctor's opinion soon, though it is not an
  emergency. Contact your doctor today, or an urgent care service.
  
  Until a clinician has seen you, daybreak pauses your program: it will not
  move you on to harder exercises, and offers only gentle movement.
  If you get worse, or notice new bladder, bowel, saddle, sexual or both-leg
  symptoms, call 112 or go to the nearest emergency department.
  When a clinician has seen you:
    daybreak screen ack --seen-clinician
  
  Next full check: Monday 30 November 2026.
  
  Something to mention to your doctor.
  
  Some features of your back pain are typical of inflammatory back pain:
    - it eases with exercise (you said yes)
    - it does not ease with rest (you said yes)
    - stiffness on waking lasting more than 30 minutes (your diary: median 45 min over 7 mornings)
  
  These features are common and have many causes; this is not a diagnosis.
  It is worth mentioning "inflammatory back pain" to your doctor, who can
  decide whether an assessment by a rheumatologist would help.
  It does not change what is said above about exercise.
  
  (ASAS 2009 criteria: 2 of 5 features, 4 needed; Berlin criteria: 2 of 4, 2 needed.)
  $ daybreak screen status
  Safety: PAUSED. See a doctor within 24 hours; until a clinician has seen you,
  only gentle movement, and no moving on.
    - you reported fever, or feeling hot and shivery (full check, 2026-11-23 07:30): see a doctor within 24 hours
    When a clinician has seen you: daybreak screen ack --seen-clinician
  Last full check: 2026-11-23 07:30; next due: 2026-11-30.
  Emergency number: 112.
  
  Something to mention to your doctor.
  
  Some features of your back pain are typical of inflammatory back pain:
    - it eases with exercise (you said yes)
    - it does not ease with rest (you said yes)
    - stiffness on waking lasting more than 30 minutes (your diary: median 45 min over 7 mornings)
  
  These features are common and have many causes; this is not a diagnosis.
  It is worth mentioning "inflammatory back pain" to your doctor, who can
  decide whether an assessment by a rheumatologist would help.
  It does not change what is said above about exercise.
  
  (ASAS 2009 criteria: 2 of 5 features, 4 needed; Berlin criteria: 2 of 4, 2 needed.)
  $ daybreak screen ack --seen-clinician
  Recorded that a clinician has seen you (2026-11-23 07:30) about: fever, or feeling hot and shivery.
  Your program may move on again. If anything changes or gets worse, see a doctor again.

The diary's one-tap check says yes: the stop screen, and exercise is locked.

  $ daybreak log afternoon --pain 7 --red-flags yes
  Logged the afternoon of Monday 23 November 2026 (entry 9): pain 7/10, new red-flag symptoms: yes
  ! 
  ! ========================================================================
  ! STOP: get medical help now.
  ! 
  ! You told daybreak:
  !   - new bladder, bowel, saddle, sexual or both-leg symptoms
  ! 
  ! With back pain, this can be a sign of a serious problem that needs
  ! treatment within hours.
  ! 
  !   Call 112 now, or go to the nearest emergency department.
  !   Do not wait to see whether it passes. Do not exercise.
  ! ========================================================================
  ! Your exercise sessions are locked. When a clinician has seen you:
  !   daybreak screen ack --seen-clinician
  $ daybreak screen status
  Safety: LOCKED. Exercise sessions will not start until a clinician has seen you.
    - you reported new bladder, bowel, saddle, sexual or both-leg symptoms (diary check, 2026-11-23 07:30)
    Call 112 now, or go to the nearest emergency department.
    When a clinician has seen you: daybreak screen ack --seen-clinician
    Seen by a clinician on 2026-11-23: fever, or feeling hot and shivery. If it changes or gets worse, see a doctor again.
  Last full check: 2026-11-23 07:30; next due: 2026-11-30.
  Emergency number: 112.
  $ daybreak screen status --json
  {
    "status": "locked",
    "session_allowed": false,
    "progression_allowed": false,
    "reasons": [
      "you reported new bladder, bowel, saddle, sexual or both-leg symptoms (diary check, 2026-11-23 07:30)"
    ],
    "emergency": [
      {
        "question": "new_symptoms",
        "label": "new bladder, bowel, saddle, sexual or both-leg symptoms",
        "at": "2026-11-23T06:30:00Z",
        "check": "quick"
      }
    ],
    "urgent": [],
    "reviewed": [
      {
        "question": "fever",
        "label": "fever, or feeling hot and shivery",
        "reviewed_at": "2026-11-23T06:30:00Z"
      }
    ],
    "unchecked_leg_entries": [],
    "last_full_check": "2026-11-23T06:30:00Z",
    "next_full_check": "2026-11-30T06:30:00Z",
    "last_clinician_review": "2026-11-23T06:30:00Z",
    "emergency_number": "112",
    "emergency_number_chosen": true,
    "as_of": "2026-11-23T06:30:00Z",
    "ibp": {
      "outcome": "positive",
      "asas_met": 2,
      "asas_needed": 4,
      "berlin_met": 2,
      "berlin_needed": 2,
      "berlin_applies": true,
      "asas": [
        {
          "id": "asas_onset_before_40",
          "label": "it began before the age of 40",
          "met": false,
          "because": []
        },
        {
          "id": "asas_gradual_onset",
          "label": "it came on gradually",
          "met": false,
          "because": []
        },
        {
          "id": "asas_better_with_exercise",
          "label": "it eases with exercise",
          "met": true,
          "because": [
            "you said yes"
          ]
        },
        {
          "id": "asas_not_better_with_rest",
          "label": "it does not ease with rest",
          "met": true,
          "because": [
            "you said yes"
          ]
        },
        {
          "id": "asas_night_pain",
          "label": "pain at night that improves on getting up",
          "met": false,
          "because": []
        }
      ],
      "berlin": [
        {
          "id": "berlin_morning_stiffness",
          "label": "stiffness on waking lasting more than 30 minutes",
          "met": true,
          "because": [
            "your diary: median 45 min over 7 mornings"
          ]
        },
        {
          "id": "berlin_exercise_not_rest",
          "label": "it eases with exercise but not with rest",
          "met": true,
          "because": [
            "exercise: you said yes",
            "rest: you said yes"
          ]
        },
        {
          "id": "berlin_second_half_waking",
          "label": "woken by back pain in the second half of the night",
          "met": false,
          "because": []
        },
        {
          "id": "berlin_alternating_buttock",
          "label": "buttock pain that alternates between sides",
          "met": false,
          "because": []
        }
      ]
    }
  }
  $ daybreak screen ack
  ! daybreak: say --seen-clinician to confirm that a clinician has seen you:
  !   daybreak screen ack --seen-clinician
  [1]
  $ daybreak screen ack --seen-clinician
  Recorded that a clinician has seen you (2026-11-23 07:30) about: new bladder, bowel, saddle, sexual or both-leg symptoms.
  Exercise sessions are unlocked. If anything changes or gets worse, see a doctor again.
  $ daybreak screen ack --seen-clinician
  ! daybreak: nothing was recorded: no warning sign is waiting for a clinician's review
  [2]

A full check stops at its first emergency answer, straight to the stop screen.

  $ printf 'no\nyes\n' | daybreak screen
  Safety check recorded (Monday 23 November 2026 07:30).
  
  ========================================================================
  STOP: get medical help now.
  
  You told daybreak:
    - new numbness around the genitals, buttocks or back passage
  
  With back pain, this can be a sign of a serious problem that needs
  treatment within hours.
  
    Call 112 now, or go to the nearest emergency department.
    Do not wait to see whether it passes. Do not exercise.
  ========================================================================
  Your exercise sessions are locked. When a clinician has seen you:
    daybreak screen ack --seen-clinician
  ! Safety check: 12 questions about warning signs.
  ! Answer yes or no. If you are not sure, answer yes: a doctor can tell you more.
  ! 
  !  1/12 Do you have NEW pain, pins and needles, numbness or weakness in BOTH legs? [yes/no]: no
  !  2/12 Do you have NEW numbness or altered feeling around your genitals, buttocks or back passage (where you would sit on a saddle)? [yes/no]: yes
  ! 
  $ daybreak screen ack --seen-clinician --json
  {
    "event": {
      "id": 8,
      "kind": "clinician_seen",
      "at": "2026-11-23T06:30:00Z",
      "channel": "cli",
      "result": "acknowledged",
      "raised": [],
      "answers": {}
    },
    "safety": {
      "status": "ok",
      "session_allowed": true,
      "progression_allowed": true,
      "reasons": [],
      "emergency": [],
      "urgent": [],
      "reviewed": [
        {
          "question": "fever",
          "label": "fever, or feeling hot and shivery",
          "reviewed_at": "2026-11-23T06:30:00Z"
        }
      ],
      "unchecked_leg_entries": [],
      "last_full_check": "2026-11-23T06:30:00Z",
      "next_full_check": "2026-11-30T06:30:00Z",
      "last_clinician_review": "2026-11-23T06:30:00Z",
      "emergency_number": "112",
      "emergency_number_chosen": true,
      "as_of": "2026-11-23T06:30:00Z"
    }
  }

The check-in carries the one-tap check and asks the leg questions itself.

  $ printf '4\n20\n3\nache\ntingling_right\nno\n\nno\nno\nno\nno\nno\n' | DAYBREAK_FAKE_NOW=2026-11-23T07:00:00Z daybreak checkin
  Logged the morning of Monday 23 November 2026 (entry 10): pain 4/10, stiffness 20 min, stiffness severity 3/10, warning signs: ache, leg symptoms: tingling right, new red-flag symptoms: no
  ! Good morning. This is your check-in for Monday 23 November 2026.
  ! Press Enter to skip a question; Ctrl-D stops without saving.
  ! 
  ! Pain right now, 0 (none) to 10 (worst imaginable): 4
  ! Minutes from waking until the stiffness eased (Enter if you are still stiff): 20
  ! How severe was the stiffness on waking, 0-10: 3
  ! Warning signs? spasm, stiffness, soreness, tightness, ache (commas between): ache
  ! Numbness, tingling or weakness in a leg? e.g. tingling_left (Enter for none): tingling_right
  ! Any NEW bladder, bowel, saddle-area, sexual or both-leg symptoms? yes or no: no
  ! Anything else to note: 
  ! 
  ! You noted tingling in the right leg.
  ! Five short safety questions follow.
  !  1/5 Do you have NEW pain, pins and needles, numbness or weakness in BOTH legs? [yes/no]: no
  !  2/5 Is weakness in a leg or foot getting worse quickly, or are you newly finding it hard to walk? [yes/no]: no
  !  3/5 Do you have NEW numbness or altered feeling around your genitals, buttocks or back passage (where you would sit on a saddle)? [yes/no]: no
  !  4/5 Do you have NEW trouble passing urine, or NEW loss of control of your bladder or bowels? [yes/no]: no
  !  5/5 Have you noticed a NEW change in sexual function, such as loss of erection, ejaculation or feeling in the genitals? [yes/no]: no
  ! 
  ! Thank you. None of these warning signs was reported; if that changes, check
  ! again (daybreak screen legs) or speak to a doctor.

An edit that turns the answer to yes is a new report; editing it back to no
does not unlock: only a clinician's review does.

  $ DAYBREAK_FAKE_NOW=2026-11-23T07:10:00Z daybreak edit 10 --red-flags yes
  Changed entry 10 (the morning of Monday 23 November 2026), now revision 2:
    new red-flag symptoms: no -> yes
  ! 
  ! ========================================================================
  ! STOP: get medical help now.
  ! 
  ! You told daybreak:
  !   - new bladder, bowel, saddle, sexual or both-leg symptoms
  ! 
  ! With back pain, this can be a sign of a serious problem that needs
  ! treatment within hours.
  ! 
  !   Call 112 now, or go to the nearest emergency department.
  !   Do not wait to see whether it passes. Do not exercise.
  ! ========================================================================
  ! Your exercise sessions are locked. When a clinician has seen you:
  !   daybreak screen ack --seen-clinician
  $ DAYBREAK_FAKE_NOW=2026-11-23T07:11:00Z daybreak edit 10 --red-flags no
  Changed entry 10 (the morning of Monday 23 November 2026), now revision 3:
    new red-flag symptoms: yes -> no
  ! 
  ! You noted tingling in the right leg.
  ! Before your next exercise session, please answer five short safety
  ! questions: daybreak screen legs
  $ DAYBREAK_FAKE_NOW=2026-11-23T07:12:00Z daybreak screen status
  Safety: LOCKED. Exercise sessions will not start until a clinician has seen you.
    - you reported new bladder, bowel, saddle, sexual or both-leg symptoms (diary check, 2026-11-23 08:10)
    - you noted tingling in the right leg on 2026-11-23 (entry 10), and the leg questions have not been answered since
    Call 112 now, or go to the nearest emergency department.
    When a clinician has seen you: daybreak screen ack --seen-clinician
    Seen by a clinician on 2026-11-23: fever, or feeling hot and shivery. If it changes or gets worse, see a doctor again.
  Last full check: 2026-11-23 07:30; next due: 2026-11-30.
  Emergency number: 112.
  $ DAYBREAK_FAKE_NOW=2026-11-23T09:30:00Z daybreak screen ack --seen-clinician
  Recorded that a clinician has seen you (2026-11-23 10:30) about: new bladder, bowel, saddle, sexual or both-leg symptoms.
  Exercise sessions are unlocked. If anything changes or gets worse, see a doctor again.
  Before your next session, answer the safety questions: daybreak screen

Every check is kept, with its answers and result.

  $ daybreak screen history
  when              check           result     answered yes
  2026-11-23 07:30  full check      no flags   none; inflammatory back pain screen positive (ASAS 2/5, Berlin 2/4)
  2026-11-23 07:30  full check      urgent     fever, or feeling hot and shivery; inflammatory back pain screen positive (ASAS 2/5, Berlin 2/4)
  2026-11-23 07:30  clinician seen  -
  2026-11-23 07:30  diary check     EMERGENCY  new bladder, bowel, saddle, sexual or both-leg symptoms (entry 9)
  2026-11-23 07:30  clinician seen  -
  2026-11-23 07:30  full check      EMERGENCY  new numbness around the genitals, buttocks or back passage; stopped at the first emergency answer; inflammatory back pain screen positive (ASAS 2/5, Berlin 2/4)
  2026-11-23 07:30  clinician seen  -
  2026-11-23 07:42  leg check       no flags   none (entry 8)
  2026-11-23 08:00  leg check       no flags   none (entry 10)
  2026-11-23 08:10  diary check     EMERGENCY  new bladder, bowel, saddle, sexual or both-leg symptoms (entry 10)
  2026-11-23 10:30  clinician seen  -
  $ daybreak screen history --json | head -40
  [
    {
      "id": 1,
      "kind": "full",
      "at": "2026-11-23T06:30:00Z",
      "channel": "setup",
      "result": "no_flags",
      "raised": [],
      "answers": {
        "both_legs": "no",
        "saddle_numbness": "no",
        "bladder_bowel": "no",
        "sexual_function": "no",
        "leg_weakness": "no",
        "major_accident": "no",
        "fever": "no",
        "weight_loss": "no",
        "cancer_history": "no",
        "night_pain": "no",
        "bone_risk_trauma": "no",
        "age_at_onset": "no",
        "ibp_chronic": "yes",
        "ibp_onset_before_40": "no",
        "ibp_gradual_onset": "no",
        "ibp_better_with_exercise": "yes",
        "ibp_not_better_with_rest": "yes",
        "ibp_night_pain": "no",
        "ibp_morning_stiffness": "no",
        "ibp_second_half_waking": "no",
        "ibp_alternating_buttock": "no",
        "ibp_under_50": "yes"
      },
      "ibp": {
        "outcome": "positive",
        "asas_met": 2,
        "berlin_met": 2,
        "met": [
          "asas_better_with_exercise",
          "asas_not_better_with_rest",
          "berlin_morning_stiffness",

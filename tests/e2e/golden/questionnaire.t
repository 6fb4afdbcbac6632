Standard questionnaires: one engine, each instrument a definition built into
daybreak. Scores over time, with the change judged against the minimal
important change. The ODI, RMDQ and STarT Back wording is copyrighted:
daybreak shows short labels, and answers can be entered from the paper form.

  $ daybreak questionnaire list
  nrs_pain           NRS         Numeric pain rating (11-point)
  morning_stiffness  Stiffness   Morning stiffness (BASDAI 5-6 style)
  psfs               PSFS        Patient-Specific Functional Scale (original)
  odi                ODI         Oswestry Disability Index (2.1a) *
  rmdq               RMDQ        Roland-Morris Disability Questionnaire (24-item) *
  start_back         STarT Back  Keele STarT Back Screening Tool (9-item) *
  basdai             BASDAI      offered only with a diagnosis of axial spondyloarthritis
  
  * copyrighted wording: daybreak shows short labels; enter the answers from the
    paper form, or load the licensed wording (docs/questionnaires.md).
  Take one: daybreak questionnaire take ID
  $ daybreak questionnaire show start_back
  Keele STarT Back Screening Tool (STarT Back), version 9-item
  Nine items that sort back pain into low, medium or high risk of a poor outcome, to match care to the risk. Prognostic, not diagnostic.
  Asks about: the past 2 weeks.
  Source: Hill JC et al. A primary care back pain screening tool. Arthritis Rheum 2008;59:632-41
  Licence: Copyright Keele University. Keele states no licence is needed for non-commercial use; commercial products must contact Keele (startback.hfac.keele.ac.uk). The copyright and funding notice must be kept with the wording: put it in the wording file's notice.
  Change: STarT Back sorts people into risk groups; compare the group rather than the score.
    band: low risk (total <= 3)
    band: high risk (psychosocial >= 4)
    band: medium risk (otherwise)
  
  Items (answer by id or number):
     1  leg_pain             Item 1: Referred leg pain: one of: agree, disagree
     2  shoulder_neck_pain   Item 2: Shoulder or neck pain: one of: agree, disagree
     3  walking              Item 3: Walking short distances: one of: agree, disagree
     4  dressing             Item 4: Dressing: one of: agree, disagree
     5  fear                 Item 5: Fear of activity: one of: agree, disagree
     6  worry                Item 6: Worrying thoughts: one of: agree, disagree
     7  catastrophising      Item 7: Catastrophising: one of: agree, disagree
     8  low_mood             Item 8: Low mood: one of: agree, disagree
     9  bothersomeness       Item 9: Bothersomeness: one of: 1, 2, 3, 4, 5
  $ daybreak questionnaire show nrs_pain --json
  {
    "id": "nrs_pain",
    "name": "Numeric pain rating",
    "abbreviation": "NRS",
    "version": "11-point",
    "recall": "the past week",
    "description": "Your average back pain over the past week, from 0 (none) to 10 (the worst imaginable).",
    "source": "Farrar JT et al. Pain 2001;94:149-58 (the 0-10 scale and what change matters)",
    "licence": "A generic 0-10 rating scale; the wording is daybreak's own.",
    "licensed_wording": false,
    "scoring": "sum",
    "unit": "/10",
    "better": "lower",
    "min_score": 0.0,
    "max_score": 10.0,
    "items": [
      {
        "id": "pain",
        "label": "Average back pain, past week",
        "kind": "number",
        "required": true,
        "constructs": [],
        "allowed": "a whole number from 0 to 10",
        "text": "On average over the past week, how bad has your back pain been? 0 = no pain, 10 = the worst pain you can imagine.",
        "min": 0,
        "max": 10
      }
    ],
    "bands": [],
    "minimal_important_change": {
      "points": 2.0,
      "percent": 30.0,
      "percent_needs_points": 1.0,
      "source": "Ostelo RW et al. Spine 2008;33:90-4 (2 points, or 30% of the baseline); Farrar 2001; Salaffi F et al. Eur J Pain 2004;8:283-91 (1 point, the smallest change noticed)"
    }
  }

The ODI entered from a paper form with the sex-life section left blank:
16 points out of the 45 possible for nine sections, 35.6%.

  $ daybreak questionnaire take odi --from-paper --answers "1=2,2=1,3=3,4=2,5=2,6=1,7=2,8=skip,9=2,10=1"
  ODI: 35.6%, moderate disability (21-40%)
    9 of 10 items answered
  $ DAYBREAK_FAKE_NOW=2026-12-21T08:00:00Z daybreak questionnaire take odi --answers "pain_intensity=1,personal_care=0,lifting=1,walking=1,sitting=1,standing=1,sleeping=1,sex_life=skip,social_life=1,travelling=1"
  ODI: 17.8%, minimal disability (0-20%)
    9 of 10 items answered
  Since your first ODI (2026-11-23): ODI fell 17.8 points: an important improvement.
  $ daybreak questionnaire take odi --answers "1=6,2=lots,11=1"
  ! daybreak: nothing was saved: some ODI answers are not allowed
  !   11: '1' is not allowed; allowed: an item id or its number from 1 to 10
  !   pain_intensity: '6' is not allowed; allowed: a whole number from 0 to 5, or skip
  !   personal_care: 'lots' is not allowed; allowed: a whole number from 0 to 5, or skip
  !   next: daybreak questionnaire show odi
  [2]

Asked one item at a time (a terminal; here a pipe). Without the licensed
wording, the person reads each item on the paper form.

  $ printf 'agree\ndisagree\nagree\nagree\nagree\ndisagree\nagree\nmaybe\ndisagree\n4\n' | daybreak questionnaire take start_back
  STarT Back: 6, medium risk (psychosocial subscale: 3)
  ! Keele STarT Back Screening Tool (STarT Back), about the past 2 weeks.
  ! daybreak shows short labels only: the wording is copyrighted. Read each item on
  ! the paper form and enter the answer given there.
  ! 
  !  1/9 Item 1: Referred leg pain (one of: agree, disagree): agree
  !  2/9 Item 2: Shoulder or neck pain (one of: agree, disagree): disagree
  !  3/9 Item 3: Walking short distances (one of: agree, disagree): agree
  !  4/9 Item 4: Dressing (one of: agree, disagree): agree
  !  5/9 Item 5: Fear of activity (one of: agree, disagree): agree
  !  6/9 Item 6: Worrying thoughts (one of: agree, disagree): disagree
  !  7/9 Item 7: Catastrophising (one of: agree, disagree): agree
  !  8/9 Item 8: Low mood (one of: agree, disagree): maybe
  !   allowed: one of: agree, disagree
  !  8/9 Item 8: Low mood (one of: agree, disagree): disagree
  !   1         first box (least)
  !   2         second box
  !   3         third box
  !   4         fourth box (counts)
  !   5         fifth box (most; counts)
  !  9/9 Item 9: Bothersomeness (one of: 1, 2, 3, 4, 5): 4
  ! 
  $ DAYBREAK_FAKE_NOW=2026-12-21T08:00:00Z daybreak questionnaire take start_back --answers "1=agree,2=disagree,3=disagree,4=disagree,5=agree,6=disagree,7=disagree,8=disagree,9=2"
  STarT Back: 2, low risk (psychosocial subscale: 1)
  Since your first STarT Back (2026-11-23): STarT Back: from medium risk to low risk.
  $ daybreak questionnaire take rmdq --answers "1=yes,2=yes,4=yes,7=yes,9=yes,12=yes,13=yes,15=yes,19=yes,21=yes"
  RMDQ: 10
  $ DAYBREAK_FAKE_NOW=2026-12-21T08:00:00Z daybreak questionnaire take rmdq --answers "2=yes,4=yes,9=yes,12=yes,15=yes,21=yes,24=yes" --json
  {
    "id": 6,
    "instrument": "rmdq",
    "version": "24-item",
    "taken_at": "2026-12-21T08:00:00Z",
    "channel": "cli",
    "score": 7.0,
    "shown": "7",
    "band": "",
    "subscales": {},
    "answered": 7,
    "skipped": 17,
    "notes": [],
    "answers": [
      {
        "item": "2",
        "choice": "yes"
      },
      {
        "item": "4",
        "choice": "yes"
      },
      {
        "item": "9",
        "choice": "yes"
      },
      {
        "item": "12",
        "choice": "yes"
      },
      {
        "item": "15",
        "choice": "yes"
      },
      {
        "item": "21",
        "choice": "yes"
      },
      {
        "item": "24",
        "choice": "yes"
      }
    ],
    "since_first": {
      "baseline": 10.0,
      "latest": 7.0,
      "change": -3.0,
      "sentence": "RMDQ fell 3 points (30%): an important improvement",
      "percent": -30.0,
      "verdict": "important_improvement"
    }
  }

Numeric pain and morning stiffness (BASDAI questions 5 and 6 style: 45
minutes score 3.75 of 10).

  $ printf '7\n' | daybreak questionnaire take nrs_pain
  NRS: 7/10
  ! Numeric pain rating (NRS), about the past week.
  ! 
  ! On average over the past week, how bad has your back pain been? 0 = no pain, 10 = the worst pain you can imagine.
  !  1/1 Average back pain, past week (a whole number from 0 to 10): 7
  ! 
  $ daybreak questionnaire take nrs_pain --answers pain=11
  ! daybreak: nothing was saved: some NRS answers are not allowed
  !   pain: '11' is not allowed; allowed: a whole number from 0 to 10
  !   next: daybreak questionnaire show nrs_pain
  [2]
  $ DAYBREAK_FAKE_NOW=2026-12-21T08:00:00Z daybreak questionnaire take nrs_pain --answers pain=5
  NRS: 5/10
  Since your first NRS (2026-11-23): NRS fell 2 points (29%): an important improvement.
  $ daybreak questionnaire take morning_stiffness --answers "severity=6,duration=45"
  Stiffness: 4.9/10 (severity: 6; duration score: 3.8)

PSFS: the person names the activities, then re-rates the same ones later.
Only activities rated both times are compared.

  $ printf 'putting on socks\n2\nlifting the shopping\n3\ngardening\n4\n\n' | daybreak questionnaire take psfs
  PSFS: 3.0/10
  ! Patient-Specific Functional Scale (PSFS), about today.
  ! 
  ! Rate each activity: 0 = unable to do it, 10 = able to do it as well as before your back problem.
  ! An activity you find hard because of your back (Enter when done): putting on socks
  !   putting on socks (0-10): 2
  ! An activity you find hard because of your back (Enter when done): lifting the shopping
  !   lifting the shopping (0-10): 3
  ! An activity you find hard because of your back (Enter when done): gardening
  !   gardening (0-10): 4
  ! An activity you find hard because of your back (Enter when done): 
  ! 
  $ printf '5\n6\n4\ncycling\n1\n\n' | DAYBREAK_FAKE_NOW=2026-12-21T08:00:00Z daybreak questionnaire take psfs
  PSFS: 4.0/10
  Since your first PSFS (2026-11-23): PSFS rose 2 points: an important improvement.
  ! Patient-Specific Functional Scale (PSFS), about today.
  ! 
  ! Rate each activity: 0 = unable to do it, 10 = able to do it as well as before your back problem.
  ! First the activities you named last time, to compare like with like:
  !   putting on socks (0-10): 5
  !   lifting the shopping (0-10): 6
  !   gardening (0-10): 4
  ! An activity you find hard because of your back (Enter when done): cycling
  !   cycling (0-10): 1
  ! An activity you find hard because of your back (Enter when done): 
  ! 

BASDAI is offered only to people who report a diagnosis of axial
spondyloarthritis.

  $ daybreak questionnaire take basdai --answers "1=4,2=5,3=2,4=3,5=6,6=90"
  ! daybreak: nothing was saved: the BASDAI is offered only to people who report a diagnosis of axial spondyloarthritis (ankylosing spondylitis): it is validated only for them; say so in your settings if a doctor has told you that you have it
  !   next: daybreak setup --axspa yes
  [2]
  $ daybreak setup --axspa yes --answers "both_legs=no,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_weakness=no,major_accident=no,fever=no,weight_loss=no,cancer_history=no,night_pain=no,bone_risk_trauma=no,age_at_onset=no" > /dev/null
  $ daybreak questionnaire take basdai --answers "1=4,2=5,3=2,4=3,5=6,6=90"
  BASDAI: 4.2/10, at or above 4, the usual threshold for active disease

Scores over time, and what the change means.

  $ DAYBREAK_FAKE_NOW=2026-12-21T08:00:00Z daybreak questionnaire history
  NRS: Numeric pain rating (11-point)
    2026-11-23  7/10
    2026-12-21  5/10
    Since the first: NRS fell 2 points (29%): an important improvement.
  
  Stiffness: Morning stiffness (BASDAI 5-6 style)
    2026-11-23  4.9/10
  
  PSFS: Patient-Specific Functional Scale (original)
    2026-11-23  3.0/10
    2026-12-21  4.0/10
    Activities rated first and last:
      putting on socks: 2 -> 5
      lifting the shopping: 3 -> 6
      gardening: 4 -> 4
    Not compared (rated only once of the two): cycling
    Since the first: PSFS rose 2 points: an important improvement.
  
  ODI: Oswestry Disability Index (2.1a)
    2026-11-23  35.6%   moderate disability (21-40%) (from the paper form)
    2026-12-21  17.8%   minimal disability (0-20%)
    Since the first: ODI fell 17.8 points: an important improvement.
  
  RMDQ: Roland-Morris Disability Questionnaire (24-item)
    2026-11-23  10
    2026-12-21  7
    Since the first: RMDQ fell 3 points (30%): an important improvement.
  
  STarT Back: Keele STarT Back Screening Tool (9-item)
    2026-11-23  6       medium risk
    2026-12-21  2       low risk
    Since the first: STarT Back: from medium risk to low risk.
  
  BASDAI: Bath Ankylosing Spondylitis Disease Activity Index (1994, 0-10 ratings)
    2026-11-23  4.2/10  at or above 4, the usual threshold for active disease
  $ DAYBREAK_FAKE_NOW=2026-12-21T08:00:00Z daybreak questionnaire history psfs --json
  [
    {
      "instrument": "psfs",
      "responses": [
        {
          "id": 10,
          "instrument": "psfs",
          "version": "original",
          "taken_at": "2026-11-23T06:30:00Z",
          "channel": "cli",
          "score": 3.0,
          "shown": "3.0/10",
          "band": "",
          "subscales": {},
          "answered": 3,
          "skipped": 0,
          "notes": [],
          "answers": [
            {
              "item": "putting on socks",
              "value": 2
            },
            {
              "item": "lifting the shopping",
              "value": 3
            },
            {
              "item": "gardening",
              "value": 4
            }
          ]
        },
        {
          "id": 11,
          "instrument": "psfs",
          "version": "original",
          "taken_at": "2026-12-21T08:00:00Z",
          "channel": "cli",
          "score": 4.0,
          "shown": "4.0/10",
          "band": "",
          "subscales": {},
          "answered": 4,
          "skipped": 0,
          "notes": [],
          "answers": [
            {
              "item": "putting on socks",
              "value": 5
            },
            {
              "item": "lifting the shopping",
              "value": 6
            },
            {
              "item": "gardening",
              "value": 4
            },
            {
              "item": "cycling",
              "value": 1
            }
          ]
        }
      ],
      "since_first": {
        "baseline": 3.0,
        "latest": 5.0,
        "change": 2.0,
        "sentence": "PSFS rose 2 points: an important improvement",
        "percent": 66.66666666666667,
        "verdict": "important_improvement"
      },
      "compared_activities": [
        {
          "activity": "putting on socks",
          "before": 2,
          "after": 5
        },
        {
          "activity": "lifting the shopping",
          "before": 3,
          "after": 6
        },
        {
          "activity": "gardening",
          "before": 4,
          "after": 4
        }
      ],
      "not_compared": [
        "cycling"
      ]
    }
  ]
  $ daybreak questionnaire history sf36
  ! daybreak: there is no questionnaire 'sf36'
  [3]

An installation licensed to use the ODI wording loads it from a file (here
with placeholder text): the items then show the statements.

  $ printf 'instrument = "odi"\nversion = "2.1a"\nnotice = "Placeholder wording for this test only."\n[[item]]\nid = "pain_intensity"\ntext = "Section 1 (placeholder)"\noptions = ["first", "second", "third", "fourth", "fifth", "sixth"]\n' > odi-wording.toml
  $ daybreak questionnaire show odi --wording odi-wording.toml | head -16
  Oswestry Disability Index (ODI), version 2.1a
  Ten sections on how back pain affects everyday life, each scored 0-5; the score is the percentage of the maximum for the sections answered (0% = no disability).
  Asks about: today.
  Source: Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25:2940-52
  Licence: Copyright; managed by Mapi Research Trust (ePROVIDE): free for clinical practice and unfunded academic use, fees for commercial users. daybreak ships section labels and the scoring only. Load the official wording from a file your installation is licensed to use, or enter the answers from the paper form.
  Wording: Placeholder wording for this test only.
  Important change: 10 points (Ostelo RW et al. Spine 2008;33:90-4).
    band: minimal disability (0-20%) (total <= 20)
    band: moderate disability (21-40%) (total <= 40)
    band: severe disability (41-60%) (total <= 60)
    band: crippling back pain (61-80%) (total <= 80)
    band: bed-bound, or the score overstates the problem (81-100%) (otherwise)
  
  Items (answer by id or number):
     1  pain_intensity       Section 1: Pain intensity: a whole number from 0 to 5, or skip
        Section 1 (placeholder)
  $ mkdir -p data/wording && cp odi-wording.toml data/wording/odi.toml
  $ printf '2\n\n\n\n\n\n\n\n\n\n' | daybreak questionnaire take odi
  ODI: 40.0%, moderate disability (21-40%)
    1 of 10 items answered
    9 of 10 items skipped (more than 2): read this score with care
  Since your first ODI (2026-11-23): ODI fell 17.8 points: an important improvement.
  ! Oswestry Disability Index (ODI), about today.
  ! Placeholder wording for this test only.
  ! 
  ! Section 1 (placeholder)
  !   0 first
  !   1 second
  !   2 third
  !   3 fourth
  !   4 fifth
  !   5 sixth
  !  1/10 Section 1: Pain intensity (a whole number from 0 to 5, or skip; Enter = skip): 2
  !  2/10 Section 2: Personal care (washing, dressing) (a whole number from 0 to 5, or skip; Enter = skip): 
  !  3/10 Section 3: Lifting (a whole number from 0 to 5, or skip; Enter = skip): 
  !  4/10 Section 4: Walking (a whole number from 0 to 5, or skip; Enter = skip): 
  !  5/10 Section 5: Sitting (a whole number from 0 to 5, or skip; Enter = skip): 
  !  6/10 Section 6: Standing (a whole number from 0 to 5, or skip; Enter = skip): 
  !  7/10 Section 7: Sleeping (a whole number from 0 to 5, or skip; Enter = skip): 
  !  8/10 Section 8: Sex life (if applicable) (a whole number from 0 to 5, or skip; Enter = skip): 
  !  9/10 Section 9: Social life (a whole number from 0 to 5, or skip; Enter = skip): 
  ! 10/10 Section 10: Travelling (a whole number from 0 to 5, or skip; Enter = skip): 
  ! 
  $ printf 'instrument = "odi"\nversion = "2.0"\nnotice = "x"\n[[item]]\nid = "stairs"\ntext = "t"\n' > data/wording/odi.toml
  $ daybreak questionnaire take odi --answers 1=2
  ! daybreak: the wording file $TMP/data/wording/odi.toml does not match the ODI 2.1a
  !   $TMP/data/wording/odi.toml:2:11: version: '2.0' is not allowed; allowed: 2.1a: the version daybreak scores (versions differ in items and scoring)
  !   $TMP/data/wording/odi.toml:5:6: item[0].id: 'stairs' is not allowed; allowed: an item id of the ODI
  [2]

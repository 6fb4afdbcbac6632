The clinician report (issue 18): three weeks of diary with notes in three
scripts, medication and sleep positions; questionnaires at the start and the
end; a week of morning sessions and the program's decisions; then the PDF.
Its SHA-256 is pinned: a change to the report shows here, with its text.
Look at the pages before accepting it (docs/report.md says how), and commit
the pictures in docs/screenshots with it.

  $ daybreak profile --name "Ελένη Παπαδοπούλου" > /dev/null
  $ daybreak import csv $FIXTURES/report/diary.csv
  Imported 63 new entries.
  $ DAYBREAK_FAKE_NOW=2026-11-02T08:00:00Z daybreak questionnaire take odi --answers "1=3,2=2,3=3,4=2,5=3,6=2,7=3,8=2,9=3,10=2"
  ODI: 50.0%, severe disability (41-60%)
  $ DAYBREAK_FAKE_NOW=2026-11-02T08:05:00Z daybreak questionnaire take start_back --answers "1=agree,2=agree,3=disagree,4=agree,5=agree,6=disagree,7=agree,8=disagree,9=4"
  STarT Back: 6, medium risk (psychosocial subscale: 3)
  $ DAYBREAK_FAKE_NOW=2026-11-02T08:10:00Z daybreak questionnaire take psfs --answers "putting on socks=3; walking 30 minutes=4; sitting through a meeting=2"
  PSFS: 3.0/10
  $ DAYBREAK_FAKE_NOW=2026-11-22T08:00:00Z daybreak questionnaire take odi --answers "1=1,2=1,3=2,4=1,5=1,6=1,7=1,8=1,9=2,10=1"
  ODI: 24.0%, moderate disability (21-40%)
  Since your first ODI (2026-11-02): ODI fell 26 points: an important improvement.
  $ DAYBREAK_FAKE_NOW=2026-11-22T08:05:00Z daybreak questionnaire take start_back --answers "1=agree,2=disagree,3=disagree,4=disagree,5=agree,6=disagree,7=disagree,8=disagree,9=2"
  STarT Back: 2, low risk (psychosocial subscale: 1)
  Since your first STarT Back (2026-11-02): STarT Back: from medium risk to low risk.
  $ DAYBREAK_FAKE_NOW=2026-11-22T08:10:00Z daybreak questionnaire take psfs --answers "putting on socks=7; walking 30 minutes=7; sitting through a meeting=5"
  PSFS: 6.3/10
  Since your first PSFS (2026-11-02): PSFS rose 3.3 points: an important improvement.
  $ DAYBREAK_FAKE_NOW=2026-11-14T06:20:00Z daybreak screen --answers "both_legs=no,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_weakness=no,major_accident=no,fever=no,weight_loss=no,cancer_history=no,night_pain=no,bone_risk_trauma=no,age_at_onset=no" > /dev/null
  $ for d in 14 15 16 17 18 19; do printf 'pain 3\ncomfort 2\n' | DAYBREAK_FAKE_NOW=2026-11-${d}T07:30:00Z daybreak session morning --script > /dev/null 2>&1; done
  $ printf 'pain 5\ncomfort 3\n' | DAYBREAK_FAKE_NOW=2026-11-20T07:30:00Z daybreak session flare --script > /dev/null 2>&1
  $ daybreak progress > /dev/null 2>&1
  $ daybreak report --from 2026-11-02 --to 2026-11-23 --questions "Is the new office chair making my mornings worse? Should I keep walking when the ache is at five?" --output report.pdf
  ! Wrote your report (Back pain report: 2 Nov 2026 to 23 Nov 2026, A4) to report.pdf. Read it before you share it.
  $ sha256sum report.pdf
  db76dd3782666f6cc0529a3b9f8496dcf7e1b025680bfce2eed274912379c841  report.pdf
  $ pdfinfo -isodates report.pdf | grep -E '^(Title|Creator|CreationDate|Tagged|Pages|Page size):'
  Title:           Back pain report: 2 Nov 2026 to 23 Nov 2026
  Creator:         daybreak
  CreationDate:    2026-11-23T06:30:00Z
  Tagged:          yes
  Pages:           2
  Page size:       595.276 x 841.89 pts (A4)
  $ pdftotext -layout report.pdf -
  Back pain report: 2 Nov 2026 to 23 Nov 2026
  Ελένη Παπαδοπούλου
  Period: Monday 2 November 2026 to Monday 23 November 2026 (22 days).
  Completeness: a morning entry on 21 of 21 days (100%) from 2 Nov 2026 to 22 Nov 2026 (23 Nov, the day of the report, not
  logged yet).
  Made on 23 Nov 2026 at 07:30 (Europe/Berlin) with daybreak 0.1.0, from the person's own diary.
  
  Key changes
  Measure                  Start of period                End of period                     What it means
  Morning pain             5.9 (mean, 2 Nov to 8          3.9 (mean, 16 Nov to 22           Morning pain fell 2 points (34%): an important
  (0-10)                   Nov)                           Nov)                              improvement (MIC: 2 points or 30% of at least 1 point).
  Worst pain of the        7 (any period, same days) 6 (any period, same days)              Highest pain of the period: 7 on 6 Nov 2026.
  day
  Morning stiffness        49 min (mean, 2 Nov to 8       21 min (mean, 16 Nov to 22        More than 30 minutes on 13 of 21 mornings.
                           Nov)                           Nov)
  PSFS                     3.0/10                         6.3/10                            +3.3: an important improvement
  ODI                      50.0%                          24.0%                             −26: an important improvement
  STarT Back group         6, medium risk (2 Nov)         2, low risk (22 Nov)              From medium risk to low risk.
  Safety                   No warning sign reported in this period (1 full safety check). That does not rule out a serious problem. When
                           this report was made (23 Nov 2026 at 07:30), the weekly safety check was due: the last was on 14 Nov 2026.
  IBP screen               Inflammatory back pain screen not done: its questions were not answered. The diary alone (full check of 14
                           Nov 2026): ASAS 0 of 5 criteria met (4 needed; Sieper et al. 2009), Berlin 1 of 4 (2 needed; Rudwaleit et al.
                           2006). Met: stiffness on waking lasting more than 30 minutes (diary).
  
  Morning pain, day by day
            morning pain        7-day mean        lowest to highest of the day       stage change     flare day
     10
  
  
  
      8
  
  
  
      6
  
  
  
      4
  
  
  
      2
  
  
  
      0
          2 Nov                                        9 Nov                                        16 Nov                                    23 Nov
  
  
  Morning stiffness, minutes until it eased
            minutes until stiffness eased    30 minutes         still stiff when logged
     60
  
     45
  
     30
  
     15
  
      0
          2 Nov                                        9 Nov                                        16 Nov                                    23 Nov
  
  
  Questionnaires
  Questionnaire Baseline                             Latest                         Change Important              What it means
                                                                                           change
  PSFS                   3.0/10 (2 Nov)              6.3/10 (22 Nov)                +3.3       2 points           PSFS rose 3.3 points: an
                                                                                                                  important improvement
  ODI                    50.0%, severe               24.0%, moderate                −26        10 points          ODI fell 26 points: an important
                         disability (41-60%) (2      disability (21-40%) (22                                      improvement
                         Nov)                        Nov)
  STarT Back             6, medium risk (2 Nov)      2, low risk (22 Nov)           −4         none               STarT Back fell 4 points; STarT
                                                                                                                  Back sorts people into risk
                                                                                                                  groups; compare the group
                                                                                                                  rather than the score
  Back pain report: 2 Nov 2026 to 23 Nov 2026: detail
  
  The program
  The daybreak program: stage 1 of 4, “Wake up gently”, since 14 Nov 2026 (9 days in the stage).
  Guided sessions finished in this period: 7 of 7 started. Over the 9 days from 14 Nov 2026 to 22 Nov 2026: 7 finished, 5.4 a
  week on average (7 ÷ 9 days × 7), against 14 planned (a morning and an evening routine each day). 23 Nov 2026 was not
  over when the report was made and is not counted.
  Week of                                      9 Nov                            16 Nov                               23 Nov
  Finished                                     2/4                              5/14                                 -
  Adherence                                    50%                              36%                                  in progress
  
  Each week's plan counts its days in the period from the first session on, up to the last day over when the report was made.
  Steps up and back, newest first; baseline: the median of the last 7 logged mornings before the session:
  • 17 Nov 2026: Step up after the morning session: next-morning pain 4 (baseline 5), stiffness 23 min (baseline 31 min), pain
    during the session at most 2/10. Abdominal brace: holds go from 5 to 8 s; Pelvic tilt: sets go from 1 to 2 and rests between
    sets from 30 to 20 s; Knee rolls: reps go from 6 to 8; Heel slides: reps go from 8 to 10; Walking: minutes go from 5 to 8.
  
  Pain through the day
  Period                             Entries                        Mean pain                                  95% interval
  night                              21                             2.9                                        2.1 to 3.6
  morning                            21                             4.9                                        4.1 to 5.6
  afternoon                          0                              -                                          -
  evening                            21                             3.9                                        3.1 to 4.6
  
  Pain persisted beyond the morning (at least 1 in every later period logged) on 21 of the 21 days with the afternoon or evening
  logged as well (100%): evenings averaged 3.9, against 4.9 in those mornings. The pain is not confined to the morning.
  Masking by medication not assessed: 0 afternoon or evening entries within 6 hours of a dose and 21 without (10 of each
  needed).
  
  Medication, relief and sleep set-up
  Relief used, times logged: heat (6), rest (5).
  Sleep set-up over 21 nights logged: position back (7), left side (7), right side (7).
  Medication                                                Times logged                                                         Doses
  ibuprofen                                                 7                                                                    400 mg
  
  What matters to the person (PSFS)
  Activity                                                      Rating (0 = unable, 10 = as before)
  putting on socks                                              7
  walking 30 minutes                                            7
  sitting through a meeting                                     5
  
  The person's questions
  Is the new office chair making my mornings worse? Should I keep walking when the ache is at five?
  
  Notes from the diary
  • 22 Nov 2026, morning: Best morning in weeks.
  • 19 Nov 2026, morning: 朝のこわばりは散歩の後に楽になった。
  • 15 Nov 2026, morning: Long drive to my sister's; stiff on arrival.
  • 11 Nov 2026, morning: Δύσκολο πρωινό, καλύτερα μετά το περπάτημα.
  • 8 Nov 2026, morning: Woke at five with the usual band of stiffness across the low back, worse on the left. Rolled to the
    side and pushed up as the physio showed, which helped more than last week. The knee rolls felt easy today; the pelvic
    tilts pulled at the end of the range. Walked to the bakery and back, about twenty minutes, and the ache settled to a three.
    Sat through a long meeting in the afternoon and the pain crept back to five by four o'clock. I wonder whether the new
    office chair, which is lower than the old one, makes this worse. Heat pad in the evening, then the evening routine, and bed
    at half past ten.
  • 2 Nov 2026, morning: First day of the diary; the physio suggested it.
  
  Pain: 0-10 numeric rating scale, logged by the person for the night, morning, afternoon and evening. Baseline: mean of the first 7 logged mornings of the
  period; latest: mean of the last 7 (compared when 14 or more are logged). Chart line: mean of the mornings logged in the 7 days ending each day (at least
  4). Program steps: a rule adapted from a pain-monitoring model tested in Achilles tendon pain (Silbernagel et al., Am J Sports Med 2007).
  Important change (minimal important change, MIC): NRS pain 2 points or 30% of the baseline, RMDQ 5 points or 30%, ODI 10 points (Ostelo et al., Spine
  2008;33:90-4); for pain, 30% counts only with a change of at least 1 point, the smallest change people notice (Salaffi et al., Eur J Pain 2004); PSFS 2 points
  (Stratford 1995; Abbott and Schmitt, JOSPT 2014). STarT Back groups: Hill et al., Arthritis Rheum 2008.
  Morning stiffness: minutes from waking until it eased; more than 30 minutes is one of the Berlin criteria for inflammatory back pain (Rudwaleit et al.,
  Arthritis Rheum 2006). Intervals are 95% intervals that allow for day-to-day correlation (daybreak docs/insights.md).
  Written by the person with daybreak, a self-care diary, from what they logged. It is not a diagnosis and does not replace a clinical
  assessment.
   (no newline at end)

The same on Letter, as a person in the US gets by default:

  $ LC_ALL=en_US.UTF-8 daybreak report --from 2026-11-02 --to 2026-11-23 --output letter.pdf 2> /dev/null && pdfinfo letter.pdf | grep -E '^(Pages|Page size):'
  Pages:           2
  Page size:       612 x 792 pts (letter)

A period with nothing logged is one page that says so, not an error:

  $ daybreak report --from 2026-06-01 --to 2026-06-30 --output empty.pdf
  ! Wrote your report (Back pain report: 1 Jun 2026 to 30 Jun 2026, A4) to empty.pdf. Read it before you share it.
  $ pdfinfo empty.pdf | grep '^Pages:' && pdftotext empty.pdf - | grep -A3 'Nothing was logged'
  Pages:           1
  Nothing was logged in the diary from 1 Jun 2026 to 30 Jun 2026: there are no pain, stiffness or session numbers to report for
  this period. No full safety check was done in this period. When this report was made (23 Nov 2026 at 07:30), the weekly
  safety check was due: the last was on 14 Nov 2026. Inflammatory back pain screen not done: no full safety check, which
  runs it, was done by the end of this period.

To stdout, and what is refused:

  $ daybreak report --output - | head -c 8
  %PDF-1.5 (no newline at end)
  $ daybreak report --from 2026-11-23 --to 2026-11-01 --questions "$(printf '%1001s' | tr ' ' x)"
  ! daybreak: the report cannot be made
  !   --from: '2026-11-23' is not allowed; allowed: a day on or before the last day (2026-11-01)
  !   --questions: '1001 characters' is not allowed; allowed: at most 1000 characters, so that the report keeps to two pages
  [2]
  $ daybreak report --paper a5
  ! --paper: a5 not in {a4,letter}
  ! Run with --help for more information.
  [1]

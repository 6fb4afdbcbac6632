// The education pages, in daybreak's own words. Every claim follows
// /work/shared/design/clinical-facts.md (see clinical.md for what the product
// decides from it); the studies behind each page are listed on the page.

export interface LearnSection {
  heading: string;
  paragraphs: string[];
  points?: string[];
}

export interface LearnPage {
  slug: string;
  title: string;
  summary: string;
  lead: string;
  sections: LearnSection[];
  sources: string[];
}

export const LEARN_PAGES: LearnPage[] = [
  {
    slug: 'why-mornings',
    title: 'Why morning pain keeps coming back',
    summary: 'What the night does to your back, and why judging your back by the morning alone misleads.',
    lead:
      'Many people with low back pain feel worst in the first hour after waking, and better once they move. The pattern repeats because its cause repeats: every night.',
    sections: [
      {
        heading: 'Your back is different first thing',
        paragraphs: [
          'While you lie down, the discs between your vertebrae take up water. In the morning they are at their fullest, and the back bends less easily: in one study the lower back bent about five degrees less in the morning than later in the day.',
          'Bending forward early in the morning also strains the back far more than the same bend later on: in laboratory measurements the bending stress on the discs was about 300% higher, and on the ligaments about 80% higher. As the day goes on the discs lose some of that water and the strain falls.',
        ],
      },
      {
        heading: 'Mornings are not the whole story',
        paragraphs: [
          'Because the morning is the worst part, it is easy to judge your back by it alone. But pain is often there through the afternoon and evening too, only quieter, or hidden by medication. That is why daybreak asks about all four periods: night, morning, afternoon and evening.',
          'Logging what you take, and when, lets you see what the medication covers and what it does not.',
        ],
      },
      {
        heading: 'What changes the pattern',
        paragraphs: [
          'In a trial, people with long-standing back pain who learned to avoid bending forward in the first hours after waking had about a third less pain, fewer days with pain and used less medication. A group doing six common exercises instead did not improve until they switched.',
          'Timing matters, then, and so does what you do: the next pages explain the overnight cycle, why rest and pills alone do not break it, and why an ordered program does.',
        ],
      },
      {
        heading: 'When stiffness lasts long',
        paragraphs: [
          'Stiffness from ordinary back pain usually eases within half an hour. Stiffness that often lasts longer, pain that wakes you in the second half of the night, or pain that eases with exercise but not with rest can point to inflammatory back pain. It is worth mentioning to your doctor, who can tell what it is. daybreak never makes that call.',
        ],
      },
    ],
    sources: [
      'Adams MA, Dolan P, Hutton WC. Diurnal variations in the stresses on the lumbar spine. Spine 1987;12:130–7.',
      'Snook SH et al. The reduction of chronic nonspecific low back pain through the control of early morning lumbar flexion. Spine 1998;23:2601–7.',
      'Rudwaleit M et al. Inflammatory back pain in ankylosing spondylitis: a reassessment of the clinical history (Berlin criteria). Arthritis Rheum 2006.',
    ],
  },
  {
    slug: 'overnight',
    title: 'The overnight cycle: cooling and stiffening',
    summary: 'Hours of stillness leave you cool and stiff by morning. What helps before you get up, and in the evening.',
    lead:
      'Each night repeats the same cycle: you lie still for hours, your discs fill, and your muscles and joints cool and stiffen from lack of movement. By morning you wake into it.',
    sections: [
      {
        heading: 'Stillness',
        paragraphs: [
          'During the day, every movement pumps fluid through the tissues of the back and keeps muscles working. At night that stops for hours. Lying down also takes the weight off the spine, so the discs swell with water (see the first page).',
        ],
      },
      {
        heading: 'Cooling and stiffening',
        paragraphs: [
          'Muscles and joints that have not moved for hours start the day cold and stiff; movement warms them and the stiffness eases. Warmth can help: in studies of recent back pain a heat wrap gave a small, short-lived easing of pain and disability, more so together with exercise.',
          'Whether the bedroom itself matters is not known: we found no study linking bedroom temperature or humidity with back pain. daybreak lets you record them, so you can see what your own mornings say, and later test it.',
        ],
      },
      {
        heading: 'Breaking the cycle',
        paragraphs: ['The cycle has two ends, and a good routine works on both:'],
        points: [
          'Before getting up: small, gentle movements, much of it still lying in bed, then a short walk. They warm the back without loading it.',
          'In the first two hours: no deep forward bending, such as touching your toes, sit-ups or pulling both knees hard to your chest. That is when it strains the discs most.',
          'In the evening: stretching, including the forward-bending stretches the morning avoids, to go into the night less stiff.',
        ],
      },
    ],
    sources: [
      'Adams MA, Dolan P, Hutton WC. Spine 1987;12:130–7.',
      'Snook SH et al. Spine 1998;23:2601–7.',
      'French SD et al. Superficial heat or cold for low back pain. Cochrane Database Syst Rev 2006.',
    ],
  },
  {
    slug: 'rest-and-pills',
    title: 'Why rest and pills alone do not stop it coming back',
    summary: 'They can ease a bad day. They do not change what happens each night.',
    lead:
      'When the back flares up, the natural answer is to rest and take something for the pain. Both can make a bad day easier. Neither changes the cycle that brings the pain back the next morning.',
    sections: [
      {
        heading: 'Rest',
        paragraphs: [
          'Rest eases a flare for a while, but it trains nothing: the muscles that support the back do not get stronger, and the night still stiffens you. If anything, more hours of stillness is more of what the night already does.',
        ],
      },
      {
        heading: 'Pills',
        paragraphs: [
          'Painkillers change how much the pain is felt, not why it comes. Guidelines for low back pain advise against relying on them: the NICE guideline, for one, says not to offer paracetamol on its own, and recommends exercise programmes.',
          'Medication can also hide the pattern, so that a back that still hurts every afternoon looks fine. Note what you take in the diary and the charts will show it.',
        ],
      },
      {
        heading: 'What does help',
        paragraphs: [
          'Exercise does. A large review of 249 trials found that exercise eased chronic low back pain more than no treatment or usual care, with a moderate certainty of evidence. The effect is real but not magic, and it comes from doing the right exercises regularly, which is the subject of the last page.',
        ],
      },
    ],
    sources: [
      'NICE guideline NG59. Low back pain and sciatica in over 16s: assessment and management (2016, updated 2020).',
      'Hayden JA et al. Exercise therapy for chronic low back pain. Cochrane Database Syst Rev 2021, CD009790.',
    ],
  },
  {
    slug: 'ordered-program',
    title: 'Why a specific, ordered program helps',
    summary: 'Random stretches do little. The right movements, in the right order, at your pace, do more.',
    lead:
      'Not all exercise is equal. The kinds that help back pain most build control and strength; stretching on its own does little. And the order matters: first wake the deep muscles, then stabilise, then strengthen.',
    sections: [
      {
        heading: 'What works best',
        paragraphs: [
          'A comparison of 89 trials ranked Pilates best for pain, and strength training and exercises for trunk control best for everyday function. Stretching alone did no better than no exercise at all.',
          'Timing matters too: avoiding deep forward bending in the first hours of the day cut pain by about a third in one trial, while six common exercises done at random did nothing.',
        ],
      },
      {
        heading: 'An order that builds',
        paragraphs: ['daybreak’s program moves in stages, each one building on the last:'],
        points: [
          'Waking up the deep muscles and gentle mobility: bracing, pelvic tilts, small cat and camel movements, heel slides, walking.',
          'Stability: bird-dog, dead bug, bridges, side bridges on the knees.',
          'Strength and endurance: longer holds, single-leg bridges, sit-to-stand and split squats.',
          'Everyday strength and longer walks.',
        ],
      },
      {
        heading: 'Your back sets the pace',
        paragraphs: [
          'You move on when your back says it coped. Pain during an exercise may reach 5 out of 10, no more, and must have settled by the next morning. If your mornings hold steady or improve, the program steps up; if they get worse, it steps back.',
          'This way of judging load by the next morning comes from research on Achilles tendon pain and is adapted here for the back; it has not yet been tested in back pain itself.',
        ],
      },
    ],
    sources: [
      'Owen PJ et al. Which specific modes of exercise training are most effective for treating low back pain? Network meta-analysis. Br J Sports Med 2020;54:1279.',
      'Hayden JA et al. Cochrane Database Syst Rev 2021, CD009790.',
      'Snook SH et al. Spine 1998;23:2601–7.',
      'Silbernagel KG et al. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med 2007;35:897–906.',
    ],
  },
];

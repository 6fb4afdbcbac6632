// What the app can do, capability by capability: each names its screens, its
// place in the navigation, and what it adds to the shared screens (cards on
// Today, sections on See). A capability that lands later (sessions, safety,
// questionnaires, insights) adds one entry here and its own screens/ files;
// see docs/architecture.md, "The web app".
import type { VNode } from 'preact';

import { type Part, viewedShares, viewing } from './account';
import { PERIODS, type Period } from './api';
import { whose } from './clinic_words';
import type { IconName } from './components/icons';
import { Icon } from './components/icons';
import { LEARN_PAGES } from './learn/pages';
import { idParam } from './router';
import { EntryScreen } from './screens/entry';
import { ExerciseLibrary, ExerciseScreen } from './screens/exercises';
import { LearnIndex, LearnPageScreen } from './screens/learn';
import { defaultPeriod, EditScreen, LogScreen, Missing } from './screens/log';
import { type SeeSection, SeeScreen } from './screens/see';
import { SafetyAlert, SafetyCard, SafetyScreen } from './screens/safety';
import { QuestionnaireHistoryScreen, QuestionnaireList, QuestionnairesSection, QuestionnaireTake } from './screens/questionnaires';
import { ProgressCard, ProgressScreen } from './screens/progress';
import { ExperimentCard, ExperimentScreen, ExperimentsScreen, NewExperimentScreen } from './screens/experiments';
import { InsightsScreen } from './screens/insights';
import { isRoutine, ProgramCard, SessionChooser, SessionScreen, SessionsSection } from './screens/session';
import { PeopleScreen, PersonHome } from './screens/people';
import { SettingsScreen } from './screens/settings';
import { type TodayCard, TodayScreen } from './screens/today';
import { useSignal } from './state';

export interface Screen {
  pattern: string; // "/entries/:id"
  title: string; // for the window title
  render: (params: Record<string, string>, query: URLSearchParams) => VNode;
}

export interface NavItem {
  href: string;
  label: string;
  icon: IconName;
  owns: (path: string) => boolean; // is this path under this item?
}

export interface Capability {
  name: string;
  nav?: NavItem[];
  screens: Screen[];
  todayCards?: TodayCard[];
  todayAlerts?: TodayCard[]; // above the periods: what must be seen first (exercise locked)
  seeSections?: SeeSection[];
}

// A card or section of one part of a person's data: not shown (nor asked
// for) while a clinician views a person who does not share that part.
function Shared({ part, children }: { part: Part; children: VNode }) {
  const viewed = useSignal(viewing);
  return viewedShares(part, viewed) ? children : null;
}

const isPeriod = (p: string | undefined): p is Period => PERIODS.includes(p as Period);
// An entry's screen, or for a malformed or impossible number (/entries/abc,
// /entries/0) the page of a deleted entry, without a request.
const withId = (text: string | undefined, screen: (id: number) => VNode): VNode => {
  const id = idParam(text);
  return id === null ? <Missing id={null} /> : screen(id);
};

const diary: Capability = {
  name: 'diary',
  nav: [
    { href: '/', label: 'Today', icon: 'today', owns: (p) => p === '/' || p.startsWith('/entries') },
    { href: '/log', label: 'Log', icon: 'log', owns: (p) => p.startsWith('/log') },
    { href: '/see', label: 'See', icon: 'see', owns: (p) => p.startsWith('/see') },
  ],
  screens: [
    { pattern: '/', title: 'Today', render: () => <TodayScreen cards={todayCards()} alerts={todayAlerts()} /> },
    { pattern: '/log', title: 'Log', render: (_, q) => <LogScreen period={defaultPeriod()} date={q.get('date')} /> },
    {
      pattern: '/log/:period',
      title: 'Log',
      render: (p, q) => (isPeriod(p.period) ? <LogScreen period={p.period} date={q.get('date')} /> : <NotFound />),
    },
    { pattern: '/entries/:id', title: 'Entry', render: (p) => withId(p.id, (id) => <EntryScreen id={id} />) },
    { pattern: '/entries/:id/edit', title: 'Edit', render: (p) => withId(p.id, (id) => <EditScreen id={id} />) },
    { pattern: '/see', title: 'See', render: (_, q) => <SeeScreen weeks={Number(q.get('weeks') ?? 4)} sections={seeSections()} /> },
  ],
};

const learn: Capability = {
  name: 'learn',
  nav: [{ href: '/learn', label: 'Learn', icon: 'learn', owns: (p) => p.startsWith('/learn') }],
  screens: [
    { pattern: '/learn', title: 'Learn', render: () => <LearnIndex /> },
    { pattern: '/learn/:slug', title: 'Learn', render: (p) => <LearnPageScreen slug={p.slug!} /> },
  ],
  todayCards: [
    () => {
      const first = LEARN_PAGES[0]!;
      return (
        <a class="card teaser" href={`/learn/${first.slug}`}>
          <span class="muted">Learn</span>
          <strong>{first.title}</strong>
          <span class="teaser-more">
            Read, 3 minutes <Icon name="arrow" size={18} />
          </span>
        </a>
      );
    },
  ],
};

// Guided sessions (the program, played in the browser).
const sessions: Capability = {
  name: 'sessions',
  nav: [
    {
      href: '/session',
      label: 'Session',
      icon: 'play',
      // the Progress and the exercise library sit with the sessions
      owns: (p) => p.startsWith('/session') || p.startsWith('/progress') || p.startsWith('/exercises'),
    },
  ],
  screens: [
    { pattern: '/session', title: 'Session', render: () => <SessionChooser /> },
    {
      pattern: '/session/:routine',
      title: 'Session',
      render: (p) => (isRoutine(p.routine) ? <SessionScreen routine={p.routine} /> : <NotFound />),
    },
  ],
  todayCards: [
    (today) => (
      <Shared part="program">
        <ProgramCard today={today} />
      </Shared>
    ),
  ],
  seeSections: [
    (range) => (
      <Shared part="program">
        <SessionsSection from={range.from} to={range.to} />
      </Shared>
    ),
  ],
};

// The exercise library (issue 22): every exercise with its figure, and a
// page for each; reached from the session screens and Progress.
const exercises: Capability = {
  name: 'exercises',
  screens: [
    { pattern: '/exercises', title: 'Exercises', render: () => <ExerciseLibrary /> },
    { pattern: '/exercises/:id', title: 'Exercise', render: (p) => <ExerciseScreen id={p.id!} /> },
  ],
};

// The safety check: the questions that come before exercise, and a
// Today card when they are due.
const safety: Capability = {
  name: 'safety',
  screens: [
    {
      pattern: '/safety',
      title: 'Safety check',
      render: (_, q) => <SafetyScreen kind={q.get('check') === 'legs' ? 'legs' : 'full'} />,
    },
  ],
  todayAlerts: [
    () => (
      <Shared part="safety">
        <SafetyAlert />
      </Shared>
    ),
  ],
  todayCards: [
    () => (
      <Shared part="safety">
        <SafetyCard />
      </Shared>
    ),
  ],
};

// Standard questionnaires (docs/questionnaires.md): the list, taking one, the
// scores over time; a See section with the latest scores. No Today card: the
// product docs set no schedule for them.
const questionnaires: Capability = {
  name: 'questionnaires',
  screens: [
    { pattern: '/questionnaires', title: 'Questionnaires', render: () => <QuestionnaireList /> },
    { pattern: '/questionnaires/:id', title: 'Questionnaire', render: (p) => <QuestionnaireTake id={p.id!} /> },
    { pattern: '/questionnaires/:id/history', title: 'Scores over time', render: (p) => <QuestionnaireHistoryScreen id={p.id!} /> },
  ],
  seeSections: [
    () => (
      <Shared part="questionnaires">
        <QuestionnairesSection />
      </Shared>
    ),
  ],
};

// Progression: the stage, the levels and the program's decisions,
// reached from the session screens; a Today card when a stage is ready, a
// flare-day routine is offered, or a save just made decisions.
const progress: Capability = {
  name: 'progress',
  screens: [{ pattern: '/progress', title: 'Progress', render: () => <ProgressScreen /> }],
  todayCards: [
    () => (
      <Shared part="program">
        <ProgressCard />
      </Shared>
    ),
  ],
};

// Insights and personal experiments: reached from See and from
// Today's card while an experiment runs (the bottom bar has no room for more).
const insights: Capability = {
  name: 'insights',
  screens: [
    { pattern: '/insights', title: 'Insights', render: (_, q) => <InsightsScreen weeks={Number(q.get('weeks') ?? 0)} /> },
    { pattern: '/experiments', title: 'Experiments', render: () => <ExperimentsScreen /> },
    {
      pattern: '/experiments/new',
      title: 'New experiment',
      render: (_, q) => <NewExperimentScreen a={q.get('a') ?? ''} b={q.get('b') ?? ''} />,
    },
    {
      pattern: '/experiments/:id',
      title: 'Experiment',
      render: (p) => (/^[1-9][0-9]*$/.test(p.id ?? '') ? <ExperimentScreen id={Number(p.id)} /> : <NotFound />),
    },
  ],
  todayCards: [
    () => (
      <Shared part="experiments">
        <ExperimentCard />
      </Shared>
    ),
  ],
  seeSections: [() => <InsightsTeaser />],
};

// See's way to the insights, of the diary shown ("What Anna’s diary shows" to her clinician).
export function InsightsTeaser() {
  const viewed = useSignal(viewing);
  return (
    <section class="card" aria-labelledby="insights-teaser-title">
      <h2 id="insights-teaser-title">What {whose(viewed, 'diary', true)} shows</h2>
      <p class="muted">Pain over the whole day, where mornings are heading, and what goes with better mornings.</p>
      <p class="button-row">
        <a class="button primary" href="/insights">
          Insights
        </a>
        <a class="button" href="/experiments">
          Experiments
        </a>
      </p>
    </section>
  );
}

const more: Capability = {
  name: 'settings',
  nav: [{ href: '/settings', label: 'More', icon: 'more', owns: (p) => p.startsWith('/settings') }],
  screens: [{ pattern: '/settings', title: 'More', render: () => <SettingsScreen /> }],
};

// A clinic (issue 21): a clinician's list of the people who share with them,
// a person's page, and that person's own screens, opened from it (app.tsx gives the clinician their
// navigation and their start screen).
const clinic: Capability = {
  name: 'clinic',
  screens: [
    { pattern: '/people', title: 'People', render: () => <PeopleScreen /> },
    {
      pattern: '/people/:id',
      title: 'Overview',
      render: (p) => (/^[1-9][0-9]*$/.test(p.id ?? '') ? <PersonHome id={Number(p.id)} /> : <NotFound />),
    },
  ],
};

export const CAPABILITIES: Capability[] = [diary, safety, sessions, exercises, progress, learn, more, insights, questionnaires, clinic];

export function todayCards(): TodayCard[] {
  return CAPABILITIES.flatMap((c) => c.todayCards ?? []);
}

export function todayAlerts(): TodayCard[] {
  return CAPABILITIES.flatMap((c) => c.todayAlerts ?? []);
}

export function seeSections(): SeeSection[] {
  return CAPABILITIES.flatMap((c) => c.seeSections ?? []);
}

export function NotFound() {
  return (
    <div class="screen">
      <h1 tabIndex={-1}>Nothing here</h1>
      <p>
        This page does not exist. <a href="/">Back to today</a>
      </p>
    </div>
  );
}

// The clinician's screens (issue 21): "People who share with you", what needs
// attention first (the server sorts it so), a person's page (what they share,
// composed of the other screens' parts), and a person's own screens (Today,
// See, Progress, the report) reused as they are: while a person is viewed,
// every request names them (api.ts), a banner says whose data this is, and
// the person's own write actions (Log, sessions) are hidden; what a clinician
// may change (a level or the stage, "a clinician has seen them") is offered.
// Plus the administrator's start screen.
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';

import { type Attention, accountApi, account, type SharedPerson, type Viewed, viewing, viewPerson } from '../account';
import { insightsApi } from '../api_insights';
import { progressApi } from '../api_progress';
import { notSharedText, possessive, shares } from '../clinic_words';
import { Alert } from '../components/controls';
import { Icon } from '../components/icons';
import { addDays, datesInWords, errorText, stageTitle } from '../format';
import { navigate } from '../router';
import { lastMorningText, sharesText } from '../sharing_words';
import { lastToday, sharingStopped, useLoad, useSignal, useToday } from '../state';
import { signedInLine, SignOutButton } from './account';
import { ExperimentList } from './experiments';
import { KeyChanges } from './insights';
import { browserToday } from './log';
import { DecisionList } from './progress';
import { QuestionnairesSection } from './questionnaires';
import { ReportLink } from './report_link';
import { PersonSafety } from './safety';
import { DiaryCharts, type Range } from './see';

const ATTENTION_LABELS: Record<Attention['kind'], string> = {
  safety: 'Safety',
  flare: 'Flare',
  'stage-waiting': 'Stage waiting',
  'not-logged': 'Not logging',
};

// Opens a person: their data from now on, starting with their page.
export function openPerson(p: Pick<SharedPerson, 'id' | 'name' | 'scope'>): void {
  lastToday.set(null);
  viewPerson({ id: p.id, name: p.name, scope: p.scope });
  navigate(`/people/${p.id}`);
}

// Back to the list: nobody viewed any more.
export function leavePerson(): void {
  lastToday.set(null);
  viewPerson(null);
  navigate('/people');
}

export function PeopleScreen() {
  // Opening the list leaves any person viewed.
  useEffect(() => {
    if (viewing.value) {
      lastToday.set(null);
      viewPerson(null);
    }
  }, []);
  const people = useLoad(() => accountApi.people(), []);
  const list = people.data?.people;
  return (
    <div class="screen people">
      <h1 tabIndex={-1}>People who share with you</h1>
      {!list ? (
        people.error ? (
          <Alert text={errorText(people.error)} />
        ) : (
          <p class="muted">Loading…</p>
        )
      ) : list.length === 0 ? (
        <div class="notice info" id="people-empty">
          <p>
            Nobody shares their data with you yet. A person chooses to share from More in their own daybreak, and then
            appears here.
          </p>
        </div>
      ) : (
        <>
          <p class="muted">What needs attention comes first.</p>
          <ul class="people-list" id="people-list">
            {list.map((p) => (
              <li key={p.id} class={`card person${p.attention.length ? ' needs-attention' : ''}`} data-person-id={p.id}>
                <h2 id={`person-${p.id}`}>
                  <a
                    href={`/people/${p.id}`}
                    onClick={(e) => {
                      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                      e.preventDefault();
                      openPerson(p);
                    }}
                  >
                    {p.name}
                  </a>{' '}
                  <span class="muted person-login">{p.login}</span>
                </h2>
                {p.attention.length > 0 && (
                  <ul class="attention-list" aria-label={`Needs attention: ${p.name}`}>
                    {p.attention.map((a, i) => (
                      <li key={`${a.kind}-${i}`} class={`attention attention-${a.kind}`}>
                        <span class="pill pill-warn">{ATTENTION_LABELS[a.kind] ?? a.kind}</span> {datesInWords(a.words)}
                      </li>
                    ))}
                  </ul>
                )}
                <p class="hint">
                  {lastMorningText(p)} · {sharesText(p)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

// /people/:id: that person's page, once they are the one viewed. The list
// says what they share (and so which parts to show: asking for the others
// would only be refused, and logged as refused in their access log) and their
// name, when opened from the address alone (a reload, a new tab). A person who
// no longer shares is said so. After the server refused a request about them
// (state.ts, sharingStopped) the list is asked afresh, and the page says so.
export function PersonHome({ id }: { id: number }) {
  const viewed = useSignal(viewing);
  const stopped = useSignal(sharingStopped);
  const refused = stopped?.id === id ? stopped : null;
  const ready = viewed?.id === id;
  // Only a list asked for after the latest refusal says what they share now.
  const people = useLoad(async () => ({ after: stopped, list: await accountApi.people() }), [id, stopped]);
  const list = people.data?.after === stopped ? people.data.list : null;
  const found = list?.people.find((p) => p.id === id);
  // What they share, as the list says it now (the view may have begun with less, or more).
  const scope = found ? found.scope.join(',') : null;
  useEffect(() => {
    if (!found) return;
    if (!ready) lastToday.set(null);
    if (!ready || viewed?.scope?.join(',') !== scope) viewPerson({ id: found.id, name: found.name, scope: found.scope });
  }, [ready, scope]);
  // Said until the clinician leaves the page.
  useEffect(
    () => () => {
      if (sharingStopped.value?.id === id) sharingStopped.set(null);
    },
    [id],
  );
  if (found && ready) return <PersonPage person={found} viewed={viewed} refused={refused} />;
  if (people.error) return <Alert text={errorText(people.error)} />;
  if (!list || found) return <p class="muted">Loading…</p>;
  return (
    <div class="screen">
      <h1 tabIndex={-1}>Not shared with you</h1>
      {refused ? (
        <div class="notice warn" role="alert" id="sharing-stopped">
          <p>{notSharedText(refused.name, refused.scope, null)}</p>
        </div>
      ) : null}
      <p>
        {refused ? '' : 'This person does not share their data with you, or no longer does. '}
        <a href="/people">Back to the list</a>
      </p>
    </div>
  );
}

const WEEKS = 4;

// A clinician's page of a person: what needs attention, their safety state,
// the last four weeks (key changes, the charts, the report), questionnaires'
// latest scores, the program's latest decisions with their reasons, and
// experiments; each only when shared. Every part is the one the person's own
// screens show.
function PersonPage({ person, viewed, refused }: { person: SharedPerson; viewed: Viewed; refused: Viewed | null }) {
  const part = (p: Parameters<typeof shares>[1]) => shares(person.scope, p);
  return (
    <div class="screen person-page">
      <header class="screen-header">
        <h1 tabIndex={-1}>{person.name}</h1>
        <p class="muted">
          {sharesText(person)} · {lastMorningText(person)}
        </p>
      </header>
      {refused ? (
        <div class="notice warn" role="alert" id="sharing-stopped">
          <p>{notSharedText(person.name, refused.scope, person.scope)}</p>
        </div>
      ) : null}
      {person.attention.length > 0 && (
        <section class="card needs-attention" aria-labelledby="attention-title">
          <h2 id="attention-title">Needs attention</h2>
          <ul class="attention-list">
            {person.attention.map((a, i) => (
              <li key={`${a.kind}-${i}`} class={`attention attention-${a.kind}`}>
                <span class="pill pill-warn">{ATTENTION_LABELS[a.kind] ?? a.kind}</span> {datesInWords(a.words)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {part('safety') && <PersonSafety viewed={viewed} />}
      {part('diary') && <DiaryPart viewed={viewed} />}
      {part('questionnaires') && <QuestionnairesSection />}
      {part('program') && <ProgramPart viewed={viewed} />}
      {part('experiments') && <ExperimentsPart viewed={viewed} />}
      <p class="button-row">
        {part('diary') && (
          <a class="button" href="/">
            {possessive(person.name)} day
          </a>
        )}
        {part('diary') && (
          <a class="button" href="/see">
            All charts
          </a>
        )}
      </p>
    </div>
  );
}

// The last four weeks of the diary, to the person's today.
function DiaryPart({ viewed }: { viewed: Viewed }) {
  const { today, settled } = useToday();
  if (!settled) return <p class="muted">Loading…</p>;
  const to = today?.date ?? browserToday();
  const range: Range = { from: addDays(to, -(WEEKS * 7 - 1)), to, weeks: WEEKS };
  return (
    <section class="person-diary" aria-labelledby="person-diary-title">
      <h2 id="person-diary-title">The last {WEEKS} weeks</h2>
      <p class="muted">From {possessive(viewed.name)} diary: what went together, not what caused what.</p>
      <KeyChanges from={range.from} to={range.to} />
      <DiaryCharts range={range} />
      <ReportLink range={range} />
    </section>
  );
}

// The program: where they stand, the latest decisions with their reasons, and
// the way to adjust it.
function ProgramPart({ viewed }: { viewed: Viewed }) {
  const loaded = useLoad(() => progressApi.progress(6), []);
  const p = loaded.data;
  return (
    <section class="person-program" aria-labelledby="person-program-title">
      <h2 id="person-program-title">Program</h2>
      {!p ? (
        loaded.error ? (
          <Alert text={errorText(loaded.error)} />
        ) : (
          <p class="muted">Loading…</p>
        )
      ) : (
        <>
          <p>
            {stageTitle(p)}.
            {p.proposal ? ` Stage ${p.proposal.stage} is ready, waiting for ${possessive(viewed.name)} word.` : ''}
          </p>
          <DecisionList decisions={p.decisions} viewed={viewed} />
          <p class="button-row">
            <a class="button primary" href="/progress" id="adjust-program">
              Adjust the program
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function ExperimentsPart({ viewed }: { viewed: Viewed }) {
  const loaded = useLoad(() => insightsApi.experiments(), []);
  const all = loaded.data?.experiments;
  return (
    <section class="person-experiments" aria-labelledby="person-experiments-title">
      <h2 id="person-experiments-title">Experiments</h2>
      {!all ? (
        loaded.error ? (
          <Alert text={errorText(loaded.error)} />
        ) : (
          <p class="muted">Loading…</p>
        )
      ) : all.length === 0 ? (
        <p class="muted">{viewed.name} has run no experiment.</p>
      ) : (
        <ExperimentList all={all} />
      )}
    </section>
  );
}

// Above every screen while a person is viewed: whose data this is, and back.
export function ViewingBanner() {
  const viewed = useSignal(viewing);
  if (!viewed) return null;
  return (
    <div class="viewing-banner" role="region" aria-label="Whose data you are looking at" id="viewing-banner">
      <p>
        <Icon name="see" size={18} /> You are looking at <strong>{viewed.name}</strong>’s data, as they share it with
        you.
      </p>
      <a
        class="button"
        href="/people"
        id="viewing-back"
        onClick={(e) => {
          e.preventDefault();
          leavePerson();
        }}
      >
        <Icon name="back" size={18} /> Back to the list
      </a>
    </div>
  );
}

// Whether the screens are showing someone else's data (hide their own writes).
export function useViewing(): boolean {
  return useSignal(viewing) !== null;
}

export function AdminHome(): VNode {
  const state = useSignal(account);
  return (
    <div class="screen admin">
      <h1 tabIndex={-1}>daybreak for your clinic</h1>
      <p>{signedInLine(state)}</p>
      <p class="muted">
        Accounts are added, invited and reset in the terminal with <code>daybreak admin</code>. More has your own password.
      </p>
      <div class="button-row">
        <a class="button" href="/settings">
          More
        </a>
        <SignOutButton />
      </div>
    </div>
  );
}

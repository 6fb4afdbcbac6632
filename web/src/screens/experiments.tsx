// Personal experiments (docs/insights.md): design one (A against B
// over pairs of periods of nights, in random order), see tonight's condition,
// say whether last night's was followed, stop one, and read its report: the
// difference with its interval, the randomization test, the chances of a
// difference that matters, adherence and missing nights, and a plain verdict.
// Plus the Today card. The same use cases and JSON as `daybreak experiment`.
import { useEffect, useRef, useState } from 'preact/hooks';

import { viewedShares, viewing } from '../account';
import { ApiError, type FieldProblem, type Hint } from '../api';
import {
  type Experiment,
  type ExperimentOutcome,
  type ExperimentReport,
  insightsApi,
  type NewExperiment,
  type Tonight,
} from '../api_insights';
import { whose } from '../clinic_words';
import { ErrorSummary } from '../components/error_summary';
import { Alert, FieldError, Stepper } from '../components/controls';
import { announce } from '../components/toast';
import { addDays, fieldMessage, loadFailed, longDate, problemSummary, shortDate } from '../format';
import {
  amount,
  chancesSentence,
  conditionWords,
  designProblems,
  flowSentence,
  interval,
  MEASURE_LABELS,
  pValue,
  signed,
  STATUS_WORDS,
  verdictHeadline,
  washoutRange,
} from '../insights_words';
import { navigate } from '../router';
import { Signal, useLoad, useSignal, useToday } from '../state';

// Bumped when an experiment or a night changed, so every view reloads.
const experimentsVersion = new Signal<number>(0);
const changed = () => experimentsVersion.set(experimentsVersion.value + 1);

// A 404 means "none" (no experiment tonight, none started): null, not an error.
async function orNone<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof ApiError && e.problem.status === 404) return null;
    throw e;
  }
}

export interface ExperimentState {
  experiments: Experiment[];
  tonight: Tonight | null;
  report: ExperimentReport | null;
}

// Every experiment, then tonight's condition and the current (or latest)
// report only when one could have them: tonight is a running experiment's
// night (a planned one's at most), the report is of one that started. With
// none, daybreak would answer each with a 404, on every Today. Either not
// known (any failure) is none, as before; the list's failure is the load's.
export async function loadExperimentState(): Promise<ExperimentState> {
  const { experiments } = await insightsApi.experiments();
  const live = experiments.some((e) => e.status === 'running' || e.status === 'planned');
  const started = experiments.some((e) => e.status !== 'planned');
  const [tonight, report] = await Promise.all([
    live ? orNone(insightsApi.tonight).catch(() => null) : null,
    started ? orNone(() => insightsApi.report()).catch(() => null) : null,
  ]);
  return { experiments, tonight, report };
}

// The experiments' state for the screens: nothing asked of a person viewed
// who does not share their experiments (`shared` false).
function useExperimentState(shared = true) {
  const version = useSignal(experimentsVersion);
  const list = useLoad(() => (shared ? loadExperimentState() : Promise.resolve(null)), [version, shared]);
  const d = list.data;
  return { list, all: d?.experiments ?? [], tonight: d?.tonight ?? null, report: d?.report ?? null };
}

// Tonight's condition; the washout night's reminder to keep to it is the
// person's, and a clinician viewing them reads it of the person.
export function TonightLine({ t, e }: { t: Tonight; e: Pick<Experiment, 'a' | 'b' | 'title'> }) {
  const viewed = useSignal(viewing);
  const washout = viewed
    ? ` It is a washout night: it is not counted, but ${viewed.name} keeps to the condition all the same.`
    : ' It is a washout night: it is not counted, but keep to the condition all the same.';
  return (
    <>
      <p class="tonight-condition" data-testid="tonight">
        Tonight: <strong>{conditionWords(e, t.condition)}</strong>
      </p>
      <p class="muted">
        Night {t.night_number} of {t.nights} of “{e.title}”, the night before {longDate(t.night)}.
        {t.washout ? washout : ''}
      </p>
    </>
  );
}

// The night that ended this morning, when it belongs to an experiment.
function lastNightOf(report: ExperimentReport | null, today: string | undefined) {
  if (!report || !today || report.experiment.status === 'planned') return null;
  return report.nights.find((n) => n.night === today) ?? null;
}

// "Did you keep to it last night?" with a note; recorded with POST /api/experiments/nights.
// A clinician viewing the person reads what was recorded, never the question:
// only the person records their nights.
function LastNightForm({ report, date }: { report: ExperimentReport; date: string }) {
  const night = lastNightOf(report, date);
  const viewed = useSignal(viewing);
  const [followed, setFollowed] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!night || (viewed && night.followed === null)) return null;
  const e = report.experiment;
  if (night.followed !== null) {
    return (
      <p data-testid="last-night">
        Last night ({conditionWords(e, night.condition)}): recorded as {night.followed ? 'followed' : 'not followed'}.
      </p>
    );
  }
  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (followed === null) {
      setProblem('Please say whether you kept to it: yes or no.');
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const body = note.trim() ? { followed, date, note: note.trim() } : { followed, date };
      await insightsApi.logNight(body);
      announce(`Last night recorded as ${followed ? 'followed' : 'not followed'}`);
      changed();
    } catch (error) {
      setProblem(error instanceof ApiError ? problemSummary(error.problem) : 'daybreak cannot be reached, so nothing was saved.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <form class="last-night" onSubmit={submit} noValidate>
      <fieldset class="field yes-no">
        <legend>Last night was {conditionWords(e, night.condition)}. Did you keep to it?</legend>
        <div class="yes-no-pair">
          {([true, false] as const).map((v) => (
            <label class="chip" key={String(v)}>
              <input type="radio" name="followed" checked={followed === v} onChange={() => setFollowed(v)} />
              <span>{v ? 'Yes' : 'No'}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for="night-note">Note (optional)</label>
        <input id="night-note" type="text" maxLength={500} value={note} onInput={(ev) => setNote((ev.currentTarget as HTMLInputElement).value)} />
      </div>
      <Alert text={problem} />
      <button type="submit" class="button primary" disabled={saving}>
        {saving ? 'Saving…' : 'Save last night'}
      </button>
      <p class="muted">The outcome is your morning entry: log your morning as usual.</p>
    </form>
  );
}

// Today: tonight's condition while an experiment runs, and last night's question.
export function ExperimentCard() {
  const { today } = useToday();
  const viewed = useSignal(viewing);
  const { all, tonight, report } = useExperimentState(viewedShares('experiments', viewed));
  const night = lastNightOf(report, today?.date);
  const e = tonight ? all.find((x) => x.id === tonight.experiment) : undefined;
  // (a clinician is shown a night once recorded, never the question)
  if (!(tonight && e) && (!night || (viewed && night.followed === null))) return null;
  return (
    <section class="card experiment-card" aria-labelledby="experiment-card-title">
      <h2 id="experiment-card-title">{whose(viewed, 'experiment')}</h2>
      {tonight && e ? <TonightLine t={tonight} e={e} /> : null}
      {report && today ? <LastNightForm report={report} date={today.date} /> : null}
      <a href="/experiments">See the experiment</a>
    </section>
  );
}

function OutcomeRow({ o }: { o: ExperimentOutcome }) {
  return (
    <tr data-measure={o.measure}>
      <th scope="row">{MEASURE_LABELS[o.measure]}</th>
      <td>
        {amount(o.mean_a, o.measure)} ({o.nights_a})
      </td>
      <td>
        {amount(o.mean_b, o.measure)} ({o.nights_b})
      </td>
      <td>{o.difference === null ? '–' : signed(o.difference, o.measure)}</td>
      <td>{o.interval ? interval(o.interval.lower, o.interval.upper, o.measure) : '–'}</td>
      <td>{o.randomization_p_value === undefined ? '–' : pValue(o.randomization_p_value)}</td>
    </tr>
  );
}

export function ReportView({ report }: { report: ExperimentReport }) {
  const e = report.experiment;
  const pain = report.outcomes.find((o) => o.measure === 'pain');
  const chances = pain ? chancesSentence(pain) : null;
  const pp = report.per_protocol;
  return (
    <section class="card experiment-report" aria-labelledby={`report-${e.id}`}>
      <h2 id={`report-${e.id}`}>Report</h2>
      <div class="notice info">
        <p>
          <strong data-testid="verdict">{verdictHeadline(report.verdict.key)}</strong>
          {report.interim ? ' (so far: nights are still to come)' : ''}
        </p>
        <p>{report.verdict.statement}</p>
      </div>
      <h3>Nights</h3>
      <p data-testid="flow">{flowSentence(report)}</p>
      <h3>Results</h3>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Results, A against B">
        <table class="insight-table">
          <caption class="visually-hidden">Mean per night under A and B, their difference and its uncertainty</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">A (nights)</th>
              <th scope="col">B (nights)</th>
              <th scope="col">A minus B</th>
              <th scope="col">95% interval</th>
              <th scope="col">Randomization p</th>
            </tr>
          </thead>
          <tbody>
            {report.outcomes.map((o) => (
              <OutcomeRow key={o.measure} o={o} />
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">
        A minus B: a minus means mornings were better with A ({e.a}). The difference is the mean of the differences within each
        pair; the randomization test asks how often the other possible orders of A and B would give one as large.
        {pain && pain.assignments ? ` With ${pain.complete_pairs} complete pairs there are ${pain.assignments} possible orders.` : ''}
      </p>
      {chances ? <p data-testid="chances">{chances}</p> : null}
      {pp && pp.difference !== null && pp.interval ? (
        <p>
          Counting only the nights the condition was followed: {signed(pp.difference)} points (95% interval{' '}
          {interval(pp.interval.lower, pp.interval.upper)}).
        </p>
      ) : null}
      <p class="muted">
        It applies to you, under the conditions you tried. Things that changed at the same time (a flare-up settling, the
        weather, other treatment) can still mislead.
      </p>
    </section>
  );
}

function ExperimentSummary({ e }: { e: Experiment }) {
  return (
    <p>
      {STATUS_WORDS[e.status]}. A: {e.a}; B: {e.b}. {e.pairs} pairs of two {e.period_nights}-night periods (
      {2 * e.pairs * e.period_nights} nights), from the night before {shortDate(e.first_night)} to the night before{' '}
      {shortDate(e.last_night)}
      {e.washout_nights > 0 ? `; the first ${e.washout_nights === 1 ? 'night' : `${e.washout_nights} nights`} of each period not counted` : ''}.
      {e.stopped_after ? ` Stopped after the night before ${shortDate(e.stopped_after)}${e.stop_reason ? `: ${e.stop_reason}` : ''}.` : ''}
    </p>
  );
}

// Every experiment, newest first: its title (to its report), status and nights.
export function ExperimentList({ all }: { all: Experiment[] }) {
  return (
    <ul class="item-list experiment-list">
      {[...all].reverse().map((e) => (
        <li key={e.id}>
          <a href={`/experiments/${e.id}`}>{e.title}</a>
          <span class="muted">
            {STATUS_WORDS[e.status]}, {shortDate(e.first_night)} to {shortDate(e.stopped_after ?? e.last_night)}
          </span>
        </li>
      ))}
    </ul>
  );
}

// /experiments: tonight, last night, the current report, and every experiment.
// A clinician viewing a person reads them, and is told plainly when the
// person does not share them; only the person designs one.
export function ExperimentsScreen() {
  const viewed = useSignal(viewing);
  const shared = viewedShares('experiments', viewed);
  const { list, all, tonight, report } = useExperimentState(shared);
  const { today } = useToday();
  const current = all.find((e) => e.status === 'running' || e.status === 'planned');
  if (viewed && !shared) {
    return (
      <div class="screen experiments">
        <h1 tabIndex={-1}>Experiments</h1>
        <p>
          {viewed.name} does not share their experiments with you. They can share them from More &gt; Sharing.
        </p>
      </div>
    );
  }
  return (
    <div class="screen experiments">
      <h1 tabIndex={-1}>Experiments</h1>
      <p>
        A personal experiment compares two conditions, such as a pillow between the knees or none, over pairs of periods of
        nights; within each pair the order is drawn at random. Each morning, log your morning as usual and say whether you
        kept to the night's condition.
      </p>
      {list.error && !list.data ? (
        <div class="notice info" role="status">
          <p>
            {loadFailed('The experiments cannot be shown', list.error)}
          </p>
        </div>
      ) : null}
      {current ? (
        <section class="card" aria-labelledby="current-title">
          <h2 id="current-title">{current.title}</h2>
          {tonight && tonight.experiment === current.id ? (
            <TonightLine t={tonight} e={current} />
          ) : current.status === 'planned' ? (
            <p>Starts on the night before {longDate(current.first_night)}.</p>
          ) : null}
          {report && today ? <LastNightForm report={report} date={today.date} /> : null}
          <p>
            <a href={`/experiments/${current.id}`}>Report and details</a>
          </p>
        </section>
      ) : (
        <>
          {report && today ? <LastNightForm report={report} date={today.date} /> : null}
          {viewed ? null : (
            <a class="button primary" href="/experiments/new">
              Design an experiment
            </a>
          )}
        </>
      )}
      {all.length > 0 ? (
        <section aria-labelledby="all-title">
          <h2 id="all-title">All experiments</h2>
          <ExperimentList all={all} />
        </section>
      ) : list.data ? (
        <p class="muted">{viewed ? `${viewed.name} has no experiments yet.` : 'No experiments yet. Insights suggests some worth testing.'}</p>
      ) : null}
    </div>
  );
}

// /experiments/:id: the design, its report, and a way to stop it.
export function ExperimentScreen({ id }: { id: number }) {
  const viewed = useSignal(viewing);
  const version = useSignal(experimentsVersion);
  const list = useLoad(() => insightsApi.experiments(), [version]);
  const report = useLoad(() => orNone(() => insightsApi.report(id)), [id, version]);
  const e = list.data?.experiments.find((x) => x.id === id);
  return (
    <div class="screen experiment">
      <a class="back-link" href="/experiments">
        All experiments
      </a>
      <h1 tabIndex={-1}>{e ? e.title : 'Experiment'}</h1>
      {list.data && !e ? <p>There is no experiment {id}.</p> : null}
      {e ? <ExperimentSummary e={e} /> : null}
      {report.data ? (
        <ReportView report={report.data} />
      ) : e && !report.loading ? (
        <p class="muted">The report begins once its first night has passed.</p>
      ) : null}
      {e && !viewed && (e.status === 'planned' || e.status === 'running') ? <StopForm e={e} /> : null}
    </div>
  );
}

function StopForm({ e }: { e: Experiment }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    setProblem(null);
    try {
      await insightsApi.stop(e.id, reason.trim());
      announce('Experiment stopped');
      changed();
    } catch (error) {
      setProblem(error instanceof ApiError ? problemSummary(error.problem) : 'daybreak cannot be reached, so nothing changed.');
    }
  };
  return (
    <details class="card stop-experiment">
      <summary>Stop this experiment</summary>
      <form onSubmit={submit} noValidate>
        <p>The nights so far still count; the nights after this morning are cancelled.</p>
        <div class="field">
          <label for="stop-reason">Why (optional, for the report)</label>
          <input id="stop-reason" type="text" maxLength={500} value={reason} onInput={(ev) => setReason((ev.currentTarget as HTMLInputElement).value)} />
        </div>
        <Alert text={problem} />
        <button type="submit" class="button">
          Stop the experiment
        </button>
      </form>
    </details>
  );
}

const FIELD_NAMES: Record<string, string> = {
  a: 'Condition A',
  b: 'Condition B',
  title: 'Name',
  pairs: 'Pairs',
  nights: 'Nights per period',
  washout: 'Washout nights',
  start: 'First night',
  seed: 'Seed',
};

const NIGHTS = { min: 5, max: 28 }; // per period, as daybreak allows

// /experiments/new (?a=...&b=... from an insight): the design form. Only the
// person designs their experiments (daybreak refuses anyone else): a
// clinician viewing them is told so, with no form.
export function NewExperimentScreen({ a, b }: { a: string; b: string }) {
  const viewed = useSignal(viewing);
  return viewed ? <NotYoursToDesign name={viewed.name} /> : <DesignForm a={a} b={b} />;
}

function NotYoursToDesign({ name }: { name: string }) {
  return (
    <div class="screen new-experiment">
      <a class="back-link" href="/experiments">
        Experiments
      </a>
      <h1 tabIndex={-1}>Design an experiment</h1>
      <p>Only {name} can design their experiments.</p>
    </div>
  );
}

function DesignForm({ a, b }: { a: string; b: string }) {
  const [draft, setDraft] = useState<Required<Pick<NewExperiment, 'a' | 'b' | 'title' | 'pairs' | 'nights' | 'washout'>> & { start: string }>({
    a,
    b,
    title: '',
    pairs: 3,
    nights: 7,
    washout: 1,
    start: '',
  });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [hint, setHint] = useState<Hint | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { today } = useToday();
  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary]);
  const set = <K extends keyof typeof draft>(k: K, v: (typeof draft)[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const problem = (field: string) => problems.find((p) => p.field === field);
  const total = 2 * draft.pairs * draft.nights;
  const tonight = today ? addDays(today.date, 1) : null;
  const first = draft.start || tonight;

  const submit = async (ev: Event) => {
    ev.preventDefault();
    setSaving(true);
    setProblems([]);
    setSummary(null);
    const body: NewExperiment = { a: draft.a.trim(), b: draft.b.trim(), pairs: draft.pairs, nights: draft.nights, washout: draft.washout };
    if (draft.title.trim()) body.title = draft.title.trim();
    if (draft.start) body.start = draft.start;
    try {
      const created = await insightsApi.create(body);
      announce(`Experiment created: ${created.title}`);
      changed();
      navigate('/experiments');
    } catch (error) {
      setHint(error instanceof ApiError ? error.problem.hint : undefined);
      if (error instanceof ApiError && error.problem.status === 409) {
        setSummary(
          'Only one experiment runs at a time, and another has nights in that time. Stop it first, or choose a first night after it ends.',
        );
      } else if (error instanceof ApiError) {
        const errors = designProblems(error.problem.errors ?? []);
        setProblems(errors);
        setSummary(problemSummary({ ...error.problem, errors }));
      } else {
        setSummary('daybreak cannot be reached, so nothing was saved. Please try again.');
      }
    } finally {
      setSaving(false);
    }
  };

  const text = (field: 'a' | 'b' | 'title', label: string, hint: string) => (
    <div class={`field${problem(field) ? ' has-error' : ''}`}>
      <label for={`experiment-${field}`}>{label}</label>
      <p class="hint" id={`experiment-${field}-hint`}>
        {hint}
      </p>
      <input
        id={`experiment-${field}`}
        name={field}
        type="text"
        maxLength={field === 'title' ? 124 : 60}
        value={draft[field]}
        aria-describedby={`experiment-${field}-hint experiment-${field}-err`}
        aria-invalid={problem(field) ? true : undefined}
        onInput={(ev) => set(field, (ev.currentTarget as HTMLInputElement).value)}
      />
      <FieldError id={`experiment-${field}-err`} problem={problem(field)} />
    </div>
  );

  return (
    <div class="screen new-experiment">
      <a class="back-link" href="/experiments">
        Experiments
      </a>
      <h1 tabIndex={-1}>Design an experiment</h1>
      <p>
        Two conditions, A and B, each kept to for a period of nights. Each pair of periods holds both, in an order drawn at
        random, so that neither always comes first. Your morning entries are the outcome.
      </p>
      <form class="log-form" onSubmit={submit} noValidate>
        {summary ? (
          <ErrorSummary
            title="Not started yet."
            summary={summary}
            innerRef={summaryRef}
            hint={hint}
            lines={problems.map((p) => ({ label: FIELD_NAMES[p.field] ?? p.field, detail: fieldMessage(p) }))}
          />
        ) : null}
        {text('a', 'Condition A', 'For example: pillow between knees')}
        {text('b', 'Condition B', 'For example: no pillow')}
        {text('title', 'Name (optional)', 'Left empty: “A vs B”')}
        <Stepper
          legend="Pairs"
          hint="Pairs of periods, each holding A and B: 3 to 12. More pairs tell more surely."
          name="pairs"
          value={draft.pairs}
          min={3}
          max={12}
          problem={problem('pairs')}
          onChange={(v) => set('pairs', v ?? 3)}
        />
        <Stepper
          legend="Nights per period"
          hint={`${NIGHTS.min} to ${NIGHTS.max} nights, so that each period outlasts any carry-over from the one before.`}
          name="nights"
          value={draft.nights}
          min={NIGHTS.min}
          max={NIGHTS.max}
          problem={problem('nights')}
          onChange={(v) => set('nights', v ?? 7)}
        />
        <Stepper
          legend="Washout nights"
          hint={`Nights left out at the start of each period, while the change settles: ${washoutRange(draft.nights, NIGHTS.min, NIGHTS.max)}.`}
          name="washout"
          value={draft.washout}
          min={0}
          max={Math.min(NIGHTS.max, Math.max(NIGHTS.min, draft.nights)) - 3}
          problem={problem('washout')}
          onChange={(v) => set('washout', v ?? 1)}
        />
        <div class={`field${problem('start') ? ' has-error' : ''}`}>
          <label for="experiment-start">First night (optional)</label>
          <p class="hint" id="experiment-start-hint">
            Named by the day you wake up after it. Left empty: tonight.
          </p>
          <input
            id="experiment-start"
            name="start"
            type="date"
            min={tonight ?? undefined}
            value={draft.start}
            aria-describedby="experiment-start-hint experiment-start-err"
            onInput={(ev) => set('start', (ev.currentTarget as HTMLInputElement).value)}
          />
          <FieldError id="experiment-start-err" problem={problem('start')} />
        </div>
        <p class="lead" data-testid="design-summary">
          {draft.pairs} pairs of two {draft.nights}-night periods: {total} nights
          {first ? `, from the night before ${shortDate(first)} to the night before ${shortDate(addDays(first, total - 1))}` : ''}.
        </p>
        <div class="form-actions">
          <button type="submit" class="button primary wide" disabled={saving}>
            {saving ? 'Starting…' : 'Start the experiment'}
          </button>
        </div>
      </form>
    </div>
  );
}

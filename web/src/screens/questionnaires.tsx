// Standard questionnaires in the browser (docs/questionnaires.md): which are
// offered (and why not), taking one as a form whose controls follow each
// item's kind, the score with what it means, and the scores over time with the
// change judged against the minimal important change. The ODI, RMDQ and
// STarT Back wording is copyrighted: like the CLI, the web shows the short
// labels the server sends (or the licensed wording when installed), and never
// words of its own in their place.
import { useEffect, useRef, useState } from 'preact/hooks';

import { type Viewed, viewing } from '../account';
import { ApiError, type FieldProblem } from '../api';
import {
  type ActivityRating,
  type ItemAnswers,
  type Questionnaire,
  type QuestionnaireItem,
  questionnaireApi,
  type QuestionnaireResponse,
  type RecordedResponse,
  type ScoreChange,
} from '../api_questionnaires';
import { scoresWords, whose } from '../clinic_words';
import { ErrorSummary } from '../components/error_summary';
import { Alert, FieldError, NumberField, Toggle } from '../components/controls';
import { HintButton } from '../components/hint';
import { Icon } from '../components/icons';
import { errorText, fieldMessage, problemSummary, zonedDay } from '../format';
import { importantChange, scoreRange, theQuestionnaire, VERDICTS } from '../questionnaire_words';
import { useDiaryZone, useLoad, useSignal } from '../state';

const LABELS_ONLY =
  'daybreak shows short labels only: the wording is copyrighted. Read each item on the paper form and enter the answer given there.';

// "23 November 2026": the day a questionnaire was taken, on the diary's clock.
function takenOn(instant: string, zone: string | undefined): string {
  return zonedDay(instant, zone, { year: true });
}

function ChangeLine({ label, change }: { label: string; change: ScoreChange }) {
  const warn = change.verdict === 'important_worsening';
  return (
    <p class="change-line">
      {change.verdict === 'no_threshold' ? null : (
        <span class={`pill ${warn ? 'pill-warn' : 'pill-info'}`}>{VERDICTS[change.verdict]}</span>
      )}{' '}
      {label}: {change.sentence}.
    </p>
  );
}

// Back to the questionnaires; for a clinician viewing a person, who takes
// none of them, back to See, where the person's scores are listed.
function BackToList({ viewed = null }: { viewed?: Viewed | null }) {
  return viewed ? (
    <a class="back-link" href="/see">
      <Icon name="back" size={18} /> See
    </a>
  ) : (
    <a class="back-link" href="/questionnaires">
      <Icon name="back" size={18} /> Questionnaires
    </a>
  );
}

function LoadProblem({ error }: { error: unknown }) {
  return <Alert text={errorText(error)} />;
}

// /questionnaires: what is offered, the last score of each, and why any is not.
export function QuestionnaireList() {
  const offers = useLoad(() => questionnaireApi.list(), []);
  const { zone, settled } = useDiaryZone();
  const list = settled ? (offers.data ?? []) : [];
  const offered = list.filter((o) => o.offered);
  const notOffered = list.filter((o) => !o.offered);
  return (
    <div class="screen questionnaires">
      <h1 tabIndex={-1}>Questionnaires</h1>
      <p class="lead">
        Standard questionnaires measure how your back affects your days. Taken again later, they show whether a change is
        big enough to matter.
      </p>
      {offers.error ? <LoadProblem error={offers.error} /> : null}
      {(!offers.data || !settled) && !offers.error ? <p class="muted">Loading…</p> : null}
      <ul class="questionnaire-list">
        {offered.map((o) => (
          <li key={o.id} class="card">
            <h2>
              {o.name} <span class="muted">({o.abbreviation})</span>
            </h2>
            {o.last ? (
              <p>
                Last: <strong>{o.last.shown}</strong>
                {o.last.band_label ? `, ${o.last.band_label}` : ''} on {takenOn(o.last.taken_at, zone)}.
              </p>
            ) : (
              <p class="muted">Not taken yet.</p>
            )}
            {o.licensed_wording ? <p class="hint">Copyrighted wording: have the paper form to hand.</p> : null}
            <div class="button-row">
              <a class="button primary" href={`/questionnaires/${o.id}`}>
                Take {theQuestionnaire(o)}
              </a>
              {o.last ? (
                <a class="button" href={`/questionnaires/${o.id}/history`}>
                  Scores over time<span class="visually-hidden">: {o.abbreviation}</span>
                </a>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {notOffered.length > 0 ? (
        <section aria-labelledby="not-offered-title">
          <h2 id="not-offered-title">Not offered to you</h2>
          <ul class="questionnaire-lines">
            {notOffered.map((o) => (
              <li key={o.id}>
                <strong>{o.name}</strong>: {o.why_not}
                <HintButton hint={o.hint} primary={false} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {list.some((o) => o.licensed_wording) ? (
        <p class="muted">
          The ODI, RMDQ and STarT Back wording is copyrighted, so daybreak shows short labels: fill in the paper form and
          enter what was ticked, or ask whoever runs this daybreak to install the licensed wording.
        </p>
      ) : null}
    </div>
  );
}

// One item, with a control that suits its kind.
function ItemField(props: {
  item: QuestionnaireItem;
  index: number;
  value: string | number | undefined;
  problem: FieldProblem | undefined;
  labelsOnly: boolean;
  onChange: (v: string | number | undefined) => void;
}) {
  const { item, index, value, problem } = props;
  const name = `item-${item.id}`;
  const legend = `${index + 1}. ${item.label}`;
  const hint = item.text ?? (props.labelsOnly ? 'Read this item on the paper form.' : undefined);
  const optional = item.required ? '' : ' You may leave this out.';

  if (item.kind === 'minutes' || (item.kind === 'number' && !item.anchors && (item.max ?? 0) - (item.min ?? 0) > 10)) {
    return (
      <div id={`field-${name}`}>
        <NumberField
          name={name}
          legend={legend}
          hint={`${hint ? `${hint} ` : ''}Allowed: ${item.allowed}.${optional}`}
          unit={item.kind === 'minutes' ? 'minutes' : undefined}
          min={item.min}
          max={item.max}
          value={typeof value === 'number' ? value : undefined}
          problem={problem}
          onChange={(v) => props.onChange(v)}
        />
      </div>
    );
  }

  // Radio buttons: an option per choice, or per whole number of a short range.
  const choices: { value: string | number; label: string }[] =
    item.kind === 'choice'
      ? (item.options ?? []).map((o) => ({ value: o.code, label: o.label }))
      : Array.from({ length: (item.max ?? 10) - (item.min ?? 0) + 1 }, (_, k) => {
          const n = (item.min ?? 0) + k;
          return { value: n, label: item.anchors ? `${n}: ${item.anchors[k] ?? ''}` : String(n) };
        });
  const scale = item.kind === 'number' && !item.anchors;
  const hintId = `${name}-hint`;
  const errId = `${name}-err`;
  return (
    <fieldset
      id={`field-${name}`}
      class={`field ${scale ? 'scale' : 'chips'}${problem ? ' has-error' : ''}`}
      aria-describedby={`${hintId} ${errId}`}
      data-item={item.id}
    >
      <legend>{legend}</legend>
      <p class="hint" id={hintId}>
        {hint ? `${hint} ` : ''}
        {item.required ? '' : 'You may leave this out.'}
      </p>
      <div
        class={scale ? 'scale-options' : item.anchors ? 'anchor-list' : 'chip-list'}
        style={scale && choices.length <= 6 ? { gridTemplateColumns: `repeat(${choices.length}, minmax(0, 1fr))` } : undefined}
      >
        {choices.map((c) => (
          <label class={scale ? 'scale-option' : 'chip'} key={String(c.value)}>
            <input type="radio" name={name} value={String(c.value)} checked={value === c.value} onChange={() => props.onChange(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {!item.required && value !== undefined ? (
        <button type="button" class="link-button" onClick={() => props.onChange(undefined)}>
          Leave item {index + 1} out
        </button>
      ) : null}
      <FieldError id={errId} problem={problem} />
    </fieldset>
  );
}

interface Row {
  activity: string;
  rating: number | undefined;
  previous: boolean;
}

// PSFS: the person's own activities, each rated 0-10; last time's come first.
function ActivityFields(props: {
  q: Questionnaire;
  rows: Row[];
  problems: Record<number, Record<string, FieldProblem>>;
  onChange: (rows: Row[]) => void;
}) {
  const rule = props.q.activities!;
  const set = (i: number, change: Partial<Row>) => props.onChange(props.rows.map((r, k) => (k === i ? { ...r, ...change } : r)));
  return (
    <>
      <p>
        Name up to {rule.max_activities} activities you find hard because of your back, and rate how well you can do each
        now: {rule.anchors}.
      </p>
      {props.rows.some((r) => r.previous) ? (
        <p class="hint">The activities you named last time come first, so that like is compared with like.</p>
      ) : null}
      {props.rows.map((row, i) => {
        const p = props.problems[i] ?? {};
        const nameId = `psfs-activity-${i}`;
        return (
          <fieldset key={i} id={`field-activity-${i}`} class={`field psfs-activity${p.activity || p.rating ? ' has-error' : ''}`}>
            <legend>Activity {i + 1}</legend>
            <label for={nameId}>What you find hard</label>
            <input
              id={nameId}
              type="text"
              maxLength={60}
              value={row.activity}
              aria-describedby={`${nameId}-err`}
              onInput={(e) => set(i, { activity: (e.currentTarget as HTMLInputElement).value })}
            />
            <FieldError id={`${nameId}-err`} problem={p.activity} />
            <fieldset class="scale nested" aria-describedby={`psfs-rating-${i}-err`}>
              <legend>How well you can do it now ({rule.min} to {rule.max})</legend>
              <div class="scale-options">
                {Array.from({ length: rule.max - rule.min + 1 }, (_, k) => rule.min + k).map((n) => (
                  <label class="scale-option" key={n}>
                    <input type="radio" name={`psfs-rating-${i}`} value={n} checked={row.rating === n} onChange={() => set(i, { rating: n })} />
                    <span>{n}</span>
                  </label>
                ))}
              </div>
              <FieldError id={`psfs-rating-${i}-err`} problem={p.rating} />
            </fieldset>
          </fieldset>
        );
      })}
    </>
  );
}


// The score just stored and what it means.
function Result({ q, r, onAgain }: { q: Questionnaire; r: RecordedResponse; onAgain: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card questionnaire-result" aria-labelledby="result-title">
      <h2 id="result-title" ref={heading} tabIndex={-1}>
        Your {q.abbreviation} score: {r.shown}
      </h2>
      {r.band_label ? (
        <p class="lead">
          <strong>{r.band_label}</strong>
        </p>
      ) : null}
      <p>{scoreRange(q)}</p>
      {q.scoring === 'percent' || q.scoring === 'mean' ? (
        r.skipped > 0 ? (
          <p>
            {r.answered} of {q.items.length} items answered.
          </p>
        ) : null
      ) : null}
      {r.notes.map((n) => (
        <p key={n} class="notice info">
          {n}
        </p>
      ))}
      {r.since_first ? <ChangeLine label={`Since your first ${q.abbreviation} score`} change={r.since_first} /> : null}
      <p class="muted">{importantChange(q)}</p>
      <div class="button-row">
        <a class="button primary" href={`/questionnaires/${q.id}/history`}>
          Your {q.abbreviation} over time
        </a>
        <button type="button" class="button" onClick={onAgain}>
          Take it again
        </button>
        <a class="button" href="/questionnaires">
          All questionnaires
        </a>
      </div>
    </section>
  );
}

function emptyRows(q: Questionnaire, previous: string[]): Row[] {
  const max = q.activities?.max_activities ?? 0;
  const rows: Row[] = previous.slice(0, max).map((a) => ({ activity: a, rating: undefined, previous: true }));
  while (rows.length < max) rows.push({ activity: '', rating: undefined, previous: false });
  return rows;
}

// /questionnaires/:id: the form, then the score.
export function QuestionnaireTake({ id }: { id: string }) {
  const loaded = useLoad(() => questionnaireApi.show(id), [id]);
  const offers = useLoad(() => questionnaireApi.list(), [id]);
  const q = loaded.data;
  if (loaded.error) {
    return (
      <div class="screen questionnaire">
        <BackToList />
        <h1 tabIndex={-1}>Questionnaire</h1>
        <LoadProblem error={loaded.error} />
      </div>
    );
  }
  if (!q || (!offers.data && !offers.error)) return <p class="muted">Loading…</p>;
  const offer = offers.data?.find((o) => o.id === q.id);
  if (offer && !offer.offered) {
    return (
      <div class="screen questionnaire">
        <BackToList />
        <h1 tabIndex={-1}>{q.name}</h1>
        <div class="notice info" role="status">
          <p>Not offered to you: {offer.why_not}</p>
          <HintButton hint={offer.hint} primary={false} />
        </div>
      </div>
    );
  }
  return <TakeForm key={q.id} q={q} />;
}

function TakeForm({ q }: { q: Questionnaire }) {
  const previous = useLoad(
    () => (q.activities ? questionnaireApi.previousActivities() : Promise.resolve({ instrument: 'psfs' as const, activities: [] })),
    [q.id],
  );
  const [answers, setAnswers] = useState<Record<string, string | number | undefined>>({});
  const [rows, setRows] = useState<Row[] | null>(null);
  const [fromPaper, setFromPaper] = useState(false);
  const [result, setResult] = useState<RecordedResponse | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [listed, setListed] = useState<{ href: string; text: string }[]>([]);
  const [itemProblems, setItemProblems] = useState<Record<string, FieldProblem>>({});
  const [rowProblems, setRowProblems] = useState<Record<number, Record<string, FieldProblem>>>({});
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const labelsOnly = q.licensed_wording && !q.wording_notice;

  useEffect(() => {
    if (q.activities && previous.data && rows === null) setRows(emptyRows(q, previous.data.activities));
  }, [previous.data]);
  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary]);

  const again = () => {
    setResult(null);
    setAnswers({});
    setRows(null); // the PSFS rows come back from the activities just stored
    setSummary(null);
    previous.reload();
    window.setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus(), 0);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setSummary(null);
    setListed([]);
    setItemProblems({});
    setRowProblems({});
    // Only rows with something in them are sent; `sent[k]` is the row of the k-th.
    const sent: number[] = [];
    let activities: ActivityRating[] | undefined;
    let body: { answers?: ItemAnswers; activities?: ActivityRating[]; from_paper: boolean };
    if (q.activities) {
      activities = [];
      (rows ?? []).forEach((r, i) => {
        if (r.activity.trim() === '' && r.rating === undefined) return;
        sent.push(i);
        activities!.push({ activity: r.activity.trim(), rating: r.rating });
      });
      body = { activities, from_paper: fromPaper };
    } else {
      const a: ItemAnswers = {};
      for (const item of q.items) a[item.id] = answers[item.id] ?? null;
      body = { answers: a, from_paper: fromPaper };
    }
    try {
      setResult(await questionnaireApi.record(q.id, body));
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setSummary('daybreak cannot be reached, so nothing was saved. Please try again.');
        return;
      }
      const byItem: Record<string, FieldProblem> = {};
      const byRow: Record<number, Record<string, FieldProblem>> = {};
      const links: { href: string; text: string }[] = [];
      for (const f of error.problem.errors ?? []) {
        const item = /^answers\.(.+)$/.exec(f.field);
        const act = /^activities\.(\d+)\.(activity|rating)$/.exec(f.field);
        if (item && q.items.some((i) => i.id === item[1])) {
          const index = q.items.findIndex((i) => i.id === item[1]);
          byItem[item[1]!] = f;
          links.push({ href: `#field-item-${item[1]}`, text: `${index + 1}. ${q.items[index]!.label}: ${fieldMessage(f)}` });
        } else if (act) {
          const row = sent[Number(act[1])] ?? 0;
          byRow[row] = { ...byRow[row], [act[2]!]: f };
          links.push({ href: `#field-activity-${row}`, text: `Activity ${row + 1}: ${fieldMessage(f)}` });
        } else {
          links.push({ href: '#questionnaire-form', text: f.field === 'activities' ? `Activities: ${fieldMessage(f)}` : fieldMessage(f) });
        }
      }
      setItemProblems(byItem);
      setRowProblems(byRow);
      setListed(links);
      setSummary(problemSummary(error.problem));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="screen questionnaire">
      <BackToList />
      <h1 tabIndex={-1}>
        {q.name} <span class="muted">({q.abbreviation})</span>
      </h1>
      {result ? (
        <Result q={q} r={result} onAgain={again} />
      ) : (
        <>
          <p>{q.description}</p>
          <p>
            It asks about <strong>{q.recall}</strong>.
          </p>
          {labelsOnly ? (
            <div class="notice info">
              <p>{LABELS_ONLY}</p>
            </div>
          ) : null}
          {q.wording_notice ? <p class="muted">{q.wording_notice}</p> : null}
          {summary ? (
            <ErrorSummary
              title="Not saved."
              summary={summary}
              innerRef={summaryRef}
              lines={listed.map((l) => ({ label: l.text, target: l.href }))}
            />
          ) : null}
          <form id="questionnaire-form" onSubmit={submit} noValidate>
            {q.activities ? (
              rows ? (
                <ActivityFields q={q} rows={rows} problems={rowProblems} onChange={setRows} />
              ) : (
                <p class="muted">Loading…</p>
              )
            ) : (
              q.items.map((item, i) => (
                <ItemField
                  key={item.id}
                  item={item}
                  index={i}
                  value={answers[item.id]}
                  problem={itemProblems[item.id]}
                  labelsOnly={labelsOnly}
                  onChange={(v) => setAnswers((a) => ({ ...a, [item.id]: v }))}
                />
              ))
            )}
            <Toggle
              name="from_paper"
              legend="These answers are copied from the paper form"
              value={fromPaper}
              onChange={setFromPaper}
            />
            <button type="submit" class="button primary wide" disabled={saving}>
              {saving ? 'Saving…' : `Save my ${q.abbreviation} answers`}
            </button>
          </form>
          <details class="sources">
            <summary>Source and licence</summary>
            <p>{q.source}</p>
            <p>{q.licence}</p>
          </details>
        </>
      )}
    </div>
  );
}

function ScoreTable(props: { q: Questionnaire; responses: QuestionnaireResponse[]; zone: string | undefined; viewed: Viewed | null }) {
  const { q, responses, zone, viewed } = props;
  return (
    <div class="numbers">
      <table>
        <caption class="visually-hidden">{whose(viewed, `${q.abbreviation} scores`)}, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Score</th>
            {q.bands.length > 0 ? <th scope="col">Meaning</th> : null}
          </tr>
        </thead>
        <tbody>
          {responses.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                {takenOn(r.taken_at, zone)}
                {r.channel === 'paper' ? ' (paper form)' : ''}
              </th>
              <td>{r.shown}</td>
              {q.bands.length > 0 ? <td>{r.band_label ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// /questionnaires/:id/history: the scores over time and what the change means.
export function QuestionnaireHistoryScreen({ id }: { id: string }) {
  const shown = useLoad(() => questionnaireApi.show(id), [id]);
  const history = useLoad(() => questionnaireApi.history(id), [id]);
  const { zone, settled } = useDiaryZone();
  const viewed = useSignal(viewing); // a clinician: the person's scores, no form to take
  const q = shown.data;
  const h = history.data?.[0];
  const error = shown.error ?? history.error;
  return (
    <div class="screen questionnaire-history">
      <BackToList viewed={viewed} />
      <h1 tabIndex={-1}>{q ? whose(viewed, `${q.abbreviation} over time`) : 'Scores over time'}</h1>
      {error ? <LoadProblem error={error} /> : null}
      {!error && (!q || !history.data || !settled) ? <p class="muted">Loading…</p> : null}
      {q && history.data && !h ? (
        viewed ? (
          <p>{scoresWords.notTaken(viewed.name, theQuestionnaire(q))}</p>
        ) : (
          <p>
            You have not taken {theQuestionnaire(q)} yet. <a href={`/questionnaires/${q.id}`}>Take it now</a>.
          </p>
        )
      ) : null}
      {q && h && settled ? (
        <>
          <section class="card" aria-labelledby="change-title">
            <h2 id="change-title">What changed</h2>
            {h.since_first ? (
              <ChangeLine
                label={`Since ${whose(viewed, 'first', true)}, on ${takenOn(h.responses[0]!.taken_at, zone)}`}
                change={h.since_first}
              />
            ) : (
              <p>{scoresWords.oneScore(viewed)}</p>
            )}
            {h.since_previous && h.responses.length > 2 ? (
              <ChangeLine
                label={`Since the one before, on ${takenOn(h.responses[h.responses.length - 2]!.taken_at, zone)}`}
                change={h.since_previous}
              />
            ) : null}
            <p class="muted">
              {scoreRange(q)} {importantChange(q, viewed)}
            </p>
          </section>
          <section class="card" aria-labelledby="scores-title">
            <h2 id="scores-title">Scores</h2>
            <ScoreTable q={q} responses={h.responses} zone={zone} viewed={viewed} />
          </section>
          {h.compared_activities && h.compared_activities.length > 0 ? (
            <section class="card" aria-labelledby="activities-title">
              <h2 id="activities-title">Activities rated first and last</h2>
              <div class="numbers">
                <table>
                  <caption class="visually-hidden">Each activity's rating the first time and the latest</caption>
                  <thead>
                    <tr>
                      <th scope="col">Activity</th>
                      <th scope="col">First</th>
                      <th scope="col">Latest</th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.compared_activities.map((a) => (
                      <tr key={a.activity}>
                        <th scope="row">{a.activity}</th>
                        <td>{a.before}</td>
                        <td>{a.after}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {h.not_compared && h.not_compared.length > 0 ? (
                <p class="muted">Not compared, because rated only one of the two times: {h.not_compared.join(', ')}.</p>
              ) : null}
            </section>
          ) : null}
          {viewed ? null : (
            <a class="button primary" href={`/questionnaires/${q.id}`}>
              Take {theQuestionnaire(q)} again
            </a>
          )}
        </>
      ) : null}
    </div>
  );
}

// See: the latest score of each questionnaire taken.
export function QuestionnairesSection() {
  const viewed = useSignal(viewing); // a clinician: the scores, not the person's own forms
  const offers = useLoad(() => questionnaireApi.list(), []);
  const { zone, settled } = useDiaryZone();
  if (!offers.data || !settled) return null;
  const taken = offers.data.filter((o) => o.last);
  return (
    <section class="card" aria-labelledby="questionnaires-see-title">
      <h2 id="questionnaires-see-title">Questionnaires</h2>
      {taken.length === 0 ? (
        <p class="muted">
          None taken yet.{viewed ? null : <> <a href="/questionnaires">See the questionnaires</a>.</>}
        </p>
      ) : (
        <>
          <ul class="questionnaire-lines">
            {taken.map((o) => (
              <li key={o.id}>
                <a href={`/questionnaires/${o.id}/history`}>{o.abbreviation}</a>: <strong>{o.last!.shown}</strong>
                {o.last!.band_label ? `, ${o.last!.band_label}` : ''} ({takenOn(o.last!.taken_at, zone)})
              </li>
            ))}
          </ul>
          {viewed ? null : (
            <p>
              <a href="/questionnaires">All questionnaires</a>
            </p>
          )}
        </>
      )}
    </section>
  );
}

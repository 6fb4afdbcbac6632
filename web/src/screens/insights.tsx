// Insights (docs/insights.md): what the person's own diary shows, in
// plain words with its numbers and their uncertainty: pain over the whole day
// and what medication may mask, where mornings are heading, what goes with
// better mornings (each a hypothesis, with an offer to test it as an
// experiment), and adherence. The same JSON as `daybreak insights --json`.
import { type Viewed, viewing } from '../account';
import { type FactorComparison, type Insights, insightsApi, type MorningOutlook } from '../api_insights';
import { insightsWords } from '../clinic_words';
import { addDays, dayMonth, loadFailed, PERIOD_LABELS, shortDate } from '../format';
import {
  adherenceNumbers,
  amount,
  BUCKET_HEADINGS,
  bucketLabel,
  experimentHref,
  factorTitle,
  interval,
  MEASURE_LABELS,
  pValue,
  signed,
  weekNote,
} from '../insights_words';
import { useState } from 'preact/hooks';

import { Toggle } from '../components/controls';
import { navigate } from '../router';
import { diaryVersion, useLoad, useSignal, useToday } from '../state';
import { browserToday } from './log';

const RANGES: { weeks: number; label: string }[] = [
  { weeks: 0, label: 'All' },
  { weeks: 12, label: '12 weeks' },
  { weeks: 4, label: '4 weeks' },
];

// /insights (?weeks=12 or 4 for the last weeks only).
export function InsightsScreen({ weeks }: { weeks: number }) {
  const { today, settled } = useToday();
  // The heading first, even while loading: a navigation moves the focus to it.
  if (!settled) {
    return (
      <div class="screen insights">
        <h1 tabIndex={-1}>Insights</h1>
        <p class="muted">Loading…</p>
      </div>
    );
  }
  const w = RANGES.some((r) => r.weeks === weeks) ? weeks : 0;
  const to = today?.date ?? browserToday();
  return <InsightsRange from={w ? addDays(to, -(w * 7 - 1)) : undefined} to={to} weeks={w} />;
}

function InsightsRange({ from, to, weeks }: { from: string | undefined; to: string; weeks: number }) {
  const version = useSignal(diaryVersion);
  const loaded = useLoad(() => insightsApi.insights(from, to), [from, to, version]);
  const data = loaded.data;
  return (
    <div class="screen insights">
      <h1 tabIndex={-1}>Insights</h1>
      <fieldset class="segmented range-chooser">
        <legend class="visually-hidden">Range</legend>
        {RANGES.map((r) => (
          <label key={r.weeks}>
            <input
              type="radio"
              name="insights-range"
              checked={r.weeks === weeks}
              onChange={() => navigate(r.weeks ? `/insights?weeks=${r.weeks}` : '/insights', { replace: true })}
            />
            <span>{r.label}</span>
          </label>
        ))}
      </fieldset>
      {loaded.error && !data ? (
        <div class="notice info" role="status">
          <p>{loadFailed('The insights cannot be shown', loaded.error)}</p>
        </div>
      ) : !data ? (
        <p class="muted">Loading…</p>
      ) : (
        <InsightsBody data={data} />
      )}
    </div>
  );
}

// Up to three findings in plain words, read first: where morning pain is
// heading, the whole day, and what stands out (or how the sessions went).
// Each is said once: the sections below leave out what is said here.
export function findings(data: Insights): string[] {
  const out: string[] = [];
  const pain = data.mornings.find((m) => m.measure === 'pain');
  if (pain?.trend.enough && pain.trend.statement) out.push(pain.trend.statement);
  // The whole day's pattern only from enough days (10, as its intervals): one day is no finding.
  if (data.whole_day.statement && data.whole_day.all_day.days >= 10) out.push(data.whole_day.statement);
  const standing = data.factors.comparisons.find((c) => c.stands_out && c.statement);
  if (standing) out.push(standing.statement);
  else if (data.adherence.statement) out.push(data.adherence.statement);
  return out.slice(0, 3);
}

// The findings as a card ("In short"), or nothing when there are none.
export function Findings({ top, title = 'In short' }: { top: string[]; title?: string }) {
  if (top.length === 0) return null;
  return (
    <section class="card insight-section findings" aria-labelledby="findings-title">
      <h2 id="findings-title">{title}</h2>
      <ul>
        {top.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
    </section>
  );
}

// The key changes over a range: the findings of its insights, for a
// clinician's page of a person.
export function KeyChanges({ from, to }: { from: string; to: string }) {
  const loaded = useLoad(() => insightsApi.insights(from, to), [from, to]);
  if (!loaded.data)
    return loaded.error ? (
      <p class="muted">
        {loadFailed('The key changes cannot be shown', loaded.error)}
      </p>
    ) : null;
  const top = findings(loaded.data);
  if (top.length === 0) return <p class="muted">No key changes stand out from {shortDate(from)} to {shortDate(to)}.</p>;
  return <Findings top={top} title="Key changes" />;
}

// What each section shows: the numbers only when asked for, and no sentence
// the findings already said; whom a clinician views, if one does.
export interface View {
  numbers: boolean;
  said: Set<string>;
  viewed?: Viewed | null;
}

function InsightsBody({ data }: { data: Insights }) {
  const top = findings(data);
  const [numbers, setNumbers] = useState(false);
  const viewed = useSignal(viewing);
  const view: View = { numbers, said: new Set(top), viewed };
  return (
    <>
      <p class="lead" data-testid="insights-range">
        From {shortDate(data.from)} to {shortDate(data.to)}: {data.days_logged} day{data.days_logged === 1 ? '' : 's'} with
        entries, {data.entries} entr{data.entries === 1 ? 'y' : 'ies'}.
      </p>
      <p class="muted">
        {insightsWords.source(viewed)} Pain is on the 0-10 scale; a 95% interval shows how sure a number is: the true value
        is likely to lie within it.
      </p>
      {data.entries === 0 ? (
        <div class="notice info">
          {viewed ? (
            <p>{insightsWords.nothingLogged(viewed.name)}</p>
          ) : (
            <p>
              Nothing is logged in this range yet. <a href="/log">Log how your back is</a>, and what your diary shows grows here.
            </p>
          )}
        </div>
      ) : null}
      <Findings top={top} />
      <Toggle name="numbers" legend="Show the numbers" hint="Intervals, tables and tests behind each finding." value={numbers} onChange={setNumbers} />
      <WholeDaySection data={data} view={view} />
      <MorningsSection data={data} view={view} />
      <FactorsSection data={data} view={view} />
      <AdherenceSection data={data} view={view} />
    </>
  );
}

export function WholeDaySection({ data, view }: { data: Insights; view: View }) {
  const w = data.whole_day;
  return (
    <section class="card insight-section" aria-labelledby="whole-day-title">
      <h2 id="whole-day-title">The whole day</h2>
      {w.statement && !view.said.has(w.statement) ? <p>{w.statement}</p> : null}
      {view.said.has(w.statement) ? <p class="muted">Said above, in short.</p> : null}
      {view.numbers ? (
        <table class="insight-table" aria-describedby="whole-day-caption">
          <caption id="whole-day-caption" class="visually-hidden">
            Mean pain by period, with its 95% interval
          </caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Entries</th>
              <th scope="col">Mean pain</th>
              <th scope="col">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {w.periods.map((p) => (
              <tr key={p.period} data-period={p.period}>
                <th scope="row">{PERIOD_LABELS[p.period]}</th>
                <td>{p.entries}</td>
                <td>{amount(p.mean)}</td>
                <td>{p.interval ? `${amount(p.interval.lower)} to ${amount(p.interval.upper)}` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {view.numbers && w.rows.length > 0 ? (
        <details class="numbers">
          <summary>Mean pain by {w.by} and period</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{BUCKET_HEADINGS[w.by]}</th>
                {(['night', 'morning', 'afternoon', 'evening'] as const).map((p) => (
                  <th scope="col" key={p}>
                    {PERIOD_LABELS[p]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {w.rows.map((r) => (
                <tr key={r.from}>
                  <th scope="row">{bucketLabel(r.from, w.by)}</th>
                  {(['night', 'morning', 'afternoon', 'evening'] as const).map((p) => (
                    <td key={p}>{amount(r[p] ?? null)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}

function Outlook({ o, view }: { o: MorningOutlook; view: View }) {
  const t = o.trend;
  return (
    <div class="outlook" data-measure={o.measure}>
      <h3>{MEASURE_LABELS[o.measure]}</h3>
      {view.said.has(t.statement) ? <p class="muted">Said above, in short.</p> : <p>{t.statement}</p>}
      {view.numbers && t.enough && t.per_month !== undefined && t.interval_per_month ? (
        <dl class="insight-numbers">
          <div>
            <dt>Change a month</dt>
            <dd data-testid={`trend-${o.measure}`}>
              {signed(t.per_month, o.measure)} ({interval(t.interval_per_month.lower, t.interval_per_month.upper, o.measure)})
            </dd>
          </div>
          {t.mann_kendall ? (
            <div>
              <dt>Chance of a trend this steady with no real change</dt>
              <dd>p = {pValue(t.mann_kendall.p_value)}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {o.shifts.statements.map((s) => (
        <p key={s}>{s}</p>
      ))}
      {view.numbers && o.shifts.changes.length > 0 ? (
        <ul class="shift-list">
          {o.shifts.changes.map((c) => (
            <li key={c.first_day}>
              From {shortDate(c.first_day)}: about {amount(c.before, o.measure)} → about {amount(c.after, o.measure)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function MorningsSection({ data, view }: { data: Insights; view: View }) {
  return (
    <section class="card insight-section" aria-labelledby="mornings-title">
      <h2 id="mornings-title">Where mornings are heading</h2>
      {data.mornings.map((o) => (
        <Outlook key={o.measure} o={o} view={view} />
      ))}
    </section>
  );
}

function Factor({ c, index, view }: { c: FactorComparison; index: number; view: View }) {
  const id = `factor-${index}`;
  return (
    <li class="factor" aria-labelledby={id} data-factor={c.factor}>
      <h3 id={id}>{factorTitle(c)}</h3>
      {view.said.has(c.statement) ? <p class="muted">Said above, in short.</p> : <p>{c.statement}</p>}
      {view.numbers && c.effect ? (
        <p class="factor-number">
          <span data-testid="factor-effect">
            {signed(c.effect.estimate)} points next morning (95% interval {interval(c.effect.lower, c.effect.upper)})
          </span>
          {c.kind === 'numeric' ? ` · ${c.mornings} mornings` : ` · ${c.mornings} against ${c.mornings_other ?? 0} mornings`}
          {c.stands_out ? ' · stands out after allowing for the many comparisons' : ''}
        </p>
      ) : null}
      {/* Trying it is the person's own: not offered to a clinician viewing them. */}
      {c.experiment && !view.viewed ? (
        <a class="button" href={experimentHref(c.experiment)}>
          Test it as an experiment<span class="visually-hidden">: {c.experiment.a} against {c.experiment.b}</span>
        </a>
      ) : null}
    </li>
  );
}

function FactorsSection({ data, view }: { data: Insights; view: View }) {
  const f = data.factors;
  return (
    <section class="card insight-section" aria-labelledby="factors-title">
      <h2 id="factors-title">What goes with better mornings</h2>
      {f.comparisons.length === 0 ? (
        <p>{insightsWords.nothingToCompare(view.viewed ?? null)}</p>
      ) : (
        <>
          <p class="muted">
            How next-morning pain differed with each factor, in points (a minus means better mornings). No number is shown
            below {f.min_mornings_per_level} mornings at a level ({f.min_mornings_numeric} for amounts such as walking): it
            could not tell anything apart.
          </p>
          <ul class="factor-list">
            {f.comparisons.map((c, i) => (
              <Factor key={`${c.factor}-${c.level ?? ''}`} c={c} index={i} view={view} />
            ))}
          </ul>
          <p class="muted">{insightsWords.hypothesis(view.viewed ?? null)}</p>
        </>
      )}
    </section>
  );
}

// The statement (the CLI's words), and with the numbers: what the rate
// counts, and the weeks, a week in progress said so (its days to come are
// not misses) and days held for safety said so (not missed either).
export function AdherenceSection({ data, view }: { data: Insights; view: View }) {
  const a = data.adherence;
  const weeks = a.weeks ?? [];
  return (
    <section class="card insight-section" aria-labelledby="adherence-title">
      <h2 id="adherence-title">Adherence</h2>
      {view.said.has(a.statement) ? <p class="muted">Said above, in short.</p> : <p>{a.statement}</p>}
      {view.numbers && a.session_data ? (
        <dl class="insight-numbers" data-testid="adherence-numbers">
          {adherenceNumbers(a, data.to).map((n) => (
            <div key={n.term}>
              <dt>{n.term}</dt>
              <dd>{n.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {view.numbers && weeks.length > 0 ? (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Sessions by week">
          <table class="insight-table adherence-weeks">
            <caption class="visually-hidden">Guided sessions by week</caption>
            <thead>
              <tr>
                <th scope="col">Week from</th>
                <th scope="col">Sessions done</th>
                <th scope="col">Days counted</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => {
                const note = weekNote(w);
                return (
                  <tr key={w.from} data-week={w.from}>
                    <th scope="row">
                      <span class="week-from">{dayMonth(w.from)}</span>
                      {note ? (
                        <>
                          <span class="visually-hidden">, </span>
                          <span class="week-note">{note}</span>
                        </>
                      ) : null}
                    </th>
                    <td>{w.completed}</td>
                    <td>{w.in_progress ? `${w.days} so far` : w.days}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

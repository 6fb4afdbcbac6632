// See: the diary as charts. Each chart has a caption in words and its numbers
// in a table. Other capabilities add their sections (sessions done, scores...)
// through capabilities.tsx; they receive the same range.
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';

import { viewing } from '../account';
import { api, type Entry, PERIODS } from '../api';
import { Chart, type ChartColors, utcDate } from '../charts/chart';
import { averages, type Bucket, median, morningStiffness, painByPeriod } from '../charts/series';
import { longStiffnessText } from '../clinic_words';
import { addDays, dayMonth, loadFailed, minutes, PERIOD_LABELS, shortDate } from '../format';
import { navigate } from '../router';
import { diaryVersion, useLoad, useSignal, useToday } from '../state';
import { browserToday } from './log';
import { ReportLink } from './report_link';

// Days on the x axis as "28 Oct", whatever the browser's locale.
function dateAxis(c: ChartColors): uPlot.Axis {
  return {
    stroke: c.text,
    grid: { stroke: c.grid, width: 1 },
    ticks: { stroke: c.grid },
    values: (_u, splits) => splits.map((s) => dayMonth(new Date(s * 1000).toISOString().slice(0, 10))),
  };
}

export interface Range {
  from: string;
  to: string;
  weeks: number;
}

export type SeeSection = (range: Range) => VNode | null;

const RANGES = [4, 12, 26];
// Morning stiffness over 30 minutes is one of the Berlin criteria for
// inflammatory back pain (Rudwaleit et al., Arthritis Rheum 2006): worth a
// doctor's look, never a diagnosis (clinical.md, Safety).
const LONG_STIFFNESS_MINUTES = 30;

export function SeeScreen({ weeks, sections }: { weeks: number; sections: SeeSection[] }) {
  const { today, settled } = useToday();
  if (!settled) return <p class="muted">Loading…</p>;
  return <SeeRange to={today?.date ?? browserToday()} weeks={weeks} sections={sections} />;
}

function SeeRange({ to, weeks, sections }: { to: string; weeks: number; sections: SeeSection[] }) {
  const w = RANGES.includes(weeks) ? weeks : 4;
  const range: Range = { from: addDays(to, -(w * 7 - 1)), to, weeks: w };

  return (
    <div class="screen see">
      <h1 tabIndex={-1}>See</h1>
      <fieldset class="segmented range-chooser">
        <legend class="visually-hidden">Range</legend>
        {RANGES.map((n) => (
          <label key={n}>
            <input type="radio" name="range" checked={n === w} onChange={() => navigate(`/see?weeks=${n}`, { replace: true })} />
            <span>{n} weeks</span>
          </label>
        ))}
      </fieldset>
      <DiaryCharts range={range} />
      {sections.map((s, i) => (
        <div key={i}>{s(range)}</div>
      ))}
      <ReportLink range={range} />
    </div>
  );
}

// The diary's two charts over a range (See, and a clinician's page of a
// person), or what stands in for them.
export function DiaryCharts({ range }: { range: Range }) {
  const version = useSignal(diaryVersion);
  const viewed = useSignal(viewing);
  const loaded = useLoad(() => api.entries(range.from, range.to), [range.from, range.to, version]);
  const entries = loaded.data?.entries ?? null;
  if (loaded.error && !entries) {
    return (
      <div class="notice info" role="status">
        <p>
          {loadFailed('The charts cannot be drawn', loaded.error)}
        </p>
      </div>
    );
  }
  if (!entries) return <p class="muted">Loading…</p>;
  if (entries.length === 0) {
    return (
      <div class="notice info">
        {viewed ? (
          <p>
            {viewed.name} logged nothing from {shortDate(range.from)} to {shortDate(range.to)}.
          </p>
        ) : (
          <p>
            Nothing logged from {shortDate(range.from)} to {shortDate(range.to)} yet. <a href="/log">Log how your back is</a>,
            and your charts grow here.
          </p>
        )}
      </div>
    );
  }
  return (
    <>
      <PainChart entries={entries} range={range} />
      <StiffnessChart entries={entries} range={range} />
    </>
  );
}

function PainChart({ entries, range }: { entries: Entry[]; range: Range }) {
  const bucket: Bucket = range.weeks > 4 ? 'week' : 'day';
  const s = useMemo(() => painByPeriod(entries, range.from, range.to, bucket), [entries, range.from, range.to, bucket]);
  const avg = averages(entries);
  const data: uPlot.AlignedData = [s.x, ...PERIODS.map((p) => s.pain[p])];
  const worst = avg.filter((a) => a.mean !== null).sort((a, b) => b.mean! - a.mean!)[0];
  return (
    <section class="card chart-card" aria-labelledby="pain-title">
      <h2 id="pain-title">Pain by period</h2>
      <p class="muted">
        {bucket === 'day' ? 'Each day' : 'Weekly average'}, 0 = no pain, 10 = worst imaginable.
      </p>
      <Chart
        data={data}
        options={(c) => ({
          tzDate: utcDate,
          legend: { show: true, live: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: true }, y: { range: [0, 10] } },
          axes: [
            dateAxis(c),
            { stroke: c.text, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid }, splits: () => [0, 2, 4, 6, 8, 10] },
          ],
          series: [
            {},
            ...PERIODS.map((p) => ({
              label: PERIOD_LABELS[p],
              stroke: c[p],
              width: 2,
              points: { show: true, size: 6, fill: c[p] },
              spanGaps: false,
            })),
          ],
        })}
      />
      <p class="chart-caption">
        {avg
          .filter((a) => a.mean !== null)
          .map((a) => `${PERIOD_LABELS[a.period]} ${a.mean}`)
          .join(', ')}{' '}
        on average from {dayMonth(range.from)} to {dayMonth(range.to)}
        {worst ? `; highest in the ${worst.period}` : ''}.
      </p>
      <details class="numbers">
        <summary>Show the numbers</summary>
        <div class="table-scroll" tabIndex={0} role="region" aria-label="The numbers">
          <table>
            <caption class="visually-hidden">Pain by period, {bucket === 'day' ? 'per day' : 'weekly average'}</caption>
            <thead>
              <tr>
                <th scope="col">{bucket === 'day' ? 'Day' : 'Week from'}</th>
                {PERIODS.map((p) => (
                  <th scope="col" key={p}>
                    {PERIOD_LABELS[p]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.starts.map((d, i) =>
                PERIODS.some((p) => s.pain[p][i] !== null) ? (
                  <tr key={d}>
                    <th scope="row">{shortDate(d)}</th>
                    {PERIODS.map((p) => (
                      <td key={p}>{s.pain[p][i] ?? '–'}</td>
                    ))}
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function StiffnessChart({ entries, range }: { entries: Entry[]; range: Range }) {
  const viewed = useSignal(viewing);
  const s = useMemo(() => morningStiffness(entries, range.from, range.to), [entries, range.from, range.to]);
  const logged = s.minutes.filter((m): m is number => m !== null);
  const mid = median(logged);
  const still = s.stillStiff.filter(Boolean).length;
  const data: uPlot.AlignedData = [s.x, s.minutes, s.severity];
  const top = Math.max(60, ...logged);
  return (
    <section class="card chart-card" aria-labelledby="stiff-title">
      <h2 id="stiff-title">Morning stiffness</h2>
      <p class="muted">Bars: minutes until it eased. Line: how stiff on waking, 0-10.</p>
      <Chart
        data={data}
        options={(c) => ({
          tzDate: utcDate,
          legend: { show: true, live: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: true }, min: { range: [0, top] }, sev: { range: [0, 10] } },
          axes: [
            dateAxis(c),
            { scale: 'min', stroke: c.text, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid }, values: (_u, v) => v.map((x) => `${x}′`) },
            { scale: 'sev', side: 1, stroke: c.text, grid: { show: false }, ticks: { stroke: c.grid }, splits: () => [0, 5, 10] },
          ],
          series: [
            {},
            {
              label: 'Minutes',
              scale: 'min',
              stroke: c.bar,
              fill: c.bar,
              width: 0,
              paths: uPlot.paths.bars!({ size: [0.7, 24] }),
              points: { show: false },
            },
            { label: 'Severity', scale: 'sev', stroke: c.line, width: 2, points: { show: true, size: 5, fill: c.line }, spanGaps: false },
          ],
        })}
      />
      <p class="chart-caption">
        {mid === null ? 'No stiffness minutes logged in this range' : `Median ${minutes(Math.round(mid))} over ${logged.length} morning${logged.length === 1 ? '' : 's'}`}
        {still > 0 ? `; still stiff when logging on ${still} morning${still === 1 ? '' : 's'}` : ''}.
        {mid !== null && mid > LONG_STIFFNESS_MINUTES ? ` ${longStiffnessText(viewed, LONG_STIFFNESS_MINUTES)}` : ''}
      </p>
      <details class="numbers">
        <summary>Show the numbers</summary>
        <div class="table-scroll" tabIndex={0} role="region" aria-label="The numbers">
          <table>
            <caption class="visually-hidden">Morning stiffness per day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Minutes</th>
                <th scope="col">Severity</th>
              </tr>
            </thead>
            <tbody>
              {s.dates.map((d, i) =>
                s.minutes[i] !== null || s.severity[i] !== null || s.stillStiff[i] ? (
                  <tr key={d}>
                    <th scope="row">{shortDate(d)}</th>
                    <td>{s.stillStiff[i] ? 'still stiff' : s.minutes[i] ?? '–'}</td>
                    <td>{s.severity[i] ?? '–'}</td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

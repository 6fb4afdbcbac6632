// Today: the four periods at a glance, what is still to log, and anything
// waiting on this device to be sent. Other capabilities add their cards below
// (tonight's routine, the current stage...) through capabilities.tsx.
import type { VNode } from 'preact';

import { type Viewed, viewing } from '../account';
import { ApiError, type Period, type PeriodStatus, PERIODS, type Today, Unreachable } from '../api';
import { periodBadge, periodHint, possessive, whose } from '../clinic_words';
import { Icon } from '../components/icons';
import { entrySummary, fieldMessage, longDate, PERIOD_LABELS, problemSummary, UNREACHABLE } from '../format';
import { type OutboxItem, retryable } from '../outbox';
import { diaryVersion, flushOutbox, lastToday, loadToday, outbox, reachable, useLoad, useOutbox, useSignal } from '../state';
import { browserToday } from './log';

export type TodayCard = (today: Today | null) => VNode | null;

// "Last 7 days: 5 of 7 mornings logged · 4 sessions": what is done, no streaks.
export function weekGlance(w: NonNullable<Today['week']>): string {
  const mornings = `Last ${w.days} days: ${w.mornings_logged} of ${w.days} mornings logged`;
  if (w.sessions === null) return mornings; // the program is not shared with this viewer
  const sessions = w.sessions === 1 ? '1 session' : `${w.sessions} sessions`;
  return `${mornings} · ${sessions}`;
}

export function TodayScreen({ cards, alerts = [] }: { cards: TodayCard[]; alerts?: TodayCard[] }) {
  const version = useSignal(diaryVersion);
  const online = useSignal(reachable);
  const loaded = useLoad(loadToday, [version, online]);
  const today = loaded.data ?? lastToday.value;
  // A clinician viewing a person: their day, without the person's own writes
  // (Log) or this device's outbox.
  const viewed = useSignal(viewing);
  const readOnly = viewed !== null;
  const mine = useOutbox();
  const items = readOnly ? [] : mine;
  const date = today?.date ?? browserToday();
  const waiting = items.filter((i) => i.state === 'waiting');
  const refused = items.filter((i) => i.state === 'refused');
  const logged = today?.periods.filter((p) => p.status === 'logged').length ?? 0;
  // Periods of this day not yet logged whose entry waits on this device.
  const pending =
    today?.periods.filter((p) => p.status !== 'logged' && waiting.some((i) => i.entry.date === date && i.entry.period === p.period))
      .length ?? 0;

  return (
    <div class="screen today">
      <header class="screen-header">
        {/* A person viewed whose day is not known: not this browser's date as theirs. */}
        <h1 tabIndex={-1}>{viewed && !today ? `${possessive(viewed.name)} day` : longDate(date)}</h1>
        <p class="muted">
          {today
            ? `${logged} of 4 periods logged${pending ? `, ${pending} waiting to send` : ''} · ${today.local_time}, ${today.time_zone.replace(/_/g, ' ')}`
            : 'Today'}
        </p>
        {today?.week ? <p class="muted week-glance">{weekGlance(today.week)}</p> : null}
      </header>

      {loaded.error && !today && (
        <div class="notice info" role="status">
          <p>{loadFailure(loaded.error, viewed)}</p>
        </div>
      )}

      {alerts.map((alert, i) => (
        <div key={`alert-${i}`}>{alert(today)}</div>
      ))}

      {refused.map((item) => (
        <RefusedCard key={item.key} item={item} />
      ))}

      {/* A person viewed: no period said "not logged" while their day is not known. */}
      {readOnly && !today ? null : (
        <ol class="periods" aria-label="Today's periods">
          {PERIODS.map((period) => {
            const p = today?.periods.find((x) => x.period === period);
            const queued = waiting.find((i) => i.entry.period === period && i.entry.date === date);
            return (
              <PeriodCard
                key={period}
                period={period}
                status={queued ? 'queued' : (p?.status ?? 'due')}
                p={p}
                queued={queued}
                readOnly={readOnly}
              />
            );
          })}
        </ol>
      )}

      {waiting.length > 0 && (
        <div class="notice info" role="status">
          <p>
            <Icon name="cloud" size={18} /> {waiting.length === 1 ? 'One entry is' : `${waiting.length} entries are`} saved on this device,
            waiting to be sent.
          </p>
          <button type="button" class="button" onClick={() => void flushOutbox()}>
            Send now
          </button>
        </div>
      )}

      {cards.map((card, i) => (
        <div key={i}>{card(today)}</div>
      ))}
    </div>
  );
}

function PeriodCard({
  period,
  status,
  p,
  queued,
  readOnly = false,
}: {
  period: Period;
  status: PeriodStatus | 'queued';
  p: Today['periods'][number] | undefined;
  queued: OutboxItem | undefined;
  readOnly?: boolean;
}) {
  const entry = p?.entry;
  const summary = entry ? entrySummary(period, entry.fields) : queued ? entrySummary(period, queued.entry.fields) : '';
  const headingId = `period-${period}`;
  return (
    <li class={`period-card status-${status}`} aria-labelledby={headingId}>
      <div class="period-icon" aria-hidden="true">
        <Icon name={period} />
      </div>
      <div class="period-body">
        <h2 id={headingId}>
          {PERIOD_LABELS[period]}{' '}
          <span class={`badge badge-${status}`}>
            {periodBadge(status, p?.from, readOnly)}
          </span>
        </h2>
        <p class={summary ? 'summary' : 'muted'}>{summary || periodHint(period, readOnly)}</p>
      </div>
      <div class="period-action">
        {entry ? (
          <a class="button" href={`/entries/${entry.id}`} aria-label={`View ${period}`}>
            View
          </a>
        ) : queued || readOnly ? null : (
          <a class={`button${status === 'due' ? ' primary' : ''}`} href={`/log/${period}`}>
            Log <span class="visually-hidden">{period}</span>
          </a>
        )}
      </div>
    </li>
  );
}

function RefusedCard({ item }: { item: OutboxItem }) {
  const problem = item.problem;
  return (
    <div class="notice warn" role="alert">
      <p>
        <strong>
          An entry for the {item.entry.period} of {longDate(item.entry.date)} was not saved.
        </strong>{' '}
        {problem ? problemSummary(problem) : ''}
      </p>
      {problem?.errors?.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field}>
              {e.field}: {fieldMessage(e)}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="button-row">
        <a class="button" href={`/log/${item.entry.period}?date=${item.entry.date}`}>
          Log it again
        </a>
        <button type="button" class="link-button" onClick={() => outbox.discard(item.key)}>
          Discard it
        </button>
      </div>
    </div>
  );
}

// Why Today is not shown, and whether logging still works: the connection
// lost, or daybreak answering that its database cannot be reached or is busy
// (a clinic's PostgreSQL restarting), are waits, and the outbox keeps what is
// logged meanwhile; anything else is said as the server said it.
function loadFailure(error: unknown, viewed: Viewed | null): string {
  const waits = viewed ? '' : ' You can still log: entries wait on this device and are sent when it is back.';
  const passing = error instanceof ApiError && retryable(error.problem.status);
  // (a proxy's own answer, such as nginx's 502 with every server down, is no problem of daybreak's)
  if (error instanceof Unreachable || (passing && error.problem.type === 'about:blank')) {
    return `${UNREACHABLE}${waits}`;
  }
  if (passing) return `daybreak cannot load ${whose(viewed, 'day', true)} right now: ${error.problem.title.toLowerCase()}.${waits}`;
  return error instanceof ApiError ? `Today cannot be shown: ${problemSummary(error.problem)}` : 'Today cannot be shown.';
}

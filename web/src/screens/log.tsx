// Log: choose the period and the day, answer, save. New entries go through the
// outbox, so a lost connection never loses one.
import { useState } from 'preact/hooks';

import { viewing } from '../account';
import { api, ApiError, type Entry, PERIODS, type Period, type SafetyGate, type SleepItem } from '../api';
import { noteDecisions } from '../api_progress';
import { loadGate, ownGateRead } from '../api_safety';
import { Alert } from '../components/controls';
import { EmergencyStop } from '../components/emergency_stop';
import { Icon } from '../components/icons';
import { announce } from '../components/toast';
import { addDays, entrySummary, isCalendarDate, loadFailed, longDate, PERIOD_HINTS, PERIOD_LABELS, shortDate } from '../format';
import { navigate } from '../router';
import { call, diaryChanged, lastToday, loadCatalogue, saveEntry, useLoad, useSignal, useToday } from '../state';
import { fieldsToCreate, fieldsToPatch, LogForm, valuesOf, type Values } from './log_form';

export function browserToday(): string {
  const d = new Date();
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())).toISOString().slice(0, 10);
}

// The period to offer when none is named: the first one due today.
export function defaultPeriod(): Period {
  const today = lastToday.value;
  return today?.periods.find((p) => p.status === 'due')?.period ?? 'morning';
}

function useItems(): SleepItem[] {
  const items = useLoad(() => api.items(), []);
  return items.data?.items ?? [];
}

// Bedtime and wake time are much the same most nights: a new night starts
// from the last night logged in the two weeks before, and a tap changes them.
async function lastNightTimes(date: string): Promise<Values> {
  try {
    const { entries } = await api.entries(addDays(date, -14), addDays(date, -1));
    const last = entries
      .filter((e) => e.period === 'night' && (e.fields.bedtime || e.fields.wake_time))
      .sort((a, b) => a.date.localeCompare(b.date))
      .pop();
    if (!last) return {};
    const v = valuesOf(last.fields);
    return { ...(v.bedtime ? { bedtime: v.bedtime } : {}), ...(v.wake_time ? { wake_time: v.wake_time } : {}) };
  } catch {
    return {}; // offline: an empty form, as before
  }
}

// A yes to the one-tap safety question: the gate as it is now, for the stop
// screen (null when daybreak cannot be reached: the stop shows all the same).
async function gateAfterYes(): Promise<SafetyGate | null> {
  try {
    return await loadGate();
  } catch {
    return null;
  }
}

export function LogScreen({ period, date }: { period: Period; date: string | null }) {
  const { today } = useToday();
  const todayDate = today?.date ?? browserToday();
  // ?date= names a day that cannot be (a mistyped or damaged link): said, with today instead.
  if (date && !isCalendarDate(date)) return <NotADate period={period} text={date} today={todayDate} />;
  return <LogDay period={period} asked={date || null} />;
}

function NotADate({ period, text, today }: { period: Period; text: string; today: string }) {
  return (
    <div class="screen log">
      <h1 tabIndex={-1}>Log</h1>
      <div class="notice warn" role="alert">
        <p>
          The date in the address, “{text}”, is not a valid date, so nothing can be logged for it. A date is written
          year-month-day, as {today} is today.
        </p>
        <p>
          <a class="button primary" href={`/log/${period}`}>
            Log today’s {period}
          </a>
        </p>
      </div>
    </div>
  );
}

function LogDay({ period, asked }: { period: Period; asked: string | null }) {
  const { today, settled } = useToday();
  const todayDate = today?.date ?? browserToday();
  const date = asked ?? todayDate;
  const catalogue = useLoad(loadCatalogue, []);
  const items = useItems();
  const [conflict, setConflict] = useState<{ existing: number; values: Values } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [stop, setStop] = useState<{ gate: SafetyGate | null } | null>(null);
  const defaults = useLoad(() => (period === 'night' ? lastNightTimes(date) : Promise.resolve({})), [period, date]);

  const save = async (values: Values, replace: boolean) => {
    const fields = fieldsToCreate(values, catalogue.data!.fields.filter((f) => f.periods.includes(period)));
    const outcome = await saveEntry({ date, period, fields, ...(replace ? { replace: true } : {}) });
    if (outcome.kind === 'saved') {
      const verb = outcome.created.outcome === 'replaced' ? 'replaced' : 'saved';
      announce(`${PERIOD_LABELS[period]} ${verb}: ${entrySummary(period, outcome.created.entry.fields)}`);
      const made = noteDecisions(outcome.created); // told on Today, sentence by sentence
      if (made > 0) announce(`The program made ${made === 1 ? 'a decision' : `${made} decisions`} from it: see Today.`, 'info');
      if (outcome.created.safety) ownGateRead(outcome.created.safety); // kept for when daybreak cannot be reached
      if (values.red_flags === 'yes') setStop({ gate: outcome.created.safety ?? (await gateAfterYes()) });
      else navigate('/');
      return null;
    }
    if (outcome.kind === 'queued') {
      announce('Saved on this device. It will be sent as soon as daybreak can be reached.', 'info');
      if (values.red_flags === 'yes') setStop({ gate: null });
      else navigate('/');
      return null;
    }
    const problem = outcome.error.problem;
    if (problem.status === 409 && problem.existing_entry) {
      setConflict({ existing: problem.existing_entry, values });
      return null;
    }
    return problem;
  };

  return (
    <div class="screen log">
      {stop ? <EmergencyStop gate={stop.gate} onClose={() => navigate('/')} /> : null}
      <h1 tabIndex={-1}>Log</h1>
      <nav class="period-tabs" aria-label="Period">
        {PERIODS.map((p) => (
          <a
            key={p}
            href={`/log/${p}${asked ? `?date=${asked}` : ''}`}
            class="period-tab"
            aria-current={p === period ? 'page' : undefined}
          >
            <Icon name={p} size={20} />
            <span>{PERIOD_LABELS[p]}</span>
          </a>
        ))}
      </nav>
      <DayChooser date={date} today={todayDate} period={period} />
      <p class="period-hint">
        <strong>{longDate(date)}</strong> · {PERIOD_HINTS[period].toLowerCase()}
      </p>
      {conflict && (
        <div class="notice warn" role="alert">
          <p>
            <strong>
              You already logged the {period} of {longDate(date)}.
            </strong>{' '}
            Replace that entry with this one? The old answers stay in its history.
          </p>
          <div class="button-row">
            <button
              type="button"
              class="button primary"
              onClick={async () => {
                const problem = await save(conflict.values, true);
                if (!problem) setConflict(null);
              }}
            >
              Replace it
            </button>
            <a class="button" href={`/entries/${conflict.existing}`}>
              See that entry
            </a>
            <button type="button" class="link-button" onClick={() => setConflict(null)}>
              Keep editing
            </button>
          </div>
        </div>
      )}
      {!settled || (!defaults.data && !defaults.error) ? (
        <p class="muted">Loading…</p>
      ) : catalogue.data ? (
        <LogForm
          key={`${period}-${date}-${formKey}`}
          catalogue={catalogue.data}
          period={period}
          items={items}
          defaults={defaults.data ?? undefined}
          submitLabel={`Save ${PERIOD_LABELS[period].toLowerCase()}`}
          onSubmit={(values) => save(values, false)}
        />
      ) : catalogue.error ? (
        <div class="notice warn" role="alert">
          <p>
            {loadFailed("The diary's questions cannot be loaded", catalogue.error)}
            {catalogue.error instanceof ApiError ? '' : ' Open the app once while it runs, and it will work offline after.'}
          </p>
          <button type="button" class="button" onClick={() => { catalogue.reload(); setFormKey((k) => k + 1); }}>
            Try again
          </button>
        </div>
      ) : (
        <p class="muted">Loading…</p>
      )}
    </div>
  );
}

function DayChooser({ date, today, period }: { date: string; today: string; period: Period }) {
  const yesterday = addDays(today, -1);
  const other = date !== today && date !== yesterday;
  const go = (d: string) => navigate(`/log/${period}${d === today ? '' : `?date=${d}`}`, { replace: true });
  return (
    <fieldset class="day-chooser">
      <legend class="visually-hidden">Day</legend>
      <div class="segmented">
        <label>
          <input type="radio" name="day" checked={date === today} onChange={() => go(today)} />
          <span>Today</span>
        </label>
        <label>
          <input type="radio" name="day" checked={date === yesterday} onChange={() => go(yesterday)} />
          <span>Yesterday</span>
        </label>
        <label>
          <input type="radio" name="day" checked={other} onChange={() => go(addDays(today, -2))} />
          <span>Earlier</span>
        </label>
      </div>
      {other && (
        <label class="earlier">
          Day
          <input type="date" value={date} max={today} onChange={(e) => (e.currentTarget as HTMLInputElement).value && go((e.currentTarget as HTMLInputElement).value)} />
        </label>
      )}
    </fieldset>
  );
}

// /entries/:id/edit. A clinician viewing a person gets no form: the person's
// entries are theirs alone to change, and the server refuses anyone else.
export function EditScreen({ id }: { id: number }) {
  const viewed = useSignal(viewing);
  return viewed ? <NotYoursToEdit id={id} name={viewed.name} /> : <OwnEdit id={id} />;
}

function NotYoursToEdit({ id, name }: { id: number; name: string }) {
  return (
    <div class="screen">
      <a class="back-link" href={`/entries/${id}`}>
        <Icon name="back" size={18} /> Entry
      </a>
      <h1 tabIndex={-1}>Entry {id}</h1>
      <p>Only {name} can change their entries.</p>
    </div>
  );
}

function OwnEdit({ id }: { id: number }) {
  const entry = useLoad(() => api.entry(id), [id]);
  const catalogue = useLoad(loadCatalogue, []);
  const items = useItems();
  const [stop, setStop] = useState<{ gate: SafetyGate | null } | null>(null);
  if (entry.error instanceof ApiError && entry.error.problem.status === 404) return <Missing id={id} />;
  const failed = (!entry.data && entry.error) || (!catalogue.data && catalogue.error);
  if (failed) return <EntryNotShown id={id} error={failed} />;
  if (!entry.data || !catalogue.data) return <p class="muted">Loading…</p>;
  const e: Entry = entry.data;
  const submit = async (values: Values) => {
    const applicable = catalogue.data!.fields.filter((f) => f.periods.includes(e.period));
    const patch = fieldsToPatch(valuesOf(e.fields), values, applicable);
    if (Object.keys(patch).length === 0) {
      navigate(`/entries/${id}`);
      return null;
    }
    try {
      await call(() => api.edit(id, patch));
    } catch (err) {
      if (err instanceof ApiError) return err.problem;
      return { type: 'about:blank', title: 'daybreak cannot be reached', status: 0, detail: 'your change is not saved yet; try again when daybreak runs' };
    }
    diaryChanged();
    announce(`${PERIOD_LABELS[e.period]} of ${shortDate(e.date)} changed`);
    if (patch.red_flags === 'yes') setStop({ gate: await gateAfterYes() });
    else navigate(`/entries/${id}`);
    return null;
  };
  return (
    <div class="screen log">
      {stop ? <EmergencyStop gate={stop.gate} onClose={() => navigate(`/entries/${id}`)} /> : null}
      <a class="back-link" href={`/entries/${id}`}>
        <Icon name="back" size={18} /> Entry
      </a>
      <h1 tabIndex={-1}>
        Edit the {e.period} of {longDate(e.date)}
      </h1>
      <LogForm catalogue={catalogue.data} period={e.period} items={items} initial={e} submitLabel="Save changes" onSubmit={submit} />
    </div>
  );
}

// null: the address names no entry number at all (/entries/abc).
export function Missing({ id }: { id: number | null }) {
  return (
    <div class="screen">
      <h1 tabIndex={-1}>{id === null ? 'That entry is' : `Entry ${id} is`} not in your diary</h1>
      <p>
        It may have been deleted. <a href="/">Back to today</a>
      </p>
    </div>
  );
}

// An entry that could not be read: the server's problem, or that daybreak
// cannot be reached (only then).
export function EntryNotShown({ id, error }: { id: number; error: unknown }) {
  return (
    <div class="screen">
      <h1 tabIndex={-1}>Entry {id}</h1>
      <Alert text={loadFailed('This entry cannot be shown', error)} />
    </div>
  );
}

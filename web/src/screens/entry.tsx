// One entry in full, its history of changes, and the way to edit or delete it.
import { useEffect, useRef, useState } from 'preact/hooks';

import { viewing } from '../account';
import { api, ApiError, type Catalogue, type Entry, type FieldDef, type Fields, type Revision } from '../api';
import { Icon } from '../components/icons';
import { announce } from '../components/toast';
import { choiceLabel, clockOf, longDate, minutes, PERIOD_LABELS, zonedDateTime, zoneNote } from '../format';
import { navigate } from '../router';
import { call, diaryChanged, loadCatalogue, useDiaryZone, useLoad, useSignal } from '../state';
import { EntryNotShown, Missing } from './log';
import { question } from './log_form';

// A field's value for reading: "45 min", "Lower back, left; Buttock, left", "23:10".
export function display(field: FieldDef, value: unknown): string {
  const { name, unit } = field;
  if (value === undefined || value === null) return '';
  if (name === 'bedtime' || name === 'wake_time') return clockOf(value as string);
  if (name === 'stiffness_minutes' || name === 'walking_minutes') return minutes(value as number);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return `${value}${unit}`;
  if (name === 'pillows') return (value as string[]).length === 0 ? 'none' : (value as string[]).join(', ');
  if (Array.isArray(value) && name === 'medications') {
    return (value as { name: string; dose?: string; taken_at?: string }[])
      .map((m) => [m.name, m.dose, m.taken_at ? `at ${clockOf(m.taken_at)}` : ''].filter(Boolean).join(' '))
      .join('; ');
  }
  if (Array.isArray(value)) return value.map((v) => choiceLabel(String(v), field)).join(', ');
  if (name === 'factors') {
    return Object.entries(value as Record<string, string>)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ');
  }
  if (name === 'sleep_position') return choiceLabel(value as string, field);
  return String(value);
}

function FieldList({ fields, entry, catalogue }: { fields: Fields; entry: Pick<Entry, 'period'>; catalogue: Catalogue }) {
  const set = catalogue.fields.filter((f) => (fields as Record<string, unknown>)[f.name] !== undefined);
  return (
    <dl class="field-list">
      {set.map((f) => (
        <div key={f.name}>
          <dt>{question(f, entry.period)}</dt>
          <dd>{display(f, (fields as Record<string, unknown>)[f.name])}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EntryScreen({ id }: { id: number }) {
  const entry = useLoad(() => api.entry(id), [id]);
  const catalogue = useLoad(loadCatalogue, []);
  // A clinician viewing a person reads their entry: only the person changes it.
  const readOnly = useSignal(viewing) !== null;
  const [confirming, setConfirming] = useState(false);
  // The button pressed goes away either way: the focus goes to the question,
  // and back to Delete… when the entry is kept.
  const confirmRef = useRef<HTMLDivElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (asked.current) deleteRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  if (entry.error instanceof ApiError && entry.error.problem.status === 404) return <Missing id={id} />;
  const failed = (!entry.data && entry.error) || (!catalogue.data && catalogue.error);
  if (failed) return <EntryNotShown id={id} error={failed} />;
  if (!entry.data || !catalogue.data) return <p class="muted">Loading…</p>;
  const e = entry.data;

  const remove = async () => {
    try {
      await call(() => api.remove(id));
    } catch (err) {
      announce(err instanceof ApiError ? err.message : 'daybreak cannot be reached: nothing was deleted', 'warn');
      return;
    }
    diaryChanged();
    announce(`Deleted the ${e.period} of ${longDate(e.date)}. Its history is kept.`);
    navigate('/');
  };

  return (
    <div class="screen entry">
      <a class="back-link" href="/">
        <Icon name="back" size={18} /> Today
      </a>
      <h1 tabIndex={-1}>
        {PERIOD_LABELS[e.period]}, {longDate(e.date)}
      </h1>
      <p class="muted">
        Entry {e.id}
        {e.revision > 1 ? `, changed ${e.revision - 1} time${e.revision > 2 ? 's' : ''}` : ''}
      </p>
      <FieldList fields={e.fields} entry={e} catalogue={catalogue.data} />
      {readOnly ? null : (
        <div class="button-row">
          <a class="button primary" href={`/entries/${id}/edit`}>
            Edit
          </a>
          {!confirming && (
            <button type="button" class="button danger-outline" ref={deleteRef} onClick={() => setConfirming(true)}>
              Delete…
            </button>
          )}
        </div>
      )}
      {confirming && !readOnly && (
        <div class="notice warn" role="group" aria-labelledby="delete-question" tabIndex={-1} ref={confirmRef}>
          <p id="delete-question">Delete this entry? The period becomes free to log again; the entry's history is kept.</p>
          <div class="button-row">
            <button type="button" class="button danger" onClick={() => void remove()}>
              Delete it
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      <History id={id} catalogue={catalogue.data} />
    </div>
  );
}

const OPERATIONS: Record<Revision['operation'], string> = {
  create: 'Logged',
  edit: 'Edited',
  replace: 'Replaced',
  import: 'Imported',
  delete: 'Deleted',
};

function History({ id, catalogue }: { id: number; catalogue: Catalogue }) {
  const history = useLoad(() => api.revisions(id), [id]);
  // When each change was made, on the diary's clock, not this browser's.
  const { zone, settled } = useDiaryZone();
  if (!history.data || !settled) return null;
  const revisions = history.data.revisions;
  const note = zoneNote(zone);
  return (
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {note ? <p class="muted">{note}</p> : null}
      <ol>
        {revisions.map((r, i) => {
          const before = i > 0 ? (revisions[i - 1]!.fields as Record<string, unknown>) : null;
          const after = r.fields as Record<string, unknown>;
          const changed = before
            ? catalogue.fields.filter((f) => JSON.stringify(before[f.name]) !== JSON.stringify(after[f.name]))
            : [];
          return (
            <li key={r.revision}>
              <p>
                <strong>{OPERATIONS[r.operation]}</strong>{' '}
                <time dateTime={r.recorded_at}>{zonedDateTime(r.recorded_at, zone)}</time>{' '}
                <span class="muted">via {r.channel === 'api' ? 'the web app' : r.channel === 'cli' ? 'the command line' : r.channel}</span>
              </p>
              {changed.length > 0 && (
                <ul class="changes">
                  {changed.map((f) => (
                    <li key={f.name}>
                      {question(f, r.period)}: {display(f, before![f.name]) || '(none)'} → {display(f, after[f.name]) || '(none)'}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}


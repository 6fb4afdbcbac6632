// The diary form for one period: the few answers that matter most first (for
// the morning: pain, stiffness minutes and severity), everything else behind
// "More details". Fields, ranges and choices come from the server's catalogue
// (GET /api/fields), so the form and the CLI can never disagree.
import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';

import {
  ApiError,
  type Catalogue,
  type Entry,
  type FieldDef,
  type FieldProblem,
  type Fields,
  type Medication,
  type Period,
  type Problem,
  type SleepItem,
} from '../api';
import { ErrorSummary } from '../components/error_summary';
import { Chips, FieldError, NumberField, Scale, Stepper, TextArea, TimeField, Toggle } from '../components/controls';
import { charCount, choiceLabel, clockOf, PERIOD_LABELS, problemSummary } from '../format';

export type Values = Record<string, unknown>;

// The questions asked before "More details", per period.
export const PRIMARY: Record<Period, string[]> = {
  night: ['pain', 'bedtime', 'wake_time', 'awakenings', 'sleep_quality'],
  // The one-tap safety question belongs to every morning (clinical.md, Safety).
  morning: ['pain', 'stiffness_minutes', 'stiffness_severity', 'red_flags'],
  afternoon: ['pain'],
  evening: ['pain'],
};

// Handled inside another field's control.
const FOLDED = new Set(['still_stiff']);

const QUESTIONS: Record<string, string | Partial<Record<Period, string>>> = {
  pain: { night: 'Pain during the night', morning: 'Pain now', afternoon: 'Pain now', evening: 'Pain now' },
  stiffness_severity: 'How stiff were you on waking?',
  sleep_quality: 'How well did you sleep?',
  bedtime: 'Went to bed',
  wake_time: 'Woke up for the day',
  awakenings: 'Times pain woke you',
  signs: 'Warning signs you noticed',
  locations: 'Where you feel it',
  leg_symptoms: 'Numbness, tingling or weakness in a leg',
  medications: 'Medication taken',
  relief: 'Anything else you used for relief',
  walking_minutes: 'Walking',
  sitting_hours: 'Sitting',
  anxiety: 'How anxious you felt',
  sleep_position: 'Position you slept in most',
  mattress: 'Mattress',
  pillows: 'Pillows',
  room_temperature: 'Bedroom temperature',
  humidity: 'Bedroom humidity',
  factors: 'Anything else you track',
  note: 'Note',
  red_flags: 'Anything new like this since yesterday?',
};

const HINTS: Record<string, string> = {
  leg_symptoms: 'If these are new, or in both legs, contact a doctor.',
  room_temperature: 'Exploratory: no study links bedroom temperature with back pain. Track it to see for yourself.',
  humidity: 'Exploratory, like temperature.',
  factors: 'Your own tags, such as caffeine = 2 or long drive = yes.',
  bedtime: 'From 18:00 on means the evening before.',
  red_flags:
    'Trouble passing urine, or holding urine or stools; numbness around your bottom or genitals; a change in sexual function; numbness, tingling or weakness in both legs, or a leg getting weaker. Yes stops your exercise and tells you what to do.',
};

const ANCHORS: Record<string, [string, string]> = {
  pain: ['no pain', 'worst imaginable'],
  stiffness_severity: ['not stiff', 'as stiff as it gets'],
  sleep_quality: ['very badly', 'very well'],
  anxiety: ['calm', 'as anxious as it gets'],
};

// Text answers' limits in characters (code points), as the server checks them
// (kMaxNoteLength, src/domain/entry_fields.cpp): the catalogue says it only in words.
export const TEXT_LIMITS: Record<string, number> = { note: 2000 };

const STIFFNESS_PRESETS = [0, 5, 15, 30, 45, 60, 90, 120];

export function question(field: FieldDef, period: Period): string {
  const q = QUESTIONS[field.name];
  if (typeof q === 'string') return q;
  if (q && q[period]) return q[period]!;
  return field.label.charAt(0).toUpperCase() + field.label.slice(1);
}

// The form's values from a stored entry: times as HH:MM, as a person edits them.
export function valuesOf(fields: Fields): Values {
  const v: Values = { ...fields };
  if (fields.bedtime) v.bedtime = clockOf(fields.bedtime);
  if (fields.wake_time) v.wake_time = clockOf(fields.wake_time);
  if (fields.pillows && fields.pillows.length === 0) v.pillows = [NO_PILLOW]; // stored as []: none that night
  if (fields.medications) {
    v.medications = fields.medications.map((m) => ({ ...m, taken_at: m.taken_at ? clockOf(m.taken_at) : undefined }));
  }
  return v;
}

// A night without a pillow, as the form holds it and sends it ("none"; the API
// answers [] for it).
const NO_PILLOW = 'none';

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

// What to send: medications without empty rows, factors without empty names.
export function cleaned(name: string, v: unknown): unknown {
  if (name === 'medications' && Array.isArray(v)) {
    return (v as Medication[])
      .filter((m) => m.name.trim() !== '')
      .map((m) => {
        const out: Medication = { name: m.name.trim() };
        if (m.dose?.trim()) out.dose = m.dose.trim();
        if (m.taken_at) out.taken_at = m.taken_at;
        return out;
      });
  }
  if (name === 'factors' && v && typeof v === 'object') {
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(v as Record<string, string>)) if (k.trim()) out[k.trim()] = val.trim() || 'yes';
    return out;
  }
  if (typeof v === 'string' && name !== 'note') return v.trim();
  return v;
}

// A new entry's fields: every value given, nothing else.
export function fieldsToCreate(values: Values, fields: FieldDef[]): Fields {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = cleaned(f.name, values[f.name]);
    if (!isEmpty(v)) out[f.name] = v;
  }
  return out as Fields;
}

// An edit: only what changed; null clears a field.
export function fieldsToPatch(before: Values, after: Values, fields: FieldDef[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const a = cleaned(f.name, before[f.name]);
    const b = cleaned(f.name, after[f.name]);
    if (isEmpty(a) && isEmpty(b)) continue;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out[f.name] = isEmpty(b) ? null : b;
  }
  return out;
}

// Checks the catalogue can check without the server: required answers,
// ranges and text limits. The server checks everything again.
export function localProblems(values: Values, fields: FieldDef[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    const v = values[f.name];
    if (f.required && isEmpty(v)) problems.push({ field: f.name, value: '', allowed: f.allowed });
    if (typeof v === 'number' && f.min !== undefined && f.max !== undefined) {
      const off = f.step === 1 && !Number.isInteger(v);
      if (v < f.min || v > f.max || off || Number.isNaN(v)) problems.push({ field: f.name, value: String(v), allowed: f.allowed });
    }
    // Refused here, as the server would, so it never waits in the outbox only to be refused.
    const limit = TEXT_LIMITS[f.name];
    const length = typeof v === 'string' ? charCount(v) : 0;
    if (limit !== undefined && length > limit) {
      const start = [...(v as string)].slice(0, 60).join('');
      problems.push({ field: f.name, value: `${start}...`, allowed: `${f.allowed}: it has ${length} characters` });
    }
  }
  return problems;
}

interface FormProps {
  catalogue: Catalogue;
  period: Period;
  items: SleepItem[];
  initial?: Entry | undefined;
  defaults?: Values | undefined; // a new entry's answers before any tap (last night's bedtime...)
  submitLabel: string;
  onSubmit: (values: Values, applicable: FieldDef[]) => Promise<Problem | null>;
  header?: ComponentChildren;
}

export function LogForm(props: FormProps) {
  const { catalogue, period } = props;
  const applicable = useMemo(() => catalogue.fields.filter((f) => f.periods.includes(period)), [catalogue, period]);
  // A new morning starts with the safety question answered no: one tap says yes.
  const [values, setValues] = useState<Values>(() => {
    if (props.initial) return valuesOf(props.initial.fields);
    const fresh: Values = { ...props.defaults };
    if (period === 'morning' && applicable.some((f) => f.name === 'red_flags')) fresh.red_flags = 'no';
    return fresh;
  });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const primaryNames = PRIMARY[period];
  const more = applicable.filter((f) => !primaryNames.includes(f.name) && !FOLDED.has(f.name));
  const moreHasValues = more.some((f) => !isEmpty(values[f.name]));
  const [open, setOpen] = useState(moreHasValues);
  const summaryRef = useRef<HTMLDivElement>(null);

  const set = (name: string, v: unknown) => setValues((old) => ({ ...old, [name]: v }));
  const problemOf = (name: string) => problems.find((p) => p.field === name);

  const show = (list: FieldProblem[], text: string) => {
    setProblems(list);
    setSummary(text);
    if (list.some((p) => more.some((f) => f.name === p.field))) setOpen(true);
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const local = localProblems(values, applicable);
    if (local.length > 0) {
      show(local, local.length === 1 ? 'One answer needs a look.' : `${local.length} answers need a look.`);
      return;
    }
    setSaving(true);
    try {
      const problem = await props.onSubmit(values, applicable);
      if (problem) show(problem.errors ?? [], problemSummary(problem));
    } catch (err) {
      show([], err instanceof ApiError ? problemSummary(err.problem) : String(err));
    } finally {
      setSaving(false);
    }
  };

  const renderField = (f: FieldDef) => (
    <FieldControl
      key={f.name}
      field={f}
      period={period}
      values={values}
      set={set}
      problem={problemOf(f.name)}
      items={props.items}
      fresh={!props.initial}
    />
  );
  const stray = problems.filter((p) => !applicable.some((f) => f.name === p.field));

  return (
    <form class="log-form" onSubmit={submit} noValidate>
      {props.header}
      {summary && (
        <ErrorSummary
          title="Not saved yet."
          summary={summary}
          innerRef={summaryRef}
          lines={problems.map((p) => {
            const f = applicable.find((x) => x.name === p.field);
            return {
              label: f ? question(f, period) : p.field,
              detail: p.value === '' ? `needed (${p.allowed})` : `'${p.value}' is not allowed (${p.allowed})`,
              target: f ? `#field-${p.field}` : undefined,
            };
          })}
        />
      )}
      {primaryNames.map((name) => applicable.find((f) => f.name === name)).map((f) => f && renderField(f))}
      {more.length > 0 && (
        <details class="more" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>
            More details <span class="muted">where it hurts, medication, {period === 'night' ? 'sleep set-up, ' : ''}notes</span>
          </summary>
          <div class="more-fields">{more.map(renderField)}</div>
        </details>
      )}
      {stray.map((p) => (
        <FieldError key={p.field} id={`stray-${p.field}`} problem={p} />
      ))}
      <div class="form-actions">
        <button type="submit" class="button primary wide" disabled={saving} aria-busy={saving}>
          {saving ? 'Saving…' : props.submitLabel}
        </button>
      </div>
    </form>
  );
}

interface ControlProps {
  field: FieldDef;
  period: Period;
  values: Values;
  set: (name: string, v: unknown) => void;
  problem: FieldProblem | undefined;
  items: SleepItem[];
  fresh: boolean; // a new entry, not an edit
}

function FieldControl({ field: f, period, values, set, problem, items, fresh }: ControlProps) {
  const legend = question(f, period);
  const hint = HINTS[f.name];
  const v = values[f.name];
  const common = { legend, hint, problem };
  const anchor = ANCHORS[f.name];
  return (
    <div id={`field-${f.name}`} class="field-slot">
      {(() => {
        if (f.name === 'stiffness_minutes') {
          return (
            <StiffnessField
              field={f}
              minutes={v as number | undefined}
              still={values.still_stiff === true}
              onChange={(m, still) => {
                set('stiffness_minutes', m);
                set('still_stiff', still || undefined);
              }}
              problem={problem}
            />
          );
        }
        if (f.shape === 'number' && anchor) {
          return (
            <Scale
              name={f.name}
              {...common}
              value={v as number | undefined}
              low={anchor[0]}
              high={anchor[1]}
              optional={!f.required}
              onChange={(n) => set(f.name, n)}
            />
          );
        }
        if (f.name === 'awakenings') {
          return <Stepper name={f.name} {...common} value={v as number | undefined} min={f.min ?? 0} max={f.max ?? 20} onChange={(n) => set(f.name, n)} />;
        }
        if (f.shape === 'number') {
          return (
            <NumberField
              name={f.name}
              {...common}
              value={v as number | undefined}
              unit={f.unit}
              min={f.min}
              max={f.max}
              step={f.step}
              onChange={(n) => set(f.name, n)}
            />
          );
        }
        if (f.shape === 'time') return <TimeField name={f.name} {...common} value={v as string | undefined} onChange={(t) => set(f.name, t)} />;
        if (f.shape === 'flag') return <Toggle name={f.name} {...common} value={v === true} onChange={(b) => set(f.name, b || undefined)} />;
        if (f.shape === 'choices' || f.shape === 'choice') {
          const single = f.shape === 'choice';
          const list = single ? (v ? [v as string] : []) : ((v as string[] | undefined) ?? []);
          return (
            <Chips
              name={f.name}
              {...common}
              choices={f.choices ?? []}
              labels={(w) => choiceLabel(w, f)}
              single={single}
              value={list}
              onChange={(l) => set(f.name, single ? l[0] : l)}
            />
          );
        }
        if (f.name === 'pillows' || f.name === 'mattress') {
          return (
            <ItemsField field={f} legend={legend} value={v} items={items} problem={problem} fresh={fresh} onChange={(x) => set(f.name, x)} />
          );
        }
        if (f.name === 'medications') {
          return <MedicationsField legend={legend} value={(v as Medication[] | undefined) ?? []} problem={problem} onChange={(x) => set(f.name, x)} />;
        }
        if (f.name === 'factors') {
          return <FactorsField legend={legend} hint={hint} value={(v as Record<string, string> | undefined) ?? {}} problem={problem} onChange={(x) => set(f.name, x)} />;
        }
        return <TextArea name={f.name} {...common} value={v as string | undefined} max={TEXT_LIMITS[f.name]} onChange={(t) => set(f.name, t)} />;
      })()}
    </div>
  );
}

function StiffnessField(props: {
  field: FieldDef; // its range comes from the catalogue
  minutes: number | undefined;
  still: boolean;
  onChange: (minutes: number | undefined, still: boolean) => void;
  problem: FieldProblem | undefined;
}) {
  const { minutes, still } = props;
  return (
    <fieldset class={`field stiffness${props.problem ? ' has-error' : ''}`} data-field="stiffness_minutes" aria-describedby="stiff-hint stiff-err">
      <legend>Minutes until the stiffness eased</legend>
      <p class="hint" id="stiff-hint">
        From waking up. Not eased yet? Choose “Still stiff”.
      </p>
      <div class="chip-list">
        {STIFFNESS_PRESETS.map((m) => (
          <label class="chip" key={m}>
            <input type="radio" name="stiffness_preset" checked={!still && minutes === m} onChange={() => props.onChange(m, false)} />
            <span>{m === 0 ? 'None' : m >= 60 ? `${m / 60} h` : `${m} min`}</span>
          </label>
        ))}
        <label class="chip">
          <input type="radio" name="stiffness_preset" checked={still} onChange={() => props.onChange(undefined, true)} />
          <span>Still stiff</span>
        </label>
      </div>
      <div class="inline-number">
        <label for="stiffness-exact">Or exactly</label>
        <input
          id="stiffness-exact"
          type="number"
          inputMode="numeric"
          min={props.field.min}
          max={props.field.max}
          value={minutes ?? ''}
          onInput={(e) => {
            const t = (e.currentTarget as HTMLInputElement).value;
            props.onChange(t === '' ? undefined : Number(t), false);
          }}
        />
        <span class="unit">min</span>
      </div>
      <FieldError id="stiff-err" problem={props.problem} />
    </fieldset>
  );
}

function ItemsField(props: {
  field: FieldDef;
  legend: string;
  value: unknown;
  items: SleepItem[];
  problem: FieldProblem | undefined;
  fresh: boolean;
  onChange: (v: unknown) => void;
}) {
  const kind = props.field.name === 'mattress' ? 'mattress' : 'pillow';
  const current = props.field.name === 'mattress' ? (props.value ? [props.value as string] : []) : ((props.value as string[]) ?? []);
  // Retired items stay choosable only where an old entry already names them.
  const names = props.items.filter((i) => i.kind === kind && (!i.retired_at || current.includes(i.name))).map((i) => i.name);
  if (names.length === 0) {
    return (
      <div class="field" data-field={props.field.name}>
        <p class="field-label">{props.legend}</p>
        <p class="hint">
          Name your {kind === 'mattress' ? 'mattresses' : 'pillows'} under <a href="/settings#sleep-items">More → Sleep set-up</a> to compare set-ups here.
        </p>
      </div>
    );
  }
  if (kind === 'mattress') {
    return (
      <Chips
        name={props.field.name}
        legend={props.legend}
        problem={props.problem}
        choices={names}
        labels={(n) => n}
        single
        value={current}
        onChange={(l) => props.onChange(l[0])}
      />
    );
  }
  // Pillows: "None" is an answer of its own, so nights without a pillow are
  // compared with nights with one. A new night starts at None, as daybreak
  // records it when a night names no pillow.
  const shown = current.length === 0 && props.fresh ? [NO_PILLOW] : current;
  return (
    <Chips
      name={props.field.name}
      legend={props.legend}
      hint="Choose None on a night without one: then insights can compare nights with and without it."
      problem={props.problem}
      choices={[NO_PILLOW, ...names]}
      labels={(n) => (n === NO_PILLOW ? 'None' : n)}
      value={shown}
      onChange={(l) => {
        const added = l.find((w) => !shown.includes(w));
        props.onChange(added === NO_PILLOW ? [NO_PILLOW] : l.filter((w) => w !== NO_PILLOW));
      }}
    />
  );
}

function MedicationsField(props: { legend: string; value: Medication[]; problem: FieldProblem | undefined; onChange: (v: Medication[]) => void }) {
  const rows = props.value;
  const update = (i: number, change: Partial<Medication>) => props.onChange(rows.map((m, j) => (j === i ? { ...m, ...change } : m)));
  return (
    <fieldset class={`field rows${props.problem ? ' has-error' : ''}`} data-field="medications">
      <legend>{props.legend}</legend>
      {rows.map((m, i) => (
        <div class="row-editor" key={i}>
          <label>
            Name
            <input value={m.name} maxLength={60} onInput={(e) => update(i, { name: (e.currentTarget as HTMLInputElement).value })} />
          </label>
          <label>
            Dose
            <input value={m.dose ?? ''} maxLength={30} placeholder="400 mg" onInput={(e) => update(i, { dose: (e.currentTarget as HTMLInputElement).value })} />
          </label>
          <label>
            Time
            <input type="time" value={m.taken_at ?? ''} onInput={(e) => update(i, { taken_at: (e.currentTarget as HTMLInputElement).value || undefined })} />
          </label>
          <button type="button" class="link-button" onClick={() => props.onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove medication ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="button" onClick={() => props.onChange([...rows, { name: '' }])}>
        Add medication
      </button>
      <FieldError id="med-err" problem={props.problem} />
    </fieldset>
  );
}

function FactorsField(props: {
  legend: string;
  hint: string | undefined;
  value: Record<string, string>;
  problem: FieldProblem | undefined;
  onChange: (v: Record<string, string>) => void;
}) {
  // Rows keep their order while being typed; the object is rebuilt from them.
  const [rows, setRows] = useState<[string, string][]>(() => Object.entries(props.value));
  const change = (next: [string, string][]) => {
    setRows(next);
    const out: Record<string, string> = {};
    for (const [k, v] of next) if (k.trim()) out[k.trim().toLowerCase()] = v;
    props.onChange(out);
  };
  return (
    <fieldset class={`field rows${props.problem ? ' has-error' : ''}`} data-field="factors">
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {rows.map(([k, v], i) => (
        <div class="row-editor" key={i}>
          <label>
            Name
            <input value={k} maxLength={40} onInput={(e) => change(rows.map((r, j) => (j === i ? [(e.currentTarget as HTMLInputElement).value, r[1]] : r)))} />
          </label>
          <label>
            Value
            <input value={v} maxLength={60} placeholder="yes" onInput={(e) => change(rows.map((r, j) => (j === i ? [r[0], (e.currentTarget as HTMLInputElement).value] : r)))} />
          </label>
          <button type="button" class="link-button" onClick={() => change(rows.filter((_, j) => j !== i))} aria-label={`Remove factor ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="button" onClick={() => change([...rows, ['', '']])}>
        Add a factor
      </button>
      <FieldError id="factor-err" problem={props.problem} />
    </fieldset>
  );
}

export function periodTitle(period: Period): string {
  return PERIOD_LABELS[period];
}

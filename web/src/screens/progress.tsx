// Progress in the browser: the stage and what is left before the
// next, each exercise's level, the program's latest decisions in plain
// sentences with their reasons ("Why?"), a proposed stage to confirm, and a
// level or stage set by hand (logged as an override, with its note). Plus the
// Today card for a proposed stage, a flare-day offer, decisions just made, or
// a change the person's clinician made. A clinician viewing a person (issue
// 21) sees the same screen with the person's name, and sets a level or the
// stage by hand for them, with a note the person then reads.
import { useEffect, useRef, useState } from 'preact/hooks';

import { type Viewed, viewing } from '../account';
import { ApiError, type FieldProblem } from '../api';
import {
  type Decision,
  decisionsMade,
  decisionSubject,
  type Progress,
  progressApi,
  VERDICT_LABELS,
} from '../api_progress';
import { authorLine, clinicianChange, clinicianChangeText, lastStageText, possessive, whose } from '../clinic_words';
import { Alert } from '../components/controls';
import { announce } from '../components/toast';
import { errorText, fieldMessage, loadFailed, longDate, stageTitle, weekdayOf, zonedDateTime, zoneNote } from '../format';
import { call, diaryVersion, lastToday, useDiaryZone, useLoad, useSignal } from '../state';

const NOTE_MAX = 500;

// A rule decision's inputs in words (the CLI's `progress explain` says the same),
// of the person's usual morning to a clinician viewing them.
export function inputLines(d: Decision, viewed: Viewed | null): string[] {
  const i = d.inputs as Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (i === null) return ['The numbers it was decided from are the diary’s, which is not shared with you.'];
  if (d.kind !== 'rule') {
    return Object.entries(i).map(([k, v]) => `${k.replace(/_/g, ' ')}: ${String(v)}`);
  }
  const lines: string[] = [];
  const b = i.baseline;
  if (b?.pain != null) {
    lines.push(
      `${whose(viewed, 'usual morning')}: pain ${b.pain}${b.stiffness != null ? `, stiffness ${b.stiffness} min` : ''} (middle of ${b.mornings} mornings, ${b.first} to ${b.last})`,
    );
  } else if (b) {
    lines.push(`${whose(viewed, 'usual morning')}: not known yet (${b.mornings} logged before the session)`);
  }
  const m = i.next_morning;
  lines.push(
    m
      ? `The next morning (${m.date}): pain ${m.pain}${m.stiffness_minutes != null ? `, stiffness ${m.stiffness_minutes} min` : ''}`
      : 'The next morning: not logged',
  );
  lines.push(i.pain_during != null ? `Most pain during an exercise: ${i.pain_during}/10` : 'Pain during: not rated');
  if (Array.isArray(i.painful_exercises) && i.painful_exercises.length > 0) {
    lines.push(`Above the comfort ceiling: ${i.painful_exercises.join(', ').replace(/_/g, ' ')}`);
  }
  if (i.stopped_for_pain) lines.push('A session was stopped for pain');
  lines.push(i.pain_after != null ? `Pain after, until the next morning: ${i.pain_after}/10` : 'Pain after: not logged');
  lines.push(`Good sessions in a row before this one: ${i.good_sessions_before ?? 0}`);
  // (the warning sign is left out for a clinician not shown the safety answers)
  const paused = i.safety_note ? `Safety: paused (${i.safety_note})` : 'Safety: paused for a warning sign';
  lines.push(i.progression_allowed === false ? paused : 'Safety: no open warning sign');
  return lines;
}

// The full reasoning of one decision, loaded on demand.
function Why({ decision }: { decision: Decision }) {
  const day = useLoad(() => progressApi.decisions(decision.date), [decision.date]);
  const { zone } = useDiaryZone();
  const viewed = useSignal(viewing);
  const d = day.data?.decisions.find((x) => x.id === decision.id) ?? decision;
  const note = zoneNote(zone);
  return (
    <div class="why" id={`why-${decision.id}`}>
      {day.error ? <p class="muted">{errorText(day.error)}</p> : null}
      <h4>Decided from</h4>
      <ul>
        {inputLines(d, viewed).map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <p>
        <strong>Reasons:</strong> {d.reasons.map((r) => r.replace(/_/g, ' ')).join(', ')}
      </p>
      {d.changes.length > 0 ? (
        <>
          <h4>Level changes</h4>
          <ul>
            {d.changes.map((c) => (
              <li key={c.exercise}>
                {c.what} (level {c.from} to {c.to})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {d.note ? (
        <p>
          <strong>Note:</strong> {d.note}
        </p>
      ) : null}
      <p class="muted">
        Recorded {zonedDateTime(d.decided_at, zone)} ({d.channel === 'api' ? 'web app' : d.channel}).
        {note ? ` ${note}` : ''}
      </p>
    </div>
  );
}

// One decision: when, what, the verdict, its sentence, who set it by hand
// (a clinician) with their note, and "Why?".
export function DecisionItem({ d }: { d: Decision }) {
  const [open, setOpen] = useState(false);
  const viewed = useSignal(viewing);
  const by = authorLine(d, viewed !== null);
  const headingId = `decision-${d.id}`;
  return (
    <li class="decision" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span>
          {longDate(d.date)} · {decisionSubject(d)}
        </span>{' '}
        <span class={`badge verdict-${d.verdict}`}>{VERDICT_LABELS[d.verdict]}</span>
      </h3>
      <p>{d.sentence}</p>
      {by ? (
        <p class="decision-author">
          <strong>{by}</strong>
          {d.note ? <>: “{d.note}”</> : '.'}
        </p>
      ) : null}
      <button type="button" class="link-button" aria-expanded={open} aria-controls={`why-${d.id}`} onClick={() => setOpen(!open)}>
        {open ? 'Hide why' : 'Why?'}
      </button>
      {open ? <Why decision={d} /> : null}
    </li>
  );
}

function Criteria({ p, viewed }: { p: Progress; viewed: Viewed | null }) {
  if (!p.stage_exit) return <p>{lastStageText(viewed)}</p>;
  return (
    <>
      <p>
        Moving on to stage {p.stage + 1}: {p.stage_exit}
      </p>
      <ul class="criteria">
        {p.criteria.map((c) => (
          <li key={c.text} class={c.met ? 'met' : 'not-met'}>
            <span aria-hidden="true" class="criterion-mark">
              {c.met ? '✓' : '○'}
            </span>
            <span class="visually-hidden">{c.met ? 'Done: ' : 'Not yet: '}</span>
            {c.text}
          </li>
        ))}
      </ul>
    </>
  );
}

function Proposal({ p, onDone, viewed }: { p: Progress; onDone: () => void; viewed: Viewed | null }) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!p.proposal) return null;
  if (viewed) {
    // Moving on is the person's own word.
    return (
      <section class="card proposal-card" aria-labelledby="proposal-title">
        <h2 id="proposal-title">Stage {p.proposal.stage} is ready</h2>
        <p>
          {viewed.name} has met everything stage {p.stage} asks. Moving on waits for their word; you can also set the
          stage by hand below.
        </p>
      </section>
    );
  }
  const confirm = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const d = await call(() => progressApi.confirm());
      announce(d.sentence);
      onDone();
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section class="card proposal-card" aria-labelledby="proposal-title">
      <h2 id="proposal-title">Stage {p.proposal.stage} is ready when you are</h2>
      <p>
        You have met everything stage {p.stage} asks. Moving on keeps the levels you have reached; you can set the stage
        back by hand at any time.
      </p>
      <Alert text={problem} />
      <button type="button" class="button primary" disabled={saving} onClick={() => void confirm()}>
        {saving ? 'Moving on…' : `Move on to stage ${p.proposal.stage}`}
      </button>
    </section>
  );
}

function problemsByField(e: unknown): { summary: string; fields: Record<string, FieldProblem> } {
  const fields: Record<string, FieldProblem> = {};
  if (e instanceof ApiError) for (const f of e.problem.errors ?? []) fields[f.field] = f;
  return { summary: errorText(e), fields };
}

// The latest decisions, newest first, or what comes before the first.
export function DecisionList({ decisions, viewed }: { decisions: Decision[]; viewed: Viewed | null }) {
  if (decisions.length === 0) {
    return (
      <p class="muted">
        {viewed
          ? `None yet. After a session, the program decides from how ${possessive(viewed.name)} next morning compares with their usual one.`
          : 'None yet. After a session, log the next morning: the program decides from how that morning compares with your usual one.'}
      </p>
    );
  }
  return (
    <ol class="decision-list">
      {decisions.map((d) => (
        <DecisionItem key={d.id} d={d} />
      ))}
    </ol>
  );
}

// What a clinician's note must have: a few words the person will read.
export const CLINICIAN_NOTE_NEEDED = 'Please say why, in a few words: they will read this note with your name.';

// A level or the stage set by hand: logged as an override, with the note. A
// clinician viewing a person sets them for that person (person=<id>), and
// their note is asked for: the person reads it with their name.
function SetByHand({ p, onDone, viewed }: { p: Progress; onDone: () => void; viewed: Viewed | null }) {
  const exercises = p.routines.flatMap((r) => r.exercises);
  const unique = exercises.filter((e, i) => exercises.findIndex((x) => x.exercise === e.exercise) === i);
  const [exercise, setExercise] = useState(unique[0]?.exercise ?? '');
  const chosen = unique.find((e) => e.exercise === exercise);
  const [level, setLevel] = useState(chosen?.level ?? 1);
  const [stage, setStage] = useState(p.stage);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [noteMissing, setNoteMissing] = useState(false);
  const [problem, setProblem] = useState<{ summary: string; fields: Record<string, FieldProblem> } | null>(null);

  const run = async (f: () => Promise<Decision>) => {
    setNoteMissing(false);
    if (viewed && note.trim() === '') {
      setNoteMissing(true);
      document.getElementById('by-hand-note')?.focus();
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const d = await call(f);
      announce(d.sentence);
      setNote('');
      onDone();
    } catch (e) {
      setProblem(problemsByField(e));
    } finally {
      setSaving(false);
    }
  };
  const noteError = problem?.fields.note ?? noteMissing;
  return (
    <section class="card by-hand" aria-labelledby="by-hand-title" id="by-hand">
      <h2 id="by-hand-title">{viewed ? `Adjust ${possessive(viewed.name)} program` : 'Set by hand'}</h2>
      {viewed ? (
        <p class="muted">
          Set a stage, or an exercise's level: a lower level is its easier version, a higher one its harder version. It
          is logged as a change made by you, and {viewed.name} sees it with your name and your note; the program carries
          on from there.
        </p>
      ) : (
        <p class="muted">
          For when you or your clinician know better. It is logged as an override, with your note, among the decisions
          above; the program carries on from there.
        </p>
      )}
      {problem ? (
        <div class="notice warn" role="alert">
          <p>{problem.summary}</p>
          <ul>
            {Object.values(problem.fields).map((f) => (
              <li key={f.field}>
                {f.field}: {fieldMessage(f)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="field">
        <label for="by-hand-note">{viewed ? `Note for ${viewed.name} (why)` : 'Note (who and why)'}</label>
        {viewed ? (
          <p class="hint" id="by-hand-note-hint">
            Needed: {viewed.name} reads it with your name.
          </p>
        ) : null}
        <input
          id="by-hand-note"
          value={note}
          maxLength={NOTE_MAX}
          placeholder={viewed ? 'easier version while the knee settles' : 'physio, 28 Nov'}
          required={viewed ? true : undefined}
          aria-describedby={viewed ? `by-hand-note-hint${noteMissing ? ' by-hand-note-error' : ''}` : undefined}
          aria-invalid={noteError ? true : undefined}
          onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
        />
        {noteMissing ? (
          <p class="field-error" id="by-hand-note-error" role="alert">
            Nothing was set yet. {CLINICIAN_NOTE_NEEDED}
          </p>
        ) : null}
      </div>
      <form
        class="inline-form"
        aria-label="Set a level"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => progressApi.setLevel(exercise, level, note));
        }}
      >
        <label class="grow">
          Exercise
          <select
            value={exercise}
            onChange={(e) => {
              const id = (e.currentTarget as HTMLSelectElement).value;
              setExercise(id);
              setLevel(unique.find((x) => x.exercise === id)?.level ?? 1);
            }}
          >
            {unique.map((e) => (
              <option key={e.exercise} value={e.exercise}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Level
          <select value={level} onChange={(e) => setLevel(Number((e.currentTarget as HTMLSelectElement).value))}>
            {Array.from({ length: chosen?.levels ?? 1 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n} of {chosen?.levels ?? 1}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button" disabled={saving || !chosen}>
          Set level
        </button>
      </form>
      <form
        class="inline-form"
        aria-label="Set the stage"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => progressApi.setStage(stage, note));
        }}
      >
        <label class="grow">
          Stage
          <select value={stage} onChange={(e) => setStage(Number((e.currentTarget as HTMLSelectElement).value))}>
            {Array.from({ length: p.stages }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                Stage {n}
                {n === p.stage ? ' (now)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button" disabled={saving}>
          Set stage
        </button>
      </form>
    </section>
  );
}

// /progress
export function ProgressScreen() {
  const version = useSignal(diaryVersion);
  const viewed = useSignal(viewing);
  const [tick, setTick] = useState(0);
  const loaded = useLoad(() => progressApi.progress(8), [version, tick]);
  const p = loaded.data;
  const reload = () => setTick((t) => t + 1);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Decisions seen here need no notice on Today.
    if (p) decisionsMade.set([]);
  }, [p]);
  return (
    <div class="screen progress">
      <h1 tabIndex={-1} ref={heading}>
        {whose(viewed, 'progress')}
      </h1>
      {loaded.error && !p ? (
        <div class="notice info" role="status">
          <p>
            {loadFailed(`${whose(viewed, 'progress')} cannot be loaded`, loaded.error)}
          </p>
        </div>
      ) : !p ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          {p.flare_offer && !viewed ? (
            <div class="notice info" role="status">
              <p>
                This morning was a bad one after {weekdayOf(p.flare_offer.date)}'s session: today, try the gentle flare-day
                routine instead. <a href="/session/flare">Start the flare-day routine</a>
              </p>
            </div>
          ) : null}
          <Proposal p={p} onDone={reload} viewed={viewed} />
          <section class="card" aria-labelledby="stage-title">
            <h2 id="stage-title">{stageTitle(p)}</h2>
            <Criteria p={p} viewed={viewed} />
            {p.waiting.length > 0 ? (
              <>
                <h3>Waiting for a morning</h3>
                <ul>
                  {p.waiting.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section aria-labelledby="decisions-title">
            <h2 id="decisions-title">Latest decisions</h2>
            <DecisionList decisions={p.decisions} viewed={viewed} />
          </section>
          <section class="card" aria-labelledby="levels-title">
            <h2 id="levels-title">{whose(viewed, 'levels')}</h2>
            {p.routines.map((r) => (
              <div key={r.routine}>
                <h3>{r.title}</h3>
                <ul class="level-list">
                  {r.exercises.map((e) => (
                    <li key={e.listed}>
                      <span>
                        <a href={`/exercises/${e.exercise}`}>
                          <strong>{e.name}</strong>
                        </a>
                        {e.exercise !== e.listed ? <span class="muted"> (for {e.listed_name})</span> : null}
                        <br />
                        <span class="muted">{e.dose}</span>
                      </span>
                      <span class="level">
                        level {e.level} of {e.levels}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <p>
              <a href="/exercises">All exercises</a>
            </p>
          </section>
          <SetByHand key={`${p.stage}-${p.decisions[0]?.id ?? 0}`} p={p} onDone={reload} viewed={viewed} />
          <p class="muted">{p.rule}</p>
        </>
      )}
    </div>
  );
}

// Changes a clinician made that the person has put away (decision ids), on this device.
const PUT_AWAY_KEY = 'daybreak.clinician-changes-seen.v1';

function putAway(): number[] {
  try {
    const v = JSON.parse(localStorage.getItem(PUT_AWAY_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  } catch {
    return [];
  }
}

function putAwayChange(id: number): void {
  try {
    localStorage.setItem(PUT_AWAY_KEY, JSON.stringify([id, ...putAway()].slice(0, 50)));
  } catch {
    /* no storage: it shows again next time */
  }
}

// Today, for the person: what their clinician changed lately, with the note.
function ClinicianChangeCard({ d, onPutAway }: { d: Decision; onPutAway: () => void }) {
  return (
    <section class="card clinician-change" aria-labelledby="clinician-change-title" id="clinician-change">
      <h2 id="clinician-change-title">Your clinician changed your program</h2>
      <p>{clinicianChangeText(d)}</p>
      {d.note ? (
        <p>
          <strong>{d.author?.name}’s note:</strong> “{d.note}”
        </p>
      ) : null}
      <div class="button-row">
        <a class="button" href="/progress">
          See your progress
        </a>
        <button type="button" class="link-button" onClick={onPutAway}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

// Today: decisions just made, a stage waiting for the person's word, a
// flare-day routine offered after a bad morning, or what their clinician
// changed lately.
export function ProgressCard() {
  const made = useSignal(decisionsMade);
  const version = useSignal(diaryVersion);
  const viewed = useSignal(viewing);
  const today = useSignal(lastToday);
  const [, setPutAway] = useState(0);
  const loaded = useLoad(() => progressApi.progress(5), [version, made.length]);
  const p = loaded.data;
  const cards = [];
  const changed = p && today && !viewed ? clinicianChange(p.decisions, today.date, putAway()) : null;
  if (changed) {
    cards.push(
      <ClinicianChangeCard
        key="clinician"
        d={changed}
        onPutAway={() => {
          putAwayChange(changed.id);
          setPutAway((n) => n + 1);
        }}
      />,
    );
  }
  if (made.length > 0) {
    cards.push(
      <section class="card decisions-card" aria-labelledby="made-title" key="made">
        <h2 id="made-title">The program decided</h2>
        <ul>
          {made.map((d) => (
            <li key={d.id}>
              <strong>{decisionSubject(d)}:</strong> {d.sentence}
            </li>
          ))}
        </ul>
        <div class="button-row">
          <a class="button" href="/progress">
            See why
          </a>
          <button type="button" class="link-button" onClick={() => decisionsMade.set([])}>
            Dismiss
          </button>
        </div>
      </section>,
    );
  }
  if (p?.proposal) {
    cards.push(
      <section class="card" aria-labelledby="stage-ready-title" key="stage">
        <h2 id="stage-ready-title">Stage {p.proposal.stage} is ready</h2>
        <p class="muted">
          {viewed
            ? `${viewed.name} has met everything stage ${p.stage} asks; moving on waits for their word.`
            : `You have met everything stage ${p.stage} asks. Move on when you are ready.`}
        </p>
        <a class="button primary" href="/progress">
          {viewed ? 'See the progress' : 'See and confirm'}
        </a>
      </section>,
    );
  }
  if (p?.flare_offer && !viewed) {
    cards.push(
      <section class="card" aria-labelledby="flare-title" key="flare">
        <h2 id="flare-title">A gentler day</h2>
        <p class="muted">This morning was a bad one after the last session: today, try the flare-day routine instead.</p>
        <a class="button primary" href="/session/flare">
          Flare-day routine
        </a>
      </section>,
    );
  }
  return cards.length > 0 ? <>{cards}</> : null;
}

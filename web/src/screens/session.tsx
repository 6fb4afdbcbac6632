// Do a session: the guided player. It plays the plan the C++ core expands
// (GET /api/session-plans/{routine}, the same step list as the terminal
// player) with the same rules (session/player.ts): pain before, a big
// countdown, progress, each step's cue (spoken if wanted), pause, skip, stop
// with a reason, the comfort check after each exercise; then it saves the
// result (POST /api/sessions) under one idempotency key, retried until stored.
import { useEffect, useRef, useState } from 'preact/hooks';

import { viewing } from '../account';
import { api, ApiError, apiPath, type NewSession, type ProgramStatus, type Routine, type SessionPlan, type SessionRecord, type StopReason, type Today } from '../api';
import { whose } from '../clinic_words';
import { Scale } from '../components/controls';
import { HintButton } from '../components/hint';
import { Icon } from '../components/icons';
import { FigurePoses, StepFigure } from '../components/figure';
import { noteDecisions } from '../api_progress';
import { announce } from '../components/toast';
import { datesInWords, fieldMessage, loadFailed, minutes, problemSummary, ROUTINE_LABELS, stageTitle, UNREACHABLE, zoned, zonedStamp } from '../format';
import { askBeforeLeaving } from '../router';
import { sessionRefusalText } from '../session_words';
import { PAIN_DURING_CEILING, Player } from '../session/player';
import { lastToday, reachable, useLoad, useSignal } from '../state';
import { GateNotice, sessionOpen, StaleGateLine, useGate } from './safety';

export const ROUTINES: Routine[] = ['morning', 'evening', 'flare'];
const TICK_MS = 200;
const SPEECH_KEY = 'daybreak.speech';
const PENDING_KEY = 'daybreak.session.pending.v1'; // the last result not yet stored

// How long, for people: "10 min 41 s".
export function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (m === 0) return `${s} s`;
  return s === 0 ? minutes(m) : `${minutes(m)} ${s} s`;
}

// The countdown's face: "0:45", "12:03".
export function clock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

// Whether sending a session again can succeed: not after daybreak said no
// (a 4xx: the safety gate, or data it cannot take), only when it could not
// be reached or failed (5xx).
function retryable(e: unknown): boolean {
  return !(e instanceof ApiError) || e.problem.status >= 500 || e.problem.status === 0;
}


function problemText(e: ApiError): string {
  const fields = e.problem.errors?.map((f) => `${f.field}: ${fieldMessage(f)}`).join('; ');
  return fields ? `${problemSummary(e.problem)} ${fields}` : problemSummary(e.problem);
}

// Now, as the API takes it: RFC 3339 in UTC, whole seconds.
function utcNow(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

export function isRoutine(r: string | undefined): r is Routine {
  return ROUTINES.includes(r as Routine);
}

// /session: the three routines of the person's stage.
export function SessionChooser() {
  const online = useSignal(reachable);
  const program = useLoad(() => api.program(), [online]);
  const gate = useGate();
  return (
    <div class="screen session">
      <h1 tabIndex={-1}>Do a session</h1>
      <PendingNotice />
      {gate.gate ? <GateNotice gate={gate.gate} /> : null}
      {gate.gate && gate.gate.status !== 'ok' ? <StaleGateLine shown={gate} /> : null}
      {program.error ? (
        <div class="notice info" role="status">
          <p>{loadFailed('The program cannot be loaded', program.error)}</p>
        </div>
      ) : !program.data ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <p class="muted">
            {program.data.program_name}. {stageTitle(program.data)}.{' '}
            <a href="/progress">Your progress</a>
          </p>
          <ul class="routine-list">
            {program.data.routines.map((r) => (
              <li key={r.routine} class="card">
                <h2>{ROUTINE_LABELS[r.routine]}</h2>
                <p>{r.title}</p>
                <p class="muted">
                  {r.exercises} exercises, about {duration(r.total_seconds)}
                </p>
                {sessionOpen(gate.gate, r.routine) ? (
                  <a class={`button${r.routine === 'morning' ? ' primary' : ''}`} href={`/session/${r.routine}`}>
                    Start <span class="visually-hidden">{ROUTINE_LABELS[r.routine].toLowerCase()}</span>
                  </a>
                ) : (
                  <p class="muted">Not now: see above.</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/exercises">All exercises, with how to do each one</a>
      </p>
    </div>
  );
}

// Today's card: the stage, and the routines for this morning and tonight,
// each ticked once a session of it was begun today.
export function ProgramCard({ today }: { today?: Today | null | undefined }) {
  const online = useSignal(reachable);
  const program = useLoad(() => api.program(), [online]);
  const shown = useGate();
  const gate = shown.gate;
  const p: ProgramStatus | null = program.data;
  // A clinician viewing a person sees the program, not its session buttons.
  const viewed = useSignal(viewing);
  const readOnly = viewed !== null;
  if (!p) return null;
  const closed = readOnly || (gate !== null && gate.status !== 'ok');
  const routine = (r: Routine) => p.routines.find((x) => x.routine === r);
  return (
    <section class="card program-card" aria-labelledby="program-title">
      <h2 id="program-title">{readOnly ? 'Their program' : 'Your program'}</h2>
      <p class="muted">
        {stageTitle(p)} · <a href="/progress">{readOnly ? 'Progress' : 'Your progress'}</a>
      </p>
      {closed && !readOnly ? (
        <p class="muted">
          {gate!.status === 'check_needed'
            ? 'Sessions wait for the safety check.'
            : gate!.status === 'paused'
              ? 'Only the flare-day routine until a clinician has seen you.'
              : 'Sessions are locked until a clinician has seen you.'}{' '}
          <a href={gate!.status === 'paused' ? '/session' : '/safety'}>What to do</a>
        </p>
      ) : null}
      <div class="button-row">
        {(['morning', 'evening'] as const).map((r) => {
          const x = routine(r);
          return x && !closed ? (
            today?.week?.done_today.includes(r) ? (
              <a key={r} class="button done" href={`/session/${r}`}>
                <Icon name="check" size={18} /> {ROUTINE_LABELS[r]} · done today
              </a>
            ) : (
              <a key={r} class="button" href={`/session/${r}`}>
                {ROUTINE_LABELS[r]} · {duration(x.total_seconds)}
              </a>
            )
          ) : null;
        })}
      </div>
      <p>
        <a
          href={apiPath(`/api/program/handout.pdf?stage=${p.stage}`)}
          download={`daybreak-program-stage-${p.stage}.pdf`}
        >
          Print {whose(viewed, 'home program', true)}
        </a>{' '}
        <span class="muted">(a PDF of stage {p.stage}: each exercise with its figure, dose and steps)</span>
      </p>
    </section>
  );
}

// /session/:routine: the player.
export function SessionScreen({ routine }: { routine: Routine }) {
  const plan = useLoad(() => api.plan(routine), [routine]);
  return (
    <div class="screen session">
      {plan.error ? (
        <>
          <h1 tabIndex={-1}>{ROUTINE_LABELS[routine]}</h1>
          {plan.error instanceof ApiError && plan.error.problem.status === 409 ? (
            // The safety gate said no (docs/safety.md): say why, plainly.
            <div class="notice warn" role="alert">
              <p>{problemText(plan.error)}</p>
              {plan.error.problem.details?.length ? (
                <ul>
                  {plan.error.problem.details.map((d) => (
                    <li key={d}>{datesInWords(d)}</li>
                  ))}
                </ul>
              ) : null}
              <HintButton hint={plan.error.problem.hint} />
            </div>
          ) : (
            <div class="notice info" role="status">
              <p>{loadFailed('The session cannot be loaded', plan.error)}</p>
            </div>
          )}
        </>
      ) : !plan.data ? (
        <>
          <h1 tabIndex={-1}>{ROUTINE_LABELS[routine]}</h1>
          <p class="muted">Loading…</p>
        </>
      ) : (
        <Play plan={plan.data} />
      )}
    </div>
  );
}

function speechWanted(): boolean {
  return typeof speechSynthesis !== 'undefined' && localStorage.getItem(SPEECH_KEY) !== 'off';
}

function say(text: string): void {
  if (typeof speechSynthesis === 'undefined') return;
  speechSynthesis.cancel();
  speechSynthesis.speak(new SpeechSynthesisUtterance(text));
}

interface Pending {
  key: string;
  session: NewSession;
}

function Play({ plan }: { plan: SessionPlan }) {
  const player = useRef(new Player(plan)).current;
  const started = useRef<string>('');
  const key = useRef<string>(crypto.randomUUID()).current; // one per session, kept across retries
  const [, setTick] = useState(0);
  const [speech, setSpeech] = useState(speechWanted());
  const [pain, setPain] = useState<number | undefined>(undefined);
  const spoken = useRef(0);
  const refresh = () => setTick((t) => t + 1);
  const now = () => performance.now();

  // The clock: time runs while playing; the screen follows it.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (player.phase === 'playing') {
        player.advance(now());
        refresh();
      }
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [player]);

  // Each step's cue is said when it begins, and the comfort question too.
  useEffect(() => {
    if (!speech || player.stepStarted === spoken.current) return;
    spoken.current = player.stepStarted;
    if (player.phase === 'playing') say(player.currentStep().cue);
  });
  useEffect(() => () => (typeof speechSynthesis !== 'undefined' ? speechSynthesis.cancel() : undefined), []);

  // Start is pressed at the foot of a long page: the player opens at the top,
  // the exercise's name and the countdown in view (on a phone too).
  const begun = useRef(false);
  useEffect(() => {
    if (begun.current || player.phase === 'pain_before') return;
    begun.current = true;
    document.querySelector('main')?.scrollTo(0, 0);
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('h1.session-exercise')?.focus({ preventScroll: true });
  });

  const act = (f: () => void) => () => {
    f();
    refresh();
  };
  const toggleSpeech = (on: boolean) => {
    localStorage.setItem(SPEECH_KEY, on ? 'on' : 'off');
    setSpeech(on);
    if (!on && typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  };

  const t = now();
  // Under way, the session is not left without a word: a link, back or a
  // reload would lose it (Stop ends it and keeps what was done).
  const underWay = !player.over && player.phase !== 'pain_before' && player.phase !== 'cancelled';
  useEffect(() => {
    askBeforeLeaving(underWay ? 'Leave the session? What you have done so far is not saved; Stop keeps it.' : null);
  }, [underWay]);
  useEffect(() => () => askBeforeLeaving(null), []);

  const step = player.phase === 'pain_before' ? null : player.currentStep();
  const exercise = step ? plan.exercises[step.exercise]! : null;
  const total = plan.total_seconds * 1000;

  if (player.phase === 'pain_before' || player.phase === 'cancelled') {
    return (
      <>
        <h1 tabIndex={-1}>{plan.title}</h1>
        <p class="muted">
          Stage {plan.stage} · {plan.exercises.length} exercises · about {duration(plan.total_seconds)}
        </p>
        {player.phase === 'cancelled' ? (
          <div class="notice info" role="status">
            <p>You left before the first step; nothing was saved.</p>
            <a class="button" href="/">
              Back to today
            </a>
          </div>
        ) : (
          <>
            {plan.intro && <p class="lead">{plan.intro}</p>}
            <ol class="plan-exercises">
              {plan.exercises.map((e) => (
                <li key={e.first_step}>
                  <strong>{e.name}</strong> <span class="muted">{e.dose_text}</span>
                </li>
              ))}
            </ol>
            <form
              class="card stack"
              onSubmit={(e) => {
                e.preventDefault();
                if (pain === undefined) return;
                started.current = utcNow();
                player.begin(pain, now());
                refresh();
              }}
            >
              <Scale name="pain_before" legend="Pain now, before you start" value={pain} onChange={setPain} low="no pain" high="worst imaginable" />
              <SpeechToggle on={speech} onChange={toggleSpeech} />
              <div class="button-row">
                <button class="button primary" type="submit" disabled={pain === undefined}>
                  Start
                </button>
                <button type="button" class="link-button" onClick={act(() => player.cancel())}>
                  Not now
                </button>
              </div>
            </form>
          </>
        )}
      </>
    );
  }

  if (player.over) {
    const result = player.result();
    return (
      <Finished
        plan={plan}
        player={player}
        pending={{
          key,
          session: { program: plan.program, stage: plan.stage, routine: plan.routine, started_at: started.current, ...result },
        }}
      />
    );
  }

  const remaining = player.stepRemaining(t);
  const progress = player.progress(t);
  return (
    <>
      <h1 tabIndex={-1} class="session-exercise">
        {exercise!.name}
      </h1>
      <p class="muted">
        Exercise {step!.exercise + 1} of {plan.exercises.length} · {exercise!.dose_text}
      </p>
      <div class="player card" data-phase={player.phase}>
        {exercise!.figure && (
          <StepFigure
            data={exercise!.figure}
            step={step!}
            elapsedMs={step!.seconds * 1000 - remaining}
            tempo={exercise!.dose?.tempo}
            label={`${exercise!.name}: ${step!.text}`}
          />
        )}
        <p class="step-text" aria-live="polite">
          {step!.text}
        </p>
        <div class="countdown" role="timer" aria-label="Time left in this step">
          {clock(remaining)}
        </div>
        <p class="cue">{step!.cue}</p>
        <label class="progress-label">
          <span>
            Session: {clock(progress)} of {clock(total)}
          </span>
          <progress max={total} value={progress} aria-label="Session progress" />
        </label>

        {player.overCeiling !== null && (
          <div class="notice warn" role="alert">
            <p>
              Pain went above {PAIN_DURING_CEILING}/10 during {plan.exercises[player.overCeiling]!.name}. Next time do less of it, or its easier
              version; stop it if pain spreads down a leg.
            </p>
          </div>
        )}

        {player.phase === 'comfort' ? (
          <Comfort key={player.askingAbout} name={plan.exercises[player.askingAbout]!.name} onAnswer={(p) => act(() => player.comfort(p, now()))()} />
        ) : player.phase === 'stop_reason' ? (
          <fieldset class="card stack stop-reason">
            <legend>Why stop?</legend>
            <div class="button-row">
              {(['pain', 'time', 'other'] as StopReason[]).map((r) => (
                <button key={r} type="button" class="button" onClick={act(() => player.stop(r, now()))}>
                  {r === 'pain' ? 'Pain' : r === 'time' ? 'No time' : 'Something else'}
                </button>
              ))}
              <button type="button" class="button primary" onClick={act(() => player.carryOn())}>
                Carry on
              </button>
            </div>
          </fieldset>
        ) : (
          <div class="button-row player-controls">
            <button type="button" class="button primary" aria-pressed={player.phase === 'paused'} onClick={act(() => player.togglePause(now()))}>
              {player.phase === 'paused' ? 'Resume' : 'Pause'}
            </button>
            <button type="button" class="button" onClick={act(() => player.skipStep(now()))}>
              Skip step
            </button>
            <button type="button" class="button" onClick={act(() => player.skipExercise(now()))}>
              Skip exercise
            </button>
            <button type="button" class="button danger-outline" onClick={act(() => player.askStop(now()))}>
              Stop
            </button>
          </div>
        )}
        <SpeechToggle on={speech} onChange={toggleSpeech} />
      </div>
      {step!.type === 'ready' && exercise!.instructions.length > 0 && (
        <section class="card" aria-labelledby="how-title">
          <h2 id="how-title">How to do it</h2>
          {exercise!.figure && <FigurePoses data={exercise!.figure} label={`${exercise!.name}, start and end: ${exercise!.instructions.join(' ')}`} />}
          <ol>
            {exercise!.instructions.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function SpeechToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  if (typeof speechSynthesis === 'undefined') return null;
  return (
    <label class="toggle-line">
      <input type="checkbox" checked={on} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} /> Speak the cues aloud
    </label>
  );
}

function Comfort({ name, onAnswer }: { name: string; onAnswer: (pain: number | null) => void }) {
  const [pain, setPain] = useState<number | undefined>(undefined);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLInputElement>('input')?.focus(), []);
  return (
    <form
      ref={ref}
      class="card stack comfort"
      onSubmit={(e) => {
        e.preventDefault();
        onAnswer(pain ?? null);
      }}
    >
      <Scale
        name="pain_during"
        legend={`Pain during ${name}`}
        hint={`Up to ${PAIN_DURING_CEILING} is fine`}
        value={pain}
        onChange={setPain}
        low="no pain"
        high="worst imaginable"
      />
      <div class="button-row">
        <button class="button primary" type="submit" disabled={pain === undefined}>
          Next
        </button>
        <button type="button" class="link-button" onClick={() => onAnswer(null)}>
          No answer
        </button>
      </div>
    </form>
  );
}

function loadPending(): Pending | null {
  try {
    return JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null') as Pending | null;
  } catch {
    return null;
  }
}

// A session played while daybreak could not be reached, still on this device.
function PendingNotice() {
  const [pending, setPending] = useState(loadPending());
  const [error, setError] = useState<string | null>(null);
  if (!pending) return null;
  const send = async () => {
    try {
      await api.saveSession(pending.session, pending.key);
      localStorage.removeItem(PENDING_KEY);
      setPending(null);
      announce('Session saved');
    } catch (e) {
      if (!retryable(e)) {
        localStorage.removeItem(PENDING_KEY); // it can never be stored: no button that cannot succeed
        setPending(null);
        announce(sessionRefusalText(e as ApiError), 'warn');
        return;
      }
      setError(e instanceof ApiError ? problemText(e) : UNREACHABLE);
    }
  };
  return (
    <div class="notice warn" role="status">
      <p>
        A {pending.session.routine} session from {zonedStamp(pending.session.started_at, lastToday.value?.time_zone)} is on this device and has
        not reached daybreak yet. {error}
      </p>
      <button type="button" class="button" onClick={() => void send()}>
        Send it now
      </button>
    </div>
  );
}

// The end: the result is kept on this device first, then sent with its key
// until daybreak has it (a retry stores nothing twice).
function Finished({ plan, player, pending }: { plan: SessionPlan; player: Player; pending: Pending }) {
  const [saved, setSaved] = useState<SessionRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    try {
      const record = await api.saveSession(pending.session, pending.key);
      localStorage.removeItem(PENDING_KEY);
      setSaved(record);
      setError(null);
      announce('Session saved');
      if (noteDecisions(record) > 0) announce('The program made a decision from it: see Today.', 'info');
    } catch (e) {
      if (!retryable(e)) {
        localStorage.removeItem(PENDING_KEY);
        setRefused(e as ApiError);
        setError(null);
      } else {
        setError(e instanceof ApiError ? problemText(e) : 'daybreak cannot be reached; the session waits on this device. Try again when it is back.');
      }
    } finally {
      setSending(false);
    }
  };
  useEffect(() => {
    localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    void send();
  }, []);
  const work = player.workCounts();
  const result = pending.session;
  return (
    <>
      <h1 tabIndex={-1}>{saved ? 'Session saved' : result.stop_reason ? 'Session stopped' : 'Session done'}</h1>
      <div class="card stack">
        <p>
          {plan.title}: {work.done} of {work.total} exercise steps done{work.skipped ? `, ${work.skipped} skipped` : ''}, in{' '}
          {duration(result.duration_seconds)}. Pain before: {result.pain_before}/10.
          {result.stop_reason ? ` Stopped early: ${result.stop_reason}.` : ''}
        </p>
        <table class="comfort-table">
          <caption>Comfort check: pain during each exercise, 0-10</caption>
          <tbody>
            {plan.exercises.map((e, i) => (
              <tr key={i}>
                <th scope="row">{e.name}</th>
                <td>{result.pain_during[i] ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {error && (
          <div class="notice warn" role="alert">
            <p>{error}</p>
            <button type="button" class="button" disabled={sending} onClick={() => void send()}>
              Try again
            </button>
          </div>
        )}
        {refused && (
          <div class="notice warn" role="alert">
            <p>{sessionRefusalText(refused)}</p>
            <HintButton hint={refused.problem.hint} primary={false} />
          </div>
        )}
        {refused ? null : (
          <p>Tomorrow morning, log how your back is: the program judges today by how your next morning goes.</p>
        )}
        <div class="button-row">
          <a class="button primary" href="/">
            Back to today
          </a>
          <a class="button" href="/see">
            See your sessions
          </a>
        </div>
      </div>
    </>
  );
}

// See: sessions done per week, with the comfort check at its highest.
export function SessionsSection({ from, to }: { from: string; to: string }) {
  const loaded = useLoad(() => api.sessions(500), []);
  const zone = useSignal(lastToday)?.time_zone; // the diary's days and clock
  const sessions = (loaded.data?.sessions ?? []).filter((s) => {
    const day = zoned(s.started_at, zone).date;
    return day >= from && day <= to;
  });
  if (!loaded.data) return null;
  const done = sessions.filter((s) => s.completed).length;
  return (
    <section class="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions done</h2>
      {sessions.length === 0 ? (
        <p class="muted">
          No sessions in this range. <a href="/session">Do a session</a>.
        </p>
      ) : (
        <>
          <p class="chart-caption">
            {sessions.length} session{sessions.length === 1 ? '' : 's'}, {done} played to the end.
          </p>
          <table>
            <caption class="visually-hidden">Sessions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Routine</th>
                <th scope="col">Steps done</th>
                <th scope="col">Pain before</th>
                <th scope="col">Most pain during</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const during = s.exercises.map((e) => e.pain_during).filter((p): p is number => p !== null);
                return (
                  <tr key={s.id}>
                    <th scope="row">{zonedStamp(s.started_at, zone)}</th>
                    <td>{s.routine}</td>
                    <td>
                      {s.work_steps.done}/{s.work_steps.total}
                      {s.stop_reason ? ` (stopped: ${s.stop_reason})` : ''}
                    </td>
                    <td>{s.pain_before}</td>
                    <td>{during.length ? Math.max(...during) : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

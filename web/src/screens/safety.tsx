// The safety check in the browser (docs/safety.md): the questions
// of a check as yes/no pairs, the answers recorded with POST
// /api/safety/checks, and what they mean in plain words. Plus the Today card
// that says when a check is needed. daybreak is not a diagnosis: the wording
// points to a doctor whenever a warning sign is raised. A clinician viewing a
// person (issue 21) sees their safety state, and records there that a
// clinician has seen them when a warning sign waits for it.
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import { deviceOwner, type Viewed, viewedShares, viewing } from '../account';
import {
  api,
  ApiError,
  type SafetyCheckKind,
  type SafetyCheckResult,
  type SafetyGate,
  type SafetyMessage,
  type SafetyQuestion,
  type YesNo,
} from '../api';
import {
  keptGate,
  knownEmergencyNumber,
  loadGate,
  ownGateRead,
  safetyReviewApi,
  type ClinicianSeenResult,
} from '../api_safety';
import { Alert } from '../components/controls';
import { ErrorSummary } from '../components/error_summary';
import { EmergencyStop, QUICK_CHECK, telHref } from '../components/emergency_stop';
import { datesInWords, fieldMessage, loadFailed, longDate, problemSummary, sentence, zonedDay, zonedStamp } from '../format';
import type { OutboxItem } from '../outbox';
import { diaryVersion, lastToday, reachable, useDiaryZone, useLoad, useOutbox, useSignal } from '../state';

const NOT_A_DIAGNOSIS = 'daybreak is not a diagnosis. If you are worried, speak to a doctor, whatever these answers say.';

// "Monday 30 November": the day of a check or a review, on the diary's clock.
// Never of no instant: a sentence that names a day says it only when there is one.
function day(instant: string, zone: string | undefined): string {
  return zonedDay(instant, zone);
}

// Warning signs are open that only a clinician's review closes.
function awaitingClinician(gate: SafetyGate): boolean {
  return gate.emergency.length > 0 || gate.urgent.length > 0;
}

// The safety gate as a screen shows it. Read again when the connection
// comes back and when the diary changed (a yes logged or imported), never
// only once. While daybreak cannot answer, the person's own screens show the
// gate they were last given on this device (`asOf`: when), so a lock never
// disappears with the connection; a clinician viewing a person gets only
// what was read for them on this screen.
export interface ShownGate {
  gate: SafetyGate | null;
  stale: boolean; // daybreak could not be asked just now: this is what it said before
  asOf: { at: string; zone: string | undefined } | null; // when a stale gate was read, if known
  error: unknown; // why it could not be asked just now, or null
  reload: () => void;
}

export function useGate(): ShownGate {
  const online = useSignal(reachable);
  const version = useSignal(diaryVersion);
  const viewed = useSignal(viewing);
  // A person viewed who does not share their safety checks: nothing to ask.
  const asks = viewedShares('safety', viewed);
  const loaded = useLoad(() => (asks ? loadGate() : Promise.resolve(null)), [online, version, viewed?.id ?? null, asks]);
  const { error, reload } = loaded;
  if (!error) return { gate: loaded.data, stale: false, asOf: null, error, reload };
  const kept = viewed ? null : keptGate(deviceOwner());
  if (kept) return { gate: kept.gate, stale: true, asOf: { at: kept.read_at, zone: kept.zone }, error, reload };
  return { gate: loaded.data, stale: loaded.data !== null, asOf: null, error, reload };
}

// Said with a gate daybreak could not be asked about just now (Today and the
// top bar already say why): when it was last read.
export function StaleGateLine({ shown }: { shown: ShownGate }) {
  const zone = useSignal(lastToday)?.time_zone;
  if (!shown.stale) return null;
  const when = shown.asOf ? `${zonedStamp(shown.asOf.at, zone ?? shown.asOf.zone)}, ` : '';
  return <p class="muted gate-as-of">As of {when}the last time daybreak was reached.</p>;
}

// "call 112" as a tap-to-call link, or the local emergency number in words.
function CallLine({ gate }: { gate: Pick<SafetyGate, 'emergency_number'> }) {
  const n = gate.emergency_number;
  return n ? <a href={telHref(n)}>call {n}</a> : <>call your local emergency number</>;
}

// Whether a routine may start now: none before the check or while locked,
// only the flare-day routine while paused (app/session.cpp says the same).
export function sessionOpen(gate: SafetyGate | null, routine: string): boolean {
  if (!gate) return true; // not known (offline): the server still decides
  if (gate.status === 'ok') return true;
  return gate.status === 'paused' && routine === 'flare';
}

// Why sessions are closed (or only gentle), and the one next step: for the
// session screens and Today's program card. On the safety screen (`onSafety`),
// where a clinician's review is said, no link to it.
export function GateNotice({ gate, onSafety = false }: { gate: SafetyGate; onSafety?: boolean }) {
  if (gate.status === 'ok') return null;
  if (gate.status === 'locked') {
    return (
      <div class="notice warn gate-notice" role="status">
        <p>
          <strong>Exercise is locked</strong> until a clinician has seen you: you reported a warning sign that needs a
          doctor now. If you have not yet, <CallLine gate={gate} /> or go to an emergency department.
        </p>
        {onSafety ? null : (
          <p>
            <a href="/safety">When a clinician has seen you</a>
          </p>
        )}
      </div>
    );
  }
  if (gate.status === 'paused') {
    return (
      <div class="notice warn gate-notice" role="status">
        <p>
          <strong>Only gentle movement</strong> until a clinician has seen you: please see a doctor within a day about
          the warning sign you reported.
        </p>
        <p>
          <a class="button" href="/session/flare">
            Flare-day routine
          </a>
        </p>
      </div>
    );
  }
  const legs = gate.unchecked_leg_entries.length > 0 && gate.last_full_check !== null;
  return (
    <div class="notice info gate-notice" role="status">
      <p>{legs ? 'A few questions about your leg symptoms come before your next session.' : 'A safety check comes before your next session.'}</p>
      <p>
        <a class="button primary" href={legs ? '/safety?check=legs' : '/safety'}>
          {legs ? 'Answer the leg questions' : 'Take the safety check'}
        </a>
      </p>
    </div>
  );
}

// Exercise locked or paused, why, and what to do now: first on Today, and
// when locked on the safety screen too (`onSafety`), in the same words and
// the same alert, the emergency number with them. `children` come under the
// heading (when a gate kept on this device was read).
export function GateAlert({
  gate,
  onSafety = false,
  children,
}: {
  gate: SafetyGate;
  onSafety?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <section class="card safety-card safety-alert" aria-labelledby="safety-alert-title">
      <h2 id="safety-alert-title">{gate.status === 'locked' ? 'Exercise is locked' : 'Exercise is paused'}</h2>
      {children}
      <ul>
        {gate.reasons.map((r) => (
          <li key={r}>{datesInWords(r)}</li>
        ))}
      </ul>
      <GateNotice gate={gate} onSafety={onSafety} />
    </section>
  );
}

// What the gate means now, in a sentence or two. Locked, the alert Today
// shows: an emergency sign is never only "on hold".
export function GateSummary({ gate, zone }: { gate: SafetyGate; zone: string | undefined }) {
  if (gate.status === 'locked') return <GateAlert gate={gate} onSafety />;
  if (gate.status === 'ok') {
    // No next check before the first full one (the API gives null): no day to name.
    return gate.next_full_check ? (
      <p>
        Exercise may go ahead. The next full check is due on {day(gate.next_full_check, zone)}; if anything changes before
        then, check again or speak to a doctor.
      </p>
    ) : (
      <p>Exercise may go ahead. If anything changes, check again or speak to a doctor.</p>
    );
  }
  return (
    <div class={`notice ${gate.status === 'check_needed' ? 'info' : 'warn'}`} role="status">
      <p>{gate.status === 'check_needed' ? 'A safety check comes before your next session:' : 'Exercise is on hold:'}</p>
      <ul>
        {gate.reasons.map((r) => (
          <li key={r}>{datesInWords(r)}</li>
        ))}
      </ul>
    </div>
  );
}

// After a check with no warning signs: what may happen next. Not "go ahead"
// while a warning sign from before still waits for a clinician: paused,
// sessions are allowed (session_allowed) but only the flare-day routine.
export function AfterNoWarningSigns({ gate, zone }: { gate: SafetyGate; zone: string | undefined }) {
  return gate.status === 'ok' ? (
    <p>
      You can go ahead with your sessions.
      {gate.next_full_check ? ` The next check is due on ${day(gate.next_full_check, zone)}.` : ''}{' '}
      <a href="/session">Do a session</a>
    </p>
  ) : (
    <GateSummary gate={gate} zone={zone} />
  );
}

// What a check's answers led to. Its warning signs by label: `said`, those
// it raised that now wait for a clinician; `again`, those a clinician has
// already seen (an urgent sign reported again, not reopened: as the CLI's
// "You reported again what a clinician has already seen").
export interface CheckOutcome {
  kind: 'emergency' | 'urgent' | 'seen_again' | 'no_flags';
  said: string[];
  again: string[];
}

export function checkOutcome(result: SafetyCheckResult): CheckOutcome {
  const gate = result.safety;
  const open = [...gate.emergency, ...gate.urgent];
  const said: string[] = [];
  const again: string[] = [];
  for (const id of result.check.raised) {
    const opened = open.find((f) => f.question === id);
    // (A gate kept on this device by an older version of the app has no list.)
    const seen = (gate.reviewed ?? []).find((r) => r.question === id);
    if (opened) said.push(opened.label);
    else if (seen) again.push(seen.label);
  }
  const r = result.check.result;
  const kind = r === 'emergency' ? 'emergency' : r === 'urgent' ? (said.length > 0 ? 'urgent' : 'seen_again') : 'no_flags';
  return { kind, said, again };
}

// The answers' meaning, calm and plain; the emergency case first and alone.
function Outcome({ result, zone }: { result: SafetyCheckResult; zone: string | undefined }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [stop, setStop] = useState(result.check.result === 'emergency');
  useEffect(() => {
    if (!stop) heading.current?.focus();
  }, [stop]);
  const gate = result.safety;
  return (
    <section class="card safety-outcome" aria-labelledby="safety-outcome-title">
      {stop ? <EmergencyStop gate={gate} onClose={() => setStop(false)} /> : null}
      <OutcomeWords result={result} zone={zone} heading={heading} />
      {result.ibp?.message && result.check.result !== 'emergency' ? <MessageWords message={result.ibp.message} /> : null}
      {awaitingClinician(gate) ? (
        <p class="muted">
          When a clinician has seen you, open the safety check again and say so there.
        </p>
      ) : null}
      <p class="muted">{NOT_A_DIAGNOSIS}</p>
    </section>
  );
}

// A message the CLI prints after a check and in `screen status` (the
// inflammatory back pain screen's "Something to mention to your doctor"), in
// the same words.
function MessageWords({ message }: { message: SafetyMessage }) {
  return (
    <div class="notice" role="status" aria-labelledby="safety-message-title">
      <h3 id="safety-message-title">{message.title}</h3>
      {message.blocks.map((b, i) =>
        'text' in b ? (
          <p key={i}>{b.text}</p>
        ) : (
          <ul key={i}>
            {b.list.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

export function OutcomeWords({
  result,
  zone,
  heading,
}: {
  result: SafetyCheckResult;
  zone: string | undefined;
  heading: Ref<HTMLHeadingElement>;
}) {
  const gate = result.safety;
  const { kind, said, again } = checkOutcome(result);
  const seenAgain = again.length > 0 ? (
    <p>
      You reported again what a clinician has already seen: {again.join('; ')}. If it has changed or got worse, see a
      doctor again.
    </p>
  ) : null;
  if (kind === 'emergency') {
    return (
      <div class="notice warn" role="alert">
        <h2 id="safety-outcome-title" ref={heading} tabIndex={-1}>
          Please get medical help now
        </h2>
        <p>
          You said yes to: {said.join('; ')}. This needs a doctor now, within hours, not exercise. Please{' '}
          <CallLine gate={gate} />, or go to an emergency department.
        </p>
        <p>Sessions stay stopped until a clinician has seen you.</p>
      </div>
    );
  }
  if (kind === 'urgent') {
    return (
      <div class="notice warn" role="alert">
        <h2 id="safety-outcome-title" ref={heading} tabIndex={-1}>
          Please speak to a doctor within a day
        </h2>
        <p>
          You said yes to: {said.join('; ')}. Please contact your doctor's practice or a health advice line within the
          next 24 hours. If things get worse quickly, <CallLine gate={gate} />.
        </p>
        {gate.status === 'locked' ? (
          <p>Exercise stays locked until a clinician has seen you.</p>
        ) : (
          <p>
            Until a clinician has seen you, only the gentle <a href="/session/flare">flare-day routine</a> is open.
          </p>
        )}
        {seenAgain}
      </div>
    );
  }
  return (
    <>
      <h2 id="safety-outcome-title" ref={heading} tabIndex={-1}>
        {kind === 'seen_again' ? 'Already seen by a clinician' : 'You reported no warning signs in this check'}
      </h2>
      {kind === 'seen_again' ? (
        seenAgain
      ) : (
        // Never that all is well (safety.md): as the CLI's words after a check.
        <p>
          That does not rule out a serious problem: warning signs can be absent even when something needs care. If new
          symptoms appear, or your pain changes in a way that worries you, check again or speak to a doctor.
        </p>
      )}
      <AfterNoWarningSigns gate={gate} zone={zone} />
    </>
  );
}

// Emergency or urgent warning signs wait for a clinician: once one has seen
// the person, they say so here (with a confirmation), as with `daybreak screen
// ack --seen-clinician`. Never offered before then, and never a way round it.
// A clinician viewing the person records it for them (`viewed`): the same
// request, with person=<id>.
function ClinicianReview({
  gate,
  onDone,
  viewed = null,
}: {
  gate: SafetyGate;
  onDone: (result: ClinicianSeenResult) => void;
  viewed?: Viewed | null;
}) {
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const labels = [...gate.emergency, ...gate.urgent].map((f) => f.label);
  const confirm = async () => {
    setSaving(true);
    setProblem(null);
    try {
      onDone(await safetyReviewApi.clinicianSeen());
    } catch (error) {
      setProblem(
        error instanceof ApiError
          ? problemSummary(error.problem)
          : 'daybreak cannot be reached, so nothing was recorded. Please try again.',
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <section class="card clinician-review" aria-labelledby="clinician-title">
      <h2 id="clinician-title">{viewed ? `Has a clinician seen ${viewed.name}?` : 'Has a clinician seen you?'}</h2>
      {viewed ? (
        <p>
          {gate.status === 'locked' ? `${viewed.name}’s exercise sessions stay locked` : `${viewed.name}’s program stays on hold`}{' '}
          until a doctor or another clinician has seen them about: {labels.join('; ')}.
        </p>
      ) : (
        <p>
          {gate.status === 'locked' ? 'Exercise sessions stay locked' : 'Your program stays on hold'} until a doctor or
          another clinician has seen you about: {labels.join('; ')}.
        </p>
      )}
      {!confirming ? (
        <button type="button" class="button" id="clinician-seen" onClick={() => setConfirming(true)}>
          {viewed ? `A clinician has seen ${viewed.name}` : 'A clinician has seen me'}
        </button>
      ) : (
        <div class="notice info" role="group" aria-labelledby="clinician-confirm-text" tabIndex={-1} ref={confirmRef}>
          <p id="clinician-confirm-text">
            {viewed
              ? `Please confirm only after you or another clinician have seen ${viewed.name} about these signs. It is recorded with your name.`
              : 'Please confirm only after a clinician has seen you about these signs. If you have not been seen yet, please get help first.'}
          </p>
          <div class="button-row">
            <button type="button" class="button primary" id="clinician-seen-yes" disabled={saving} onClick={confirm}>
              {saving ? 'Saving…' : viewed ? `Yes, a clinician has seen ${viewed.name}` : 'Yes, a clinician has seen me'}
            </button>
            <button type="button" class="button" disabled={saving} onClick={() => setConfirming(false)}>
              Not yet
            </button>
          </div>
        </div>
      )}
      <Alert text={problem} />
    </section>
  );
}

// What recording the review changed, said once it is recorded.
function ClinicianRecorded({
  result,
  wasLocked,
  viewed = null,
}: {
  result: ClinicianSeenResult;
  wasLocked: boolean;
  viewed?: Viewed | null;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (viewed) {
    return (
      <section class="card" aria-labelledby="clinician-done-title" id="clinician-recorded">
        <h2 id="clinician-done-title" ref={heading} tabIndex={-1}>
          Recorded: a clinician has seen {viewed.name}
        </h2>
        <p>
          {wasLocked ? `${viewed.name}’s exercise sessions are unlocked` : `${viewed.name}’s program may move on again`}
          {result.safety.status === 'check_needed' ? '; they answer the safety questions before their next session' : ''}.
        </p>
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="clinician-done-title">
      <h2 id="clinician-done-title" ref={heading} tabIndex={-1}>
        Recorded: a clinician has seen you
      </h2>
      <p>
        {wasLocked ? 'Exercise sessions are unlocked' : 'Your program may move on again'}. If anything changes or gets
        worse, see a doctor again.
      </p>
      {result.safety.status === 'check_needed' ? (
        <p>
          Before your next session, please answer the safety questions below.
        </p>
      ) : null}
    </section>
  );
}

// One question as a yes/no pair of large radio buttons.
function YesNoQuestion(props: {
  q: SafetyQuestion;
  index: number;
  value: YesNo | undefined;
  problem: string | undefined;
  onChange: (v: YesNo) => void;
}) {
  const { q } = props;
  const hint = `safety-${q.id}-hint`;
  return (
    <fieldset
      class={`field yes-no${props.problem ? ' has-error' : ''}`}
      id={`safety-q-${q.id}`}
      data-question={q.id}
      aria-describedby={props.problem ? hint : undefined}
    >
      <legend>
        <span class="muted">{props.index + 1}. </span>
        {q.question}
      </legend>
      <div class="yes-no-pair">
        {(['yes', 'no'] as const).map((v) => (
          <label class="chip" key={v}>
            <input type="radio" name={`safety-${q.id}`} value={v} checked={props.value === v} onChange={() => props.onChange(v)} />
            <span>{v === 'yes' ? 'Yes' : 'No'}</span>
          </label>
        ))}
      </div>
      {props.problem ? (
        <p class="field-error" id={hint}>
          {props.problem}
        </p>
      ) : null}
    </fieldset>
  );
}

const UNANSWERED = 'Please answer yes or no.';

// /safety (?check=legs for the leg questions).
export function SafetyScreen({ kind }: { kind: SafetyCheckKind }) {
  const gate = useGate();
  const { zone, settled } = useDiaryZone();
  const online = useSignal(reachable);
  const questions = useLoad(() => api.safetyQuestions(kind), [kind, online]); // again once the connection is back
  const [answers, setAnswers] = useState<Record<string, YesNo>>({});
  const [result, setResult] = useState<SafetyCheckResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [reviewed, setReviewed] = useState<{ result: ClinicianSeenResult; wasLocked: boolean } | null>(null);
  const list = questions.data?.questions ?? [];
  const emergencyYes = list.some((q) => q.level === 'emergency' && answers[q.id] === 'yes');

  // The summary of what stopped the save takes the focus (the Save button is
  // disabled while saving, so the focus would otherwise fall to the page).
  const summaryRef = useRef<HTMLDivElement>(null);
  const refused = (text: string, byQuestion: Record<string, string>) => {
    setFieldProblems(byQuestion);
    setProblem(text);
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    setFieldProblems({});
    try {
      const recorded = await api.recordSafetyCheck(kind, answers);
      ownGateRead(recorded.safety);
      setResult(recorded);
    } catch (error) {
      if (error instanceof ApiError) {
        const byQuestion: Record<string, string> = {};
        for (const f of error.problem.errors ?? []) {
          const id = f.field.replace(/^answers\./, '');
          byQuestion[id] = f.value === '' ? UNANSWERED : fieldMessage(f);
        }
        const missing = Object.keys(byQuestion).length;
        refused(
          missing > 0
            ? `${missing === 1 ? 'One question needs' : `${missing} questions need`} an answer.`
            : problemSummary(error.problem),
          byQuestion,
        );
      } else {
        refused('daybreak cannot be reached, so nothing was saved. Please try again.', {});
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="screen safety">
      <h1 tabIndex={-1}>{kind === 'legs' ? 'Leg check' : 'Safety check'}</h1>
      {result ? (
        <Outcome result={result} zone={zone} />
      ) : (
        <>
          <p>
            {kind === 'legs'
              ? 'A few questions about warning signs that can come with leg symptoms.'
              : 'A few questions about warning signs that need a doctor before exercise. It takes about two minutes.'}{' '}
            If you are not sure, answer yes: a doctor can tell you more.
          </p>
          {reviewed ? <ClinicianRecorded result={reviewed.result} wasLocked={reviewed.wasLocked} /> : null}
          {gate.gate && settled ? (
            <>
              <GateSummary gate={gate.gate} zone={zone ?? gate.asOf?.zone} />
              <ReviewedSigns gate={gate.gate} zone={zone ?? gate.asOf?.zone} />
              {gate.gate.ibp?.message && gate.gate.status !== 'locked' ? (
                <MessageWords message={gate.gate.ibp.message} />
              ) : null}
            </>
          ) : null}
          <StaleGateLine shown={gate} />
          {gate.gate && !gate.stale && awaitingClinician(gate.gate) ? (
            <ClinicianReview
              gate={gate.gate}
              onDone={(r) => {
                setReviewed({ result: r, wasLocked: gate.gate?.status === 'locked' });
                gate.reload();
              }}
            />
          ) : null}
          {questions.error ? (
            <div class="notice info" role="status">
              <p>
                {loadFailed('The questions cannot be shown', questions.error)}
              </p>
            </div>
          ) : !questions.data ? (
            <p class="muted">Loading…</p>
          ) : (
            <form onSubmit={submit} noValidate>
              {problem ? (
                <ErrorSummary
                  title="Nothing was saved yet."
                  summary={problem}
                  innerRef={summaryRef}
                  lines={list
                    .filter((q) => fieldProblems[q.id])
                    .map((q) => ({
                      label: q.label,
                      detail: fieldProblems[q.id] === UNANSWERED ? undefined : fieldProblems[q.id],
                      target: `#safety-q-${q.id}`,
                    }))}
                />
              ) : null}
              {list.map((q, i) => (
                <YesNoQuestion
                  key={q.id}
                  q={q}
                  index={i}
                  value={answers[q.id]}
                  problem={fieldProblems[q.id]}
                  onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
                />
              ))}
              {emergencyYes ? (
                <div class="notice warn" role="alert">
                  <p>
                    That answer can be a sign of something that needs a doctor today. You can save your answers now;
                    the rest may be left out.
                  </p>
                </div>
              ) : null}
              <button type="submit" class="button primary wide" disabled={saving}>
                {saving ? 'Saving…' : 'Save my answers'}
              </button>
            </form>
          )}
          <p class="muted">{NOT_A_DIAGNOSIS}</p>
        </>
      )}
    </div>
  );
}

// The gate when ok, for a clinician viewing the person. Not "no warning signs
// at the last check" while a sign a clinician has seen is still reported: the
// last check may well have raised it.
export function personOkSentence(g: SafetyGate, zone: string | undefined): string {
  const none = (g.reviewed ?? []).length > 0 ? 'No warning sign is waiting for a clinician' : 'No warning signs at the last check';
  return `${none}${g.next_full_check ? `; the next full check is due on ${day(g.next_full_check, zone)}` : ''}.`;
}

// The urgent signs a clinician has seen that are still reported, each with
// when, as `daybreak screen status` says them.
export function ReviewedSigns({ gate, zone, viewed = false }: { gate: SafetyGate; zone: string | undefined; viewed?: boolean }) {
  const seen = gate.reviewed ?? []; // none in a gate kept on this device by an older version of the app
  if (seen.length === 0) return null;
  return (
    <ul class="reviewed-signs">
      {seen.map((r) => (
        <li key={r.question}>
          Seen by a clinician on {day(r.reviewed_at, zone)}: {r.label}. If it changes or gets worse,{' '}
          {viewed ? 'they should see a doctor again' : 'see a doctor again'}.
        </li>
      ))}
    </ul>
  );
}

// A clinician's view of the person's safety state: the gate in a sentence,
// and, while a warning sign waits for a clinician, the review to record.
export function PersonSafety({ viewed, always = true }: { viewed: Viewed; always?: boolean }) {
  const gate = useGate();
  const { zone, settled } = useDiaryZone();
  const [reviewed, setReviewed] = useState<{ result: ClinicianSeenResult; wasLocked: boolean } | null>(null);
  const g = gate.gate;
  if (!g)
    return gate.error && always ? (
      <Alert
        text={loadFailed('The safety state cannot be shown', gate.error)}
      />
    ) : null;
  if (!settled) return null;
  const waiting = awaitingClinician(g);
  if (!always && !waiting && !reviewed) return null;
  return (
    <section class="card safety-card person-safety" aria-labelledby="person-safety-title" id="person-safety">
      <h2 id="person-safety-title">Safety</h2>
      <StaleGateLine shown={gate} />
      {g.status === 'ok' ? (
        <p>{personOkSentence(g, zone)}</p>
      ) : (
        <>
          <p>
            {g.status === 'locked'
              ? 'Exercise is locked.'
              : g.status === 'paused'
                ? 'Only gentle movement.'
                : 'A safety check comes before the next session.'}
          </p>
          <ul>
            {g.reasons.map((r) => (
              <li key={r}>{datesInWords(r)}</li>
            ))}
          </ul>
        </>
      )}
      <ReviewedSigns gate={g} zone={zone} viewed />
      {g.last_clinician_review ? <p class="muted">A clinician last saw them on {day(g.last_clinician_review, zone)}.</p> : null}
      {reviewed ? <ClinicianRecorded result={reviewed.result} wasLocked={reviewed.wasLocked} viewed={viewed} /> : null}
      {waiting && !gate.stale ? (
        <ClinicianReview
          gate={g}
          viewed={viewed}
          onDone={(r) => {
            setReviewed({ result: r, wasLocked: g.status === 'locked' });
            gate.reload();
          }}
        />
      ) : null}
    </section>
  );
}

// Today, above everything: exercise is locked or paused, why, and what to do
// now. A clinician viewing the person sees the review to record instead.
export function SafetyAlert() {
  const viewed = useSignal(viewing);
  if (viewed) return <PersonSafety viewed={viewed} always={false} />;
  return <OwnSafetyAlert />;
}

function OwnSafetyAlert() {
  const shown = useGate();
  const g = shown.gate;
  // A yes saved on this device, not yet sent: the lock it brings, before daybreak knows of it.
  const yes = useOutbox().find((i) => i.state === 'waiting' && i.entry.fields.red_flags === 'yes');
  if (yes && g?.status !== 'locked') return <WaitingYesAlert item={yes} />;
  if (!g || (g.status !== 'locked' && g.status !== 'paused')) return null;
  return (
    <GateAlert gate={g}>
      <StaleGateLine shown={shown} />
    </GateAlert>
  );
}

function WaitingYesAlert({ item }: { item: OutboxItem }) {
  return (
    <section class="card safety-card safety-alert" aria-labelledby="safety-alert-title">
      <h2 id="safety-alert-title">Exercise is locked</h2>
      <p>
        You said yes to {QUICK_CHECK} in the {item.entry.period} of {longDate(item.entry.date)}. It is saved on this
        device and is sent when daybreak can be reached.
      </p>
      <div class="notice warn gate-notice" role="status">
        <p>
          <strong>Exercise is locked</strong> until a clinician has seen you: that needs a doctor now. If you have not
          yet, <CallLine gate={{ emergency_number: knownEmergencyNumber() }} /> or go to an emergency department.
        </p>
      </div>
    </section>
  );
}

// Today: a card when a check is needed (or leg symptoms wait for their
// questions). Not for a clinician viewing the person.
export function SafetyCard() {
  const viewed = useSignal(viewing);
  const shown = useGate();
  const g = shown.gate;
  // The questions are the person's own to answer, and only while daybreak answers.
  if (!g || viewed || shown.stale) return null;
  const legs = g.unchecked_leg_entries.length > 0;
  if (g.status !== 'check_needed' && !legs) return null;
  const href = g.status === 'check_needed' ? '/safety' : '/safety?check=legs';
  return (
    <section class="card safety-card" aria-labelledby="safety-card-title">
      <h2 id="safety-card-title">{g.status === 'check_needed' ? 'Safety check' : 'Leg check'}</h2>
      <p class="muted">
        {g.reasons[0] ? sentence(datesInWords(g.reasons[0])) : 'A few questions about warning signs come before your next session.'}
      </p>
      <a class="button primary" href={href}>
        Answer the questions
      </a>
    </section>
  );
}

// Importing a file on More (a CSV of entries, a FHIR diary): chosen, checked
// by a dry run that says what it would do, then imported on a press, or why
// nothing was imported. Both imports work and show the same; what either
// would change of what the person logged waits for their yes. What was done
// stays said in place, and the focus goes there (the Import button it was
// on is gone by then).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type SafetyGate } from '../api';
import { ownGateRead } from '../api_safety';
import { UNREACHABLE } from '../format';
import { call, diaryChanged } from '../state';
import { EmergencyStop } from './emergency_stop';

function problemsOf(err: unknown): string[] {
  if (!(err instanceof ApiError)) return [UNREACHABLE];
  return err.problem.details ?? [err.problem.detail ?? err.problem.title];
}

// `send(text, dryRun, replace)` asks the server; `imported` words what a
// real import did. The check (a dry run) is made as if replacing, so that
// entries already logged with other values are counted (`replaced`) instead
// of refusing the whole file; the import then replaces them only when the
// check found some, which the person was shown and chose. A file that
// brought in a warning sign (a yes of the last 7 days) answers with the gate
// it closed: `stop`, the same full-screen stop as a yes logged here, as
// `daybreak import` prints it.
//
// `sameAsShown`: for an import whose yes covers more than entries (FHIR:
// experiments' nights too), the file is checked again just before
// importing, and imported only if it would change what the person was shown
// and said yes to; else the new check is shown, and waits for their word
// again. `updates` says whether that yes was to update something logged.
export function useFileImport<T extends { safety?: SafetyGate; replaced: number }>(
  send: (text: string, dryRun: boolean, replace: boolean) => Promise<T>,
  imported: (name: string, result: T) => string,
  sameAsShown?: (shown: T, now: T) => boolean,
  // Whether the plan the person said yes to updates something logged (the
  // import then goes with replace; else any clash found meanwhile is refused).
  updates: (plan: T) => boolean = (plan) => plan.replaced > 0,
) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [plan, setPlan] = useState<T | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [stop, setStop] = useState<SafetyGate | null>(null);
  const [rechecked, setRechecked] = useState(false);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const say = (text: string) => setDone((d) => ({ text, n: (d?.n ?? 0) + 1 }));
  const check = async (text: string) => {
    try {
      setPlan(await call(() => send(text, true, true)));
      return true;
    } catch (err) {
      setProblems(problemsOf(err));
      return false;
    }
  };
  const choose = async (chosen: File | undefined) => {
    setPlan(null);
    setProblems(null);
    setRechecked(false);
    setDone(null);
    if (!chosen) return;
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    await check(text);
  };
  const runImport = async () => {
    if (!file || !plan) return;
    try {
      if (sameAsShown) {
        const now = await call(() => send(file.text, true, true));
        if (!sameAsShown(plan, now)) {
          setPlan(now);
          setRechecked(true);
          return;
        }
      }
      const result = await call(() => send(file.text, false, updates(plan)));
      diaryChanged();
      say(imported(file.name, result));
      setFile(null);
      setPlan(null);
      setRechecked(false);
      if (result.safety) setStop(ownGateRead(result.safety));
    } catch (err) {
      // Refused as it stands: the diary changed since the check (an entry
      // logged meanwhile for a day in the file). Checked again, the file
      // says what it would do now, and waits for the person's word again.
      if (err instanceof ApiError && err.problem.status === 422) {
        setPlan(null);
        if (await check(file.text)) setRechecked(true);
        return;
      }
      setProblems(problemsOf(err));
    }
  };
  const cancel = () => {
    if (file) say(`Nothing was imported from ${file.name}: your diary is as it was.`);
    setFile(null);
    setPlan(null);
    setRechecked(false);
  };
  return { file, plan, problems, rechecked, done, choose, runImport, cancel, stop, closeStop: () => setStop(null) };
}

// What an import would do, with its Import button, or why nothing was
// imported. `change`: what it would change of what the person logged (in
// words, and the button that says yes): they choose that, or to leave the
// diary as it is.
export function ImportNotices(props: {
  plan: { name: string; text: string; nothingNew: boolean; change?: { text: string; yes: string } | null } | null;
  onImport: () => void;
  onCancel?: () => void;
  rechecked?: boolean;
  done: { text: string; n: number } | null; // what was done: said, and focused once the stop (if any) is read
  problems: string[] | null;
  stop: SafetyGate | null;
  onCloseStop: () => void;
}) {
  const { plan, onImport, onCancel, rechecked, done, problems, stop, onCloseStop } = props;
  const change = plan?.change ?? null;
  const doneRef = useRef<HTMLParagraphElement>(null);
  const planRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done && !stop) doneRef.current?.focus();
  }, [done, stop]);
  // Checked again after a refused import: its button went, the new plan takes the focus.
  useEffect(() => {
    if (rechecked && plan) planRef.current?.focus();
  }, [rechecked, plan !== null]);
  return (
    <>
      {stop && <EmergencyStop gate={stop} onClose={onCloseStop} />}
      {done && (
        <p class="import-done" role="status" tabIndex={-1} ref={doneRef}>
          {done.text}
        </p>
      )}
      {plan && (
        <div class={`notice ${change ? 'warn' : 'info'}`} role="status" tabIndex={-1} ref={planRef}>
          {rechecked ? <p>Your diary changed since this file was checked. Checked again:</p> : null}
          <p>
            {plan.name}: {plan.text}
          </p>
          {change ? <p>{change.text}</p> : null}
          <div class="button-row">
            <button type="button" class="button primary may-wrap" onClick={onImport} disabled={plan.nothingNew}>
              {change ? change.yes : 'Import'}
            </button>
            {change && onCancel ? (
              <button type="button" class="button" onClick={onCancel}>
                Keep my diary as it is
              </button>
            ) : null}
          </div>
        </div>
      )}
      {problems && (
        <div class="notice warn" role="alert">
          <p>Nothing was imported:</p>
          <ul>
            {problems.slice(0, 20).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

// The file chosen, with the input emptied so that choosing the same file
// again (after fixing it, or to check it is all in) is noticed too.
export function takeFile(input: HTMLInputElement): File | undefined {
  const file = input.files?.[0];
  input.value = '';
  return file;
}

// Importing a file on More (a CSV of entries, a FHIR diary): chosen, checked
// by a dry run that says what it would do, then imported on a press, or why
// nothing was imported. Both imports work and show the same.
import { useState } from 'preact/hooks';
import { ApiError, type SafetyGate } from '../api';
import { ownGateRead } from '../api_safety';
import { call, diaryChanged } from '../state';
import { EmergencyStop } from './emergency_stop';

function problemsOf(err: unknown): string[] {
  if (!(err instanceof ApiError)) return ['daybreak cannot be reached right now.'];
  return err.problem.details ?? [err.problem.detail ?? err.problem.title];
}

// `send(text, dryRun)` asks the server; `imported` is told what a real
// import did. A file that brought in a warning sign (a yes of the last 7
// days) answers with the gate it closed: `stop`, the same full-screen stop
// as a yes logged here, as `daybreak import` prints it.
export function useFileImport<T extends { safety?: SafetyGate }>(
  send: (text: string, dryRun: boolean) => Promise<T>,
  imported: (name: string, result: T) => void,
) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [plan, setPlan] = useState<T | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [stop, setStop] = useState<SafetyGate | null>(null);
  const choose = async (chosen: File | undefined) => {
    setPlan(null);
    setProblems(null);
    if (!chosen) return;
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    try {
      setPlan(await call(() => send(text, true)));
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };
  const runImport = async () => {
    if (!file) return;
    try {
      const result = await call(() => send(file.text, false));
      diaryChanged();
      imported(file.name, result);
      setFile(null);
      setPlan(null);
      if (result.safety) setStop(ownGateRead(result.safety));
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };
  return { file, plan, problems, choose, runImport, stop, closeStop: () => setStop(null) };
}

// What an import would do, with its Import button, or why nothing was imported.
export function ImportNotices(props: {
  plan: { name: string; text: string; nothingNew: boolean } | null;
  onImport: () => void;
  problems: string[] | null;
  stop: SafetyGate | null;
  onCloseStop: () => void;
}) {
  const { plan, onImport, problems, stop, onCloseStop } = props;
  return (
    <>
      {stop && <EmergencyStop gate={stop} onClose={onCloseStop} />}
      {plan && (
        <div class="notice info" role="status">
          <p>
            {plan.name}: {plan.text}
          </p>
          <button type="button" class="button primary" onClick={onImport} disabled={plan.nothingNew}>
            Import
          </button>
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

// On More, for a person in a clinic (issue 21): "Sharing with your clinician"
// (what each clinician may see and until when, sharing with one more, and
// stopping, with a confirm step) and "Who looked at my data, and when" (the
// audit trail, newest first, in the diary's own time). The person decides:
// nothing is shared until they share it, and stopping takes effect at once.
import { useEffect, useRef, useState } from 'preact/hooks';

import { ApiError } from '../api';
import { accountApi, type Grant, type Part, PART_LABELS, type Scope, SCOPES, scopeText } from '../account';
import { deviceTime } from '../api_devices';
import { Alert } from '../components/controls';
import { ErrorSummary, type SummaryLine } from '../components/error_summary';
import { announce } from '../components/toast';
import { errorText } from '../format';
import { accessGroupLine, grantLine, groupAccess } from '../sharing_words';
import { call, useDiaryZone, useLoad } from '../state';

const useZone = () => useDiaryZone().zone;

export function SharingSection() {
  const grants = useLoad(() => accountApi.grants(), []);
  const zone = useZone();
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const stopButtons = useRef(new Map<number, HTMLButtonElement>());
  const [confirming, setConfirming] = useState<number | null>(null);
  const [stopping, setStopping] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus();
  }, [confirming]);
  const data = grants.data;
  if (!data) {
    return grants.error ? (
      <section class="card" id="sharing" aria-labelledby="sharing-title">
        <h2 id="sharing-title">Sharing with your clinician</h2>
        <Alert text={errorText(grants.error)} />
      </section>
    ) : null;
  }

  const ask = (id: number) => {
    setProblem(null);
    setConfirming(confirming === id ? null : id);
  };
  const keep = (id: number) => {
    setConfirming(null);
    stopButtons.current.get(id)?.focus();
  };
  const stop = async (g: Grant) => {
    setStopping(true);
    setProblem(null);
    try {
      await call(() => accountApi.stopSharing(g.id));
      setConfirming(null);
      grants.reload();
      announce(`You no longer share with ${g.clinician.name}.`);
      heading.current?.focus();
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setStopping(false);
    }
  };

  const now = new Date();
  // Active first, then ended; newest first within each.
  const list = [...data.grants].sort(
    (a, b) => Number(b.active) - Number(a.active) || b.created_at.localeCompare(a.created_at),
  );
  return (
    <section class="card" id="sharing" aria-labelledby="sharing-title">
      <h2 id="sharing-title" ref={heading} tabIndex={-1}>
        Sharing with your clinician
      </h2>
      <p class="muted">
        Your clinician sees your data only if you share it, only the parts you choose, and only until you stop. Every
        time they look, it shows below under “Who looked at my data”.
      </p>
      {list.length === 0 ? (
        <p id="grant-list-empty">You do not share your data with anyone.</p>
      ) : (
        <ul class="item-list grant-list" id="grant-list">
          {list.map((g) => (
            <li key={g.id} class={`grant${g.active ? '' : ' ended'}`} data-grant-id={g.id}>
              <div class="device-line">
                <span class="device-about">
                  <strong class="device-name">{g.clinician.name}</strong>
                  {g.active ? <span class="pill pill-info">sharing</span> : <span class="pill pill-warn">ended</span>}
                  <span class="hint">{grantLine(g, zone, now)}</span>
                </span>
                {g.active && (
                  <button
                    type="button"
                    class="button danger-outline grant-stop"
                    aria-expanded={confirming === g.id}
                    ref={(b) => {
                      if (b) stopButtons.current.set(g.id, b);
                      else stopButtons.current.delete(g.id);
                    }}
                    onClick={() => ask(g.id)}
                  >
                    Stop sharing<span class="visually-hidden"> with {g.clinician.name}</span>
                  </button>
                )}
              </div>
              {confirming === g.id && (
                <div
                  class="notice warn revoke-confirm"
                  id="stop-sharing-confirm"
                  role="group"
                  aria-labelledby="stop-sharing-text"
                  tabIndex={-1}
                  ref={confirmRef}
                >
                  <p id="stop-sharing-text">
                    Stop sharing with {g.clinician.name}? From now on they cannot see your data. What they saw before
                    stays in the list of who looked. You can share again later.
                  </p>
                  <div class="button-row">
                    <button type="button" class="button danger" id="stop-sharing-yes" disabled={stopping} onClick={() => void stop(g)}>
                      {stopping ? 'Stopping…' : 'Stop sharing'}
                    </button>
                    <button type="button" class="button" id="stop-sharing-no" disabled={stopping} onClick={() => keep(g.id)}>
                      Keep sharing
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 && (
        <p class="muted" id="sharing-fhir">
          For your records or another health system: what you share, stopped sharing too, as HL7 FHIR R4 consents.{' '}
          <a href="/api/grants.fhir.json" download="daybreak-sharing.fhir.json">
            Save as FHIR
          </a>
        </p>
      )}
      <Alert text={problem} />
      <ShareForm
        onShared={(g) => {
          grants.reload();
          announce(`You now share ${scopeText(g.scope).toLowerCase()} with ${g.clinician.name}.`);
        }}
      />
    </section>
  );
}

// "Share": a clinician, everything or chosen parts, an optional last day.
function ShareForm({ onShared }: { onShared: (g: Grant) => void }) {
  const clinicians = useLoad(() => accountApi.clinicians(), []);
  const [open, setOpen] = useState(false);
  const [who, setWho] = useState('');
  const [everything, setEverything] = useState(true);
  const [parts, setParts] = useState<Part[]>([]);
  const [until, setUntil] = useState('');
  const [summary, setSummary] = useState<{ text: string; lines: SummaryLine[]; n: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const shareButton = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (summary) window.setTimeout(() => summaryRef.current?.focus(), 0);
  }, [summary?.n]);
  useEffect(() => {
    if (open) title.current?.focus();
  }, [open]);
  const list = clinicians.data?.clinicians ?? [];
  const chosen = who || (list.length === 1 ? list[0]!.login : '');

  const reset = () => {
    setOpen(false);
    setWho('');
    setEverything(true);
    setParts([]);
    setUntil('');
    setSummary(null);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const lines: SummaryLine[] = [];
    if (!chosen) lines.push({ label: 'Clinician', detail: 'choose who to share with', target: '#share-who' });
    if (!everything && parts.length === 0)
      lines.push({ label: 'What to share', detail: 'choose at least one part', target: '#share-what' });
    if (lines.length > 0) {
      setSummary({ text: lines.length === 1 ? 'One answer needs a look.' : 'Two answers need a look.', lines, n: (summary?.n ?? 0) + 1 });
      return;
    }
    setBusy(true);
    try {
      const scope: Scope[] = everything ? ['all'] : SCOPES.filter((p) => parts.includes(p));
      const grant = await call(() => accountApi.share({ clinician: chosen, scope, until: until || null }));
      reset();
      onShared(grant);
      window.setTimeout(() => shareButton.current?.focus(), 0);
    } catch (err) {
      const lines =
        err instanceof ApiError
          ? (err.problem.errors ?? []).map((f) => ({
              label: f.field === 'until' ? 'Until' : f.field === 'scope' ? 'What to share' : 'Clinician',
              detail: f.allowed,
              target: f.field === 'until' ? '#share-until' : f.field === 'scope' ? '#share-what' : '#share-who',
            }))
          : [];
      setSummary({ text: errorText(err), lines, n: (summary?.n ?? 0) + 1 });
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <div class="button-row">
        <button type="button" class="button primary" id="share-open" ref={shareButton} onClick={() => setOpen(true)}>
          Share with a clinician
        </button>
      </div>
    );
  }
  if (clinicians.data && list.length === 0) {
    return (
      <div class="notice info" role="status">
        <p>No clinician has an account here yet, so there is nobody to share with.</p>
        <button type="button" class="button" onClick={reset}>
          Close
        </button>
      </div>
    );
  }
  const bad = (target: string) => summary?.lines.some((l) => l.target === target);
  return (
    <form class="stack share-form" onSubmit={submit} noValidate aria-labelledby="share-title">
      <h3 id="share-title" ref={title} tabIndex={-1}>
        Share with a clinician
      </h3>
      {summary && <ErrorSummary title="Not shared yet." summary={summary.text} lines={summary.lines} innerRef={summaryRef} />}
      <div class={`field${bad('#share-who') ? ' has-error' : ''}`} id="share-who">
        <label for="share-who-select">Clinician</label>
        <select id="share-who-select" value={chosen} onChange={(e) => setWho((e.currentTarget as HTMLSelectElement).value)}>
          {list.length !== 1 && <option value="">Choose…</option>}
          {list.map((c) => (
            <option key={c.id} value={c.login}>
              {c.name} ({c.login})
            </option>
          ))}
        </select>
      </div>
      <fieldset class={`field chips${bad('#share-what') ? ' has-error' : ''}`} id="share-what">
        <legend>What they may see</legend>
        <div class="chip-list">
          <label class="chip">
            <input type="radio" name="share-scope" checked={everything} onChange={() => setEverything(true)} />
            <span>Everything</span>
          </label>
          <label class="chip">
            <input type="radio" name="share-scope" checked={!everything} onChange={() => setEverything(false)} />
            <span>Only the parts I choose</span>
          </label>
        </div>
        <p class="hint">Everything includes the report and exports of your whole diary.</p>
        {!everything && (
          <div class="chip-list" role="group" aria-label="The parts they may see">
            {SCOPES.map((p) => (
              <label class="chip" key={p}>
                <input
                  type="checkbox"
                  name="share-part"
                  value={p}
                  checked={parts.includes(p)}
                  onChange={(e) =>
                    setParts((e.currentTarget as HTMLInputElement).checked ? [...parts, p] : parts.filter((x) => x !== p))
                  }
                />
                <span>{PART_LABELS[p]}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div class={`field${bad('#share-until') ? ' has-error' : ''}`} id="share-until">
        <label for="share-until-date">Until (optional)</label>
        <p class="hint" id="share-until-hint">
          The last day they may look. Leave it empty to share until you stop.
        </p>
        <input
          id="share-until-date"
          type="date"
          value={until}
          aria-describedby="share-until-hint"
          onInput={(e) => setUntil((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="button-row">
        <button type="submit" class="button primary" id="share-submit" disabled={busy} aria-busy={busy}>
          {busy ? 'Sharing…' : 'Share'}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => {
            reset();
            window.setTimeout(() => shareButton.current?.focus(), 0);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

const SHOWN = 20;

export function AccessLogSection() {
  const log = useLoad(() => accountApi.accessLog(), []);
  const zone = useZone();
  const [all, setAll] = useState(false);
  const groups = log.data ? groupAccess(log.data.events) : null;
  const now = new Date();
  return (
    <section class="card" id="who-looked" aria-labelledby="who-looked-title">
      <h2 id="who-looked-title">Who looked at my data, and when</h2>
      {!groups ? (
        log.error ? (
          <Alert text={errorText(log.error)} />
        ) : (
          <p class="muted">Loading…</p>
        )
      ) : groups.length === 0 ? (
        <p id="access-log-empty">Nobody has looked at your data.</p>
      ) : (
        <>
          <ul class="item-list access-log" id="access-log">
            {(all ? groups : groups.slice(0, SHOWN)).map((g, i) => (
              <li key={`${g.at}-${i}`} class={g.outcome === 'refused' ? 'refused' : undefined}>
                <span class="device-about">
                  <span>{accessGroupLine(g)}</span>
                  <span class="hint">
                    {capital(deviceTime(g.at, zone, now))}
                    {g.sources.length ? ` · from ${g.sources.join(', ')}` : ''}
                  </span>
                </span>
              </li>
            ))}
          </ul>
          {!all && groups.length > SHOWN && (
            <button type="button" class="link-button" onClick={() => setAll(true)}>
              Show all {groups.length}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

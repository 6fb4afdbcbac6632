// More: your profile, paired devices, how the app looks, your mattresses and pillows, and
// your data (export, import, check), plus what waits on this device. In a
// clinic (accounts on) also sharing with your clinician, who looked at your
// data, and your account (password, sign out); a clinician's or an
// administrator's More has only their account and how the app looks.
import { useState } from 'preact/hooks';

import { account, roleOf } from '../account';
import { api } from '../api';
import { safetyReviewApi } from '../api_safety';
import { ImportNotices, takeFile, useFileImport } from '../components/import_notices';
import { announce } from '../components/toast';
import { csvDoneText, csvPlanText, csvReplaceText, importLabel } from '../import_words';
import { settingsErrorText } from '../settings_words';
import { longDate } from '../format';
import { AccountSection } from './account';
import { PairedDevicesSection } from './devices';
import { OpenExportsSection } from './open_exports';
import { AccessLogSection, SharingSection } from './sharing';
import { applyTheme, storedTheme, type ThemeChoice } from '../theme';
import { call, diaryChanged, flushOutbox, useLoad, useOutbox, useSignal } from '../state';

export function SettingsScreen() {
  const health = useLoad(() => api.health(), []);
  const state = useSignal(account);
  const role = roleOf(state);
  const version = `daybreak ${health.data?.version ?? ''}`.trim();
  if (role === 'clinician' || role === 'admin') {
    return (
      <div class="screen settings">
        <h1 tabIndex={-1}>More</h1>
        <AccountSection />
        <AppearanceSection />
        <p class="muted about">{version}.</p>
      </div>
    );
  }
  const clinic = role === 'person';
  return (
    <div class="screen settings">
      <h1 tabIndex={-1}>More</h1>
      <ProfileSection />
      {clinic && <SharingSection />}
      {clinic && <AccessLogSection />}
      <SafetySection />
      <PairedDevicesSection />
      <AppearanceSection />
      <ItemsSection />
      <DataSection />
      <OpenExportsSection />
      <OutboxSection />
      {clinic && <AccountSection />}
      <p class="muted about">
        {clinic
          ? `${version}. Your data is kept by your clinic's daybreak; a clinician sees it only while you share it.`
          : `${version}. Everything stays on this computer; nothing is sent anywhere else.`}
      </p>
    </div>
  );
}


function ProfileSection() {
  const profile = useLoad(() => api.profile(), []);
  const zones = useLoad(() => api.timeZones(), []);
  const [name, setName] = useState<string | null>(null);
  const [zone, setZone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!profile.data) return null;
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await call(() => api.saveProfile({ ...(name !== null ? { name } : {}), ...(zone !== null ? { time_zone: zone } : {}) }));
      setError(null);
      profile.reload();
      diaryChanged();
      announce('Profile saved');
    } catch (err) {
      setError(settingsErrorText(err));
    }
  };
  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <form class="stack" onSubmit={save}>
        <label class="field">
          Your name
          <input value={name ?? profile.data.name} maxLength={60} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </label>
        {zones.data && zones.data.zones.length > 1 ? (
          <label class="field">
            Time zone <span class="hint">Diary days follow it.</span>
            <select value={zone ?? profile.data.time_zone} onChange={(e) => setZone((e.currentTarget as HTMLSelectElement).value)}>
              {zones.data.zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </label>
        ) : (
          // daybreak serve keeps the zone it started with (the C library's zone
          // is one per process): moving is a restart, done from the terminal.
          <div class="field">
            Time zone: <strong>{profile.data.time_zone.replace(/_/g, ' ')}</strong>
            <span class="hint">
              Diary days follow it. To move to another, stop daybreak, run <code>daybreak profile --time-zone ZONE</code> and
              start it again.
            </span>
          </div>
        )}
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <button class="button primary" type="submit">
          Save profile
        </button>
      </form>
    </section>
  );
}

// The emergency number the stop screen offers to call, and whether a doctor
// has diagnosed axial spondyloarthritis (BASDAI is offered only then).
function SafetySection() {
  const settings = useLoad(() => safetyReviewApi.settings(), []);
  const [number, setNumber] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const s = settings.data;
  if (!s) return null;
  const save = async (change: { emergency_number?: string; axspa_diagnosis?: 'yes' | 'no' }, said: string) => {
    try {
      await call(() => safetyReviewApi.changeSettings(change));
      setError(null);
      setNumber(null);
      settings.reload();
      announce(said);
    } catch (err) {
      setError(settingsErrorText(err));
    }
  };
  return (
    <section class="card" id="safety" aria-labelledby="safety-title">
      <h2 id="safety-title">Safety</h2>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ emergency_number: (number ?? s.emergency_number ?? '').trim() }, 'Emergency number saved');
        }}
      >
        <label class="field">
          Emergency number{' '}
          <span class="hint">
            {s.emergency_number && !s.emergency_number_chosen
              ? `The number for your time zone; change it if yours is different.`
              : 'The number the stop screen offers to call.'}
          </span>
          <input
            value={number ?? s.emergency_number ?? ''}
            inputMode="tel"
            autoComplete="off"
            maxLength={8}
            onInput={(e) => setNumber((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <button class="button" type="submit">
          Save emergency number
        </button>
      </form>
      <fieldset class="segmented axspa">
        <legend>Has a doctor told you that you have axial spondyloarthritis (ankylosing spondylitis)?</legend>
        {(['no', 'yes'] as const).map((a) => (
          <label key={a}>
            <input type="radio" name="axspa" checked={s.axspa_diagnosis === a} onChange={() => void save({ axspa_diagnosis: a }, 'Saved')} />
            <span>{a === 'yes' ? 'Yes' : 'No'}</span>
          </label>
        ))}
      </fieldset>
      <p class="hint">Only then is the BASDAI questionnaire offered: it is validated for that diagnosis only.</p>
    </section>
  );
}

function AppearanceSection() {
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme());
  const pick = (c: ThemeChoice) => {
    setChoice(c);
    applyTheme(c);
  };
  return (
    <section class="card" aria-labelledby="look-title">
      <h2 id="look-title">Appearance</h2>
      <fieldset class="segmented">
        <legend>Colours</legend>
        {(['system', 'light', 'dark'] as const).map((c) => (
          <label key={c}>
            <input type="radio" name="theme" checked={choice === c} onChange={() => pick(c)} />
            <span>{c === 'system' ? 'Like this device' : c === 'light' ? 'Light' : 'Dark'}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function ItemsSection() {
  const items = useLoad(() => api.items(), []);
  const [kind, setKind] = useState<'mattress' | 'pillow'>('pillow');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    try {
      await call(() => api.addItem(kind, name.trim()));
      setName('');
      setError(null);
      items.reload();
      announce(`Added ${kind} “${name.trim()}”`);
    } catch (err) {
      setError(settingsErrorText(err));
    }
  };
  const retire = async (id: number, label: string) => {
    try {
      await call(() => api.retireItem(id));
      items.reload();
      announce(`Retired “${label}”. Old entries keep it.`);
    } catch (err) {
      announce(settingsErrorText(err), 'warn');
    }
  };
  const active = items.data?.items.filter((i) => !i.retired_at) ?? [];
  return (
    <section class="card" id="sleep-items" aria-labelledby="items-title">
      <h2 id="items-title">Sleep set-up</h2>
      <p class="muted">Name your mattresses and pillows, then choose them when you log a night, to compare set-ups.</p>
      {active.length > 0 && (
        <ul class="item-list">
          {active.map((i) => (
            <li key={i.id}>
              <span>
                {i.name} <span class="muted">{i.kind}</span>
              </span>
              <button type="button" class="link-button" onClick={() => void retire(i.id, i.name)}>
                Retire <span class="visually-hidden">{i.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={add}>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as 'mattress' | 'pillow')}>
            <option value="pillow">Pillow</option>
            <option value="mattress">Mattress</option>
          </select>
        </label>
        <label class="grow">
          Name
          <input value={name} maxLength={60} placeholder="pillow between knees" onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button class="button" type="submit" disabled={name.trim() === ''}>
          Add
        </button>
      </form>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function DataSection() {
  const {
    file: csv,
    plan,
    problems,
    rechecked,
    done,
    choose,
    runImport,
    cancel,
    stop,
    closeStop,
  } = useFileImport(
    (text, dryRun, replace) => api.importCsv(text, dryRun, replace),
    (name, result) => csvDoneText(name, result),
  );
  const [check, setCheck] = useState<string | null>(null);
  const runCheck = async () => {
    try {
      const r = await call(() => api.check());
      setCheck(r.ok ? `Healthy: ${r.entries} entries, schema version ${r.schema_version}.` : `Problems found: ${r.problems.join('; ')}`);
    } catch (err) {
      setCheck(settingsErrorText(err));
    }
  };
  return (
    <section class="card" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p class="muted">Your diary is yours: take it with you as a CSV file, bring entries back the same way.</p>
      <div class="button-row">
        <a class="button" href="/api/export/csv" download="daybreak-diary.csv">
          Export as CSV
        </a>
        <button type="button" class="button" onClick={() => void runCheck()}>
          Check the database
        </button>
      </div>
      {check && <p role="status">{check}</p>}
      <label class="field file">
        Import a CSV file (as daybreak exports it)
        <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(takeFile(e.currentTarget as HTMLInputElement))} />
      </label>
      <ImportNotices
        plan={
          plan &&
          csv && {
            name: csv.name,
            text: csvPlanText(plan),
            nothingNew: plan.added === 0 && plan.replaced === 0,
            change: plan.replaced > 0 ? { text: csvReplaceText(plan.replaced), yes: importLabel(plan.added, plan.replaced) } : null,
          }
        }
        onImport={() => void runImport()}
        onCancel={cancel}
        rechecked={rechecked}
        done={done}
        problems={problems}
        stop={stop}
        onCloseStop={closeStop}
      />
    </section>
  );
}

// Entries waiting to be sent. Over plain HTTP (a paired phone on the home
// network), the page is not a secure context: no service worker, so no install
// and no offline start; the section then says so even when nothing waits.
function OutboxSection() {
  const items = useOutbox();
  const insecure = window.isSecureContext === false;
  if (items.length === 0 && !insecure) return null;
  return (
    <section class="card" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Waiting on this device</h2>
      {insecure && (
        <p class="muted" id="insecure-note">
          On this device, daybreak is reached over your home network without HTTPS, so it cannot be installed as an app
          or opened offline. If the computer cannot be reached while this page is open, entries you save wait in this
          browser's storage and are sent when it can.
        </p>
      )}
      {items.length === 0 ? (
        <p>Nothing is waiting to be sent.</p>
      ) : (
        <>
          <ul class="item-list">
            {items.map((i) => (
              <li key={i.key}>
                <span>
                  {i.entry.period}, {longDate(i.entry.date)} <span class="muted">{i.state === 'refused' ? 'not accepted' : `${i.attempts} tries`}</span>
                </span>
              </li>
            ))}
          </ul>
          <button type="button" class="button" onClick={() => void flushOutbox()}>
            Send now
          </button>
        </>
      )}
    </section>
  );
}

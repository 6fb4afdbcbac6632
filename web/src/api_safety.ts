// The safety check's clinician review over the API: the person confirms that
// a clinician has seen them (as `daybreak screen ack --seen-clinician`).
import { deviceOwner } from './account';
import { api, request, type SafetyGate, viewingPersonId } from './api';

export interface ClinicianSeenResult {
  event: { id: number; kind: 'clinician_seen'; at: string; channel: string; result: 'acknowledged' };
  safety: SafetyGate;
}

// The settings the safety check depends on (as `daybreak setup` sets them).
export interface SafetySettings {
  emergency_number: string | null;
  emergency_number_chosen: boolean; // false: the number for the time zone
  axspa_diagnosis: 'yes' | 'no' | null;
}

// The gate, once for every part of a screen that asks for it at the same
// time (Today's alert, safety card and program card): one request in flight
// at a time for whoever is viewed, and a fresh one after it has answered.
// Whose gate it is is settled when it is asked for: a viewed person's gate
// answering after the clinician left them is still never kept, nor given
// to a screen of someone else's.
let gateInFlight: { person: number | null; gate: Promise<SafetyGate> } | null = null;
export function loadGate(): Promise<SafetyGate> {
  askDiaryZone();
  const person = viewingPersonId();
  if (gateInFlight?.person === person) return gateInFlight.gate;
  const asked = {
    person,
    gate: api
      .safety()
      .then((g) => (person === null ? ownGateRead(remembered(g)) : g))
      .finally(() => {
        if (gateInFlight === asked) gateInFlight = null;
      }),
  };
  gateInFlight = asked;
  return asked.gate;
}

// Sends a request and, when it was about the person themself (nobody
// viewed when it was sent), lets `keep` keep what it answered.
function ownAnswer<T>(send: () => Promise<T>, keep: (answer: T) => unknown): Promise<T> {
  const own = viewingPersonId() === null;
  return send().then((answer) => {
    if (own) keep(answer);
    return answer;
  });
}

export const safetyReviewApi = {
  clinicianSeen: () =>
    ownAnswer(
      () => request<ClinicianSeenResult>('POST', '/api/safety/clinician', { body: { seen_clinician: true } }),
      (r) => ownGateRead(r.safety),
    ),
  settings: () => ownAnswer(() => request<SafetySettings>('GET', '/api/safety/settings'), remembered),
  changeSettings: (change: { emergency_number?: string; axspa_diagnosis?: 'yes' | 'no' }) =>
    ownAnswer(() => request<SafetySettings>('PATCH', '/api/safety/settings', { body: change }), remembered),
};

// The last emergency number daybreak gave, kept on this device: offline the
// gate cannot be read, and the stop screen still offers the number to call.
const NUMBER_KEY = 'daybreak.emergency-number';

type NumberStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function deviceStorage(): NumberStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

// As the server says it: a number it no longer knows is forgotten here too.
export function rememberEmergencyNumber(number: string | null, storage = deviceStorage()): void {
  try {
    if (number) storage?.setItem(NUMBER_KEY, number);
    else storage?.removeItem(NUMBER_KEY);
  } catch {
    /* no storage: offline, the stop screen names no number */
  }
}

export function knownEmergencyNumber(storage = deviceStorage()): string | null {
  try {
    return storage?.getItem(NUMBER_KEY) || null;
  } catch {
    return null;
  }
}

// A clinician viewing a person reads that person's number: not theirs to keep.
function remembered<T extends { emergency_number: string | null }>(said: T): T {
  if (viewingPersonId() === null) rememberEmergencyNumber(said.emergency_number);
  return said;
}

// The last safety gate the person themself was given on this device, and
// when: offline the gate cannot be read, and a lock must not vanish because
// the connection did (Today, Session and the safety check show it, saying
// it is as of then). Kept for whoever's device memory this is (deviceOwner():
// the signed-in login, or nobody's when accounts are off) and shown only to
// them; never the gate of a person a clinician views; forgotten on signing out.
const GATE_KEY = 'daybreak.safety-gate.v1';

export interface KeptGate {
  gate: SafetyGate;
  read_at: string; // when daybreak gave it (an instant, ISO 8601)
  owner?: string; // the login it belongs to; absent when accounts are off
  zone?: string; // the diary's time zone, to say read_at in
}

const GATE_STATUSES: readonly string[] = ['ok', 'check_needed', 'paused', 'locked'];

export function keepGate(
  gate: SafetyGate,
  owner: string | undefined,
  at: Date,
  zone: string | undefined,
  storage = deviceStorage(),
): void {
  const kept: KeptGate = {
    gate,
    read_at: at.toISOString(),
    ...(owner !== undefined ? { owner } : {}),
    ...(zone ? { zone } : {}),
  };
  try {
    storage?.setItem(GATE_KEY, JSON.stringify(kept));
  } catch {
    /* no storage (or full): offline, nothing is shown, as before */
  }
}

// The gate kept for `owner`, or null (none kept, another person's, unreadable).
export function keptGate(owner: string | undefined, storage = deviceStorage()): KeptGate | null {
  try {
    const text = storage?.getItem(GATE_KEY);
    if (!text) return null;
    const kept = JSON.parse(text) as Partial<KeptGate> | null;
    const g = kept?.gate;
    if (!kept || !g || !GATE_STATUSES.includes(g.status) || !Array.isArray(g.reasons) || typeof kept.read_at !== 'string')
      return null;
    return kept.owner === owner ? (kept as KeptGate) : null;
  } catch {
    return null;
  }
}

export function forgetOwnGate(storage = deviceStorage()): void {
  diaryZone = undefined; // the next person's may be another
  zoneAsked = false;
  try {
    storage?.removeItem(GATE_KEY);
  } catch {
    /* nothing kept */
  }
}

// A gate daybreak just gave: kept when it is the person's own, as of the
// moment daybreak says it stands at (this device's clock may be wrong).
export function ownGateRead(gate: SafetyGate): SafetyGate {
  const asOf = gate.as_of ? new Date(gate.as_of) : new Date();
  if (viewingPersonId() === null) keepGate(gate, deviceOwner(), isNaN(asOf.getTime()) ? new Date() : asOf, diaryZone);
  return gate;
}

// The person's own diary zone, once Today has said it (state.ts passes it on),
// for the kept gate: the gate and Today are read side by side, so whichever
// answers last, the kept gate ends up with the zone. The gate's answer says
// no time of its own, so the browser's clock says when it was read, and the
// zone says it on the diary's clock.
let diaryZone: string | undefined;

// When the gate is read before Today (a session or the safety check opened
// first), the profile says the zone instead: asked once, beside the gate.
let zoneAsked = false;
function askDiaryZone(): void {
  if (diaryZone || zoneAsked || viewingPersonId() !== null) return;
  zoneAsked = true;
  api.profile().then(
    (p) => noteDiaryZone(p.time_zone),
    () => {
      zoneAsked = false; // not reached, or not signed in yet: asked again with the next gate
    },
  );
}

export function noteDiaryZone(zone: string | undefined, storage = deviceStorage()): void {
  if (!zone || viewingPersonId() !== null) return; // a viewed person's Today says their zone, not this person's
  diaryZone = zone;
  try {
    const text = storage?.getItem(GATE_KEY);
    const kept = text ? (JSON.parse(text) as KeptGate | null) : null;
    if (kept && typeof kept === 'object' && kept.zone !== zone) storage?.setItem(GATE_KEY, JSON.stringify({ ...kept, zone }));
  } catch {
    /* nothing kept, or not readable: nothing to add the zone to */
  }
}

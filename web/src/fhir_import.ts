// Which logged entries a FHIR file would update. daybreak's dry run counts
// them (`replaced`) without naming them, and its FHIR import always updates
// them (there is no replace to leave out), so the web names them before the
// person says yes. A file's entries are the resources marked with the diary
// day and period they belong to (docs/fhir.md); those the diary has logged
// are updated, or skipped when the file's values are the same. Named only
// when that is exact: as many logged as the dry run would update.
import { api, type Entry, type Period } from './api';
import { addDays } from './format';

const EXTENSION = 'https://daybreak.invalid/fhir/StructureDefinition/';
const PERIODS: readonly Period[] = ['night', 'morning', 'afternoon', 'evening'];
const MAX_DAYS = 3660; // the most GET /api/entries gives at once

export interface EntryKey {
  date: string;
  period: Period;
}

interface Resource {
  resourceType?: unknown;
  code?: { coding?: { code?: unknown }[] };
  extension?: { url?: unknown; valueDate?: unknown; valueCode?: unknown }[];
}

// The days and periods a Bundle has entries for, in diary order; null when
// the text is not a Bundle. A safety check marked with the entry that
// prompted it is not an entry of its own.
export function entriesInBundle(text: string): EntryKey[] | null {
  let bundle: { entry?: { resource?: Resource }[] };
  try {
    bundle = JSON.parse(text) as typeof bundle;
  } catch {
    return null;
  }
  if (!bundle || !Array.isArray(bundle.entry)) return null;
  const found = new Map<string, EntryKey>();
  for (const item of bundle.entry) {
    const r = item?.resource;
    if (!r || !Array.isArray(r.extension)) continue;
    if (r.resourceType === 'Observation' && r.code?.coding?.some((c) => c?.code === 'safety-check')) continue;
    const date = r.extension.find((x) => x?.url === `${EXTENSION}diary-day`)?.valueDate;
    const period = r.extension.find((x) => x?.url === `${EXTENSION}diary-period`)?.valueCode;
    if (typeof date !== 'string' || !PERIODS.includes(period as Period)) continue;
    found.set(`${date}/${period}`, { date, period: period as Period });
  }
  return [...found.values()].sort((a, b) =>
    a.date === b.date ? PERIODS.indexOf(a.period) - PERIODS.indexOf(b.period) : a.date < b.date ? -1 : 1,
  );
}

// The entries of the file already logged in the diary, when they are exactly
// the `replaced` the dry run counted; else null (some are the same as logged,
// and which differ cannot be told here).
export async function entriesToUpdate(
  text: string,
  replaced: number,
  list: (from: string, to: string) => Promise<{ entries: Pick<Entry, 'date' | 'period'>[] }> = api.entries,
): Promise<EntryKey[] | null> {
  const keys = entriesInBundle(text);
  if (!keys || keys.length === 0 || replaced === 0) return null;
  const last = keys[keys.length - 1]!.date;
  const logged = new Set<string>();
  for (let from = keys[0]!.date; from <= last; from = addDays(from, MAX_DAYS)) {
    const to = addDays(from, MAX_DAYS - 1) < last ? addDays(from, MAX_DAYS - 1) : last;
    for (const e of (await list(from, to)).entries) logged.add(`${e.date}/${e.period}`);
  }
  const found = keys.filter((k) => logged.has(`${k.date}/${k.period}`));
  return found.length === replaced ? found : null;
}

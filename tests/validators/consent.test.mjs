// A person's sharing as FHIR R4 Consent (issue 21): `daybreak share --fhir`
// after sharing parts until a day, sharing everything, and stopping one. Every
// resource passes @medplum/core and the official R4 JSON schema; the Consents
// say what the grants say (active or not, the period, the clinician, the
// parts); and broken copies are rejected by the validators.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { medplumErrors, schemaErrors } from './fhir_validate.mjs';

const binary = process.env.DAYBREAK_BINARY;
if (!binary) throw new Error('DAYBREAK_BINARY names the daybreak program to test');
const dir = mkdtempSync(join(tmpdir(), 'daybreak-consent-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function ok(args, { input = '', now = '2026-11-23T07:30:00+01:00' } = {}) {
  const r = spawnSync(binary, args, {
    input,
    encoding: 'utf8',
    env: { ...process.env, DAYBREAK_HOME: dir, DAYBREAK_FAKE_NOW: now, TZ: 'Europe/Berlin' },
  });
  assert.equal(r.status, 0, `daybreak ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

ok(['admin', 'user', 'add', 'dr.berg', '--role', 'clinician', '--name', 'Dr Berg', '--password-stdin'], {
  input: 'a long clinic password\n',
});
ok(['admin', 'user', 'add', 'anna', '--role', 'person', '--name', 'Anna', '--password-stdin'], {
  input: 'anna likes slow mornings\n',
});
ok(['share', '--person', 'anna', '--with', 'dr.berg', '--scope', 'diary', '--scope', 'program', '--until', '2027-03-01']);
ok(['share', '--person', 'anna', '--with', 'dr.berg'], { now: '2026-11-24T09:00:00+01:00' });
ok(['share', '--person', 'anna', '--stop', '2'], { now: '2026-11-25T18:15:00+01:00' });
const text = ok(['share', '--person', 'anna', '--fhir'], { now: '2026-11-26T08:00:00+01:00' });
const bundle = JSON.parse(text);
const resources = bundle.entry.map((e) => e.resource);
const consents = resources.filter((r) => r.resourceType === 'Consent');

function problems(b) {
  return [{ ...b, entry: [] }, ...b.entry.map((e) => e.resource)].flatMap((r) => [...medplumErrors(r), ...schemaErrors(r)]);
}

test('the sharing export passes @medplum/core and the official R4 JSON schema with zero errors', () => {
  assert.equal(bundle.type, 'collection');
  assert.deepEqual(resources.map((r) => r.resourceType), ['Patient', 'Practitioner', 'Consent', 'Consent']);
  assert.deepEqual(problems(bundle), []);
});

test('each Consent says what its grant says', () => {
  const [patient, practitioner] = resources;
  assert.equal(practitioner.name[0].text, 'Dr Berg');
  const [parts, everything] = consents;
  for (const c of consents) {
    assert.equal(c.patient.reference, `urn:uuid:${patient.id}`);
    assert.equal(c.scope.coding[0].code, 'patient-privacy');
    assert.equal(c.provision.type, 'permit');
    assert.equal(c.provision.actor[0].reference.reference, `urn:uuid:${practitioner.id}`);
    assert.equal(c.provision.actor[0].role.coding[0].code, 'IRCP');
  }
  // Parts until a day: active, the period ends on that day, the parts listed.
  assert.equal(parts.status, 'active');
  assert.equal(parts.dateTime, '2026-11-23T07:30:00+01:00');
  assert.deepEqual(parts.provision.period, { start: '2026-11-23T07:30:00+01:00', end: '2027-03-01' });
  assert.deepEqual(parts.provision.code.map((c) => c.coding[0].code), ['diary', 'program']);
  // Everything, stopped: inactive, ending when it was stopped, no parts (all of it).
  assert.equal(everything.status, 'inactive');
  assert.deepEqual(everything.provision.period, { start: '2026-11-24T09:00:00+01:00', end: '2026-11-25T18:15:00+01:00' });
  assert.equal(everything.provision.code, undefined);
});

test('a grant past its last day is an inactive Consent', () => {
  const later = JSON.parse(ok(['share', '--person', 'anna', '--fhir'], { now: '2027-03-02T08:00:00+01:00' }));
  const statuses = later.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Consent').map((c) => c.status);
  assert.deepEqual(statuses, ['inactive', 'inactive']);
});

test('broken Consents are rejected by the validators', () => {
  const broken = (f) => {
    const b = structuredClone(bundle);
    f(b.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Consent')[0]);
    return problems(b);
  };
  // a status outside the required binding: the schema
  assert.ok(broken((c) => { c.status = 'granted'; }).some((l) => l.startsWith('schema')));
  // no scope (1..1): medplum
  assert.ok(broken((c) => { delete c.scope; }).some((l) => l.startsWith('medplum')));
  // neither policy nor policyRule (invariant ppc-1): medplum
  assert.ok(broken((c) => { delete c.policyRule; }).some((l) => l.startsWith('medplum')));
  // an unknown property: both
  const unknown = broken((c) => { c.sharedWith = 'Dr Berg'; });
  assert.ok(unknown.some((l) => l.startsWith('medplum')) && unknown.some((l) => l.startsWith('schema')), unknown.join('\n'));
});

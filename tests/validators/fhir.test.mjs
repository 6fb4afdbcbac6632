// daybreak's FHIR R4 export, checked offline by real validators, and its
// import: a diary with every kind of value, a guided session and three
// questionnaires is exported, validated (zero errors from @medplum/core and
// the official R4 JSON schema), imported into a fresh diary and exported
// again byte for byte; bad files are refused with the resource and the
// FHIRPath of the bad element, and change nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { medplumErrors, schemaErrors } from './fhir_validate.mjs';

const binary = process.env.DAYBREAK_BINARY;
if (!binary) throw new Error('DAYBREAK_BINARY names the daybreak program to test');
const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function diary() {
  const dir = mkdtempSync(join(tmpdir(), 'daybreak-fhir-'));
  dirs.push(dir);
  return dir;
}

function run(dir, args, { input = '', now = '2026-11-23T07:30:00+01:00' } = {}) {
  const r = spawnSync(binary, args, {
    input,
    encoding: 'utf8',
    env: { ...process.env, DAYBREAK_HOME: dir, DAYBREAK_FAKE_NOW: now, TZ: 'Europe/Berlin' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function ok(dir, args, options) {
  const r = run(dir, args, options);
  assert.equal(r.code, 0, `daybreak ${args.join(' ')}: ${r.err}`);
  return r.out;
}

// Every part of a Bundle checked on its own: medplum checks a Bundle's entries only as Resource.
// A document keeps its first entry, so that bdl-11 (a Composition first) is checked.
function problems(bundle) {
  const head = { ...bundle, entry: bundle.type === 'document' ? bundle.entry.slice(0, 1) : [] };
  const parts = [head, ...bundle.entry.map((e) => e.resource)];
  return parts.flatMap((r) => [...medplumErrors(r), ...schemaErrors(r)]);
}

const source = diary();
ok(source, ['item', 'add', 'pillow', 'knee pillow']);
ok(source, ['item', 'add', 'mattress', 'firm foam']);
ok(source, ['log', 'night', '--date', 'yesterday', '--pain', '2', '--bedtime', '22:50', '--wake-time', '06:30'], {
  now: '2026-11-22T07:00:00+01:00',
});
ok(source, ['log', 'night', '--pain', '3', '--bedtime', '23:10', '--wake-time', '06:40', '--awakenings', '1',
  '--sleep-quality', '6', '--sleep-position', 'left_side', '--mattress', 'firm foam', '--pillows', 'knee pillow',
  '--room-temperature', '18.5', '--humidity', '45', '--factors', 'late dinner', '--note', 'woke at 3, "stiff"\nthen slept']);
ok(source, ['log', 'morning', '--pain', '5', '--stiffness-minutes', '45', '--still-stiff',
  '--stiffness-severity', '6', '--signs', 'stiffness,ache', '--locations', 'back_left,buttock_left',
  '--leg-symptoms', 'tingling_left', '--red-flags', 'no', '--medications', 'ibuprofen, 400 mg, 07:25',
  '--medications', 'paracetamol', '--relief', 'heat', '--factors', 'caffeine=2', '--factors', 'mood=calm']);
ok(source, ['log', 'afternoon', '--pain', '4', '--walking-minutes', '30', '--sitting-hours', '2.5', '--anxiety', '3'],
  { now: '2026-11-23T15:00:00+01:00' });
const noWarningSigns =
  'both_legs=no,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_weakness=no,major_accident=no,fever=no,weight_loss=no,cancer_history=no,night_pain=no,bone_risk_trauma=no,age_at_onset=no';
ok(source, ['screen', '--answers', noWarningSigns]);
ok(source, ['screen', 'legs'], { input: 'no\nno\nno\nno\nno\n', now: '2026-11-23T07:35:00+01:00' });
// A session stopped for pain after two exercises, so the Procedure is "stopped" with a reason.
ok(source, ['session', 'flare', '--script'], { input: 'pain 6\ncomfort 3\ncomfort 4\nquit\nreason pain\n', now: '2026-11-23T07:40:00+01:00' });
ok(source, ['questionnaire', 'take', 'odi', '--answers', 'pain_intensity=1,personal_care=0,lifting=1,walking=1,sitting=1,standing=1,sleeping=1,sex_life=skip,social_life=1,travelling=1']);
ok(source, ['questionnaire', 'take', 'start_back', '--answers', '1=agree,2=disagree,3=agree,4=disagree,5=disagree,6=disagree,7=disagree,8=agree,9=3'], { now: '2026-11-23T08:00:00+01:00' });
ok(source, ['questionnaire', 'take', 'psfs', '--answers', 'bending to put on socks=3; getting out of bed=5'], { now: '2026-11-23T08:05:00+01:00' });
// Where the program stands: a stage and two levels set (by hand here; the rule sets them after session days).
ok(source, ['progress', 'set', '--stage', '2', '--note', 'physio'], { now: '2026-11-23T08:10:00+01:00' });
ok(source, ['progress', 'set', 'cat_camel', '2'], { now: '2026-11-23T08:11:00+01:00' });
ok(source, ['progress', 'set', 'bird_dog', '2'], { now: '2026-11-23T08:12:00+01:00' });
// A personal experiment, running: three nights logged, one not followed, with a note.
ok(source, ['experiment', 'new', '--a', 'pillow between knees', '--b', 'no pillow', '--nights', '5', '--seed', '7'],
  { now: '2026-11-20T21:00:00+01:00' });
ok(source, ['experiment', 'log', 'yes'], { now: '2026-11-21T07:00:00+01:00' });
ok(source, ['experiment', 'log', 'no', '--note', 'pillow fell out'], { now: '2026-11-22T07:05:00+01:00' });
ok(source, ['experiment', 'log', 'yes'], { now: '2026-11-23T07:10:00+01:00' });
const exported = ok(source, ['export', 'fhir']);
const bundle = JSON.parse(exported);

test('the export is a collection Bundle of every kind of resource daybreak writes', () => {
  assert.equal(bundle.resourceType, 'Bundle');
  assert.equal(bundle.type, 'collection');
  const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
  for (const t of ['Patient', 'Observation', 'MedicationStatement', 'Procedure', 'Questionnaire', 'QuestionnaireResponse', 'CarePlan', 'ClinicalImpression']) {
    assert.ok(types.has(t), `a ${t}`);
  }
  const pain = bundle.entry.map((e) => e.resource).filter((r) => r.code?.coding?.[0]?.code === '72514-3');
  assert.ok(pain.length >= 5);
  assert.ok(pain.every((r) => r.bodySite.coding[0].code === '37822005' && /[+-]\d\d:\d\d$/.test(r.effectiveDateTime)));
  const score = bundle.entry.map((e) => e.resource).find((r) => r.code?.coding?.[0]?.code === '97909-6');
  assert.ok(score.derivedFrom[0].reference.startsWith('urn:uuid:'));
  // The safety checks: the full one with every answer and the inflammatory back pain screen, the leg check
  // with the diary entry that prompted it.
  const checks = bundle.entry.map((e) => e.resource).filter((r) => r.code?.coding?.[0]?.code === 'safety-check');
  assert.deepEqual(checks.map((c) => c.extension[0].valueCode), ['full', 'legs']);
  assert.ok(checks.every((c) => c.valueCodeableConcept.coding[0].code === 'no_flags'));
  assert.equal(checks[0].component.filter((c) => c.code.coding[0].system.endsWith('/safety-question')).length, 12);
  assert.ok(checks[0].component.some((c) => c.code.coding[0].code === 'ibp-outcome'));
  assert.deepEqual(checks[1].extension.slice(1).map((x) => x.valueDate ?? x.valueCode), ['2026-11-23', 'morning']);
  // The program: its stage, and each exercise's level.
  const plan = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'CarePlan');
  assert.deepEqual(plan.extension[0].extension.map((x) => x.valueCode ?? x.valueInteger), ['daybreak', 2]);
  assert.deepEqual(plan.activity.map((a) => [a.detail.code.coding[0].code, a.detail.extension[0].valueInteger]),
    [['bird_dog', 2], ['cat_camel', 2]]);
});

test('every resource passes @medplum/core and the official R4 JSON schema with zero errors', () => {
  assert.deepEqual(problems(bundle), []);
});

test('exporting twice gives the same bytes', () => {
  assert.equal(ok(source, ['export', 'fhir']), exported);
});

test('negative fixtures fail the validators', () => {
  const mutate = (f) => {
    const b = structuredClone(bundle);
    f(b.entry.map((e) => e.resource));
    return problems(b);
  };
  // an unknown property: both validators
  const unknown = mutate((r) => { r[1].colour = 'red'; });
  assert.ok(unknown.some((l) => l.startsWith('medplum')) && unknown.some((l) => l.startsWith('schema')), unknown.join('\n'));
  // a code outside a required binding: the schema (medplum does not check bindings)
  assert.ok(mutate((r) => { r[1].status = 'done'; }).some((l) => l.startsWith('schema')));
  // a missing required element (Observation.code, cardinality 1..1): medplum
  assert.ok(mutate((r) => { delete r[1].code; }).some((l) => l.startsWith('medplum')));
});

// The clinician report as a FHIR document: a Composition first whose sections
// are the report's parts, the Patient of the diary's export, the PDF inside.
test('the report as a FHIR document Bundle passes the validators and holds the same PDF', () => {
  const text = ok(source, ['report', '--format', 'fhir', '--output', '-']);
  const doc = JSON.parse(text);
  assert.equal(doc.type, 'document');
  assert.ok(doc.identifier?.system && doc.identifier?.value, 'a document has an identifier (bdl-9)');
  assert.match(doc.timestamp, /^2026-11-23T07:30:00\+01:00$/);
  const [composition, patient, reference] = doc.entry.map((e) => e.resource);
  assert.equal(composition.resourceType, 'Composition', 'the Composition comes first (bdl-11)');
  assert.equal(patient.id, bundle.entry[0].resource.id, "the Patient is the diary export's");
  assert.equal(composition.subject.reference, `urn:uuid:${patient.id}`);
  const titles = composition.section.map((s) => s.title);
  for (const t of ['Key changes', 'Questionnaires', 'The program', 'How to read this report', 'The report as PDF']) {
    assert.ok(titles.includes(t), `a section "${t}" in ${titles.join(', ')}`);
  }
  const pdfSection = composition.section.find((s) => s.title === 'The report as PDF');
  assert.equal(pdfSection.entry[0].reference, doc.entry[2].fullUrl);
  assert.equal(reference.resourceType, 'DocumentReference');
  const attached = Buffer.from(reference.content[0].attachment.data, 'base64');
  const pdf = spawnSync(binary, ['report', '--output', '-'], {
    env: { ...process.env, DAYBREAK_HOME: source, DAYBREAK_FAKE_NOW: '2026-11-23T07:30:00+01:00', TZ: 'Europe/Berlin' },
  }).stdout;
  assert.ok(attached.subarray(0, 5).equals(Buffer.from('%PDF-')), 'a PDF');
  assert.ok(attached.equals(pdf), 'the same bytes as daybreak report');
  assert.deepEqual(problems(doc), []);
  assert.equal(ok(source, ['report', '--format', 'fhir', '--output', '-']), text, 'the same clock gives the same file');

  // A document without its identifier, or with a section that says nothing, must fail.
  const broken = structuredClone(doc);
  delete broken.identifier;
  assert.ok(problems(broken).some((l) => l.startsWith('medplum')), 'bdl-9 caught');
  const empty = structuredClone(doc);
  empty.entry[0].resource.section[0] = { title: 'Nothing' };
  assert.ok(problems(empty).length > 0, 'cmp-1 caught');
});

test('export -> import into a fresh diary -> export gives the same file, and a second import changes nothing', () => {
  const file = join(source, 'export.json');
  writeFileSync(file, exported);
  const copy = diary();
  const imported = ok(copy, ['import', 'fhir', file], { now: '2026-11-23T20:00:00+01:00' });
  assert.match(imported, /Imported 4 new entries, updated 0, 0 already in your diary/);
  assert.match(imported, /Sessions: 1 new, 0 already in your diary\.\nQuestionnaires: 3 new/);
  assert.match(imported, /Safety checks: 2 new, 0 already in your diary/);
  assert.equal(ok(copy, ['export', 'fhir']), exported);
  const again = ok(copy, ['import', 'fhir', file], { now: '2026-11-23T20:05:00+01:00' });
  assert.match(again, /0 new entries, updated 0, 4 already in your diary/);
  assert.match(again, /Sessions: 0 new, 1 already in your diary\.\nQuestionnaires: 0 new, 3 already/);
  assert.match(again, /Safety checks: 0 new, 2 already in your diary/);
  assert.equal(ok(copy, ['export', 'fhir']), exported);
});

test('a re-import updates an entry whose values changed instead of adding one, only with --replace', () => {
  const b = structuredClone(bundle);
  const pain = b.entry.find((e) => e.resource.code?.coding?.[0]?.code === '72514-3' && e.resource.extension?.[1]?.valueCode === 'morning');
  pain.resource.valueInteger = 2;
  const file = join(source, 'changed.json');
  writeFileSync(file, JSON.stringify(b));
  const copy = diary();
  ok(copy, ['import', 'fhir', join(source, 'export.json')], { now: '2026-11-23T20:00:00+01:00' });
  const unasked = run(copy, ['import', 'fhir', file], { now: '2026-11-23T20:10:00+01:00' });
  assert.equal(unasked.code, 2, unasked.out);
  assert.match(unasked.err, /nothing was imported: 1 entry clashes with your diary\n.*the morning of 2026-11-23.*--replace/);
  assert.match(ok(copy, ['import', 'fhir', file, '--replace'], { now: '2026-11-23T20:10:00+01:00' }), /0 new entries, updated 1, 3 already/);
  const history = JSON.parse(ok(copy, ['history', '--json', '--from', '2026-11-23', '--to', '2026-11-23']));
  assert.equal(history.find((e) => e.period === 'morning').fields.pain, 2);
});

test('a bad value is refused with the resource and the FHIRPath of the element, and nothing is imported', () => {
  const cases = [
    [(r) => { r.valueInteger = 11; }, '72514-3', /Observation\/[0-9a-f-]{36} at Bundle\.entry\[\d+\]\.resource\.valueInteger: '11' is not allowed; allowed: a whole number from 0 to 10/],
    [(r) => { r.valueQuantity.code = 'h'; }, 'morning-stiffness-duration', /\.valueQuantity\.code: 'h' is not allowed; allowed: the UCUM unit min/],
    [(r) => { r.colour = 'red'; }, 'bedtime', /\.resource\.colour: 'red' is not allowed; allowed: a member daybreak reads here/],
    [(r) => { r.valueCodeableConcept.coding[0].code = 'elbow'; }, 'pain-location', /valueCodeableConcept\.coding\[0\]\.code: 'elbow' is not allowed; allowed: any of: back_left/],
    [(r) => { r.valueDateTime = '2026-11-23T13:00:00+01:00'; }, 'bedtime', /\.valueDateTime: '2026-11-23T13:00:00\+01:00' is not allowed/],
  ];
  for (const [change, code, expected] of cases) {
    const b = structuredClone(bundle);
    change(b.entry.find((e) => e.resource.code?.coding?.[0]?.code === code).resource);
    const file = join(source, 'bad.json');
    writeFileSync(file, JSON.stringify(b));
    const copy = diary();
    const r = run(copy, ['import', 'fhir', file]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, expected);
    assert.match(r.err, /nothing was imported/);
    assert.equal(ok(copy, ['history', '--json', '--from', '2026-11-01']), '[]\n');
  }
});

// Before, the safety checks stayed behind: a diary moved to another daybreak
// (a clinic's) forgot a warning sign answered at home, and the person's
// program went on as if no check had ever been made.
test('a warning sign answered at home still stops exercise after the diary moves as FHIR', () => {
  const home = diary();
  // The diary's one-tap check answered yes makes a check of its own; the import brings it, and makes no second.
  ok(home, ['log', 'morning', '--pain', '6', '--red-flags', 'yes']);
  const answers = 'both_legs=yes,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_weakness=no,major_accident=no,fever=no,weight_loss=no,cancer_history=no,night_pain=no,bone_risk_trauma=no,age_at_onset=no';
  ok(home, ['screen', '--answers', answers]);
  const status = ok(home, ['screen', 'status']);
  assert.match(status, /emergency|clinician/i, status);
  const file = join(home, 'home.json');
  writeFileSync(file, ok(home, ['export', 'fhir']));
  const clinic = diary();
  assert.match(ok(clinic, ['import', 'fhir', file], { now: '2026-11-23T09:00:00+01:00' }), /Safety checks: 2 new/);
  assert.equal(ok(clinic, ['screen', 'status']), status);
  assert.deepEqual(JSON.parse(ok(clinic, ['screen', 'history', '--json'])).map((c) => [c.kind, c.result, c.raised]),
    JSON.parse(ok(home, ['screen', 'history', '--json'])).map((c) => [c.kind, c.result, c.raised]));

  // A check whose result is not its answers' is refused, and nothing is imported.
  const b = JSON.parse(readFileSync(file, 'utf8'));
  const check = b.entry.find((e) => e.resource.code?.coding?.[0]?.code === 'safety-check' && e.resource.extension[0].valueCode === 'full').resource;
  check.valueCodeableConcept.coding[0].code = 'no_flags';
  const bad = join(home, 'bad.json');
  writeFileSync(bad, JSON.stringify(b));
  const other = diary();
  const r = run(other, ['import', 'fhir', bad]);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /valueCodeableConcept\.coding\[0\]\.code: 'no_flags' is not allowed; allowed: the result of these answers, emergency \(daybreak judges them again\)/);
  assert.equal(ok(other, ['history', '--json', '--from', '2026-11-01']), '[]\n');
  assert.match(ok(other, ['screen', 'status']), /first safety check has not been done/);
});

// An import at home makes one one-tap check per recent entry with a warning
// sign, all at the same moment: each is its own resource, and each comes back.
test('checks made at one moment for different entries are resources of their own', () => {
  const home = diary();
  const csv = join(home, 'old.csv');
  writeFileSync(csv, 'date,period,pain,red_flags\n2026-11-22,evening,5,yes\n2026-11-23,morning,6,yes\n');
  ok(home, ['import', 'csv', csv]);
  const b = JSON.parse(ok(home, ['export', 'fhir']));
  const quick = b.entry.filter((e) => e.resource.code?.coding?.[0]?.code === 'safety-check');
  assert.equal(quick.length, 2);
  assert.equal(new Set(b.entry.map((e) => e.fullUrl)).size, b.entry.length, 'every fullUrl once');
  const file = join(home, 'home.json');
  writeFileSync(file, JSON.stringify(b));
  const clinic = diary();
  assert.match(ok(clinic, ['import', 'fhir', file]), /Safety checks: 2 new, 0 already/);
  assert.match(ok(clinic, ['import', 'fhir', file]), /Safety checks: 0 new, 2 already/);
  assert.equal(ok(clinic, ['export', 'fhir']), ok(home, ['export', 'fhir']));
});

// Before, two answers to one questionnaire in the same second (or two sessions
// of one routine) were one resource twice: the export broke bdl-7 (a fullUrl
// once in a Bundle) and no import took the diary at all.
test('two questionnaires of one kind and two sessions of one routine in the same second are resources of their own', () => {
  const home = diary();
  const odi = 'pain_intensity=1,personal_care=0,lifting=1,walking=1,sitting=1,standing=1,sleeping=1,sex_life=skip,social_life=1,travelling=1';
  ok(home, ['questionnaire', 'take', 'odi', '--answers', odi]);
  ok(home, ['questionnaire', 'take', 'odi', '--answers', odi.replace('lifting=1', 'lifting=4')]);
  ok(home, ['screen', '--answers', noWarningSigns]);
  for (const pain of ['5', '6']) {
    ok(home, ['session', 'flare', '--script'], { input: `pain ${pain}\ncomfort 3\nquit\nreason pain\n`, now: '2026-11-23T07:40:00+01:00' });
  }
  const exported = ok(home, ['export', 'fhir']);
  const b = JSON.parse(exported);
  assert.equal(b.entry.filter((e) => e.resource.resourceType === 'QuestionnaireResponse').length, 2);
  assert.equal(b.entry.filter((e) => e.resource.resourceType === 'Procedure').length, 2);
  assert.equal(new Set(b.entry.map((e) => e.fullUrl)).size, b.entry.length, 'every fullUrl once');
  assert.deepEqual(problems(b), []);
  assert.equal(ok(home, ['export', 'fhir']), exported, 'the same ids at every export');
  const file = join(home, 'home.json');
  writeFileSync(file, exported);
  const clinic = diary();
  assert.match(ok(clinic, ['import', 'fhir', file]), /Sessions: 2 new, 0 already in your diary\.\nQuestionnaires: 2 new, 0 already/);
  assert.match(ok(clinic, ['import', 'fhir', file]), /Sessions: 0 new, 2 already in your diary\.\nQuestionnaires: 0 new, 2 already/);
  assert.equal(ok(clinic, ['export', 'fhir']), exported);
  // One of them with other answers is still a clash, refused with nothing imported.
  const clash = structuredClone(b);
  const answered = clash.entry.map((e) => e.resource).filter((r) => r.resourceType === 'QuestionnaireResponse')[1];
  const answer = (id) => answered.item.find((i) => i.linkId === id).answer[0];
  [answer('lifting').valueInteger, answer('walking').valueInteger] = [answer('walking').valueInteger, answer('lifting').valueInteger];  // the same score
  writeFileSync(file, JSON.stringify(clash));
  const refused = run(clinic, ['import', 'fhir', file]);
  assert.notEqual(refused.code, 0);
  assert.match(refused.err, /a questionnaire not in your diary yet: response \d+ was taken then with other answers/);
});

// Before, the program stayed behind: a person at stage 2 at home began the
// clinic's program at stage 1, every exercise at its first level.
test("the program's stage and levels come along, and a diary's own are kept", () => {
  const file = join(source, 'export.json');
  writeFileSync(file, exported);
  const progress = (dir) => {
    const p = JSON.parse(ok(dir, ['progress', '--json']));
    return [p.stage, p.levels];
  };
  const fresh = diary();
  assert.match(ok(fresh, ['import', 'fhir', file]), /Program: 1 stage and 2 exercise levels set from the file\./);
  assert.deepEqual(progress(fresh), progress(source));
  assert.match(ok(fresh, ['progress', 'explain']), /Brought in with your diary/);

  // A diary that has its own stage (a clinician set it) keeps it; the levels it has no value for come in.
  const clinic = diary();
  ok(clinic, ['screen', '--answers', noWarningSigns]); // a later stage by hand waits for the safety questions
  ok(clinic, ['progress', 'set', '--stage', '3', '--note', 'Dr Berg']);
  assert.match(ok(clinic, ['import', 'fhir', file]), /Program: 0 stages and 2 exercise levels set from the file; 1 kept as your diary has it\./);
  assert.equal(progress(clinic)[0], 3);
  assert.deepEqual(progress(clinic)[1], progress(source)[1]);

  // A stage past the program's last is refused, and nothing is imported.
  const b = structuredClone(bundle);
  b.entry.find((e) => e.resource.resourceType === 'CarePlan').resource.extension[0].extension[1].valueInteger = 9;
  const bad = join(source, 'bad-stage.json');
  writeFileSync(bad, JSON.stringify(b));
  const other = diary();
  const r = run(other, ['import', 'fhir', bad]);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /CarePlan\/[0-9a-f-]{36} at Bundle\.entry\[\d+\]\.resource\.extension\[0\]\.extension\[1\]\.valueInteger: a stage of daybreak from 1 to 4; 9 is not one/);
  assert.equal(ok(other, ['history', '--json', '--from', '2026-11-01']), '[]\n');
  assert.equal(progress(other)[0], 1);
});

// Before, experiments stayed behind: a person who moved their diary into a
// clinic lost the experiment they were running, its nights and its report.
test('a personal experiment comes along with its design, its nights and its stop, and a clash is refused', () => {
  const file = join(source, 'export.json');
  writeFileSync(file, exported);
  const resources = bundle.entry.map((e) => e.resource);
  const plans = resources.filter((r) => r.resourceType === 'CarePlan' && r.category);
  assert.equal(plans.length, 1);
  assert.equal(plans[0].status, 'active');
  assert.deepEqual(plans[0].period, { start: '2026-11-21', end: '2026-12-20' });
  assert.deepEqual(plans[0].activity.map((a) => [a.detail.extension[0].valueCode, a.detail.description]),
    [['A', 'pillow between knees'], ['B', 'no pillow']]);
  const nights = resources.filter((r) => r.code?.coding?.[0]?.code === 'experiment-night');
  assert.deepEqual(nights.map((n) => [n.extension[0].valueDate, n.valueBoolean, n.note?.[0].text]),
    [['2026-11-21', true, undefined], ['2026-11-22', false, 'pillow fell out'], ['2026-11-23', true, undefined]]);
  assert.ok(nights.every((n) => n.basedOn[0].reference === `urn:uuid:${plans[0].id}`));

  const clinic = diary();
  assert.match(ok(clinic, ['import', 'fhir', file]),
    /Experiments: 1 new, 0 stopped as in the file, 0 already in your diary; nights: 3 new, 0 updated, 0 already/);
  const report = (dir) => ok(dir, ['experiment', 'report', '--json']);
  assert.equal(report(clinic), report(source));
  assert.equal(ok(clinic, ['experiment', 'tonight']), ok(source, ['experiment', 'tonight']));
  assert.equal(ok(clinic, ['export', 'fhir']), exported);

  // Stopped at home afterwards, a night logged again: the clinic's copy takes both, and nothing twice.
  const home = diary();
  ok(home, ['import', 'fhir', file]);
  ok(home, ['experiment', 'log', 'yes', '--date', '2026-11-22', '--note', 'it stayed in'], { now: '2026-11-23T20:00:00+01:00' });
  ok(home, ['experiment', 'stop', '--reason', 'moving to the clinic'], { now: '2026-11-23T20:05:00+01:00' });
  const stopped = join(home, 'stopped.json');
  writeFileSync(stopped, ok(home, ['export', 'fhir']));
  const plan = JSON.parse(readFileSync(stopped, 'utf8')).entry.map((e) => e.resource).find((r) => r.resourceType === 'CarePlan' && r.category);
  assert.equal(plan.status, 'revoked');
  assert.equal(plan.period.end, '2026-11-23');
  const unasked = run(clinic, ['import', 'fhir', stopped]);
  assert.equal(unasked.code, 2, unasked.out);
  assert.match(unasked.err, /nothing was imported: 1 clash with your diary or its content\n.*experiment 1 has the night of 2026-11-22 logged with other values/);
  assert.match(ok(clinic, ['import', 'fhir', stopped, '--replace']),
    /Experiments: 0 new, 1 stopped as in the file, 0 already in your diary; nights: 0 new, 1 updated, 2 already/);
  assert.equal(report(clinic), report(home));
  assert.match(ok(clinic, ['experiment', 'list']), /stopped/);
  assert.match(ok(clinic, ['import', 'fhir', stopped]), /Experiments: 0 new, 0 stopped as in the file, 1 already/);

  // An order that is not its seed's is refused, and nothing is imported.
  const b = structuredClone(bundle);
  const orders = b.entry.find((e) => e.resource.resourceType === 'CarePlan' && e.resource.category).resource.extension[0].extension.find((x) => x.url === 'orders');
  orders.valueString = orders.valueString.startsWith('AB') ? `BA${orders.valueString.slice(2)}` : `AB${orders.valueString.slice(2)}`;
  const bad = join(source, 'bad-orders.json');
  writeFileSync(bad, JSON.stringify(b));
  const other = diary();
  const r = run(other, ['import', 'fhir', bad]);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /CarePlan\/[0-9a-f-]{36} at Bundle\.entry\[\d+\]\.resource\.extension\[0\]\.extension\[4\]\.valueString: '[AB ]+' is not allowed; allowed: the order drawn from its seed, [AB ]+ \(daybreak draws it again\)/);
  assert.equal(ok(other, ['history', '--json', '--from', '2026-11-01']), '[]\n');
  assert.equal(ok(other, ['experiment', 'list', '--json']), ok(diary(), ['experiment', 'list', '--json']));

  // A diary running an experiment of its own on those nights refuses the file's, and imports nothing.
  const busy = diary();
  ok(busy, ['experiment', 'new', '--a', 'heat', '--b', 'no heat', '--seed', '3'], { now: '2026-11-19T21:00:00+01:00' });
  const clash = run(busy, ['import', 'fhir', file]);
  assert.equal(clash.code, 2, clash.err);
  assert.match(clash.err, /an experiment whose nights are not another's: 'heat vs no heat' has nights from 2026-11-20 to 2026-12-31, and only one experiment runs at a time/);
  assert.equal(ok(busy, ['history', '--json', '--from', '2026-11-01']), '[]\n');
});

// Before, the program's past decisions stayed behind: a diary moved to a
// clinic (or back home) lost why each level and stage changed, and the rule's
// memory (good sessions in a row, the last step up) started again.
test("the program's past decisions come along with their reasons and numbers, and a clash is refused", () => {
  const home = diary();
  const screen = 'both_legs=no,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_weakness=no,major_accident=no,fever=no,weight_loss=no,cancer_history=no,night_pain=no,bone_risk_trauma=no,age_at_onset=no';
  for (const d of [16, 17, 18, 19, 20, 21, 22]) {
    ok(home, ['log', 'morning', '--date', `2026-11-${d}`, '--pain', '4', '--stiffness-minutes', '30'], { now: `2026-11-${d}T07:00:00+01:00` });
  }
  ok(home, ['screen', '--answers', screen], { now: '2026-11-22T07:20:00+01:00' });
  ok(home, ['session', 'morning', '--script'], { input: 'pain 3\ncomfort 2\n', now: '2026-11-22T07:30:00+01:00' });
  ok(home, ['log', 'morning', '--pain', '3', '--stiffness-minutes', '20'], { now: '2026-11-23T07:00:00+01:00' });
  ok(home, ['session', 'morning', '--script'], { input: 'pain 3\ncomfort 3\n', now: '2026-11-23T07:30:00+01:00' });
  ok(home, ['log', 'morning', '--pain', '3', '--stiffness-minutes', '20'], { now: '2026-11-24T07:00:00+01:00' });
  ok(home, ['progress', 'set', 'cat_camel', '2', '--note', 'physio: fine to progress'], { now: '2026-11-24T08:00:00+01:00' });
  const now = { now: '2026-11-24T09:00:00+01:00' };
  const text = ok(home, ['export', 'fhir'], now);
  const b = JSON.parse(text);
  const decisions = b.entry.map((e) => e.resource).filter((r) => r.resourceType === 'ClinicalImpression');
  const part = (r, url) => r.extension[1].extension.find((x) => x.url === url);
  assert.deepEqual(decisions.map((r) => [r.extension[0].valueDate, part(r, 'kind').valueCode, part(r, 'verdict').valueCode]),
    [['2026-11-22', 'rule', 'repeat'], ['2026-11-23', 'rule', 'step_up'], ['2026-11-24', 'override', 'set']]);
  const stepUp = decisions[1];
  assert.equal(part(stepUp, 'routine').valueCode, 'morning');
  assert.equal(part(stepUp, 'last-step-up').valueDate, '2026-11-23');
  assert.equal(JSON.parse(part(stepUp, 'changes').valueString).length, 5);
  assert.deepEqual(stepUp.finding.map((f) => f.itemCodeableConcept.coding[0].code), ['good_streak']);
  assert.match(stepUp.summary, /Morning pain was 3 after Monday's morning session/);
  assert.equal(stepUp.effectiveDateTime, '2026-11-24T07:00:00+01:00');
  assert.equal(decisions[2].note[0].text, 'physio: fine to progress');
  assert.deepEqual(problems(b), []);
  // The validators check these resources too: an unknown property fails both, a missing subject medplum.
  const wrong = (f) => {
    const w = structuredClone(b);
    f(w.entry.find((e) => e.resource.resourceType === 'ClinicalImpression').resource);
    return problems(w);
  };
  const unknown = wrong((r) => { r.colour = 'red'; });
  assert.ok(unknown.some((l) => l.startsWith('medplum')) && unknown.some((l) => l.startsWith('schema')), unknown.join('\n'));
  assert.ok(wrong((r) => { delete r.subject; }).some((l) => l.startsWith('medplum')));

  // Into a fresh diary and out again: the same file; the same reasoning shown; the rule goes on where it was.
  const file = join(home, 'decisions.json');
  writeFileSync(file, text);
  const clinic = diary();
  assert.match(ok(clinic, ['import', 'fhir', file], now), /Program decisions: 3 new, 0 already in your diary\./);
  assert.equal(ok(clinic, ['export', 'fhir'], now), text);
  assert.equal(ok(clinic, ['progress', 'explain', '2026-11-23'], now), ok(home, ['progress', 'explain', '2026-11-23'], now));
  // The day of the import also tells where the levels came from: a decision of this diary, never exported.
  const importDay = ok(clinic, ['progress', 'explain', '2026-11-24'], now);
  const setByHand = ok(home, ['progress', 'explain', '2026-11-24'], now).split('\n\n')[0];
  assert.match(setByHand, /Set by hand: Cat-camel: reps go from 6 to 8 \(physio: fine to progress\)/);
  assert.ok(importDay.startsWith(setByHand), importDay);
  assert.match(importDay, /Brought in with your diary: 6 exercise levels/);
  assert.match(ok(clinic, ['import', 'fhir', file], now), /Program decisions: 0 new, 3 already in your diary\./);
  assert.equal(ok(clinic, ['export', 'fhir'], now), text);
  // The rule goes on from the same memory (the last step up a day ago): the next session decides alike in both.
  const nextDecision = (dir) => {
    ok(dir, ['session', 'morning', '--script'], { input: 'pain 3\ncomfort 2\n', now: '2026-11-24T10:00:00+01:00' });
    ok(dir, ['log', 'morning', '--pain', '3', '--stiffness-minutes', '20'], { now: '2026-11-25T07:00:00+01:00' });
    return JSON.parse(ok(dir, ['export', 'fhir'], { now: '2026-11-25T09:00:00+01:00' })).entry
      .map((e) => e.resource).find((r) => r.resourceType === 'ClinicalImpression' && r.extension[0].valueDate === '2026-11-24' && part(r, 'kind').valueCode === 'rule');
  };
  const atHome = nextDecision(home);
  assert.deepEqual(atHome.finding.map((f) => f.itemCodeableConcept.coding[0].code), ['good_once']);
  assert.equal(part(atHome, 'last-step-up').valueDate, '2026-11-23');
  assert.deepEqual(nextDecision(clinic), atHome);

  // A decision the rule made otherwise for that routine and day is refused, and nothing is imported.
  const other = structuredClone(b);
  part(other.entry.find((e) => e.resource.id === stepUp.id).resource, 'verdict').valueCode = 'repeat';
  const otherFile = join(home, 'other.json');
  writeFileSync(otherFile, JSON.stringify(other));
  const clash = run(clinic, ['import', 'fhir', otherFile], now);
  assert.equal(clash.code, 2, clash.err);
  assert.match(clash.err, /ClinicalImpression\/[0-9a-f-]{36} at Bundle\.entry\[\d+\]\.resource: a decision not in your diary yet: the rule decided the morning routine of 2026-11-23 otherwise \(decision \d+\), and a decision is never changed/);

  // A word outside the vocabulary is refused with its FHIRPath, and nothing is imported.
  const bad = structuredClone(b);
  part(bad.entry.find((e) => e.resource.id === stepUp.id).resource, 'verdict').valueCode = 'leap';
  const badFile = join(home, 'bad-verdict.json');
  writeFileSync(badFile, JSON.stringify(bad));
  const fresh = diary();
  const r = run(fresh, ['import', 'fhir', badFile], now);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /ClinicalImpression\/[0-9a-f-]{36} at Bundle\.entry\[\d+\]\.resource\.extension\[1\]\.extension\[3\]\.valueCode: 'leap' is not allowed; allowed: a verdict: step_up, repeat, step_back/);
  assert.equal(ok(fresh, ['history', '--json', '--from', '2026-11-01']), '[]\n');
  assert.doesNotMatch(ok(fresh, ['progress'], now), /Morning pain was 3/);

  // A level change past the exercise's levels is refused too: history must fit the content it runs on.
  const past = structuredClone(b);
  const changes = part(past.entry.find((e) => e.resource.id === stepUp.id).resource, 'changes');
  changes.valueString = changes.valueString.replace('"to":2', '"to":9');
  const pastFile = join(home, 'past-levels.json');
  writeFileSync(pastFile, JSON.stringify(past));
  const r2 = run(fresh, ['import', 'fhir', pastFile], now);
  assert.equal(r2.code, 2, r2.err);
  assert.match(r2.err, /ClinicalImpression\/[0-9a-f-]{36} at Bundle\.entry\[\d+\]\.resource: levels of \w+ from 1 to \d; 1 to 9 is not a change between them/);
  assert.equal(ok(fresh, ['history', '--json', '--from', '2026-11-01']), '[]\n');

  // A level a clinician set (the assessor) keeps their name in a diary with no account of theirs:
  // `progress` and `progress explain` say who, and the name leaves again with the decision.
  const byBerg = structuredClone(b);
  byBerg.entry.find((e) => e.resource.id === decisions[2].id).resource.assessor = { display: 'Dr Berg' };
  const bergFile = join(home, 'by-berg.json');
  writeFileSync(bergFile, JSON.stringify(byBerg));
  const kept = diary();
  ok(kept, ['import', 'fhir', bergFile], now);
  assert.match(ok(kept, ['progress', 'explain', '2026-11-24'], now), /Set by hand: Cat-camel[^\n]*\n(?: [^\n]*\n)*? {2}Set by your clinician Dr Berg\./);
  assert.match(ok(kept, ['progress'], now), /Set by your clinician Dr Berg\./);
  assert.doesNotMatch(ok(home, ['progress'], now), /Set by your clinician/, 'her own setting names no one');
  const again = JSON.parse(ok(kept, ['export', 'fhir'], now)).entry.map((e) => e.resource)
    .find((r) => r.resourceType === 'ClinicalImpression' && part(r, 'kind').valueCode === 'override');
  assert.deepEqual(again.assessor, { display: 'Dr Berg' });
});

// A diary whose person gave no name sent "me" (the placeholder of a first
// use) as the Patient's name; the name leaves only once the person gives one.
test('the Patient carries a name only when the person gave one', () => {
  const home = diary();
  ok(home, ['log', 'morning', '--pain', '4']);
  const patient = (b) => b.entry.map((e) => e.resource).find((r) => r.resourceType === 'Patient');
  const unnamed = JSON.parse(ok(home, ['export', 'fhir']));
  assert.equal(patient(unnamed).name, undefined, JSON.stringify(patient(unnamed)));
  assert.deepEqual(problems(unnamed), []);
  ok(home, ['profile', '--name', 'Ana Ruiz']);
  const named = JSON.parse(ok(home, ['export', 'fhir']));
  assert.deepEqual(patient(named).name, [{ text: 'Ana Ruiz' }]);
  assert.deepEqual(problems(named), []);
});

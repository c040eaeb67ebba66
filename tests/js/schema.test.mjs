// schema/model.schema.json (for editors) agrees with the engine: every bundled example model and
// every vector model the engine loads is valid under the schema (JSON Schema 2020-12, Ajv).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { validateModel } from '../../bindings/js/node.mjs';
import { loadVectors, repoRoot } from './support.mjs';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/model.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const errorsOf = () => JSON.stringify(validate.errors?.slice(0, 5), null, 1);

test('every example model is valid under the schema', () => {
  const dir = path.join(repoRoot, 'examples/models');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 3);
  for (const file of files) {
    const model = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    assert.ok(validate(model), `${file}: ${errorsOf()}`);
  }
});

test('every vector model that the engine loads is valid under the schema', async () => {
  let checked = 0;
  for (const v of loadVectors()) {
    if (!v.model) continue;
    if (!(await validateModel(v.model).then(() => true, () => false))) continue;
    assert.ok(validate(v.model), `${v.name}: ${errorsOf()}`);
    checked += 1;
  }
  assert.ok(checked >= 100, `only ${checked} models checked`);
});

test('the schema rejects what the engine rejects for the issue-5 sections (samples)', () => {
  const base = JSON.parse(readFileSync(path.join(repoRoot, 'examples/models/default.json'), 'utf8'));
  const weight4 = structuredClone(base);
  weight4.grading.criteria[0].weight = 4;
  assert.equal(validate(weight4), false, 'grade weight 4');
  const badLetter = structuredClone(base);
  badLetter.routing.rules[1].grade = { min: 'E' };
  assert.equal(validate(badLetter), false, 'unknown grade letter');
  const setWithoutModels = { format_version: 1, id: 's', version: '1', personas: [{ id: 'p', model: 'm' }] };
  assert.equal(validate(setWithoutModels), false, 'model set without models');
});

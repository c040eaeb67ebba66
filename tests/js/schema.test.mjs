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

// Model errors that JSON Schema cannot express, by error code, and why. Every other model error
// vector must be rejected by the schema too (so editors flag it before the engine does).
const NOT_EXPRESSIBLE = {
  duplicate_id: 'ids unique across an array\'s items: uniqueItems compares whole items, not one key',
  unknown_group: 'a reference to an id declared elsewhere in the document: JSON Schema has no cross-references between values',
  unknown_event_type: 'a reference to a declared event type (cross-reference)',
  unknown_stage: 'a reference to a declared stage (cross-reference)',
  unknown_field: 'a reference to a declared field, or a field read inside a condition (cross-reference)',
  unknown_band: 'a reference to a declared band (cross-reference)',
  unknown_model_ref: 'a reference to a model of the set (cross-reference)',
  circular_reference: 'a cycle through "extends" references (cross-reference)',
  band_gap: 'each band starting where the previous one ends: arithmetic between sibling values',
  band_overlap: 'each band starting where the previous one ends: arithmetic between sibling values',
  grade_band_order: 'bands in decreasing order: a comparison between sibling values',
  grade_range: 'min not above max in the grade order: a comparison between two values',
  scale_range: 'max above min: a comparison between two values',
  points_precision: 'multipleOf 0.01 is not exact in binary floating point (0.07 / 0.01 = 7.000000000000001): validators would reject valid points',
  grading_fields_required: 'whether a condition reads fields through a computed name: needs the JsonLogic analysis of the engine',
  persona_default_missing: 'the default persona being the last one: JSON Schema cannot address the last item (the schema does require exactly one persona without "when")',
};

test('every model error vector is rejected by the schema, or its code is listed as not expressible', async () => {
  const rejected = [];
  const notExpressible = [];
  for (const v of loadVectors()) {
    if (!v.expected_error || !v.model) continue;
    if (await validateModel(v.model).then(() => true, () => false)) continue; // an error of the lead or options, not the model
    if (!validate(v.model)) { rejected.push(v.name); continue; }
    assert.ok(NOT_EXPRESSIBLE[v.expected_error.code], `${v.name}: the engine rejects it (${v.expected_error.code}) but the schema accepts it`);
    notExpressible.push(v.name);
  }
  assert.ok(rejected.length >= 40, `only ${rejected.length} rejected by the schema`);
  assert.ok(notExpressible.length <= 25, `${notExpressible.length} not expressible: ${notExpressible.join(', ')}`);
});

test('the schema rejects unknown JsonLogic operators and editions, two age decays, zero inactivity points, grade routing without grading', () => {
  const base = JSON.parse(readFileSync(path.join(repoRoot, 'examples/models/default.json'), 'utf8'));
  const cases = {
    regexOperator: (m) => { m.rules[0].when = { regex: [{ var: 'email' }, '.*'] }; },
    nestedUnknownOperator: (m) => { m.rules[0].when = { and: [true, { '!': { regex_match: ['a', 'b'] } }] }; },
    unknownEdition: (m) => { m.logic_edition = 'community-2024'; },
    twoAgeDecays: (m) => { m.engagement.groups[0].decay = [{ kind: 'half_life', half_life: '30d' }, { kind: 'linear', percent: 10, per: '7d' }]; },
    zeroInactivityPoints: (m) => { m.engagement.groups[0].decay = { kind: 'inactivity', after: '30d', points: 0 }; },
    gradeRoutingWithoutGrading: (m) => { delete m.grading; },
  };
  assert.ok(validate(base), errorsOf());
  assert.ok(base.routing.rules.some((r) => r.grade), 'the default model routes on grades');
  for (const [name, change] of Object.entries(cases)) {
    const model = structuredClone(base);
    change(model);
    assert.equal(validate(model), false, name);
  }
  const literal = structuredClone(base);
  literal.rules[0].when = { in: [{ var: 'industry' }, ['software', 'finance']] };
  assert.ok(validate(literal), `multi-key literals and arrays: ${errorsOf()}`);
  // The community edition's operators validate (with preserve's operand left as data). The schema
  // has one JsonLogic definition for both editions, so it also accepts them in a classic model,
  // which the engine refuses when it loads (unknown_operator, naming the edition to choose).
  const community = structuredClone(base);
  community.logic_edition = 'community-2025';
  community.rules[0].when = { try: [{ starts_with: [{ lower: { val: ['job_title'] } }, 'head'] }, { preserve: { regex: '.*' } }] };
  assert.ok(validate(community), `community edition: ${errorsOf()}`);
  delete community.logic_edition;
  assert.ok(validate(community), 'the schema does not tell the editions apart');
  const setWithoutModels = { format_version: 1, id: 's', version: '1', personas: [{ id: 'p', model: 'm' }] };
  assert.equal(validate(setWithoutModels), false, 'model set without models');
  const twoDefaults = { format_version: 1, id: 's', version: '1', models: { m: base }, personas: [{ id: 'a', model: 'm' }, { id: 'b', model: 'm' }] };
  assert.equal(validate(twoDefaults), false, 'two personas without when');
});

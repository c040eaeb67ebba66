// schema/result.schema.json for the tests: a validator per result kind (a name of its $defs) and
// an assertion that prints the first schema errors and the offending value.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

import { repoRoot } from './support.mjs';

export const resultSchema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/result.schema.json'), 'utf8'));

// Strict mode catches misspelt keywords in the schema; `required` inside if/then and a type list
// (["string", "number"]) are meant.
const ajvOptions = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true };

/** The same schema with every `required` and `dependentRequired` removed (see partialValidator). */
function withoutRequired(node) {
  if (Array.isArray(node)) return node.map(withoutRequired);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'required' || key === 'dependentRequired') continue;
    // Under `properties` the keys are property names, not keywords: a property may be called "required".
    out[key] = key === 'properties'
      ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutRequired(sub)]))
      : withoutRequired(value);
  }
  return out;
}

const full = new Ajv2020(ajvOptions);
full.addSchema(resultSchema, 'result');
const partial = new Ajv2020(ajvOptions);
partial.addSchema({ ...withoutRequired(resultSchema), $id: 'urn:leadscore:schema:result:partial' }, 'partial');

const kinds = new Set(Object.keys(resultSchema.$defs));

function validatorOf(ajv, id, kind) {
  assert.ok(kinds.has(kind), `schema/result.schema.json has no $defs/${kind}`);
  const validate = ajv.getSchema(`${id}#/$defs/${kind}`);
  assert.ok(validate, `no validator for ${kind}`);
  return validate;
}

/** The validator of $defs/<kind>: a function of a value returning true or false (errors on .errors). */
export const resultValidator = (kind) => validatorOf(full, resultSchema.$id, kind);

/**
 * The validator of $defs/<kind> without any required key: for the golden vectors' `expected`
 * subsets (a few keys of a result, warnings without their message...). Every key given must
 * still be one the schema lists, with a value of the listed type, enum or shape.
 */
export const partialValidator = (kind) => validatorOf(partial, 'urn:leadscore:schema:result:partial', kind);

/** The first schema errors of a failed validation, for an assertion message. */
export function schemaErrors(validate) {
  return JSON.stringify((validate.errors ?? []).slice(0, 5).map(({ instancePath, schemaPath, message, params }) =>
    ({ instancePath, schemaPath, message, params })));
}

/** Asserts that `result` is valid under $defs/<kind> of schema/result.schema.json. */
export function assertResultMatchesSchema(kind, result, label = kind) {
  const validate = resultValidator(kind);
  if (validate(result)) return;
  const text = JSON.stringify(result);
  assert.fail(`${label}: not a valid ${kind}: ${schemaErrors(validate)}\n${text.length > 2000 ? `${text.slice(0, 2000)}...` : text}`);
}

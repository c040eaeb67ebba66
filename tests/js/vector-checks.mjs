// The comparison rules of the golden vectors (tests/vectors/README.md) for what the form checks
// add: findings, the `quality` object and "check" contributions. Shared by the Node and CLI runners.
import assert from 'node:assert/strict';

/** True for a vector that runs check_field / check_lead instead of score(). */
export const isCheckVector = (v) => 'check_field' in v || 'check_lead' in v;

/** The lang option of a vector's call ("en" when it has none). */
export const vectorLang = (v) => v.lang ?? 'en';

// code, severity, suggestion and span always (absent = absent); field and message only when given.
function findingView(got, want) {
  const out = {};
  for (const key of ['code', 'severity', 'suggestion', 'span']) if (key in got) out[key] = got[key];
  for (const key of ['field', 'message']) if (key in want && key in got) out[key] = got[key];
  return out;
}

/** Asserts a findings array against the expected findings (same number, same order). */
export function assertFindings(got, want, label) {
  assert.ok(Array.isArray(got), `${label}: findings is not an array`);
  assert.deepStrictEqual(got.map((f, i) => findingView(f, want[i] ?? {})), want, `${label}: findings differ`);
}

function assertQuality(got, want, label) {
  for (const [key, value] of Object.entries(want)) {
    assert.ok(key in got, `${label}: quality has no "${key}"`);
    if (key === 'findings') assertFindings(got.findings, value, `${label} quality`);
    else assert.deepStrictEqual(got[key], value, `${label}: quality.${key} differs`);
  }
}

// A "check" contribution's label is the finding's message: compared only when the vector gives it.
function contributionView(got, want) {
  if (got?.kind !== 'check' || (want && 'label' in want)) return got;
  const { label, ...rest } = got;
  return rest;
}

/** Asserts a score or check_lead result against a vector's `expected` subset (README). */
export function assertVectorExpected(result, expected, label) {
  if (result.detail === 'summary') {
    // A summary is stated whole: every key, exactly (the model by the keys given: no fingerprint by hand).
    assert.deepStrictEqual(Object.keys(result).sort(), Object.keys(expected).sort(), `${label}: summary keys differ`);
    for (const [key, want] of Object.entries(expected)) {
      if (key !== 'model') assert.deepStrictEqual(result[key], want, `${label}: "${key}" differs`);
      else for (const [k, value] of Object.entries(want)) assert.deepStrictEqual(result.model[k], value, `${label}: model.${k} differs`);
    }
    return;
  }
  for (const [key, want] of Object.entries(expected)) {
    assert.ok(key in result, `${label}: result has no "${key}"`);
    const got = result[key];
    if (key === 'warnings') {
      assert.deepStrictEqual(got.map(({ code, path: p }) => ({ code, path: p })), want, `${label}: "warnings" differs`);
    } else if (key === 'findings') {
      assertFindings(got, want, label);
    } else if (key === 'quality') {
      assertQuality(got, want, label);
    } else if (key === 'contributions') {
      assert.deepStrictEqual(got.map((c, i) => contributionView(c, want[i])), want, `${label}: "contributions" differs`);
    } else if (key === 'model') {
      // The fingerprint cannot be computed by hand: "model" is compared on the keys given.
      for (const [k, value] of Object.entries(want)) assert.deepStrictEqual(got[k], value, `${label}: model.${k} differs`);
    } else {
      assert.deepStrictEqual(got, want, `${label}: "${key}" differs`);
    }
  }
}

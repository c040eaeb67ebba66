// The API call a golden vector makes, as one self-contained function: the Node runner imports it,
// and the Chromium test sends its source into the page (so Node and the browser cannot drift).
// It must not reference anything outside its own body.

/**
 * Runs vector `c` on `scorer` (a Scorer of the vector's model) and returns the JSON text of what
 * the call returned: findings, a check result, a score result, an account result or a verification.
 * Throws what the API throws.
 */
export function vectorCall(scorer, c) {
  const lang = c.lang ?? 'en';
  // The score options a case gives: now, and events / lang / feedback / previous when present.
  const scoreOptions = (x) => {
    const options = { now: x.now };
    for (const key of ['events', 'lang', 'feedback', 'previous', 'detail']) if (key in x) options[key] = x[key];
    return options;
  };
  if ('check_field' in c) {
    const f = c.check_field;
    return JSON.stringify(scorer.checkField(f.field, f.value, 'lead' in f ? { lead: f.lead, lang } : { lang }));
  }
  if ('check_lead' in c) return JSON.stringify(scorer.checkLead(c.check_lead, { now: c.now, lang }));
  if ('score_account' in c) return JSON.stringify(scorer.scoreAccount(c.score_account, { now: c.now, lang }));
  if ('verify' in c) {
    const spec = c.verify;
    const submission = scorer.submission(spec.lead, scoreOptions(spec));
    // JSON pointer (RFC 6901) -> [parent object, last key].
    const locate = (pointer) => {
      const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
      let parent = submission;
      for (const k of keys.slice(0, -1)) parent = parent[k];
      return [parent, keys[keys.length - 1]];
    };
    for (const { pointer, value } of spec.tamper ?? []) {
      const [parent, key] = locate(pointer);
      parent[key] = value;
    }
    for (const pointer of spec.remove ?? []) {
      const [parent, key] = locate(pointer);
      delete parent[key]; // object members only (as the C++ runner)
    }
    return JSON.stringify(scorer.verify(submission));
  }
  return scorer.scoreJson(c.lead, scoreOptions(c));
}

// The "Sales feedback" panel: a sales verdict and one points adjustment, which the page passes to
// score() as its `feedback` option (docs/design/issue-5-spec.md, "Sales feedback"), made by
// "demo-sales" at the scoring instant. The controls live outside the signup form, so they are
// not part of the lead and "Clear" on the form leaves them alone.
import { $ } from './dom.mjs';

export const DEMO_REP = 'demo-sales';
const MAX_POINTS = 100;

// The points input as a non-zero whole number within +/-100, 0 for "no adjustment" (empty or 0),
// or null when it is something else (the input is then marked and nothing is applied).
function readPoints(i18n) {
  const input = $('adjust-points');
  const text = input.value.trim();
  const points = text === '' ? 0 : Number(text);
  const ok = Number.isInteger(points) && Math.abs(points) <= MAX_POINTS;
  if (ok) input.removeAttribute('aria-invalid');
  else input.setAttribute('aria-invalid', 'true');
  $('adjust-points-hint').textContent = i18n.t(ok ? 'adjustPointsHint' : 'adjustPointsBad');
  return ok ? points : null;
}

/** Wires the panel; onChange() is called when the feedback changes. Returns {read(now)}. */
export function createFeedbackPanel({ i18n, onChange }) {
  for (const id of ['verdict-select', 'adjust-points', 'adjust-reason']) $(id).addEventListener('input', onChange);
  $('feedback-clear').addEventListener('click', () => {
    $('verdict-select').value = '';
    $('adjust-points').value = '';
    $('adjust-reason').value = '';
    onChange();
  });
  return {
    /** The feedback option for the scoring instant `now` (ISO-8601), or undefined when there is none. */
    read(now) {
      const feedback = {};
      const points = readPoints(i18n);
      if (points) {
        const reason = $('adjust-reason').value.trim() || i18n.t('adjustReasonDefault');
        feedback.adjustments = [{ by: DEMO_REP, at: now, points, reason }];
      }
      const value = $('verdict-select').value;
      if (value) feedback.verdict = { by: DEMO_REP, at: now, value, reason: i18n.t('verdictReason') };
      return Object.keys(feedback).length ? feedback : undefined;
    },
  };
}

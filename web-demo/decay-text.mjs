// Plain-language lines for the decays a model declares ("Website: points halve every 30 days"),
// read from scorer.describe() (durations in ms, as the engine runs them) so that the demo never
// describes a model it is not running and never parses the model's duration syntax itself. The
// words are the page's (i18n-events.mjs), the group and rule names the model's (model-texts.mjs).
import { wholeUnit } from './dom.mjs';

function describeDecay(decay, i18n) {
  const t = (...a) => i18n.t(...a);
  // 2592000000 -> "30 days", 604800000 -> "1 week".
  const duration = (ms) => t('duration', ...wholeUnit(ms));
  const parts = [];
  const age = decay.age;
  if (age?.kind === 'half_life') parts.push(t('decayHalves', duration(age.half_life_ms)));
  else if (age?.kind === 'linear') parts.push(t('decayLinear', age.percent, duration(age.per_ms)));
  else if (age?.kind === 'none') parts.push(t('decayNone'));
  const idle = decay.inactivity;
  if (idle) parts.push(t('decayInactivity', idle.points, duration(idle.after_ms)) + (idle.every_ms ? t('decayEvery', duration(idle.every_ms)) : ''));
  return parts.join('; ');
}

/**
 * [{who, what}] for every engagement group and rule with a decay, in model order
 * (`engagement`: describe().engagement; `texts`: the page's ModelTexts).
 */
export function describeDecays(engagement, texts, i18n) {
  const lines = [];
  const add = (who, decay) => {
    if (decay) lines.push({ who, what: describeDecay(decay, i18n) });
  };
  for (const g of engagement?.groups ?? []) add(texts.engagementGroup(g.id, g.label || g.id), g.decay);
  for (const r of engagement?.rules ?? []) add(texts.engagementRule(r.id, r.label || r.id), r.decay);
  return lines;
}

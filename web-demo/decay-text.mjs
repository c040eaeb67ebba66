// Plain-language lines for the decays a model declares ("Website: points halve every 30 days"),
// read from scorer.describe() (durations in ms, as the engine runs them) so that the demo never
// describes a model it is not running and never parses the model's duration syntax itself.
import { wholeUnit } from './dom.mjs';

const UNITS = { m: 'minute', h: 'hour', d: 'day', w: 'week' };

// 2592000000 -> "30 days", 604800000 -> "1 week".
function duration(ms) {
  const [n, unit] = wholeUnit(ms);
  return `${n} ${UNITS[unit]}${n === 1 ? '' : 's'}`;
}

function describeDecay(decay) {
  const parts = [];
  const age = decay.age;
  if (age?.kind === 'half_life') parts.push(`points halve every ${duration(age.half_life_ms)}`);
  else if (age?.kind === 'linear') parts.push(`points lose ${age.percent}% per ${duration(age.per_ms)}`);
  else if (age?.kind === 'none') parts.push('no age decay');
  const idle = decay.inactivity;
  if (idle) {
    parts.push(`\u2212${idle.points} points after ${duration(idle.after_ms)} without activity`
      + (idle.every_ms ? `, then every ${duration(idle.every_ms)}` : ''));
  }
  return parts.join('; ');
}

/** [{who, what}] for every engagement group and rule with a decay, in model order (describe().engagement). */
export function describeDecays(engagement) {
  const lines = [];
  const add = (who, decay) => {
    if (decay) lines.push({ who, what: describeDecay(decay) });
  };
  for (const g of engagement?.groups ?? []) add(g.label || g.id, g.decay);
  for (const r of engagement?.rules ?? []) add(r.label || r.id, r.decay);
  return lines;
}

// Plain-language lines for the decays a model declares ("Website: points halve every 30 days"),
// read from the model itself so that the demo never describes a model it is not running.

const UNITS = { m: 'minute', h: 'hour', d: 'day', w: 'week' };

// "30d" -> "30 days", "1w" -> "1 week".
function duration(text) {
  const m = /^(\d+)([mhdw])$/.exec(text);
  if (!m) return text;
  return `${m[1]} ${UNITS[m[2]]}${m[1] === '1' ? '' : 's'}`;
}

function describeOne(decay) {
  switch (decay.kind) {
    case 'half_life': return `points halve every ${duration(decay.half_life)}`;
    case 'linear': return `points lose ${decay.percent}% per ${duration(decay.per)}`;
    case 'inactivity': return `\u2212${decay.points} points after ${duration(decay.after)} without activity`
      + (decay.every ? `, then every ${duration(decay.every)}` : '');
    case 'none': return 'no age decay';
    default: return decay.kind;
  }
}

/** [{who, what}] for every engagement group and rule with a decay, in model order. */
export function describeDecays(engagement) {
  const lines = [];
  const add = (who, decay) => {
    if (decay) lines.push({ who, what: [decay].flat().map(describeOne).join('; ') });
  };
  for (const g of engagement?.groups ?? []) add(g.label ?? g.id, g.decay);
  for (const r of engagement?.rules ?? []) add(r.label ?? r.id, r.decay);
  return lines;
}

// Seeded generators of engagement test data for the events differential test
// (differential-events.test.mjs): random engagement models that use every rule kind and every
// decay kind, leads, and per-lead event lists that aim at the edges the spec defines (exactly at
// `now`, in the future, exactly on window / half-life / inactivity edges and 1 ms either side,
// duplicates, ties, unordered input, invalid and unknown events). Everything comes from the PRNG
// passed in, so a seed reproduces the same data.

export const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DAY = UNIT_MS.d;
// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the instants a 4-digit year can write.
const MIN_MS = -62_167_219_200_000;
const MAX_MS = 253_402_300_799_999;

export function durationMs(text) {
  const m = /^([0-9]+)([mhdw])$/.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

// ---------------------------------------------------------------------------------------------
// Instants as text, in many valid spellings

const pad = (n, w = 2) => String(n).padStart(w, '0');

/**
 * Writes epoch milliseconds as an ISO-8601 instant with an offset, in one of the spellings the
 * spec accepts: Z/z or ±HH:MM/±HHMM, 'T'/'t'/' ' separator, seconds omitted when zero, 1-3
 * fraction digits when exact, extra fraction digits (truncated by the parser), ',' as the
 * decimal sign. The instant is exactly `ms` whatever the spelling.
 */
export function formatInstant(ms, rnd, { plain = false } = {}) {
  let offset = 0;
  if (!plain && rnd.chance(0.5)) offset = rnd.pick([60, -480, 330, 840, -720, 345, -570, 0]);
  let wall = ms + offset * 60_000;
  if (wall < MIN_MS || wall > MAX_MS) { offset = 0; wall = ms; }
  const d = new Date(wall);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const sep = plain ? 'T' : rnd.pick(['T', 'T', 'T', 'T', 't', ' ']);
  const s = d.getUTCSeconds();
  const milli = d.getUTCMilliseconds();
  let time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (!(s === 0 && milli === 0 && !plain && rnd.chance(0.3))) {
    time += `:${pad(s)}`;
    const dot = plain || rnd.chance(0.85) ? '.' : ',';
    if (milli !== 0 || (!plain && rnd.chance(0.1))) {
      let frac = pad(milli, 3);
      if (!plain) {
        if (rnd.chance(0.3)) frac = frac.replace(/0+$/, '') || '0';
        else if (rnd.chance(0.15)) frac += String(rnd.int(0, 999999));  // finer digits: truncated
      }
      time += `${dot}${frac}`;
    }
  }
  let zone;
  if (offset === 0) zone = plain ? 'Z' : rnd.pick(['Z', 'Z', 'Z', 'z', '+00:00', '-00:00', '+0000']);
  else {
    const a = Math.abs(offset);
    zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}${rnd.chance(0.8) ? ':' : ''}${pad(a % 60)}`;
  }
  return `${date}${sep}${time}${zone}`;
}

/** Something `at` must reject: bad shapes, impossible dates, times without an offset, non-strings. */
function invalidAt(ms, rnd) {
  const valid = formatInstant(Math.min(Math.max(ms, 0), MAX_MS), rnd, { plain: true });
  return rnd.pick([
    valid.slice(0, -1),                 // no offset: never guessed
    valid.slice(0, 10),                 // a date alone
    valid.slice(0, 16),                 // HH:MM, no offset
    `${valid.slice(0, -1)}+24:00`,      // offset out of range
    `${valid.slice(0, -1)}+0`,          // truncated offset
    `${valid} `, ` ${valid}`, valid.replace('T', 'X'),
    '2026-02-30T00:00:00Z', '2026-11-23T24:00:00Z', '2026-11-23T10:00:60Z', '2026-13-01T00:00:00Z',
    '2026-11-23T10:00:00.Z', '2026-11-23T10:0:00Z', '+2026-11-23T10:00:00Z', 'yesterday', '',
    ms, null, true, {}, [valid],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Models

const ODD_DURATIONS = ['7h', '13d', '90m', '1m', '1w', '3w', '36h', '1d', '30d', '45m', '11d', '5d', '2w', '17h', '1h',
  '10m', '999999m', '1439m', '25h', '29d', '31d', '8w', '999999w'];

function duration(rnd) {
  if (rnd.chance(0.7)) return rnd.pick(ODD_DURATIONS);
  const unit = rnd.pick(['m', 'h', 'd', 'w']);
  const top = { m: 5000, h: 500, d: 120, w: 20 }[unit];
  return `${rnd.int(1, top)}${unit}`;
}

const cents = (rnd, lo, hi) => rnd.int(lo * 100, hi * 100) / 100;

// Conditions on an event's props. The last ones fail on some events ("*" without operands),
// which must give the same rule_failed warning in every runtime.
const CONDITIONS = [
  { in: ['/pricing', { var: 'url' }] },
  { '==': [{ var: 'campaign' }, 'c1'] },
  { '!': { missing: ['asset'] } },
  { '>': [{ var: 'asset.size' }, 10] },
  { in: [{ var: 'url' }, ['/', '/blog/a', '/pricing']] },
  { or: [{ '==': [{ var: 'campaign' }, 1] }, { in: ['blog', { var: 'url' }] }] },
  { '!=': [{ var: 'campaign' }, null] },
  { substr: [{ var: 'url' }, 1] },
  { if: [{ var: 'asset.name' }, { '*': [] }, true] },
];

function ageDecay(rnd) {
  return rnd.chance(0.5)
    ? { kind: 'half_life', half_life: duration(rnd) }
    : { kind: 'linear', percent: rnd.pick([1, 5, 10, 25, 33, 50, 99, 100, rnd.int(1, 100)]), per: duration(rnd) };
}

function inactivityDecay(rnd) {
  const d = { kind: 'inactivity', after: duration(rnd), points: rnd.pick([cents(rnd, 0.01, 40), rnd.int(1, 20)]) };
  if (rnd.chance(0.6)) d.every = duration(rnd);
  return d;
}

function groupDecay(rnd) {
  switch (rnd.int(0, 5)) {
    case 0: return undefined;
    case 1: return { kind: 'half_life', half_life: duration(rnd) };
    case 2: return { kind: 'linear', percent: rnd.int(1, 100), per: duration(rnd) };
    case 3: return inactivityDecay(rnd);
    case 4: return [ageDecay(rnd), inactivityDecay(rnd)];
    default: return [rnd.chance(0.5) ? ageDecay(rnd) : inactivityDecay(rnd)];
  }
}

function ruleDecay(rnd) {
  switch (rnd.int(0, 6)) {
    case 0: case 1: return undefined;  // the group's age decay
    case 2: return { kind: 'none' };
    case 3: return ageDecay(rnd);
    case 4: return inactivityDecay(rnd);
    case 5: return [ageDecay(rnd), inactivityDecay(rnd)];
    default: return [{ kind: 'none' }, inactivityDecay(rnd)];
  }
}

function caps(rnd, target, lo, hi) {
  if (rnd.chance(0.4)) target.min = -rnd.int(0, lo);
  if (rnd.chance(0.5)) target.max = rnd.int(target.min !== undefined && target.min > 0 ? target.min : 0, hi);
  return target;
}

/**
 * A random model with a small fit part and an engagement section that always has: event rules
 * with every repeat form (every, once, max, max per window), caps, rule decay overriding group
 * decay ("none", age, inactivity), resets (also of the rule's own group), frequency and recency
 * rules (recency with and without `events`), streak rules with and without match_on; groups
 * with half-life, linear and inactivity decay; plus random extra rules.
 */
export function randomModel(rnd, name) {
  const typeNames = ['visit', 'download', 'sent', 'open', 'click', 'demo', 'unsub', 'bounce', 'share', 'call'];
  const nTypes = rnd.int(5, typeNames.length);
  const eventTypes = typeNames.slice(0, nTypes).map((id) => {
    const t = { id };
    if (rnd.chance(0.5)) t.label = `${id} event`;
    if (['sent', 'unsub', 'bounce'].includes(id) || rnd.chance(0.15)) t.activity = false;
    else if (rnd.chance(0.2)) t.activity = true;
    return t;
  });
  if (!eventTypes.some((t) => t.activity !== false)) delete eventTypes[0].activity;
  const types = eventTypes.map((t) => t.id);
  const someTypes = () => {
    if (rnd.chance(0.6)) return rnd.pick(types);
    const n = rnd.int(1, 3);
    return [...new Set(Array.from({ length: n }, () => rnd.pick(types)))];
  };
  const stages = rnd.chance(0.8) ? ['s1', 's2', 's3'].slice(0, rnd.int(1, 3)).map((id) => ({ id, label: `Stage ${id}` })) : [];

  const groups = [
    { id: 'g_half', decay: { kind: 'half_life', half_life: rnd.pick(['7h', '13d', '90m', '3w', '1d', duration(rnd)]) } },
    { id: 'g_lin', decay: { kind: 'linear', percent: rnd.int(1, 100), per: duration(rnd) } },
    { id: 'g_idle', decay: inactivityDecay(rnd) },
    { id: 'g_both', decay: [ageDecay(rnd), inactivityDecay(rnd)] },
    { id: 'g_plain' },
  ];
  for (let i = rnd.int(0, 2); i > 0; i--) groups.push({ id: `g_x${i}`, decay: groupDecay(rnd) });
  for (const g of groups) {
    if (g.decay === undefined) delete g.decay;
    if (rnd.chance(0.4)) g.label = `Group ${g.id}`;
    caps(rnd, g, 60, 80);
  }
  const groupIds = groups.map((g) => g.id);

  const rules = [];
  let n = 0;
  const base = (extra) => {
    const r = { id: `e${n++}`, group: rnd.pick(groupIds), ...extra };
    if (rnd.chance(0.5)) r.label = `Rule ${r.id}`;
    if (stages.length && rnd.chance(0.7)) r.stage = rnd.pick(stages).id;
    return r;
  };
  const eventRule = (extra = {}) => {
    const r = base({ event: someTypes(), points: rnd.chance(0.8) ? cents(rnd, 0.01, 30) : cents(rnd, -30, 30) });
    if (rnd.chance(0.4)) r.when = rnd.pick(CONDITIONS);
    const repeat = rnd.int(0, 5);
    if (repeat === 1) r.repeat = 'every';
    else if (repeat === 2) r.repeat = 'once';
    else if (repeat === 3) r.repeat = { max: rnd.int(1, 5) };
    else if (repeat >= 4) r.repeat = { max: rnd.int(1, 4), per: duration(rnd) };
    caps(rnd, r, 30, 60);
    const decay = ruleDecay(rnd);
    if (decay !== undefined) r.decay = decay;
    if (rnd.chance(0.1)) r.reset = [rnd.pick(groupIds)];
    Object.assign(r, extra);
    for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k];
    return r;
  };
  const frequency = () => {
    const r = base({ pattern: 'frequency', events: someTypes(), at_least: rnd.pick([1, 2, 3, 5, 8, rnd.int(1, 30)]), within: duration(rnd), points: cents(rnd, -10, 20) });
    if (rnd.chance(0.3)) r.when = rnd.pick(CONDITIONS);
    return r;
  };
  const recency = (withEvents) => {
    const r = base({ pattern: 'recency', within: duration(rnd), points: cents(rnd, -10, 20) });
    if (withEvents) r.events = someTypes();
    if (rnd.chance(0.3)) r.when = rnd.pick(CONDITIONS);
    return r;
  };
  const streak = (matchOn) => {
    const sent = rnd.chance(0.7) && types.includes('sent') ? 'sent' : rnd.pick(types);
    const opened = rnd.pick(types.filter((t) => t !== sent));
    const r = base({ pattern: 'streak', sent, opened, last: rnd.pick([1, 2, 3, rnd.int(1, 6)]), points: cents(rnd, -10, 25) });
    if (matchOn) r.match_on = rnd.pick(['campaign', 'campaign', 'asset', 'url']);
    return r;
  };

  // The mandatory mix, then random extras; shuffled into one model order.
  rules.push(eventRule({ repeat: 'every', group: 'g_half' }));
  rules.push(eventRule({ repeat: 'once', group: 'g_lin' }));
  rules.push(eventRule({ repeat: { max: rnd.int(1, 5) }, group: 'g_idle' }));
  rules.push(eventRule({ repeat: { max: rnd.int(1, 3), per: rnd.pick(['1d', '7h', '13d', duration(rnd)]) }, group: 'g_half' }));
  rules.push(eventRule({ group: 'g_half', decay: { kind: 'none' } }));
  rules.push(eventRule({ group: 'g_lin', decay: { kind: 'half_life', half_life: rnd.pick(['7h', '13d', duration(rnd)]) } }));
  rules.push(eventRule({ group: 'g_both', decay: inactivityDecay(rnd) }));
  rules.push(eventRule({ group: 'g_idle', decay: [{ kind: 'linear', percent: rnd.int(1, 100), per: duration(rnd) }, inactivityDecay(rnd)] }));
  rules.push(eventRule({ event: types.includes('unsub') ? 'unsub' : rnd.pick(types), points: cents(rnd, -30, -0.01), repeat: 'once', reset: [...new Set([rnd.pick(groupIds), rnd.pick(groupIds)])] }));
  rules.push(eventRule({ min: -5, max: 12 }));
  // Extremes: points near the ±1,000,000,000 limit (centipoint products beyond 2^63 before
  // rounding), the longest durations, inactivity points larger than any subtotal.
  rules.push(eventRule({ points: rnd.pick([999_999_999.99, -1_000_000_000, 123_456_789.01]), repeat: 'every', group: rnd.pick(['g_half', 'g_both', 'g_lin']), min: undefined, max: undefined }));
  rules.push(eventRule({ decay: [{ kind: 'half_life', half_life: rnd.pick(['999999w', '999999d', '999999m']) }, { kind: 'inactivity', after: '1m', points: 1_000_000_000, every: '999999w' }] }));
  rules.push(frequency(), frequency(), recency(false), recency(true), streak(true), streak(false));
  for (let i = rnd.int(2, 8); i > 0; i--) {
    const k = rnd.int(0, 9);
    rules.push(k < 6 ? eventRule() : k === 6 ? frequency() : k === 7 ? recency(rnd.chance(0.5)) : streak(rnd.chance(0.5)));
  }
  for (let i = rules.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [rules[i], rules[j]] = [rules[j], rules[i]];
  }

  const engagement = { event_types: eventTypes, groups, rules };
  if (stages.length) engagement.stages = stages;
  caps(rnd, engagement, 80, 120);

  const model = {
    format_version: 1,
    id: name,
    version: '1',
    fields: [
      { name: 'email', type: 'email' },
      { name: 'size', type: 'integer' },
      { name: 'tier', type: 'enum', values: ['a', 'b', 'c'] },
    ],
    groups: [{ id: 'fit', max: rnd.int(10, 60) }],
    rules: [
      { id: 'fit.size', group: 'fit', points: cents(rnd, 1, 30), when: { '>=': [{ var: 'size' }, 100] } },
      { id: 'fit.tier', group: 'fit', points: cents(rnd, -10, 20), when: { '==': [{ var: 'tier' }, 'a'] } },
    ],
    engagement,
    scale: rnd.pick([{ min: 0, max: 100 }, { min: -40, max: 160 }, { min: 0, max: 50 }]),
    bands: [
      { id: 'low', action: 'later', from: 0, to: 39 },
      { id: 'mid', action: 'review', from: 40, to: 79 },
      { id: 'high', action: 'call', from: 80, to: 100 },
    ],
  };
  if (rnd.chance(0.5)) model.total = { min: rnd.int(-30, 0), max: rnd.int(50, 150) };
  return model;
}

/** A lead for the small fit part of randomModel (or any model: unknown keys are ignored). */
export function randomFitLead(rnd) {
  const lead = {};
  if (rnd.chance(0.9)) lead.email = rnd.pick(['a@b.example', 'x@@y', 'ops@corp.example']);
  if (rnd.chance(0.8)) lead.size = rnd.pick([5, 99, 100, 250, '1000', 'lots']);
  if (rnd.chance(0.8)) lead.tier = rnd.pick(['a', 'b', 'A', 'z']);
  return lead;
}

// ---------------------------------------------------------------------------------------------
// Events

/** Every duration of the engagement section, in ms, and inactivity edges (after + k × every). */
export function modelEdges(model) {
  const plain = new Set();
  const halfLives = new Set();
  const idle = new Set();
  const visitDecay = (decay) => {
    for (const d of [decay ?? []].flat()) {
      if (d.kind === 'half_life') halfLives.add(durationMs(d.half_life));
      if (d.kind === 'linear') plain.add(durationMs(d.per));
      if (d.kind === 'inactivity') {
        const after = durationMs(d.after);
        idle.add(after);
        if (d.every) for (let k = 1; k <= 3; k++) idle.add(after + k * durationMs(d.every));
      }
    }
  };
  const e = model.engagement;
  if (!e) return { all: [DAY], idle: [DAY] };
  for (const g of e.groups) visitDecay(g.decay);
  for (const r of e.rules) {
    visitDecay(r.decay);
    if (r.repeat?.per) plain.add(durationMs(r.repeat.per));
    if (r.within) plain.add(durationMs(r.within));
  }
  const all = new Set([...plain, ...idle]);
  for (const h of halfLives) for (const k of [1, 2, 3, 5, 17, 32, 33, 34, 40]) all.add(k * h);
  for (const d of plain) all.add(2 * d);
  return { all: [...all].sort((a, b) => a - b), idle: [...(idle.size ? idle : plain)].sort((a, b) => a - b) };
}

const URLS = ['/pricing', '/pricing/enterprise', '/blog/a', '/blog/b', '/', '', '/PRICING', null, 42, ['/pricing']];
const CAMPAIGNS = ['c1', 'c2', 'c3', 'c4', 1, '1', null, '', true];
const ASSETS = ['ebook-a', 'ebook-b', { name: 'ebook-a', size: 12 }, { name: '', size: 3 }, { size: 11 }, ['x'], 3.5];

function randomProps(rnd) {
  const props = {};
  if (rnd.chance(0.6)) props.url = rnd.pick(URLS);
  if (rnd.chance(0.5)) props.campaign = rnd.pick(CAMPAIGNS);
  if (rnd.chance(0.3)) { const a = rnd.pick(ASSETS); props.asset = typeof a === 'object' ? JSON.parse(JSON.stringify(a)) : a; }
  if (rnd.chance(0.05)) props.utm = { source: rnd.pick(['news', 'ads']), n: rnd.int(0, 3) };
  if (rnd.chance(0.03)) props['ключ'] = '値';
  return props;
}

function shuffledKeys(obj, rnd) {
  const keys = Object.keys(obj);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

/** 0..200 events a lead, skewed towards small counts, with 200 (the brief's maximum) often. */
export function eventCount(rnd) {
  const r = rnd.next();
  if (r < 0.1) return 0;
  if (r < 0.4) return rnd.int(1, 10);
  if (r < 0.7) return rnd.int(11, 60);
  if (r < 0.9) return rnd.int(61, 199);
  return 200;
}

/**
 * The events of one lead, in input order. With `raw`, some props numbers are markers for
 * spellings JSON.stringify never writes (see rawJson()). Each entry is {event} (what goes into the events
 * file and the events array) or {broken: text}, a line that is not a JSON object: the CLI
 * cannot join it to a lead (no lead_id), reports it and skips it, so it is not in the array.
 */
export function randomEvents(rnd, { model, nowMs, leadId, edges, count, raw = false }) {
  const types = model.engagement ? model.engagement.event_types.map((t) => t.id) : ['page_view'];
  const streaks = model.engagement ? model.engagement.rules.filter((r) => r.pattern === 'streak') : [];
  // Most leads are active up to `now`; some stopped exactly on an inactivity or window edge.
  // For those, no event lies between that edge and `now` (future events aside), so the latest
  // activity, and with it the inactivity, sits exactly on the edge or 1 ms off it.
  let anchor = nowMs;
  if (rnd.chance(0.3)) anchor = nowMs - rnd.pick(rnd.chance(0.6) ? edges.idle : edges.all) + rnd.pick([0, 0, 1, -1]);
  if (anchor < MIN_MS + 1000 * DAY || anchor > nowMs) anchor = nowMs;
  const times = [];
  const out = [];
  const clamp = (ms) => Math.min(Math.max(ms, MIN_MS), MAX_MS);
  const time = () => {
    const r = rnd.next();
    let ms;
    if (r < 0.11) ms = anchor;
    else if (r < 0.15) ms = nowMs + rnd.pick([1, 1000, 60_000, DAY, 400 * DAY]);  // future
    else if (r < 0.42) ms = anchor - rnd.pick(edges.all) + rnd.pick([0, 0, 0, 1, -1]);
    else if (r < 0.52 && times.length) ms = rnd.pick(times);                       // tie
    else if (r < 0.62 && times.length) ms = rnd.pick(times) + rnd.pick([-1, 1]) * (rnd.pick(edges.all) + rnd.pick([0, 0, 1, -1]));
    else if (r < 0.63) ms = rnd.pick([MIN_MS, MIN_MS + 86_400_000 * 400, 0, -1, 951_782_400_000]);  // 0000-01-01, 0001, 1970, 2000-02-29  // ancient, epoch
    else {
      const span = Math.max(DAY, Math.min(edges.all[edges.all.length - 1] ?? 400 * DAY, 800 * DAY)) * 1.2;
      const grain = rnd.pick([1, 1000, 60_000, 3_600_000]);
      ms = anchor - Math.floor((rnd.next() * span) / grain) * grain;
    }
    if (ms > anchor && ms <= nowMs) ms = anchor - (ms - anchor);  // keep (anchor, now] empty
    return clamp(ms);
  };
  const objects = [];  // the entries with an event, for duplicates
  const push = (event, ms) => {
    const entry = { event, ms };
    out.push(entry);
    objects.push(entry);
    if (ms !== undefined) times.push(ms);
  };
  const make = (type, ms, props) => {
    const e = { lead_id: leadId, type, at: formatInstant(ms, rnd) };
    if (props !== undefined) e.props = props;
    if (raw) markRawNumbers(rnd, e);
    if (rnd.chance(0.05)) e.source = 'crm';
    return rnd.chance(0.2) ? shuffledKeys(e, rnd) : e;
  };

  while (out.length < count) {
    const r = rnd.next();
    if (r < 0.02) {
      out.push({ broken: rnd.pick(['[1,2]', '"page_view"', '42', 'null', 'true', '[]']) });
    } else if (r < 0.1 && objects.length) {
      // A duplicate: the same event again, maybe with its props keys in another order, absent
      // props as {}, or `at` spelled with another offset (the same instant).
      const source = rnd.pick(objects);
      const prev = JSON.parse(JSON.stringify(source.event));
      if (prev.props && typeof prev.props === 'object' && !Array.isArray(prev.props) && rnd.chance(0.3)) prev.props = shuffledKeys(prev.props, rnd);
      if (prev.props === undefined && rnd.chance(0.3)) prev.props = {};
      else if (prev.props && Object.keys(prev.props).length === 0 && !Array.isArray(prev.props) && rnd.chance(0.5)) delete prev.props;
      if (source.ms !== undefined && rnd.chance(0.3)) prev.at = formatInstant(source.ms, rnd);
      if (raw) respellRawNumbers(rnd, prev.props);
      push(rnd.chance(0.2) ? shuffledKeys(prev, rnd) : prev, source.ms);
    } else if (r < 0.15 && streaks.length) {
      // A send followed by its open (same campaign), the material streak rules look at.
      const s = rnd.pick(streaks);
      const ms = time();
      const props = { campaign: rnd.pick(['c1', 'c2', 'c3', 'c4']), url: '/mail' };
      push(make(s.sent, ms, props), ms);
      const later = ms + rnd.pick([0, 1, 60_000, DAY]);
      const openMs = ms > nowMs ? later : Math.min(later, anchor);
      if (rnd.chance(0.8) && out.length < count) push(make(s.opened, openMs, rnd.chance(0.8) ? { ...props } : randomProps(rnd)), openMs);
    } else {
      const type = rnd.chance(0.05)
        ? rnd.pick(['unknown_kind', rnd.pick(types).toUpperCase(), ` ${rnd.pick(types)}`, 'page-view'])
        : rnd.pick(types);
      let props;
      const p = rnd.next();
      if (p < 0.03) props = rnd.pick(['/pricing', 5, [1, 2], null, true]);  // not an object: invalid
      else if (p < 0.33) props = undefined;
      else if (p < 0.4) props = {};
      else props = randomProps(rnd);
      let ms = time();
      const e = make(type, ms, props);
      const bad = rnd.next();
      if (bad < 0.04) { e.at = invalidAt(ms, rnd); ms = undefined; }
      else if (bad < 0.05) { delete e.at; ms = undefined; }
      else if (bad < 0.06) e.type = rnd.pick(['', 5, null, ['visit'], { id: 'visit' }]);
      else if (bad < 0.065) delete e.type;
      push(e, ms);
    }
  }
  return out.slice(0, count).map(({ event, broken }) => (event ? { event } : { broken }));
}

// ---------------------------------------------------------------------------------------------
// Numbers in their raw JSON spelling

/**
 * Number spellings JSON.stringify never writes: both runtimes parse them from the events text
 * (glibc's and Emscripten's libc number parsing), compare props for duplicates and ties in
 * canonical JSON, and read them in conditions (`asset.size > 10`) and streak matching
 * (`campaign`). Equal values in other spellings (1, 1.0, 1e0) meet as duplicates.
 */
export const RAW_NUMBERS = ['1', '1.0', '1e0', '10E-1', '100', '1e2', '-0', '-0.0', '0', '10', '10.000000000000002', '11',
  '0.30000000000000004', '0.1', '0.1000000000000000055511151231257827021181583404541015625', '1E-7', '2.5e-324',
  '12345678901234567890', '18446744073709551615', '18446744073709551616', '-9223372036854775808', '-9223372036854775809',
  '9007199254740993', '9007199254740992.5', '2.2250738585072011e-308', '1.7976931348623157e308', '4.9e-324',
  '123456789012345678901234567890', '1.00000000000000011102230246251565404236316680908203125', '9.999999999999999e22'];

const RAW_MARK = '@@raw:';

/** Puts raw-number markers into some props of an event object (in place). */
export function markRawNumbers(rnd, event) {
  if (!event || typeof event.props !== 'object' || event.props === null || Array.isArray(event.props)) return;
  const mark = () => `${RAW_MARK}${rnd.int(0, RAW_NUMBERS.length - 1)}`;
  if (rnd.chance(0.5)) event.props.campaign = mark();
  if (rnd.chance(0.5)) event.props.asset = { name: 'ebook-a', size: mark() };
  if (rnd.chance(0.3)) event.props.n = mark();
}

/** JSON text with the markers replaced by their raw number spellings. */
export function rawJson(value) {
  return JSON.stringify(value).replace(/"@@raw:([0-9]+)"/g, (_, i) => RAW_NUMBERS[Number(i)]);
}

// Spellings of one value (as a double; the integer ones also as an integer).
const SAME_VALUE = [['1', '1.0', '1e0', '10E-1'], ['100', '1e2'], ['-0', '-0.0', '0'],
  ['0.1', '0.1000000000000000055511151231257827021181583404541015625']];

/** Swaps raw-number markers for other spellings of the same value (in place), some of the time. */
export function respellRawNumbers(rnd, value) {
  if (!value || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v === 'string' && v.startsWith(RAW_MARK) && rnd.chance(0.5)) {
      const spelling = RAW_NUMBERS[Number(v.slice(RAW_MARK.length))];
      const group = SAME_VALUE.find((g) => g.includes(spelling));
      if (group) value[key] = `${RAW_MARK}${RAW_NUMBERS.indexOf(rnd.pick(group))}`;
    } else if (v && typeof v === 'object') {
      respellRawNumbers(rnd, v);
    }
  }
}

// Small DOM and text helpers shared by the demo's modules. Everything is built with
// createElement and textContent: no innerHTML, so nothing typed or stored can become markup, and
// no inline style attribute, which the page's CSP (style-src 'self') would block.

export const $ = (id) => document.getElementById(id);

export function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

// U+2212 rather than "-": a real minus sign reads better and lines up with "+".
export const formatPoints = (n) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');
export const formatNumber = (n) => (n < 0 ? `\u2212${-n}` : String(n));

// A model identifier for people: "individual_contributor" -> "Individual contributor", "it_services" -> "IT services".
export const humanize = (value) => value.split('_')
  .map((w, i) => (w.length <= 2 ? w.toUpperCase() : i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

// The engine's UTC form of an instant: no ".000" when the milliseconds are 0.
export const isoInstant = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

// "2026-11-23 10:00 UTC": the same text in every locale and time zone (the engine works in UTC).
export const formatInstant = (ms) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

// A duration the core gives in ms as [n, unit] in the largest whole unit (w, d, h or m):
// 2592000000 -> [30, 'd'], 604800000 -> [1, 'w'].
export function wholeUnit(ms) {
  for (const [unit, size] of [['w', 7 * DAY], ['d', DAY], ['h', HOUR], ['m', 60_000]])
    if (ms % size === 0) return [ms / size, unit];
  return [Math.round(ms / 60_000), 'm'];
}

// A length of time as "12 d 5 h", "3 h", "45 min" or "0 h" (`units`: the page language's
// abbreviations, i18n.t('durationUnits')); the sign is left to the caller.
export function formatDuration(ms, units = { d: 'd', h: 'h', min: 'min' }) {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / 60_000);
  const parts = [];
  if (days) parts.push(`${days} ${units.d}`);
  if (hours) parts.push(`${hours} ${units.h}`);
  if (minutes) parts.push(`${minutes} ${units.min}`);
  return parts.length ? parts.join(' ') : `0 ${units.h}`;
}

// An engine code (a finding or warning code, a rule id) for the developer reading the page: a
// small secondary line under the plain words, never the main text.
export function codeLine(text) {
  const small = el('small', { className: 'code-line' }, el('code', { textContent: text }));
  small.setAttribute('translate', 'no');
  return small;
}

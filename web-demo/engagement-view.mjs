// Shows the engagement part of a result: fit vs engagement vs total in the summary, the event
// counts and last activity, engagement groups (caps, reset_at) and stages, and one line per
// event, pattern and decay contribution. Decay lines are marked as such: they are what the time
// slider makes move.
import { $, el, formatDuration, formatInstant, formatNumber, formatPoints, formatRange } from './dom.mjs';

const ENGAGEMENT_KINDS = new Set(['event', 'pattern', 'decay']);
export const isEngagementLine = (c) => ENGAGEMENT_KINDS.has(c.kind);

const DECAY_NAMES = { half_life: 'half-life', linear: 'linear', inactivity: 'inactivity' };
// engagement.events keys and how to say them: "5 received: 3 used, 1 duplicate, 1 in the future...".
const COUNTS = [
  ['received', () => 'received'], ['used', () => 'used'], ['duplicates', (n) => (n === 1 ? 'duplicate' : 'duplicates')],
  ['future', () => 'in the future'], ['invalid', () => 'invalid'], ['unknown', () => 'of an unknown type'],
];

const row = (cells, className = '') => el('tr', { className }, ...cells);
const num = (text) => el('td', { className: 'num', textContent: text });
const instant = (iso) => el('time', { dateTime: iso, textContent: formatInstant(Date.parse(iso)) });

function lastActivity(result) {
  if (!result.last_activity) return ['none'];
  const ago = Date.parse(result.now) - Date.parse(result.last_activity);
  return [instant(result.last_activity), ` (${ago === 0 ? 'at the chosen time' : `${formatDuration(ago)} before`})`];
}

function eventCounts(events) {
  return COUNTS.flatMap(([key, words], i) => {
    const span = el('span', { className: 'count', textContent: `${events[key]} ${words(events[key])}` });
    span.dataset.count = key;
    return i === 0 ? [span] : [i === 1 ? ': ' : ', ', span];
  });
}

// The second line of a contribution: which event, which pattern, which decay.
function detail(c, typeLabel) {
  if (c.kind === 'event') return [`${typeLabel(c.type)}, `, instant(c.at)];
  if (c.kind === 'decay') return [`${DECAY_NAMES[c.decay] ?? c.decay} decay`];
  const what = c.pattern === 'frequency' ? `${c.count} events, latest `
    : c.pattern === 'streak' ? 'latest send ' : 'latest ';
  return [what, instant(c.at)];
}

function lineRow(c, groupLabel, typeLabel) {
  const decay = c.kind === 'decay';
  // A group's inactivity line has no rule: its label is the group's.
  const title = decay ? `Decayed: ${c.rule ? c.label : `${c.label} (whole group)`}` : c.label;
  return row([
    el('td', {}, el('span', { textContent: title }), el('small', { className: 'line-detail' }, ...detail(c, typeLabel))),
    el('td', { textContent: groupLabel(c.group) }),
    num(formatPoints(c.points)),
  ], `${c.kind} ${c.points < 0 ? 'negative' : 'positive'}`);
}

/** Fills the engagement parts of the page from a result; `typeLabel(id)` names event types. */
export function renderEngagement(result, typeLabel) {
  const e = result.engagement;
  $('fit-points').textContent = formatNumber(result.fit.points);
  $('engagement-points').textContent = formatPoints(e.points);
  $('total-points').textContent = formatNumber(result.total.points);

  $('last-activity').replaceChildren(...lastActivity(result));
  $('event-counts').replaceChildren(...eventCounts(e.events));

  const groupLabels = new Map(e.groups.map((g) => [g.id, g.label]));
  $('engagement-groups').replaceChildren(...e.groups.map((g) => row([
    el('th', { scope: 'row' }, g.label, g.reset_at
      ? el('small', { className: 'line-detail' }, 'reset at ', instant(g.reset_at)) : null),
    el('td', { textContent: formatRange(g.min, g.max) }),
    num(formatPoints(g.points_before_cap)),
    num(formatPoints(g.points)),
  ], g.points !== g.points_before_cap ? 'capped' : '')));
  $('engagement-total').replaceChildren(row([
    el('th', { scope: 'row', textContent: 'Engagement' }),
    el('td', { textContent: formatRange(e.min, e.max) }),
    num(formatPoints(e.points_before_cap)),
    num(formatPoints(e.points)),
  ], e.points !== e.points_before_cap ? 'capped' : ''));

  $('stages').replaceChildren(...(e.stages.length === 0
    ? [row([el('td', { colSpan: 2, className: 'none', textContent: 'This model has no stages.' })])]
    : e.stages.map((s) => row([el('th', { scope: 'row', textContent: s.label }), num(formatPoints(s.points))]))));

  const lines = result.contributions.filter(isEngagementLine);
  $('engagement-lines').replaceChildren(...(lines.length === 0
    ? [row([el('td', { colSpan: 3, className: 'none', textContent: 'No engagement yet: add events in the Events panel.' })])]
    : lines.map((c) => lineRow(c, (id) => groupLabels.get(id) ?? id, typeLabel))));
}

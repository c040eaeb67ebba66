// Shows the engagement part of a result: fit vs engagement vs total in the summary, the event
// counts and last activity, engagement groups (caps, reset_at) and stages, and one line per
// event, pattern and decay contribution, then the caps that make the lines' sum the engagement
// points. Decay lines are marked as such: they are what the time slider makes move.
import { $, el, formatInstant } from './dom.mjs';
import { capCell, renderEngagementFooter } from './totals-view.mjs';

const ENGAGEMENT_KINDS = new Set(['event', 'pattern', 'decay']);
export const isEngagementLine = (c) => ENGAGEMENT_KINDS.has(c.kind);

// engagement.events keys, in the order they are said: "5 received: 3 used, 1 duplicate...".
const COUNTS = ['received', 'used', 'duplicates', 'future', 'invalid', 'unknown'];

const row = (cells, className = '') => el('tr', { className }, ...cells);
const num = (text) => el('td', { className: 'num', textContent: text });
const instant = (iso) => el('time', { dateTime: iso, textContent: formatInstant(Date.parse(iso)) });

function lastActivity(result, i18n) {
  if (!result.last_activity) return [i18n.t('none')];
  const ago = Date.parse(result.now) - Date.parse(result.last_activity);
  return [instant(result.last_activity),
    ` (${ago === 0 ? i18n.t('atChosenTime') : i18n.t('beforeChosenTime', i18n.duration(ago))})`];
}

function eventCounts(events, i18n) {
  const words = i18n.t('counts');
  return COUNTS.flatMap((key, i) => {
    const span = el('span', { className: 'count', textContent: `${events[key]} ${words[key](events[key])}` });
    span.dataset.count = key;
    return i === 0 ? [span] : [i === 1 ? i18n.t('colon') : ', ', span];
  });
}

// The second line of a contribution: which event, which pattern, which decay.
function detail(c, texts, i18n) {
  if (c.kind === 'event') return [`${texts.eventType(c.type)}, `, instant(c.at)];
  if (c.kind === 'decay') return [i18n.t('decayKind')[c.decay] ?? c.decay];
  const what = c.pattern === 'frequency' ? i18n.t('patternCount', c.count)
    : c.pattern === 'streak' ? i18n.t('latestSend') : i18n.t('latest');
  return [what, instant(c.at)];
}

function lineRow(c, texts, i18n) {
  const decay = c.kind === 'decay';
  // A group's inactivity line has no rule: its label is the group's.
  const label = c.rule ? texts.engagementRule(c.rule, c.label) : texts.engagementGroup(c.group, c.label);
  const title = decay ? i18n.t('decayed', c.rule ? label : i18n.t('wholeGroup', label)) : label;
  return row([
    el('td', {}, el('span', { textContent: title }), el('small', { className: 'line-detail' }, ...detail(c, texts, i18n))),
    el('td', { textContent: texts.engagementGroup(c.group) }),
    num(i18n.points(c.points)),
  ], `${c.kind} ${c.points < 0 ? 'negative' : 'positive'}`);
}

/** Fills the engagement parts of the page from a result, in the page's language. */
export function renderEngagement(result, texts, i18n) {
  const t = (...a) => i18n.t(...a);
  const e = result.engagement;
  $('fit-points').textContent = i18n.number(result.fit.points);
  $('engagement-points').textContent = i18n.points(e.points);
  $('total-points').textContent = i18n.number(result.total.points);

  $('last-activity').replaceChildren(...lastActivity(result, i18n));
  $('event-counts').replaceChildren(...eventCounts(e.events, i18n));

  $('engagement-groups').replaceChildren(...e.groups.map((g) => row([
    el('th', { scope: 'row' }, texts.engagementGroup(g.id, g.label), g.reset_at
      ? el('small', { className: 'line-detail' }, t('resetAt'), instant(g.reset_at)) : null),
    capCell(g, i18n),
    num(i18n.points(g.points_before_cap)),
    num(i18n.points(g.points)),
  ], g.points !== g.points_before_cap ? 'capped' : '')));
  $('engagement-total').replaceChildren(row([
    el('th', { scope: 'row', textContent: t('engagement') }),
    capCell(e, i18n),
    num(i18n.points(e.points_before_cap)),
    num(i18n.points(e.points)),
  ], e.points !== e.points_before_cap ? 'capped' : ''));

  $('stages').replaceChildren(...(e.stages.length === 0
    ? [row([el('td', { colSpan: 2, className: 'none', textContent: t('noStages') })])]
    : e.stages.map((s) => row([el('th', { scope: 'row', textContent: texts.stage(s.id, s.label) }), num(i18n.points(s.points))]))));

  const lines = result.contributions.filter(isEngagementLine);
  $('engagement-lines').replaceChildren(...(lines.length === 0
    ? [row([el('td', { colSpan: 3, className: 'none', textContent: t('noEngagement') })])]
    : lines.map((c) => lineRow(c, texts, i18n))));
  if (lines.length) renderEngagementFooter(result, texts, i18n);
  else $('engagement-lines-total').replaceChildren();
}

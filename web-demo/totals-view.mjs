// Totals that add up on screen, or say why not. A group cap, a rule cap, the engagement cap, the
// total cap, the spam block and the scale all make a shown sum differ from the numbers above it;
// each is said where it happens, with its numbers: a row under the lines it caps ("Role fit:
// capped at 30 (its maximum) −5"), the cap column's "maximum reached", and in the summary a
// sentence when the total is capped ("Total capped at 0 (the model's minimum): fit −14 +
// engagement 0 = −14."). The numbers are the result's (points_before_cap, points, min, max).
import { $, el } from './dom.mjs';

// Centipoint arithmetic, as the engine's: no 0.30000000000000004 on screen.
const minus = (a, b) => Math.round((a - b) * 100) / 100;
const plus = (a, b) => Math.round((a + b) * 100) / 100;

// Which bound a capped value was brought to: raised to its minimum or lowered to its maximum.
const sideOf = (before, after) => (after > before ? 'min' : 'max');
// (A pattern rule has no points_before_cap: it fires or not, and no cap of its own.)
export const isCapped = (x) => x.points_before_cap !== undefined && x.points !== x.points_before_cap;

/** A row under a table's lines: one cap (`label`, its change `delta`) or the total (`final`). */
function footRow(label, points, kind, i18n) {
  const tr = el('tr', { className: kind === 'cap' ? 'cap-row' : 'total-row' },
    el('th', { scope: 'row', colSpan: 2, textContent: label }),
    el('td', { className: 'num', textContent: kind === 'cap' ? i18n.points(points) : i18n.number(points) }));
  tr.dataset.kind = kind;
  tr.dataset.points = String(points);
  return tr;
}

/** The cap column of a capped row says which bound was reached. */
export function capCell(x, i18n) {
  const td = el('td', { textContent: i18n.range(x.min, x.max) });
  if (isCapped(x)) {
    td.append(el('small', { className: 'cap-reached', textContent: i18n.t('capReached')[sideOf(x.points_before_cap, x.points)] }));
    td.dataset.capped = sideOf(x.points_before_cap, x.points);
  }
  return td;
}

/**
 * The fit lines' footer: each capped fit group with what its cap took or gave, then the fit points
 * (and the sales feedback's, whose adjustment lines are in the same table): the lines plus the
 * cap rows make the last row.
 */
export function renderFitFooter(result, texts, i18n) {
  const rows = result.groups.filter(isCapped).map((g) => footRow(
    i18n.t('groupCapped', texts.group(g.id, g.label), sideOf(g.points_before_cap, g.points), i18n.number(g.points)),
    minus(g.points, g.points_before_cap), 'cap', i18n));
  const feedback = result.feedback?.points ?? 0;
  rows.push(footRow(i18n.t(result.feedback ? 'fitAndFeedback' : 'fitTotal'), plus(result.fit.points, feedback), 'total', i18n));
  $('contributions-total').replaceChildren(...rows);
}

/** The engagement lines' footer: capped rules, capped groups and the engagement cap, then the engagement points. */
export function renderEngagementFooter(result, texts, i18n) {
  const e = result.engagement;
  const rows = [
    ...(e.rules ?? []).filter(isCapped).map((r) => footRow(
      i18n.t('ruleCapped', texts.engagementRule(r.id), sideOf(r.points_before_cap, r.points), i18n.number(r.points)),
      minus(r.points, r.points_before_cap), 'cap', i18n)),
    ...e.groups.filter(isCapped).map((g) => footRow(
      i18n.t('groupCapped', texts.engagementGroup(g.id, g.label), sideOf(g.points_before_cap, g.points), i18n.number(g.points)),
      minus(g.points, g.points_before_cap), 'cap', i18n)),
  ];
  if (isCapped(e)) {
    rows.push(footRow(i18n.t('engagementCapped', sideOf(e.points_before_cap, e.points), i18n.number(e.points)),
      minus(e.points, e.points_before_cap), 'cap', i18n));
  }
  rows.push(footRow(i18n.t('engagementTotal'), e.points, 'total', i18n));
  $('engagement-lines-total').replaceChildren(...rows);
}

/**
 * The summary's sentences when fit + engagement (+ sales feedback) is not the total shown (a total
 * cap), or the total is not the score (a scale other than 0..100). The spam block has its own line.
 */
export function renderTotalWhy(result, model, i18n) {
  const t = (...a) => i18n.t(...a);
  const items = [];
  const total = result.total;
  if (isCapped(total)) {
    const parts = [`${t('partFit')} ${i18n.number(result.fit.points)}`, `${t('partEngagement')} ${i18n.number(result.engagement.points)}`];
    if (result.feedback) parts.push(`${t('partFeedback')} ${i18n.number(result.feedback.points)}`);
    const li = el('li', { textContent: t('totalCapped', sideOf(total.points_before_cap, total.points), i18n.number(total.points),
      parts.join(' + '), i18n.number(total.points_before_cap)) });
    li.dataset.why = 'total-cap';
    items.push(li);
  }
  const scale = model?.scale;
  if (scale && !(scale.min === 0 && scale.max === 100) && !result.quality?.blocked) {
    const li = el('li', { textContent: t('scaled', result.score, i18n.number(total.points), i18n.number(scale.min), i18n.number(scale.max)) });
    li.dataset.why = 'scale';
    items.push(li);
  }
  $('total-why').replaceChildren(...items);
  $('total-why').hidden = items.length === 0;
}

/** The fit groups and the subtotals: fit + engagement (+ sales feedback) = the total before its cap. */
export function renderGroupTotals(result, texts, i18n) {
  const t = (...a) => i18n.t(...a);
  const row = (head, cap, before, after) => el('tr', { className: after !== before ? 'capped' : '' },
    el('th', { scope: 'row', textContent: head }), cap,
    el('td', { className: 'num', textContent: i18n.points(before) }),
    el('td', { className: 'num', textContent: i18n.points(after) }));
  $('groups').replaceChildren(...result.groups.map((g) => row(texts.group(g.id, g.label), capCell(g, i18n), g.points_before_cap, g.points)));
  const e = result.engagement;
  const tot = result.total;
  $('total').replaceChildren(...[
    row(t('fit'), el('td'), result.fit.points, result.fit.points),
    row(t('engagement'), capCell(e, i18n), e.points_before_cap, e.points),
    result.feedback ? row(t('salesFeedback'), el('td'), result.feedback.points, result.feedback.points) : null,
    row(t('total'), capCell(tot, i18n), tot.points_before_cap, tot.points),
  ].filter(Boolean));
}

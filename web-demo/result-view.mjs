// Shows a score result: the score and band, the form-quality verdict, the engine's warnings, the
// fit contributions (rules, completeness, form checks, the spam block, sales adjustments), the fit
// groups and the totals; the grade is grade-view.mjs's, the route routing-view.mjs's and the
// engagement part engagement-view.mjs's.
import { $, el, formatPoints, formatRange } from './dom.mjs';
import { renderEngagement, isEngagementLine } from './engagement-view.mjs';
import { renderGradeSummary, renderGradeWhy } from './grade-view.mjs';
import { renderRouteSummary, renderRouteWhy } from './routing-view.mjs';

// Engine messages name the field ('field "company_size" must be ...'): show its label instead.
const withoutName = (message, name) => message.replace(`field "${name}" `, '');

// A fit line's text: check lines carry the core's message (already in the page's language); the
// spam block's label is the core's English, so the page says it in its own words.
function lineLabel(c, labels, i18n) {
  if (c.kind === 'spam_block') return i18n.t('spamBlock');
  // A sales adjustment's label is its reason, as the rep typed it.
  if (c.kind === 'adjustment') return i18n.t('adjustmentLine', c.by, c.label) + i18n.t('adjustmentStatus')[c.status];
  const field = c.field ? labels.fields.get(c.field) ?? c.field : null;
  if (c.kind === 'check') return `${i18n.t('checkLine')} (${field ?? c.code}): ${c.label}`;
  return field ? `${c.label}: ${field}` : c.label;
}

function renderQuality(quality, labels, i18n) {
  const box = $('quality');
  box.hidden = !quality;
  $('quality-details').hidden = !quality;
  if (!quality) return;
  box.dataset.verdict = quality.verdict;
  $('verdict').textContent = i18n.t('verdict')[quality.verdict];
  $('quality-score').textContent = i18n.t('qualityScore', quality.score);
  $('blocked').hidden = !quality.blocked;
  $('blocked').textContent = i18n.t('blocked');
  // The reasons, with the core's message for each (findings are in the same order as reasons).
  const reasons = quality.reasons.map((r) => {
    const finding = quality.findings.find((f) => f.field === r.field && f.code === r.code);
    const item = el('li', { className: `finding ${r.severity}` },
      el('strong', { textContent: labels.fields.get(r.field) ?? r.field }),
      ` ${finding?.message ?? ''} `, el('code', { textContent: r.code }));
    item.dataset.code = r.code;
    return item;
  });
  $('quality-reasons').replaceChildren(...(reasons.length ? reasons
    : [el('li', { className: 'none', textContent: i18n.t('reasonsNone') })]));
}

/**
 * Renders `result` (its JSON text is `json`) of `model` (its grade bands are shown) described by
 * `described` (scorer.describe(): its routing matrix) and `routeRows` (scorer.describeRoute():
 * how the router treated each row); returns the names of fields with a scoring warning.
 */
export function renderResult(result, json, labels, i18n, model, described, routeRows) {
  const t = (...a) => i18n.t(...a);
  $('score').textContent = String(result.score);
  $('band-label').textContent = result.band.label;
  $('band-action').textContent = result.band.action;
  // With a route, the band's suggested action would contradict the route badge next to it.
  $('band-action').hidden = Boolean(result.route);
  $('result').dataset.band = result.band.id;
  $('bar-fill').style.width = `${result.score}%`;
  $('result-json').textContent = json;
  renderQuality(result.quality, labels, i18n);
  renderGradeSummary(result.grade);
  renderRouteSummary(result, labels, i18n);
  renderGradeWhy(result, model, labels, i18n);
  renderRouteWhy(result, described, routeRows, labels, i18n);

  const warned = new Set();
  $('warnings').replaceChildren(...(result.warnings.length === 0
    ? [el('li', { className: 'none', textContent: t('warningsNone') })]
    : result.warnings.map((w) => {
      const name = w.path.slice(1);
      warned.add(name);
      const label = labels.fields.get(name);
      return el('li', {}, label ? el('strong', { textContent: label }) : null,
        el('span', { textContent: label ? ` ${withoutName(w.message, name)} ` : `${w.message} ` }),
        el('code', { textContent: `${w.code} at ${w.path || '/'}` }));
    })));

  const fitLines = result.contributions.filter((c) => !isEngagementLine(c));
  $('contributions').replaceChildren(...(fitLines.length === 0
    ? [el('tr', {}, el('td', { colSpan: 3, className: 'none', textContent: t('noRule') }))]
    : fitLines.map((c) => {
      const tr = el('tr', { className: c.points < 0 ? 'negative' : c.points > 0 ? 'positive' : '' },
        el('td', { textContent: lineLabel(c, labels, i18n) }),
        el('td', { textContent: c.kind === 'adjustment' ? t('salesFeedback') : labels.groups.get(c.group) ?? c.group }),
        el('td', { className: 'num', textContent: formatPoints(c.points) }));
      tr.dataset.kind = c.kind;
      if (c.code) tr.dataset.code = c.code;
      return tr;
    })));

  const row = (cells, className) => el('tr', { className }, ...cells);
  $('groups').replaceChildren(...result.groups.map((g) => row([
    el('th', { scope: 'row', textContent: labels.groups.get(g.id) ?? g.label }),
    el('td', { textContent: formatRange(g.min, g.max) }),
    el('td', { className: 'num', textContent: formatPoints(g.points_before_cap) }),
    el('td', { className: 'num', textContent: formatPoints(g.points) }),
  ], g.points !== g.points_before_cap ? 'capped' : '')));
  // Fit + engagement (+ sales feedback) = total before its cap: the rows add up as shown.
  const tot = result.total;
  const e = result.engagement;
  const subtotal = (label, range, before, after) => row([
    el('th', { scope: 'row', textContent: label }),
    el('td', { textContent: range }),
    el('td', { className: 'num', textContent: formatPoints(before) }),
    el('td', { className: 'num', textContent: formatPoints(after) }),
  ], after !== before ? 'capped' : '');
  $('total').replaceChildren(...[
    subtotal(t('fit'), '', result.fit.points, result.fit.points),
    subtotal(t('engagement'), formatRange(e.min, e.max), e.points_before_cap, e.points),
    result.feedback ? subtotal(t('salesFeedback'), '', result.feedback.points, result.feedback.points) : null,
    subtotal(t('total'), formatRange(tot.min, tot.max), tot.points_before_cap, tot.points),
  ].filter(Boolean));
  renderEngagement(result, labels.eventType);
  return warned;
}

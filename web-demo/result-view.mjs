// Shows a score result: the score and band, the form-quality verdict, the engine's warnings, the
// fit contributions (rules, completeness, form checks, the spam block, sales adjustments), the fit
// groups and the totals (totals-view.mjs says where a cap makes them differ); the grade is
// grade-view.mjs's, the route routing-view.mjs's and the engagement part engagement-view.mjs's.
// Words are in the page's language, the model's texts through model-texts.mjs, and engine codes
// only on a small secondary line.
import { $, codeLine, el } from './dom.mjs';
import { renderEngagement, isEngagementLine } from './engagement-view.mjs';
import { renderGradeSummary, renderGradeWhy } from './grade-view.mjs';
import { renderRouteSummary, renderRouteWhy } from './routing-view.mjs';
import { renderFitFooter, renderGroupTotals, renderTotalWhy } from './totals-view.mjs';

// Engine messages name the field ('field "company_size" must be ...'): show its label instead.
const withoutName = (message, name) => message.replace(`field "${name}" `, '');

// A fit line's text: check lines carry the core's message (already in the page's language); the
// spam block's label is the core's English, so the page says it in its own words.
function lineLabel(c, texts, i18n) {
  const t = (...a) => i18n.t(...a);
  if (c.kind === 'spam_block') return t('spamBlock');
  // A sales adjustment's label is its reason, as the rep typed it.
  if (c.kind === 'adjustment') return t('adjustmentLine', c.by, c.label) + t('adjustmentStatus')[c.status];
  const field = c.field ? texts.field(c.field) : null;
  if (c.kind === 'check') return `${t('checkLine')} (${field ?? c.code})${t('colon')}${c.label}`;
  if (c.kind === 'completeness') return `${texts.completeness(c.rule, c.label)}${t('colon')}${field}`;
  if (c.kind === 'rule') return texts.rule(c.rule, c.label);
  return field ? `${c.label}${t('colon')}${field}` : c.label;
}

function renderQuality(result, texts, i18n) {
  const quality = result.quality;
  const box = $('quality');
  box.hidden = !quality;
  $('quality-details').hidden = !quality;
  if (!quality) return;
  box.dataset.verdict = quality.verdict;
  $('verdict').textContent = i18n.t('verdict')[quality.verdict];
  $('quality-score').textContent = i18n.t('qualityScore', quality.score);
  $('blocked').hidden = !quality.blocked;
  const block = result.contributions.find((c) => c.kind === 'spam_block');
  $('blocked').textContent = i18n.t('blocked', block?.score_before);
  // The reasons, with the core's message for each (findings are in the same order as reasons).
  const reasons = quality.reasons.map((r) => {
    const finding = quality.findings.find((f) => f.field === r.field && f.code === r.code);
    const item = el('li', { className: `finding ${r.severity}` },
      el('strong', { textContent: texts.field(r.field) }), ` ${finding?.message ?? ''}`, codeLine(r.code));
    item.dataset.code = r.code;
    return item;
  });
  $('quality-reasons').replaceChildren(...(reasons.length ? reasons
    : [el('li', { className: 'none', textContent: i18n.t('reasonsNone') })]));
}

// A warning in the page's words: the engine's English message, or the page's French for its code
// (a field's warning after the field's label); the code and path on a secondary line.
function warningItem(w, fields, texts, i18n) {
  const name = w.path.slice(1);
  const field = fields.get(name);
  const french = i18n.t('warning')?.[w.code];
  const text = french ? french(field?.type) : field ? withoutName(w.message, name) : w.message;
  const item = el('li', {}, field ? el('strong', { textContent: texts.field(name) }) : null,
    el('span', { textContent: field ? ` ${text}` : text }), codeLine(`${w.code} \u00b7 ${w.path || '/'}`));
  item.dataset.code = w.code;
  return item;
}

/**
 * Renders `result` (its JSON text is `json`) of `model` with the page's `texts` (ModelTexts) and
 * `i18n`, `described` (scorer.describe(): its routing matrix) and `routeRows`
 * (scorer.describeRoute(): how the router treated each row); returns the names of fields with a
 * scoring warning.
 */
export function renderResult(result, json, texts, i18n, model, described, routeRows) {
  const t = (...a) => i18n.t(...a);
  $('score').textContent = String(result.score);
  $('band-label').textContent = texts.band(result.band.id, result.band.label);
  $('band-action').textContent = texts.bandAction(result.band.id, result.band.action);
  // With a route, the band's suggested action would contradict the route badge next to it.
  $('band-action').hidden = Boolean(result.route);
  $('result').dataset.band = result.band.id;
  $('bar-fill').style.width = `${result.score}%`;
  $('result-json').textContent = json;
  renderQuality(result, texts, i18n);
  renderGradeSummary(result.grade);
  renderRouteSummary(result, texts, i18n);
  renderGradeWhy(result, model, texts, i18n);
  renderRouteWhy(result, described, routeRows, texts, i18n);

  const fields = new Map(model.fields.map((f) => [f.name, f]));
  const warned = new Set(result.warnings.map((w) => w.path.slice(1)));
  $('warnings').replaceChildren(...(result.warnings.length === 0
    ? [el('li', { className: 'none', textContent: t('warningsNone') })]
    : result.warnings.map((w) => warningItem(w, fields, texts, i18n))));

  const fitLines = result.contributions.filter((c) => !isEngagementLine(c));
  $('contributions').replaceChildren(...(fitLines.length === 0
    ? [el('tr', {}, el('td', { colSpan: 3, className: 'none', textContent: t('noRule') }))]
    : fitLines.map((c) => {
      const tr = el('tr', { className: c.points < 0 ? 'negative' : c.points > 0 ? 'positive' : '' },
        el('td', { textContent: lineLabel(c, texts, i18n) }),
        el('td', { textContent: c.kind === 'adjustment' ? t('salesFeedback') : c.group ? texts.group(c.group) : '' }),
        el('td', { className: 'num', textContent: i18n.points(c.points) }));
      tr.dataset.kind = c.kind;
      if (c.code) tr.dataset.code = c.code;
      return tr;
    })));
  if (fitLines.length) renderFitFooter(result, texts, i18n);
  else $('contributions-total').replaceChildren();
  renderGroupTotals(result, texts, i18n);
  renderTotalWhy(result, model, i18n);
  renderEngagement(result, texts, i18n);
  return warned;
}

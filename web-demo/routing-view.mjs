// Shows result.route (docs/design/issue-5-spec.md, "routing"): the action as a badge with its
// reason and the strong actions that counted, in the summary; and "Why this route": what routing
// read (band, grade, strong actions), the rule that matched, a sales verdict's override, and the
// model's matrix with the matched row marked. Rules are numbered in matrix order; their ids are
// only on a secondary line. A model without routing hides all of it.
import { $, codeLine, el, formatInstant, humanize, wholeUnit } from './dom.mjs';

/** The words for an action: the four usual ones in the page's language, any other by its name. */
export const actionLabel = (action, i18n) => i18n.t('actions')[action] ?? humanize(action);

const verdictLabel = (value, i18n) => (value === 'qualified' ? i18n.t('verdictQualified')
  : value === 'disqualified' ? i18n.t('verdictDisqualified') : value);

function badge(action, i18n) {
  const span = el('span', { className: 'route-badge', textContent: actionLabel(action, i18n) });
  span.dataset.action = action;
  return span;
}

const strongText = (s, texts) => [`${texts.eventType(s.type)}, `,
  el('time', { dateTime: s.at, textContent: formatInstant(Date.parse(s.at)) })];

// A matrix rule's number (1 for the first rule), or null for the default row.
const ruleNumber = (routing, id) => {
  const i = routing?.rules.findIndex((r) => r.id === id) ?? -1;
  return i < 0 ? null : i + 1;
};

// The summary's reason: the matrix rule's own, or the verdict said in the page's words.
function summaryReason(result, texts, i18n) {
  const route = result.route;
  if (!route.overridden) return texts.routeReason(route.rule, route.reason);
  return i18n.t('verdictOverride', verdictLabel(result.feedback?.verdict?.value, i18n));
}

/** The route badge, its reason and the strong actions in the summary (hidden without a route). */
export function renderRouteSummary(result, texts, i18n) {
  const route = result.route;
  $('route').hidden = !route;
  if (!route) return;
  $('route').dataset.action = route.action;
  $('route-action').textContent = actionLabel(route.action, i18n);
  $('route-action').dataset.action = route.action;
  $('route-reason').textContent = summaryReason(result, texts, i18n);
  const strong = route.strong_actions;
  $('route-strong').replaceChildren(...(strong.length === 0 ? [i18n.t('strongNone')]
    : [`${i18n.t('strongCounted')} `, ...strong.flatMap((s, i) => [i === 0 ? '' : '; ', ...strongText(s, texts)])]));
}

// A rule's conditions in words ("band Hot, grade B- or better, a strong action").
function conditions(rule, bandLabel, i18n) {
  const t = (...a) => i18n.t(...a);
  const parts = [];
  if (rule.bands?.length) parts.push(t('condBands', rule.bands.map(bandLabel)));
  const { min, max } = rule.grade ?? {};  // describe(): null for an open end
  if (min && max) parts.push(t('condGradeRange', min, max));
  else if (min) parts.push(t('condGradeMin', min));
  else if (max) parts.push(t('condGradeMax', max));
  if (typeof rule.strong_action === 'boolean') parts.push(t('condStrong', rule.strong_action));
  if (rule.quality?.length) parts.push(t('condQuality', rule.quality));
  return parts.length ? parts.join(', ') : t('anyLead');
}

// The matrix, one row per rule and the default, with each row's state as the engine's router
// gives it (scorer.describeRoute(): matched, no_match, not_reached) and the rules' conditions and
// reasons in words.
function matrixRows(routing, rows, bandLabel, texts, i18n) {
  const rules = [...routing.rules, routing.default];
  return rules.map((rule, i) => {
    const { state, holds } = rows[i];
    const stateText = state === 'matched' ? i18n.t('matched')
      : state === 'not_reached' ? (holds && rule.id !== 'default' ? i18n.t('notReachedWouldMatch') : i18n.t('notReached'))
        : i18n.t('ruleNoMatch');
    const isDefault = rule.id === 'default';
    const tr = el('tr', { className: state },
      el('td', {}, el('span', { className: 'rule-number', textContent: isDefault ? i18n.t('defaultRow') : String(i + 1) })),
      el('td', {}, isDefault ? i18n.t('anyLead') : conditions(rule, bandLabel, i18n),
        el('small', { className: 'line-detail', textContent: texts.routeReason(rule.id, rule.reason) }),
        isDefault ? null : codeLine(rule.id)),
      el('td', {}, badge(rule.action, i18n), el('small', { className: 'line-detail', textContent: stateText })));
    tr.dataset.rule = rule.id;
    tr.dataset.state = state;
    tr.dataset.holds = String(holds);
    if (state === 'matched') tr.setAttribute('aria-current', 'true');
    return tr;
  });
}

/**
 * "Why this route" for `result`, with the page's `texts` (ModelTexts), `described`
 * (scorer.describe(): bands, routing) and `rows` (scorer.describeRoute(result)).
 */
export function renderRouteWhy(result, described, rows, texts, i18n) {
  const route = result.route;
  $('route-why').hidden = !route;
  if (!route) return;
  const t = (...a) => i18n.t(...a);
  const bands = new Map(described.bands.map((b) => [b.id, b.label]));
  const bandLabel = (id) => texts.band(id, bands.get(id));
  const routing = described.routing;
  // What the matrix decided: the route itself, or what the verdict replaced.
  const matrix = route.overridden ?? route;
  const lines = [];
  if (route.overridden) {
    const verdict = el('p', { id: 'route-override', className: 'override' },
      el('strong', { textContent: t('verdictOverride', verdictLabel(result.feedback?.verdict?.value, i18n)) }), ' ',
      badge(route.action, i18n));
    const number = ruleNumber(routing, matrix.rule);
    const said = number ? t('matrixSaid', actionLabel(matrix.action, i18n), number) : t('matrixSaidDefault', actionLabel(matrix.action, i18n));
    lines.push(verdict, el('p', {}, `${said} `,
      texts.routeReason(matrix.rule, matrix.reason), codeLine(matrix.rule)));
  } else {
    const number = ruleNumber(routing, matrix.rule);
    lines.push(el('p', { id: 'route-rule' }, number ? t('routeMatched', number) : t('routeDefault'),
      ' ', el('strong', { textContent: texts.routeReason(matrix.rule, matrix.reason) }), codeLine(matrix.rule)));
  }
  lines.push(el('p', { className: 'note', textContent: t('routeRead', bandLabel(route.band), route.grade, route.strong_actions.length) }));
  $('route-explain').replaceChildren(...lines);

  $('route-matrix').hidden = !routing;
  if (routing) $('route-matrix-rows').replaceChildren(...matrixRows(routing, rows.rows, bandLabel, texts, i18n));

  // The window in ms, as the engine runs it: "30 days".
  const within = routing?.strong_within_ms;
  $('strong-within').textContent = within ? t('strongWithin', ...wholeUnit(within)) : '';
  $('strong-list').replaceChildren(...(route.strong_actions.length === 0
    ? [el('li', { className: 'none', textContent: t('strongNone') })]
    : route.strong_actions.map((s) => {
      const li = el('li', {}, ...strongText(s, texts), codeLine(s.rule));
      li.dataset.rule = s.rule;
      return li;
    })));
}

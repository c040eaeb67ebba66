// Shows result.grade (docs/design/issue-5-spec.md, "Grades"): the letter next to the score, and
// "Why this grade": the start grade, one row per criterion (match / no match / unknown and the
// steps it moves the grade: a step is the engine's third of a letter), sales grade adjustments, the
// clamp, and the fields whose absence left criteria unknown, each a link to its form field. A model
// without grading hides all of it.
import { $, el } from './dom.mjs';

// A field name as a link to its input (focusing it), or plain text when the form does not ask it.
function fieldLink(name, texts) {
  const label = texts.field(name);
  const input = $(`field-${name}`);
  if (!input) return el('strong', { textContent: label });
  const link = el('a', { href: `#field-${name}`, className: 'field-link', textContent: label });
  link.dataset.field = name;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    input.focus();
  });
  return link;
}

// "Industry", "Industry and Country", "Industry, Country and Seniority" as links.
function fieldList(names, texts, and) {
  return names.flatMap((name, i) => [
    i === 0 ? null : i === names.length - 1 ? ` ${and} ` : ', ', fieldLink(name, texts),
  ]).filter((n) => n !== null);
}

function stepRow(step, texts, i18n) {
  const outcome = el('span', { className: `state ${step.state}`, textContent: i18n.t('state')[step.state] });
  const missing = step.missing?.length
    ? el('small', { className: 'line-detail', textContent: i18n.t('missing', step.missing.map((f) => texts.field(f)).join(', ')) })
    : null;
  const tr = el('tr', { className: step.thirds > 0 ? 'positive' : step.thirds < 0 ? 'negative' : '' },
    el('td', { textContent: texts.criterion(step.criterion, step.label) }),
    el('td', {}, outcome, missing),
    el('td', { className: 'num', textContent: i18n.t('gradeSteps', step.thirds) }));
  tr.dataset.criterion = step.criterion;
  tr.dataset.state = step.state;
  tr.dataset.thirds = String(step.thirds);
  return tr;
}

function adjustmentRow(a, i18n) {
  const tr = el('tr', { className: 'adjustment' },
    el('td', { colSpan: 2, textContent: a.set ? `${i18n.t('gradeAdjustment', a.by)}: ${i18n.t('gradeSet', a.set)}`
      : i18n.t('gradeAdjustment', a.by) }),
    el('td', { className: 'num', textContent: a.set ? a.set : i18n.t('gradeSteps', a.thirds) }));
  tr.dataset.kind = 'adjustment';
  return tr;
}

// The fit_bands method: the model's bands, from the best grade down.
function bandsText(model, i18n) {
  const bands = model.grading?.bands ?? [];
  return [...bands.map((b) => i18n.t('gradeBand', b.grade, b.from)), i18n.t('gradeBandBelow')].join('; ');
}

/** The letter next to the score (hidden when the result has no grade). */
export function renderGradeSummary(grade) {
  $('grade-box').hidden = !grade;
  if (!grade) return;
  $('grade-letter').textContent = grade.letter;
  // F, D, C, B, A: the colour of the letter (style.css).
  $('grade-box').dataset.grade = grade.letter[0];
}

/** "Why this grade" for `result`, with the page's `texts` (ModelTexts) and `model` (grade bands). */
export function renderGradeWhy(result, model, texts, i18n) {
  const grade = result.grade;
  $('grade-why').hidden = !grade;
  if (!grade) return;
  const t = (...a) => i18n.t(...a);
  const criteria = grade.method === 'criteria';
  $('grade-intro').textContent = criteria ? t('gradeCriteriaIntro', grade.start ?? 'D')
    : `${t('gradeBandsIntro', result.fit.points)} ${bandsText(model, i18n)}.`;
  $('grade-steps-table').hidden = !criteria && !grade.adjustments?.length;

  const rows = [];
  if (criteria) {
    const start = el('tr', { className: 'start' }, el('th', { scope: 'row', colSpan: 2, textContent: t('start') }),
      el('td', { className: 'num', textContent: grade.start ?? 'D' }));
    rows.push(start);
    if (grade.steps.length === 0) rows.push(el('tr', {}, el('td', { colSpan: 3, className: 'none', textContent: t('noCriteria') })));
    rows.push(...grade.steps.map((s) => stepRow(s, texts, i18n)));
  }
  rows.push(...(grade.adjustments ?? []).map((a) => adjustmentRow(a, i18n)));
  $('grade-steps').replaceChildren(...rows);
  const total = el('tr', {}, el('th', { scope: 'row', colSpan: 2, textContent: t('finalGrade') }),
    el('td', { className: 'num', id: 'grade-total-letter', textContent: grade.letter }));
  $('grade-total').replaceChildren(total);

  $('grade-clamped').hidden = !grade.clamped;
  $('grade-clamped').textContent = grade.clamped === 'A+' ? t('clampedTop') : grade.clamped === 'F' ? t('clampedBottom') : '';

  const unknown = grade.unknown_fields ?? [];
  $('grade-unknown').replaceChildren(...(unknown.length === 0
    ? (criteria ? [el('span', { className: 'none', textContent: t('unknownNone') })] : [])
    : [`${t('fillIn')} `, ...fieldList(unknown, texts, t('and')), ` ${t('toRefine')}`]));
  $('grade-unknown').hidden = !criteria;
}

// The web demo: a signup form and an event log scored live by the npm package, loaded through the
// import map in index.html exactly as an application would. The form and the event buttons are
// built from the bundled default model, so labels and options always match what the engine accepts.
import { createScorer, defaultModel } from 'leadscore';
import { $, el, formatPoints, formatRange } from './dom.mjs';
import { renderEngagement, isEngagementLine } from './engagement-view.mjs';
import { createEventsPanel } from './events-panel.mjs';
import { EventLog } from './events.mjs';
import { Timeline } from './timeline.mjs';

// The fields a signup form asks for (is_competitor and signup_date are not questions for a lead).
const FORM_FIELDS = ['email', 'first_name', 'last_name', 'job_title', 'seniority', 'department', 'company',
  'company_size', 'industry', 'country', 'annual_revenue', 'phone', 'website'];
const INPUT_HINTS = {
  email: { type: 'email', autocomplete: 'email' },
  first_name: { autocomplete: 'given-name', half: true },
  last_name: { autocomplete: 'family-name', half: true },
  job_title: { autocomplete: 'organization-title' },
  company: { autocomplete: 'organization' },
  company_size: { inputMode: 'numeric', half: true, hint: 'Number of employees, e.g. 250' },
  annual_revenue: { inputMode: 'decimal', half: true, hint: 'In USD, digits only, e.g. 12000000' },
  country: { autocomplete: 'country', maxLength: 2, half: true, hint: 'Two-letter code, e.g. US, GB, DE' },
  phone: { type: 'tel', autocomplete: 'tel', half: true },
  website: { inputMode: 'url', autocomplete: 'url', half: true },
};
const EXAMPLE = {
  email: 'dana.reyes@northwind-analytics.example', first_name: 'Dana', last_name: 'Reyes',
  job_title: 'Head of Revenue Operations', seniority: 'director', department: 'sales',
  company: 'Northwind Analytics', company_size: '480', industry: 'software', country: 'GB',
  annual_revenue: '32000000', phone: '+44 20 7946 0958', website: 'northwind-analytics.example',
};

// An optional ?now=ISO-8601 fixes the start of the time slider (reproducible results, tests); else
// the clock when the page loaded, to the minute.
const fixedNow = new URLSearchParams(location.search).get('now');

// "individual_contributor" -> "Individual contributor", "it_services" -> "IT services".
const humanize = (value) => value.split('_')
  .map((w, i) => (w.length <= 2 ? w.toUpperCase() : i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');
// Engine messages name the field ('field "company_size" must be ...'): show its label instead.
const withoutName = (message, name) => message.replace(`field "${name}" `, '');

function buildForm(model) {
  const fields = new Map(model.fields.map((f) => [f.name, f]));
  const container = $('fields');
  for (const name of FORM_FIELDS) {
    const field = fields.get(name);
    if (!field) continue; // a model without this field: nothing to ask
    const hints = INPUT_HINTS[name] ?? {};
    const id = `field-${name}`;
    let control;
    if (field.type === 'enum') {
      control = el('select', { id, name }, el('option', { value: '', textContent: 'Choose…' }),
        ...field.values.map((v) => el('option', { value: v, textContent: humanize(v) })));
    } else {
      control = el('input', { id, name, type: hints.type ?? 'text', spellcheck: false });
      for (const key of ['autocomplete', 'inputMode', 'maxLength']) if (hints[key]) control[key] = hints[key];
    }
    if (field.required) control.setAttribute('aria-required', 'true');
    const label = el('label', { htmlFor: id }, field.label ?? name,
      field.required ? el('span', { className: 'required', textContent: ' (required)' }) : null);
    const hint = hints.hint ? el('small', { id: `${id}-hint`, className: 'hint', textContent: hints.hint }) : null;
    if (hint) control.setAttribute('aria-describedby', hint.id);
    container.append(el('div', { className: hints.half ? 'field half' : 'field' }, label, control, hint));
  }
}

function readLead(form) {
  const lead = {};
  for (const [name, value] of new FormData(form)) if (value.trim() !== '') lead[name] = value;
  return lead;
}

function render(result, json, labels) {
  $('score').textContent = String(result.score);
  $('band-label').textContent = result.band.label;
  $('band-action').textContent = result.band.action;
  $('result').dataset.band = result.band.id;
  $('bar-fill').style.width = `${result.score}%`;
  $('result-json').textContent = json;

  for (const input of $('fields').querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  $('warnings').replaceChildren(...(result.warnings.length === 0
    ? [el('li', { className: 'none', textContent: 'None: every filled-in field is understood.' })]
    : result.warnings.map((w) => {
      const name = w.path.slice(1);
      $(`field-${name}`)?.setAttribute('aria-invalid', 'true');
      const label = labels.fields.get(name);
      return el('li', {}, label ? el('strong', { textContent: label }) : null,
        el('span', { textContent: label ? ` ${withoutName(w.message, name)} ` : `${w.message} ` }),
        el('code', { textContent: `${w.code} at ${w.path || '/'}` }));
    })));

  const fitLines = result.contributions.filter((c) => !isEngagementLine(c));
  $('contributions').replaceChildren(...(fitLines.length === 0
    ? [el('tr', {}, el('td', { colSpan: 3, className: 'none', textContent: 'No rule matched yet.' }))]
    : fitLines.map((c) => el('tr', { className: c.points < 0 ? 'negative' : 'positive' },
      el('td', { textContent: c.field ? `${c.label}: ${labels.fields.get(c.field) ?? c.field}` : c.label }),
      el('td', { textContent: labels.groups.get(c.group) ?? c.group }),
      el('td', { className: 'num', textContent: formatPoints(c.points) })))));

  const row = (cells, className) => el('tr', { className }, ...cells);
  $('groups').replaceChildren(...result.groups.map((g) => row([
    el('th', { scope: 'row', textContent: g.label }),
    el('td', { textContent: formatRange(g.min, g.max) }),
    el('td', { className: 'num', textContent: formatPoints(g.points_before_cap) }),
    el('td', { className: 'num', textContent: formatPoints(g.points) }),
  ], g.points !== g.points_before_cap ? 'capped' : '')));
  // Fit + engagement = total before its cap: the three rows add up as shown.
  const t = result.total;
  const e = result.engagement;
  const subtotal = (label, range, before, after) => row([
    el('th', { scope: 'row', textContent: label }),
    el('td', { textContent: range }),
    el('td', { className: 'num', textContent: formatPoints(before) }),
    el('td', { className: 'num', textContent: formatPoints(after) }),
  ], after !== before ? 'capped' : '');
  $('total').replaceChildren(
    subtotal('Fit', '', result.fit.points, result.fit.points),
    subtotal('Engagement', formatRange(e.min, e.max), e.points_before_cap, e.points),
    subtotal('Total', formatRange(t.min, t.max), t.points_before_cap, t.points),
  );
  renderEngagement(result, labels.eventType);

  $('now-info').textContent = `\u00b7 scored at ${result.now}${fixedNow ? ' (slider start fixed by ?now=)' : ''}`;
}

function showProblem(message) {
  const status = $('status');
  status.textContent = message;
  status.setAttribute('role', 'alert');
  status.className = 'status problem';
  status.hidden = false;
}

// The slider's start: ?now= as the engine reads it (normalised to UTC), or the clock to the minute.
// null when ?now= is not an instant the engine accepts: scoring then shows the engine's error.
function startInstant(scorer) {
  if (fixedNow === null) return Math.floor(Date.now() / 60_000) * 60_000;
  try {
    return Date.parse(scorer.score({}, { now: fixedNow }).now);
  } catch {
    return null;
  }
}

async function main() {
  const model = await defaultModel();
  const scorer = await createScorer(model);
  const eventTypes = new Map((model.engagement?.event_types ?? []).map((t) => [t.id, t.label ?? t.id]));
  const labels = {
    fields: new Map(model.fields.map((f) => [f.name, f.label ?? f.name])),
    groups: new Map(model.groups.map((g) => [g.id, g.label ?? g.id])),
    eventType: (id) => eventTypes.get(id) ?? id,
  };
  $('model-id').textContent = scorer.model.id;
  $('model-version').textContent = scorer.model.version;
  $('model-fingerprint').textContent = scorer.model.fingerprint;

  buildForm(model);
  const form = $('lead-form');
  const log = new EventLog();
  const start = startInstant(scorer);
  const slider = $('now-slider');
  const timeline = start === null ? null : new Timeline(slider, $('now-text'), start);

  let panel = null;
  const update = () => {
    let json;
    const events = log.toInput();
    try {
      json = scorer.scoreJson(readLead(form), { now: timeline ? timeline.nowIso : fixedNow, events });
    } catch (error) {
      showProblem(`Could not score: ${error.message}${error.code ? ` (${error.code})` : ''}`);
      return;
    }
    $('status').hidden = true;
    $('events-json').textContent = JSON.stringify(events);
    render(JSON.parse(json), json, labels);
    panel?.render(timeline.now);
    $('summary').hidden = false;
    $('details').hidden = false;
  };
  form.addEventListener('input', update);
  form.addEventListener('reset', () => setTimeout(update)); // fields are cleared after the event
  form.addEventListener('submit', (event) => event.preventDefault());
  $('example').addEventListener('click', () => {
    for (const [name, value] of Object.entries(EXAMPLE)) if (form.elements[name]) form.elements[name].value = value;
    update();
  });

  if (timeline) {
    const moved = () => {
      timeline.describe();
      update();
    };
    slider.disabled = false;
    slider.addEventListener('input', moved);
    for (const button of document.querySelectorAll('[data-shift]')) {
      button.addEventListener('click', () => { if (timeline.shift(Number(button.dataset.shift))) moved(); });
    }
    $('now-start').addEventListener('click', () => {
      timeline.reset();
      moved();
    });
    // Adding an event earlier than the range widens it; removing one may narrow it again.
    panel = createEventsPanel({ model, eventTypes, log, timeline, onChange: () => {
      timeline.fit(log.earliest());
      moved();
    } });
  } else {
    $('events-panel').querySelectorAll('button, input').forEach((c) => { c.disabled = true; });
    $('now-text').textContent = 'unavailable: ?now= is not a valid instant';
  }
  update();
  form.dataset.ready = 'true';
}

main().catch((error) => showProblem(`The scoring engine could not start: ${error.message}`));

// The web demo: a signup form and an event log scored live by the npm package, loaded through the
// import map in index.html exactly as an application would. The form and the event buttons are
// built from the bundled default model, so labels and options always match what the engine accepts.
import { createScorer, defaultModel } from 'leadscore';
import { $, el, isoInstant } from './dom.mjs';
import { createEventsPanel } from './events-panel.mjs';
import { EventLog } from './events.mjs';
import { createFeedbackPanel } from './feedback-panel.mjs';
import { LiveChecks, visibleCheckedFields } from './form-checks.mjs';
import { I18n, initialLang } from './i18n.mjs';
import { ModelTexts } from './model-texts.mjs';
import { renderResult } from './result-view.mjs';
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
  company_size: { inputMode: 'numeric', half: true },
  annual_revenue: { inputMode: 'decimal', half: true },
  country: { autocomplete: 'country', maxLength: 2, half: true },
  phone: { type: 'tel', autocomplete: 'tel', half: true },
  website: { inputMode: 'url', autocomplete: 'url', half: true },
};
// A valid profile: every field it fills passes the checks (no website: `.example`, the reserved
// test domain of the email, is not a public suffix, so as a website it would rightly be refused).
const EXAMPLE = {
  email: 'dana.reyes@northwind-analytics.example', first_name: 'Dana', last_name: 'Reyes',
  job_title: 'Head of Revenue Operations', seniority: 'director', department: 'sales',
  company: 'Northwind Analytics', company_size: '480', industry: 'software', country: 'GB',
  annual_revenue: '32000000', phone: '+44 20 7946 0958',
};

// An optional ?now=ISO-8601 fixes the start of the time slider (reproducible results, tests); else
// the clock when the page loaded, to the minute. ?rendered_at=ISO-8601 fixes the form's render time
// (the fill-time check); without ?now= it is the instant this page ran, and with ?now= but no
// ?rendered_at= the lead carries no render time (the page's real clock has nothing to do with a
// fixed ?now=), so the fill time is not checked.
const params = new URLSearchParams(location.search);
const fixedNow = params.get('now');
const renderedAt = params.get('rendered_at') ?? (fixedNow === null ? isoInstant(Date.now()) : null);

function buildForm(model, described, texts, i18n) {
  const fields = new Map(model.fields.map((f) => [f.name, f]));
  const container = $('fields');
  for (const name of FORM_FIELDS) {
    const field = fields.get(name);
    if (!field) continue; // a model without this field: nothing to ask
    const hints = INPUT_HINTS[name] ?? {};
    const id = `field-${name}`;
    let control;
    if (field.type === 'enum') {
      control = el('select', { id, name }, el('option', { value: '', className: 'choose' }),
        ...field.values.map((v) => el('option', { value: v })));
    } else {
      control = el('input', { id, name, type: hints.type ?? 'text', spellcheck: false });
      for (const key of ['autocomplete', 'inputMode', 'maxLength']) if (hints[key]) control[key] = hints[key];
    }
    if (field.required) control.setAttribute('aria-required', 'true');
    const label = el('label', { htmlFor: id });
    label.dataset.field = name;
    const hint = el('small', { id: `${id}-hint`, className: 'hint' });
    control.setAttribute('aria-describedby', hint.id);
    container.append(el('div', { className: hints.half ? 'field half' : 'field' }, label, control, hint));
  }
  // The honeypot: a field people never see (moved off screen, hidden from assistive technology,
  // out of the tab order, never autofilled). Only a program filling every input fills it in.
  const honeypot = Object.entries(described.checks.fields).find(([, kind]) => kind === 'honeypot')?.[0];
  if (honeypot) {
    const input = el('input', { id: `field-${honeypot}`, name: honeypot, type: 'text', tabIndex: -1, autocomplete: 'off' });
    const trap = el('div', { className: 'trap' }, el('label', { htmlFor: input.id }), input);
    trap.setAttribute('aria-hidden', 'true');
    container.append(trap);
  }
  labelForm(model, texts, i18n);
}

// Labels, options and hints in the page's language.
function labelForm(model, texts, i18n) {
  const fields = new Map(model.fields.map((f) => [f.name, f]));
  for (const label of $('fields').querySelectorAll('label[data-field]')) {
    const field = fields.get(label.dataset.field);
    label.replaceChildren(texts.field(field.name));
    if (field.required) label.append(el('span', { className: 'required', textContent: i18n.t('required') }));
    const hint = $(`${label.htmlFor}-hint`);
    hint.textContent = i18n.hint(field.name) ?? '';
    hint.hidden = hint.textContent === '';
  }
  for (const select of $('fields').querySelectorAll('select')) {
    for (const option of select.options) option.textContent = option.value ? texts.value(select.name, option.value) : i18n.t('choose');
  }
  const trap = $('fields').querySelector('.trap label');
  if (trap) trap.textContent = i18n.t('honeypot');
}

// The field the form checks read the render time from, when the model has checks (describe():
// the model's rendered_at_field or the core's default).
const renderedAtField = (described) => (described.checks.section ? described.checks.rendered_at_field : null);

// The lead as the form has it: non-empty fields, plus the render time.
function readLead(form, described) {
  const lead = {};
  for (const [name, value] of new FormData(form)) if (value.trim() !== '') lead[name] = value;
  const renderedField = renderedAtField(described);
  if (renderedField && renderedAt !== null) lead[renderedField] = renderedAt;
  return lead;
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

// The language switch in the header: one button per language, the current one pressed.
function buildLanguageSwitch(i18n, onSwitch) {
  const names = { en: 'English', fr: 'Français' };
  const buttons = Object.entries(names).map(([lang, name]) => {
    const button = el('button', { type: 'button', lang, textContent: name });
    button.addEventListener('click', () => onSwitch(lang));
    return button;
  });
  const mark = () => buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.lang === i18n.lang)));
  $('lang-switch').append(...buttons);
  mark();
  return mark;
}

async function main(i18n) {
  const model = await defaultModel();
  const scorer = await createScorer(model);
  // Every setting the page needs, as the engine runs it (defaults applied, durations in ms).
  const described = scorer.describe();
  // A browser starts on the lite data pack (docs/data-packs.md); the demo loads the full one from
  // its own server so that it gives the back end's answers.
  scorer.loadData(await (await fetch(new URL('../dist/data/full.bin', import.meta.url))).arrayBuffer());
  // The model's texts in the page's language; the render time's findings read "Form timing" and the
  // honeypot's "Hidden field (spam trap)".
  const extraFields = {};
  if (renderedAtField(described)) extraFields[renderedAtField(described)] = () => i18n.t('formTiming');
  for (const [name, kind] of Object.entries(described.checks.fields)) if (kind === 'honeypot') extraFields[name] = () => i18n.t('trapField');
  const texts = new ModelTexts(model, i18n, { extraFields });
  $('model-id').textContent = scorer.model.id;
  $('model-version').textContent = scorer.model.version;
  $('model-fingerprint').textContent = scorer.model.fingerprint;

  buildForm(model, described, texts, i18n);
  const form = $('lead-form');
  const log = new EventLog();
  const start = startInstant(scorer);
  const slider = $('now-slider');
  const timeline = start === null ? null : new Timeline(slider, $('now-text'), start, i18n);
  const renderedField = renderedAtField(described);
  const minFill = described.checks.min_fill_seconds;

  // The scoring instant. Live (no ?now=) at the slider's start: the clock itself, so the fill time
  // is that of a visitor who sent the form now. Elsewhere the slider's exact instant.
  const scoringNow = () => {
    if (!timeline) return fixedNow;
    if (fixedNow === null && Number(slider.value) === 0) return isoInstant(Date.now());
    return timeline.nowIso;
  };

  // aria-invalid: a live finding that is not just a note, once the visitor has typed in the field;
  // a scoring warning (a required field still empty, a value of the wrong kind) once the visitor
  // has left the field or used the example. An untouched form has no red field.
  const checks = new LiveChecks({ scorer, form, names: visibleCheckedFields(described), readLead: () => readLead(form, described), i18n });
  let warned = new Set();
  const typed = new Set();
  const left = new Set();
  form.addEventListener('input', (event) => typed.add(event.target.name));
  form.addEventListener('focusout', (event) => {
    if (!event.target.name) return;
    left.add(event.target.name);
    markInvalid();
  });
  const markInvalid = () => {
    for (const input of form.querySelectorAll('input, select')) {
      const name = input.name;
      const invalid = (checks.invalid.has(name) && (typed.has(name) || left.has(name))) || (warned.has(name) && left.has(name));
      if (invalid) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  };
  checks.onChange = markInvalid;

  let panel = null;
  let feedbackPanel = null;
  const update = () => {
    let json;
    const events = log.toInput();
    const now = scoringNow();
    // Sales feedback made at the scoring instant (none with an invalid ?now=: its error is the one to show).
    const feedback = timeline ? feedbackPanel?.read(now) : undefined;
    const lead = readLead(form, described);
    // Live, at a slider instant before this page was shown, the form did not exist yet: no fill time.
    if (fixedNow === null && renderedField && Date.parse(now) < Date.parse(renderedAt)) delete lead[renderedField];
    try {
      json = scorer.scoreJson(lead, { now, events, lang: i18n.lang, feedback });
    } catch (error) {
      showProblem(i18n.t('couldNotScore', `${error.message}${error.code ? ` (${error.code})` : ''}`));
      return;
    }
    $('status').hidden = true;
    $('events-json').textContent = JSON.stringify(events);
    $('lead-json').textContent = JSON.stringify(lead);
    $('feedback-json').textContent = feedback ? JSON.stringify(feedback) : '';
    // The matrix row by row as the engine's router treated this lead (no copy of first-match here).
    const routeRows = described.routing ? scorer.describeRoute(json) : null;
    warned = renderResult(JSON.parse(json), json, texts, i18n, model, described, routeRows);
    // Nothing typed, no event, no feedback: the page shows the score but judges nothing yet.
    const started = Object.keys(lead).some((name) => name !== renderedField) || events.length > 0 || feedback !== undefined;
    $('summary').toggleAttribute('data-waiting', !started);
    $('waiting').hidden = started;
    $('quality-details').classList.toggle('waiting-hidden', !started);
    markInvalid();
    $('now-info').textContent = i18n.t('scoredAt', JSON.parse(json).now, fixedNow !== null);
    $('fill-time').textContent = renderedField && renderedAt !== null ? i18n.t('fillTime', minFill) : i18n.t('fillTimeOff');
    panel?.render(timeline.now);
    $('summary').hidden = false;
    $('details').hidden = false;
  };
  form.addEventListener('input', () => {
    update(); // the score follows every keystroke; the findings wait for a pause
    checks.schedule();
  });
  form.addEventListener('reset', () => setTimeout(() => { // fields are cleared after the event
    typed.clear();
    left.clear();
    update();
    checks.clear();
  }));
  form.addEventListener('submit', (event) => event.preventDefault());
  $('example').addEventListener('click', () => {
    for (const [name, value] of Object.entries(EXAMPLE)) {
      if (!form.elements[name]) continue;
      form.elements[name].value = value;
      left.add(name);
    }
    update();
    checks.run();
  });

  feedbackPanel = createFeedbackPanel({ i18n, onChange: update });

  const markLanguage = buildLanguageSwitch(i18n, (lang) => {
    if (lang === i18n.lang) return;
    i18n.lang = lang;
    i18n.applyStatic();
    labelForm(model, texts, i18n);
    timeline?.describe();
    markLanguage();
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
    update();
    checks.run(true);
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
    panel = createEventsPanel({ described, texts, i18n, log, timeline, onChange: () => {
      timeline.fit(log.earliest());
      moved();
    } });
  } else {
    $('events-panel').querySelectorAll('button, input').forEach((c) => { c.disabled = true; });
    $('now-text').textContent = i18n.t('nowUnavailable');
  }
  update();
  // Live: once the minimum fill time has passed, "sent too quickly" no longer applies: re-score.
  if (fixedNow === null && minFill > 0) setTimeout(update, minFill * 1000 + 100);
  form.dataset.ready = 'true';
}

const pageI18n = new I18n(initialLang());
pageI18n.applyStatic();
main(pageI18n).catch((error) => showProblem(pageI18n.t('couldNotStart', error.message)));

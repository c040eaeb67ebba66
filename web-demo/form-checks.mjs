// Live form checks: while the visitor types, each checked field shows the core's findings under
// it (Scorer.checkField, debounced), with a one-click button for a suggestion and the flagged part
// of the value highlighted. The rest of the form goes along as context (the company check reads the
// email, the phone check the country). Every rule is the core's: this file only shows findings.
import { el } from './dom.mjs';

const DEBOUNCE_MS = 150;

/** The model's checked fields that a visitor sees (the honeypot is checked, but never shown). */
export function visibleCheckedFields(described) {
  // describe().checks.fields: the model's "checks" fields, or the core's defaults without a section.
  const kinds = described.checks.fields;
  return Object.entries(kinds).filter(([, kind]) => kind !== 'honeypot').map(([name]) => name);
}

// The value with the finding's span in <mark>: "jane@" + mark("gmial.com"). It is what the
// visitor typed, not words of the page (translate="no").
function excerpt(value, [start, end]) {
  const span = el('span', { className: 'excerpt' }, value.slice(0, start),
    el('mark', { textContent: value.slice(start, end) }), value.slice(end));
  span.setAttribute('translate', 'no');
  return span;
}

export class LiveChecks {
  #scorer;
  #form;
  #names;
  #readLead;
  #i18n;
  #timer = null;
  #shown = new Map(); // field name -> JSON of the findings on screen (skip unchanged re-renders)
  /** Fields with a warn or block finding on screen: the page marks them aria-invalid. */
  invalid = new Set();
  /** Called after findings change (the page recomputes aria-invalid). */
  onChange = () => {};

  constructor({ scorer, form, names, readLead, i18n }) {
    this.#scorer = scorer;
    this.#form = form;
    this.#names = names.filter((n) => form.elements[n]);
    this.#readLead = readLead;
    this.#i18n = i18n;
    for (const name of this.#names) {
      const input = form.elements[name];
      const list = el('ul', { id: `${input.id}-findings`, className: 'findings' });
      // Polite: a finding is read out once the visitor pauses, not on every keystroke.
      list.setAttribute('aria-live', 'polite');
      input.closest('.field').append(list);
      const describedBy = [input.getAttribute('aria-describedby'), list.id].filter(Boolean).join(' ');
      input.setAttribute('aria-describedby', describedBy);
    }
  }

  /** Re-checks every field after the visitor pauses for DEBOUNCE_MS. */
  schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.run(), DEBOUNCE_MS);
  }

  /** Re-checks every field now; `force` re-renders even unchanged findings (language switch). */
  run(force = false) {
    clearTimeout(this.#timer);
    this.#timer = null;
    const lead = this.#readLead();
    const lang = this.#i18n.lang;
    for (const name of this.#names) {
      const value = this.#form.elements[name].value;
      const findings = value === '' ? [] : this.#scorer.checkField(name, value, { lead, lang });
      const key = `${lang}\u0000${value}\u0000${JSON.stringify(findings)}`;
      if (!force && this.#shown.get(name) === key) continue;
      this.#shown.set(name, key);
      this.#render(name, value, findings);
    }
    this.onChange();
  }

  clear() {
    clearTimeout(this.#timer);
    for (const name of this.#names) this.#render(name, '', []);
    this.#shown.clear();
    this.onChange();
  }

  #render(name, value, findings) {
    const input = this.#form.elements[name];
    const list = document.getElementById(`${input.id}-findings`);
    const t = (...a) => this.#i18n.t(...a);
    list.replaceChildren(...findings.map((f) => {
      const item = el('li', { className: `finding ${f.severity}` },
        el('span', { className: 'severity', textContent: `${t('severity')[f.severity]}${t('colon')}` }),
        el('span', { className: 'message', textContent: f.message }));
      item.dataset.code = f.code;
      // Highlight only a part of the value: a span over all of it says nothing more than the message.
      if (f.span && (f.span[1] - f.span[0]) < value.length) item.append(' ', excerpt(value, f.span));
      if (f.suggestion !== undefined && f.suggestion !== value) {
        const button = el('button', { type: 'button', className: 'suggestion', textContent: t('suggest', f.suggestion) });
        button.addEventListener('click', () => this.#apply(input, f.suggestion));
        item.append(' ', button);
      }
      return item;
    }));
    if (findings.some((f) => f.severity !== 'info')) this.invalid.add(name);
    else this.invalid.delete(name);
  }

  // One click: the corrected value goes in, the page re-scores (input event) and the field is
  // re-checked at once, so the finding it fixed disappears without waiting for the debounce.
  #apply(input, suggestion) {
    input.value = suggestion;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    this.run();
    input.focus();
  }
}

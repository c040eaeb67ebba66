// The model's texts in the page's language. A model's labels, actions and reasons are its own,
// written by its author (in English for the bundled model); a result repeats them as the model has
// them. On the French page, the bundled model's texts come from i18n-model-fr.mjs, looked up by the
// id the result gives (rule, group, band, criterion...) and used only when the model's text is
// still the English that entry translates. Any other model keeps its own words. The result JSON
// itself is never changed.
import { humanize } from './dom.mjs';
import { BUNDLED_MODEL_ID, MODEL_FR } from './i18n-model-fr.mjs';

// The model's own text of each kind, by id (the result repeats these; a caller without a result
// at hand, e.g. for a capped engagement rule, which the result lists without its label, gets them here).
function ownTexts(model) {
  const e = model.engagement ?? {};
  const byId = (items, key = 'label') => new Map((items ?? []).map((x) => [x.id, x[key]]));
  return {
    group: byId(model.groups), rule: byId(model.rules),
    completeness: new Map(model.completeness ? [[model.completeness.id, model.completeness.label]] : []),
    band: byId(model.bands), bandAction: byId(model.bands, 'action'),
    eventType: byId(e.event_types), stage: byId(e.stages), engagementGroup: byId(e.groups), engagementRule: byId(e.rules),
    criterion: byId(model.grading?.criteria),
    routeReason: new Map([...byId(model.routing?.rules, 'reason'), ['default', model.routing?.default?.reason]]),
  };
}

export class ModelTexts {
  #i18n;
  #bundled;
  #fields;
  #own;
  #extra;

  /**
   * `model`: the model document; `i18n`: the page's I18n (its lang is read at each call);
   * `extraFields`: lead field names the model does not declare -> a function giving their label
   * in the page's language (the form's render time, the honeypot).
   */
  constructor(model, i18n, { extraFields = {} } = {}) {
    this.#i18n = i18n;
    this.#bundled = model.id === BUNDLED_MODEL_ID;
    this.#fields = new Map((model.fields ?? []).map((f) => [f.name, f]));
    this.#own = ownTexts(model);
    this.#extra = extraFields;
  }

  // `given` (else the model's text for `id` of `kind`, else `fallback`), or its French when there
  // is one for that text.
  #say(kind, id, given, fallback = id) {
    const own = given || this.#own[kind]?.get(id) || fallback;
    if (this.#i18n.lang !== 'fr' || !this.#bundled) return own;
    const entry = MODEL_FR[kind]?.[id];
    return entry && entry[0] === own ? entry[1] : own;
  }

  /** A lead field's label: the model's, the page's for the render time and honeypot, else its name. */
  field(name) {
    const extra = this.#extra[name];
    if (extra) return extra();
    const field = this.#fields.get(name);
    return field ? this.#say('field', name, field.label ?? name) : name;
  }

  /** An enum value of `field` in words ("individual_contributor" -> "Individual contributor"). */
  value(field, value) {
    const fr = this.#i18n.lang === 'fr' && this.#bundled ? MODEL_FR.value[field]?.[value] : undefined;
    return fr ?? humanize(value);
  }

  /** Whether the model declares the event type `id`. */
  hasEventType(id) {
    return this.#own.eventType.has(id);
  }

  // The others take the id and, when the caller has it, the model's text as the result (or
  // describe()) gives it.
  eventType(id) { return this.#say('eventType', id); }
  group(id, own) { return this.#say('group', id, own); }
  rule(id, own) { return this.#say('rule', id, own); }
  completeness(id, own) { return this.#say('completeness', id, own); }
  band(id, own) { return this.#say('band', id, own); }
  bandAction(id, own) { return this.#say('bandAction', id, own, ''); }
  stage(id, own) { return this.#say('stage', id, own); }
  engagementGroup(id, own) { return this.#say('engagementGroup', id, own); }
  engagementRule(id, own) { return this.#say('engagementRule', id, own); }
  criterion(id, own) { return this.#say('criterion', id, own); }
  /** A routing rule's reason ("default": the default row's). */
  routeReason(ruleId, own) { return this.#say('routeReason', ruleId, own, ''); }
}

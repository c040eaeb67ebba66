// The "Events" panel: buttons that add the default model's common events at the chosen time
// (minus "days before"), the list of added events with a remove button each, and "Clear events".
// It changes the EventLog and calls onChange(); the page re-scores and calls render(now).
import { $, DAY, el, formatInstant, isoInstant } from './dom.mjs';
import { describeDecays } from './decay-text.mjs';
import { PRESETS } from './events.mjs';

const MAX_DAYS_AGO = 3650;

// An event's props for people: "url: /pricing", "campaign: campaign-1" (they are data, not words
// to translate).
const propsText = (props) => Object.entries(props).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');

/**
 * `described`: scorer.describe(); `texts`: the page's ModelTexts (event type and decay names);
 * `i18n`: the page's words. Returns {render(now)}: it redraws the list and every text of the panel
 * in the current language.
 */
export function createEventsPanel({ described, texts, i18n, log, timeline, onChange }) {
  const t = (...a) => i18n.t(...a);

  // The "days before" input as a whole number of days, or null (and the input marked) when it is not one.
  function readDaysAgo() {
    const input = $('days-ago');
    const text = input.value.trim();
    const days = text === '' ? 0 : Number(text);
    const ok = Number.isInteger(days) && days >= 0 && days <= MAX_DAYS_AGO;
    if (ok) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    $('days-ago-hint').textContent = ok ? t('daysBeforeHint') : t('daysBeforeBad', MAX_DAYS_AGO);
    return ok ? days : null;
  }

  // A preset whose event type the model does not declare would only add "unknown" events: skip it.
  const presets = PRESETS.filter((p) => {
    const probe = p.make({ next: () => 0, lastCampaign: () => 'probe' });
    return texts.hasEventType(probe.type);
  });
  const buttons = new Map();
  for (const preset of presets) {
    const button = el('button', { type: 'button', className: preset.negative ? 'negative' : '' });
    button.dataset.preset = preset.id;
    button.addEventListener('click', () => {
      const days = readDaysAgo();
      if (days === null) {
        $('days-ago').focus();
        return;
      }
      const event = preset.make(log);
      if (!event) return;
      log.add(event, timeline.now - days * DAY);
      onChange();
    });
    buttons.set(preset.id, { preset, button });
  }
  $('event-buttons').replaceChildren(...[...buttons.values()].map((b) => b.button));
  $('days-ago').addEventListener('input', readDaysAgo);

  // The removed button is gone and "Clear events" is disabled on an empty list: focus moves to the
  // next remove button, else to the list's heading, rather than falling back to the page.
  $('clear-events').addEventListener('click', () => {
    log.clear();
    onChange();
    $('event-list-title').focus();
  });
  function remove(seq, index) {
    log.remove(seq);
    onChange();
    ($('event-list').querySelectorAll('button')[index] ?? $('event-list-title')).focus();
  }

  // The texts that change only with the language: decay lines, button words, the days hint.
  let shownLang = null;
  function relabel() {
    if (shownLang === i18n.lang) return;
    shownLang = i18n.lang;
    $('decay-rules').replaceChildren(...describeDecays(described.engagement, texts, i18n)
      .map(({ who, what }) => el('li', {}, el('strong', { textContent: who }), `${t('colon')}${what}`)));
    for (const { preset, button } of buttons.values()) button.textContent = t('presets')[preset.id];
    readDaysAgo();
  }

  function eventItem(e, index, now) {
    const future = e.at > now;
    const when = e.at === now ? t('atChosenTime')
      : future ? t('afterChosenTime', i18n.duration(e.at - now)) : t('beforeChosenTime', i18n.duration(now - e.at));
    const type = texts.eventType(e.type);
    const button = el('button', { type: 'button', className: 'remove', textContent: t('remove') });
    button.setAttribute('aria-label', t('removeEvent', type, formatInstant(e.at)));
    button.addEventListener('click', () => remove(e.seq, index));
    const props = e.props ? el('code', { className: 'event-props', textContent: propsText(e.props) }) : null;
    props?.setAttribute('translate', 'no');
    return el('li', { className: future ? 'future' : '' },
      el('span', {}, el('span', { className: 'event-type', textContent: type }), ' \u00b7 ',
        el('time', { dateTime: isoInstant(e.at), textContent: formatInstant(e.at) }),
        el('small', { textContent: ` (${when})` })),
      props, button);
  }

  /** Redraws the list and the button states for the chosen instant `now` (ms). */
  function render(now) {
    relabel();
    const campaign = log.lastCampaign();
    for (const { preset, button } of buttons.values()) {
      button.disabled = Boolean(preset.needsCampaign && !campaign);
      button.title = preset.needsCampaign ? (campaign ? t('campaign', campaign) : t('sendFirst')) : '';
    }
    const events = log.events;
    $('event-list-title').textContent = events.length ? t('addedEventsCount', events.length) : t('addedEvents');
    $('clear-events').disabled = events.length === 0;
    $('event-list').replaceChildren(...(events.length === 0
      ? [el('li', { className: 'none', textContent: t('noEvents') })]
      : events.map((e, index) => eventItem(e, index, now))));
  }

  return { render };
}

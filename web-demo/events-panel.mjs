// The "Events" panel: buttons that add the default model's common events at the chosen time
// (minus "days before"), the list of added events with a remove button each, and "Clear events".
// It changes the EventLog and calls onChange(); the page re-scores and calls render(now).
import { $, DAY, el, formatDuration, formatInstant, isoInstant } from './dom.mjs';
import { describeDecays } from './decay-text.mjs';
import { PRESETS } from './events.mjs';

const MAX_DAYS_AGO = 3650;

// The "days before" input as a whole number of days, or null (and the input marked) when it is not one.
function readDaysAgo() {
  const input = $('days-ago');
  const text = input.value.trim();
  const days = text === '' ? 0 : Number(text);
  const ok = Number.isInteger(days) && days >= 0 && days <= MAX_DAYS_AGO;
  if (ok) input.removeAttribute('aria-invalid');
  else input.setAttribute('aria-invalid', 'true');
  $('days-ago-hint').textContent = ok ? '0 adds the event at the time shown above.'
    : `A whole number of days, 0 to ${MAX_DAYS_AGO}.`;
  return ok ? days : null;
}

function removeButton(name, onClick) {
  const button = el('button', { type: 'button', className: 'remove', textContent: 'Remove' });
  button.setAttribute('aria-label', name);
  button.addEventListener('click', onClick);
  return button;
}

/**
 * `eventTypes`: the model's event type ids -> labels; `described`: scorer.describe(). Returns
 * {render(now)}.
 */
export function createEventsPanel({ described, eventTypes, log, timeline, onChange }) {
  const typeLabel = (id) => eventTypes.get(id) ?? id;

  $('decay-rules').replaceChildren(...describeDecays(described.engagement)
    .map(({ who, what }) => el('li', {}, el('strong', { textContent: who }), `: ${what}`)));

  // A preset whose event type the model does not declare would only add "unknown" events: skip it.
  const presets = PRESETS.filter((p) => {
    const probe = p.make({ next: () => 0, lastCampaign: () => 'probe' });
    return eventTypes.has(probe.type);
  });
  const buttons = new Map();
  for (const preset of presets) {
    const button = el('button', { type: 'button', textContent: preset.label, className: preset.negative ? 'negative' : '' });
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

  /** Redraws the list and the button states for the chosen instant `now` (ms). */
  function render(now) {
    const campaign = log.lastCampaign();
    for (const { preset, button } of buttons.values()) {
      button.disabled = Boolean(preset.needsCampaign && !campaign);
      button.title = preset.needsCampaign ? (campaign ? `Campaign ${campaign}` : 'Send an email first') : '';
    }
    const events = log.events;
    $('event-list-title').textContent = events.length ? `Added events (${events.length})` : 'Added events';
    $('clear-events').disabled = events.length === 0;
    $('event-list').replaceChildren(...(events.length === 0
      ? [el('li', { className: 'none', textContent: 'No events yet: the score is fit only.' })]
      : events.map((e, index) => {
        const future = e.at > now;
        const when = e.at === now ? 'at the chosen time'
          : future ? `${formatDuration(e.at - now)} after the chosen time: not counted yet`
            : `${formatDuration(now - e.at)} before`;
        const name = `${typeLabel(e.type)} at ${formatInstant(e.at)}`;
        return el('li', { className: future ? 'future' : '' },
          el('span', {}, el('span', { className: 'event-type', textContent: typeLabel(e.type) }), ' \u00b7 ',
            el('time', { dateTime: isoInstant(e.at), textContent: formatInstant(e.at) }),
            el('small', { textContent: ` (${when})` })),
          e.props ? el('code', { className: 'event-props', textContent: JSON.stringify(e.props) }) : null,
          removeButton(`Remove ${name}`, () => remove(e.seq, index)));
      })));
  }

  return { render };
}

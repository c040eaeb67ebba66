// The demo's event log: what the lead did, kept in page memory only (no storage, no network), and
// the preset events the "Events" panel offers for the default model. No DOM here.
import { isoInstant } from './dom.mjs';

// Readable, distinct props, so that clicking a button twice at the same time makes two events
// rather than one event and a duplicate. Blog slugs must not contain "/pricing": the default
// model's pricing rule tests the url with JsonLogic "in", which is a substring test.
const BLOG_PAGES = ['/blog/what-is-lead-scoring', '/blog/fit-versus-engagement', '/blog/why-scores-decay',
  '/blog/choosing-bands', '/blog/cleaning-crm-data'];
const EBOOKS = ['lead-scoring-playbook', 'b2b-funnel-benchmarks', 'crm-hygiene-checklist'];
const WEBINARS = ['scoring-that-sales-trusts', 'from-mql-to-pipeline', 'quarterly-product-tour'];
const cycle = (list, n) => list[n % list.length];

// Each preset makes {type, props?} from the log (counters, last campaign), or null when it cannot
// apply now. `negative` only styles the button; the buttons' words are i18n-events.mjs's `presets`.
export const PRESETS = [
  { id: 'pricing', make: () => ({ type: 'page_view', props: { url: '/pricing' } }) },
  { id: 'blog', make: (log) => ({ type: 'page_view', props: { url: cycle(BLOG_PAGES, log.next('blog')) } }) },
  { id: 'ebook', make: (log) => ({ type: 'ebook_download', props: { asset: cycle(EBOOKS, log.next('ebook')) } }) },
  { id: 'webinar', make: (log) => ({ type: 'webinar_attended', props: { webinar: cycle(WEBINARS, log.next('webinar')) } }) },
  // Every send is a new campaign, so the streak rule ("opened the last 3 emails", matched on
  // props.campaign) can be built up one send and one open at a time.
  { id: 'send-email', make: (log) => ({ type: 'email_sent', props: { campaign: `campaign-${log.next('campaign') + 1}` } }) },
  { id: 'open-email', needsCampaign: true,
    make: (log) => (log.lastCampaign() ? { type: 'email_open', props: { campaign: log.lastCampaign() } } : null) },
  { id: 'click-email', needsCampaign: true,
    make: (log) => (log.lastCampaign() ? { type: 'email_click', props: { campaign: log.lastCampaign() } } : null) },
  { id: 'demo', make: () => ({ type: 'demo_request' }) },
  { id: 'unsubscribe', negative: true, make: () => ({ type: 'unsubscribe' }) },
  { id: 'bounce', negative: true, make: () => ({ type: 'hard_bounce' }) },
];

export class EventLog {
  #events = []; // {seq, type, at (ms), props?}, sorted by time, then by order added
  #seq = 0;
  #counters = new Map();

  get events() {
    return this.#events;
  }

  /** The next number of a named counter (0, 1, 2...): rotating props and campaign ids. */
  next(name) {
    const n = this.#counters.get(name) ?? 0;
    this.#counters.set(name, n + 1);
    return n;
  }

  /** The campaign of the email sent last (in the order added) that is still in the log. */
  lastCampaign() {
    let last = null;
    for (const e of this.#events) if (e.type === 'email_sent' && (!last || e.seq > last.seq)) last = e;
    return last?.props.campaign ?? null;
  }

  /** Adds {type, props?} at `at` (ms); returns the stored event. */
  add({ type, props }, at) {
    const event = { seq: this.#seq++, type, at, ...(props ? { props } : {}) };
    // Kept in time order, so the list reads as a timeline and event_index in the result is the
    // position in this list.
    let i = this.#events.length;
    while (i > 0 && this.#events[i - 1].at > at) i -= 1;
    this.#events.splice(i, 0, event);
    return event;
  }

  remove(seq) {
    this.#events = this.#events.filter((e) => e.seq !== seq);
  }

  /** Empties the log and restarts the counters, as on a fresh page. */
  clear() {
    this.#events = [];
    this.#counters.clear();
  }

  /** The earliest event time (ms), or null. */
  earliest() {
    return this.#events.length ? this.#events[0].at : null;
  }

  /** The events as the scorer takes them: {type, at (ISO-8601 UTC), props?}. */
  toInput() {
    return this.#events.map(({ type, at, props }) => ({ type, at: isoInstant(at), ...(props ? { props } : {}) }));
  }
}

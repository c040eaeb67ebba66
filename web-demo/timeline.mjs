// The "now" slider. Its value is whole hours from the start instant (?now= or the clock when the
// page loaded), so every position is an exact instant and the scores are reproducible. The range
// runs from the earliest event (at least 30 days back) to 180 days ahead: far enough to watch
// half-lives, linear steps and inactivity steps take points away.
import { HOUR, formatInstant, isoInstant } from './dom.mjs';

const BACK_HOURS = 30 * 24;
const AHEAD_HOURS = 180 * 24;

export class Timeline {
  #input;
  #output;
  #start;
  #i18n;

  /**
   * `input`: the range input; `output`: where the chosen instant is written; `start`: ms;
   * `i18n`: the page's words.
   */
  constructor(input, output, start, i18n) {
    this.#input = input;
    this.#output = output;
    this.#start = start;
    this.#i18n = i18n;
    input.max = String(AHEAD_HOURS);
    input.step = '1';
    this.fit(null);
    input.value = '0';
    this.describe();
  }

  get start() {
    return this.#start;
  }

  /** The chosen instant, in ms. */
  get now() {
    return this.#start + Number(this.#input.value) * HOUR;
  }

  get nowIso() {
    return isoInstant(this.now);
  }

  /** Widens the range to reach back to `earliest` (ms or null); the chosen instant stays. */
  fit(earliest) {
    const value = Number(this.#input.value);
    const back = earliest === null ? 0 : Math.floor((earliest - this.#start) / HOUR);
    this.#input.min = String(Math.min(-BACK_HOURS, back));
    // A narrower range (events removed) can leave the old value outside: the browser clamps it.
    this.#input.value = String(value);
  }

  /** Moves by `hours` (clamped to the range); false when nothing changed. */
  shift(hours) {
    const before = this.#input.value;
    const value = Number(before) + hours;
    this.#input.value = String(Math.min(Number(this.#input.max), Math.max(Number(this.#input.min), value)));
    return this.#input.value !== before;
  }

  reset() {
    this.#input.value = '0';
  }

  /** Writes the chosen instant next to the slider and as the slider's spoken value. */
  describe() {
    const offset = this.now - this.#start;
    const relative = offset === 0 ? this.#i18n.t('theStart') : this.#i18n.t('fromStart', this.#i18n.duration(offset), offset > 0);
    const text = `${formatInstant(this.now)} (${relative})`;
    this.#output.replaceChildren(Object.assign(document.createElement('time'),
      { dateTime: this.nowIso, textContent: formatInstant(this.now) }), ` \u00b7 ${relative}`);
    this.#input.setAttribute('aria-valuetext', text);
  }
}

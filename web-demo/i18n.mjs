// The page's two languages. The choice: ?lang= (en|fr), else the browser's preferred language, else
// <html lang>. The core writes the form-check messages itself in that language (lang option of
// checkField and score), so this file only holds the page's own words: headings, labels, buttons.
// The grade, route and sales-feedback words are in i18n-routing.mjs, the events panel's and the
// engagement's in i18n-events.mjs, the totals', warnings' and page frame's in i18n-result.mjs. Model
// texts (field and rule labels, event types, reasons) are the model's own: model-texts.mjs.
import { formatDuration, formatNumber, formatPoints } from './dom.mjs';
import { EVENTS_STRINGS } from './i18n-events.mjs';
import { RESULT_STRINGS } from './i18n-result.mjs';
import { ROUTING_STRINGS } from './i18n-routing.mjs';

const STRINGS = {
  en: {
    tagline: 'Type a signup profile and add what the lead did: it is scored on every change, in your browser, '
      + 'by the same WebAssembly engine as the npm package and the native CLI. Nothing is sent anywhere.',
    language: 'Language',
    colon: ': ',
    formTitle: 'Sign up',
    formIntro: 'Each field is checked as you type, by the same core that checks the form on the server.',
    example: 'Fill an example',
    clear: 'Clear',
    honeypot: 'Leave this field empty',
    required: ' (required)',
    choose: 'Choose…',
    suggest: (s) => `Did you mean ${s}?`,
    severity: { info: 'Note', warn: 'Check', block: 'Blocked' },
    score: 'Score',
    quality: 'Form quality',
    verdict: { ok: 'looks genuine', suspicious: 'suspicious', spam: 'spam' },
    qualityScore: (n) => `quality ${n} / 100`,
    reasonsNone: 'No finding lowers the quality.',
    reasonsTitle: 'Why this verdict',
    warnings: 'Warnings',
    warningsNone: 'None: every filled-in field is understood.',
    whyFit: 'Why this score: fit',
    noRule: 'No rule matched yet.',
    rule: 'Rule', group: 'Group', points: 'Points', cap: 'Cap', beforeCap: 'Before cap',
    groups: 'Groups', fit: 'Fit', engagement: 'Engagement', total: 'Total', totalPoints: 'Total points',
    checkLine: 'Form check',
    formTiming: 'Form timing',
    spamBlock: 'Spam verdict: score set to 0',
    loading: 'Loading the scoring engine…',
    waiting: 'Fill in the form or add an event: the score, the grade and what to do with the lead appear as you go.',
    fillTime: (s) => `Fill time is checked from the form's render time (at least ${s} s before sending).`,
    fillTimeOff: 'Fill time not checked: ?now= is fixed and no ?rendered_at= was given.',
  },
  fr: {
    tagline: 'Saisissez un profil d\u2019inscription et ce que le prospect a fait : il est noté à chaque changement, '
      + 'dans votre navigateur, par le même moteur WebAssembly que le paquet npm et la CLI native. Rien n\u2019est envoyé.',
    language: 'Langue',
    colon: '\u00a0: ',
    formTitle: 'Inscription',
    formIntro: 'Chaque champ est vérifié pendant la saisie, par le même cœur que celui qui vérifie le formulaire sur le serveur.',
    example: 'Remplir un exemple',
    clear: 'Effacer',
    honeypot: 'Laissez ce champ vide',
    required: ' (obligatoire)',
    choose: 'Choisir…',
    suggest: (s) => `Vouliez-vous dire ${s} ?`,
    severity: { info: 'Note', warn: 'À vérifier', block: 'Bloquant' },
    score: 'Score',
    quality: 'Qualité du formulaire',
    verdict: { ok: 'semble authentique', suspicious: 'suspect', spam: 'spam' },
    qualityScore: (n) => `qualité ${n} / 100`,
    reasonsNone: 'Aucune remarque ne baisse la qualité.',
    reasonsTitle: 'Pourquoi ce verdict',
    warnings: 'Avertissements',
    warningsNone: 'Aucun : chaque champ rempli est compris.',
    whyFit: 'Pourquoi ce score : profil',
    noRule: 'Aucune règle ne s\u2019applique encore.',
    rule: 'Règle', group: 'Groupe', points: 'Points', cap: 'Plafond', beforeCap: 'Avant plafond',
    groups: 'Groupes', fit: 'Profil', engagement: 'Engagement', total: 'Total', totalPoints: 'Total des points',
    checkLine: 'Vérification du formulaire',
    formTiming: 'Temps de remplissage',
    spamBlock: 'Verdict spam : score mis à 0',
    loading: 'Chargement du moteur de score…',
    waiting: 'Remplissez le formulaire ou ajoutez un événement : le score, la note et la suite à donner apparaissent au fur et à mesure.',
    fillTime: (s) => `Le temps de remplissage est mesuré depuis l\u2019affichage du formulaire (au moins ${s} s avant l\u2019envoi).`,
    fillTimeOff: 'Temps de remplissage non vérifié : ?now= est fixé et ?rendered_at= est absent.',
  },
};
for (const lang of Object.keys(STRINGS)) {
  Object.assign(STRINGS[lang], ROUTING_STRINGS[lang], EVENTS_STRINGS[lang], RESULT_STRINGS[lang]);
}

const HINTS = {
  en: {
    email: 'Your work address: webmail costs points in this B2B model.',
    company_size: 'Number of employees, e.g. 250', annual_revenue: 'In USD, digits only, e.g. 12000000',
    country: 'Two-letter code, e.g. US, GB, DE',
  },
  fr: {
    email: 'Votre adresse professionnelle : une messagerie personnelle coûte des points dans ce modèle B2B.',
    company_size: 'Nombre de salariés, p. ex. 250', annual_revenue: 'En USD, chiffres seulement, p. ex. 12000000',
    country: 'Code à deux lettres, p. ex. FR, BE, CH',
  },
};

export const LANGS = ['en', 'fr'];

/** The page's language: ?lang=, else the browser's first language we have, else <html lang>, else en. */
export function initialLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  const candidates = [asked, ...(navigator.languages ?? [navigator.language]), document.documentElement.lang];
  for (const tag of candidates) {
    const base = String(tag ?? '').toLowerCase().split('-')[0];
    if (LANGS.includes(base)) return base;
  }
  return 'en';
}

export class I18n {
  lang;

  constructor(lang) {
    this.lang = lang;
  }

  t(key, ...args) {
    const value = STRINGS[this.lang][key] ?? STRINGS.en[key];
    return typeof value === 'function' ? value(...args) : value;
  }

  /** Points with their sign ("+5", "\u22120.81"), a decimal comma in French. */
  points(n) {
    return this.#decimal(formatPoints(n));
  }

  /** A number, a minus sign but no plus ("\u221214", "15.24"), a decimal comma in French. */
  number(n) {
    return this.#decimal(formatNumber(n));
  }

  #decimal(text) {
    return this.lang === 'fr' ? text.replace('.', ',') : text;
  }

  /** A cap's range in words: "0 to 100", "up to 30", "none". */
  range(min, max) {
    return this.t('range', min ?? undefined, max ?? undefined, (n) => this.number(n));
  }

  /** A length of time in ms as "12 d 5 h" in the page's abbreviations. */
  duration(ms) {
    return formatDuration(ms, this.t('durationUnits'));
  }

  hint(name) {
    return HINTS[this.lang][name] ?? null;
  }

  /**
   * Writes the static texts marked data-i18n="key" (and the aria-label of those marked
   * data-i18n-label="key"), the page title and <html lang>.
   */
  applyStatic(root = document) {
    document.documentElement.lang = this.lang;
    document.title = this.t('pageTitle');
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = this.t(node.dataset.i18n);
    for (const node of root.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', this.t(node.dataset.i18nLabel));
  }
}

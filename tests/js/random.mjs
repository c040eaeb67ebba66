// A small seeded PRNG (mulberry32) so generated test data is the same on every run.
export function makeRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

// Random values of every field type: valid, borderline and invalid (differential and byte tests).
const STRINGS = ['', ' ', 'Acme', '  padded  ', 'ÉCOLE', 'VP Sales', 'student', 'x'.repeat(300), '日本', 'a,b;"c"'];
const NUMBERS = [0, -1, 1, 12, 12.5, 199, 200, 1e6, 2.5e9, -0.01, 1e21, 123456789.123];

function randomValueFor(rnd, field) {
  const roll = rnd.next();
  if (roll < 0.08) return undefined;  // absent
  if (roll < 0.12) return rnd.pick([null, '', '   ']);
  if (roll < 0.2) return rnd.pick([true, [1], { a: 1 }, 'not-a-number', -3.75, 'YES']);  // often the wrong type
  switch (field.type) {
    case 'enum': {
      const v = rnd.pick(field.values);
      return rnd.chance(0.3) ? v.toUpperCase() : v;
    }
    case 'integer': return rnd.chance(0.3) ? String(rnd.int(-10, 20000)) : rnd.pick([...NUMBERS, rnd.int(0, 5000)]);
    case 'number': return rnd.chance(0.3) ? `${rnd.int(0, 9999)}.${rnd.int(0, 99)}` : rnd.pick(NUMBERS);
    case 'boolean': return rnd.pick([true, false, 'yes', 'no', 'TRUE', 0, 1, '1']);
    case 'email': return rnd.pick(['Jane.Doe@Example.COM', 'a@b', 'x@@y', '@nope', 'sales@corp.example', ' bob@site.example ']);
    case 'date': return rnd.pick(['2026-01-31', '2026-11-23', '2026-11-24', '2027-02-29', '2024-02-29', '2026-11-23T23:30:00-02:00', 'soon']);
    default: return rnd.pick(STRINGS);
  }
}

// A model's declared fields; a model set's are those of its models (a persona's model may extend
// another, so names can repeat: a later declaration just draws another value).
const fieldsOf = (model) => model.fields ?? Object.values(model.models ?? {}).flatMap((m) => m.fields ?? []);

/** A random lead over the declared fields of `model` (of every model of a set), some values invalid. */
export function randomLeadFor(rnd, model) {
  const lead = {};
  for (const field of fieldsOf(model)) {
    const v = randomValueFor(rnd, field);
    if (v !== undefined) lead[field.name] = v;
  }
  if (rnd.chance(0.05)) lead.undeclared = 'ignored';
  return lead;
}

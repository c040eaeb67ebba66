// Writes examples/history/leads-history.csv: 4,000 SYNTHETIC historical leads (26 weeks of signups,
// each with a converted yes/no outcome) in the default model's fields, for trying
// `leadscore evaluate` with a date column and a weekly sales capacity. Seeded, so re-running it
// gives the same bytes: node examples/history/gen-history.mjs > examples/history/leads-history.csv
//
// Nothing here is real: addresses are on example.com / example.org, companies are "Company N", and
// the outcome is drawn from a made-up propensity (seniority, size, industry, country) plus noise.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261123);
const pick = (pairs) => {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[pairs.length - 1][0];
};

const seniority = [['c_level', 4], ['vp', 6], ['director', 12], ['manager', 25], ['individual_contributor', 35], ['student', 8], ['', 10]];
const seniorityEffect = { c_level: 1.4, vp: 1.2, director: 0.8, manager: 0.2, individual_contributor: -0.4, student: -1.8, '': -0.6 };
const titles = { c_level: 'Chief Marketing Officer', vp: 'VP Sales', director: 'Director of Operations', manager: 'Marketing Manager', individual_contributor: 'Analyst', student: 'Student', '': '' };
const departments = [['executive', 6], ['sales', 20], ['marketing', 25], ['operations', 12], ['it', 12], ['engineering', 10], ['finance', 6], ['hr', 4], ['other', 5]];
const industries = [['software', 22], ['it_services', 14], ['finance', 12], ['healthcare', 8], ['manufacturing', 10], ['retail', 10], ['education', 8], ['government', 4], ['agency', 7], ['other', 5]];
const industryEffect = { software: 0.7, it_services: 0.5, finance: 0.4, healthcare: 0.1, manufacturing: 0, retail: -0.2, education: -0.5, government: -0.3, agency: -0.6, other: -0.3 };
const countries = [['US', 35], ['GB', 12], ['CA', 6], ['IE', 2], ['DE', 10], ['FR', 10], ['IN', 12], ['BR', 6], ['AU', 4], ['', 3]];
const countryEffect = { US: 0.4, GB: 0.4, CA: 0.3, IE: 0.3, DE: 0.1, FR: 0.1, IN: -0.4, BR: -0.3, AU: 0.1, '': -0.5 };

const start = Date.UTC(2026, 4, 4); // Monday 2026-05-04; 26 weeks to Sunday 2026-11-01
const leads = [];
for (let i = 1; i <= 4000; i++) {
  const day = Math.floor(random() * 26 * 7);
  const created = new Date(start + day * 86400000).toISOString().slice(0, 10);
  const s = pick(seniority);
  const size = Math.max(1, Math.round(Math.exp(1 + random() * 8)));
  const ind = pick(industries);
  const country = pick(countries);
  const sizeEffect = size >= 200 ? 0.6 : size >= 50 ? 0.2 : size < 10 ? -0.7 : 0;
  const logit = -1.6 + seniorityEffect[s] + industryEffect[ind] + countryEffect[country] + sizeEffect + (random() - 0.5) * 2.4;
  const converted = random() < 1 / (1 + Math.exp(-logit)) ? 'yes' : 'no';
  leads.push({ created, cells: [titles[s], s, pick(departments), `Company ${1 + Math.floor(random() * 1500)}`, size, ind, country, converted] });
}
// A CRM export lists leads in creation order; ids follow that order.
leads.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
const rows = ['id,created_at,email,job_title,seniority,department,company,company_size,industry,country,converted'];
leads.forEach((lead, k) => {
  const n = k + 1;
  const domain = n % 2 ? 'example.com' : 'example.org';
  rows.push([`H${String(n).padStart(4, '0')}`, lead.created, `lead${n}@${domain}`, ...lead.cells].join(','));
});
process.stdout.write(rows.join('\n') + '\n');

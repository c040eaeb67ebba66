// SVG plots of an evaluation (docs/design/issue-6-spec.md, "evaluate()"), drawn with plain DOM
// calls: no chart library, no innerHTML, no inline style (the CSP's style-src 'self' would block it;
// colours and dashes come from evaluation.css through classes). Every plot is an <svg role="img">
// with a <title> and <desc>, and every bar has its own <title>; the same numbers are in the page's
// tables, so nothing is only visible. Bars start at 0, so their heights are proportional to values.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 300;
const M = { left: 56, right: 16, top: 22, bottom: 52 };
const PLOT_W = WIDTH - M.left - M.right;
const PLOT_H = HEIGHT - M.top - M.bottom;

function svgEl(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}
const titled = (node, text) => { node.prepend(svgEl('title', {}, text)); return node; };
const round2 = (n) => Math.round(n * 100) / 100;
const pct = (r) => (r === null || r === undefined ? 'n/a' : `${round2(r * 100)} %`);

// The smallest "round" number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or above v.
export function niceMax(v) {
  if (!(v > 0)) return 1;
  const mag = 10 ** Math.floor(Math.log10(v));
  for (const f of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (f * mag >= v - 1e-12) return f * mag;
  return 10 * mag;
}

// The plot frame: the <svg>, its title and description, the y axis with 5 gridlines and the
// axis labels. Returns {svg, y(value) -> pixel, plot (the <g> for marks)}.
function frame({ id, title, desc, yMax, yLabel, xLabel, format = (v) => String(round2(v)) }) {
  const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'plot',
    'aria-labelledby': `${id}-title ${id}-desc`, id });
  svg.append(svgEl('title', { id: `${id}-title` }, title), svgEl('desc', { id: `${id}-desc` }, desc));
  const y = (v) => M.top + PLOT_H - (v / yMax) * PLOT_H;
  const axis = svgEl('g', { class: 'axis', 'aria-hidden': 'true' });
  for (let i = 0; i <= 5; i += 1) {
    const v = (yMax * i) / 5;
    axis.append(svgEl('line', { class: 'grid', x1: M.left, x2: WIDTH - M.right, y1: y(v), y2: y(v) }),
      svgEl('text', { class: 'tick', x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, format(v)));
  }
  axis.append(svgEl('line', { class: 'axis-line', x1: M.left, x2: WIDTH - M.right, y1: y(0), y2: y(0) }),
    svgEl('text', { class: 'axis-label', x: M.left + PLOT_W / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, xLabel),
    svgEl('text', { class: 'axis-label', x: 14, y: M.top + PLOT_H / 2, 'text-anchor': 'middle',
      transform: `rotate(-90 14 ${M.top + PLOT_H / 2})` }, yLabel));
  const plot = svgEl('g', { class: 'marks' });
  svg.append(axis, plot);
  return { svg, y, plot };
}

/** Decile lift: one bar per decile (height proportional to its lift), its value, a line at lift 1. */
export function decileLiftPlot(deciles) {
  const maxLift = Math.max(1, ...deciles.map((d) => d.lift ?? 0));
  const { svg, y, plot } = frame({ id: 'decile-plot', yMax: niceMax(maxLift),
    title: 'Lift per decile',
    desc: `Conversion rate of each tenth of the leads, from the highest scores (decile 1) to the lowest, divided by the overall rate. ${
      deciles.map((d) => `Decile ${d.decile}: ${round2(d.lift)}`).join('; ')}.`,
    xLabel: 'Decile (1 = highest scores)', yLabel: 'Lift (rate / overall rate)' });
  const slot = PLOT_W / Math.max(1, deciles.length);
  deciles.forEach((d, i) => {
    const x = M.left + i * slot + slot * 0.15;
    const top = y(d.lift ?? 0);
    plot.append(titled(svgEl('rect', { class: 'plot-bar lift', x, y: top, width: slot * 0.7, height: y(0) - top,
      'data-decile': d.decile, 'data-lift': d.lift }),
    `Decile ${d.decile}: lift ${round2(d.lift)}, ${d.conversions} of ${d.count} converted (${pct(d.rate)}), scores ${d.score_min} to ${d.score_max}`),
    svgEl('text', { class: 'value', x: x + slot * 0.35, y: top - 4, 'text-anchor': 'middle', 'aria-hidden': 'true' },
      round2(d.lift).toFixed(2)),
    svgEl('text', { class: 'tick', x: x + slot * 0.35, y: y(0) + 16, 'text-anchor': 'middle', 'aria-hidden': 'true' }, d.decile));
  });
  plot.append(titled(svgEl('line', { class: 'reference', x1: M.left, x2: WIDTH - M.right, y1: y(1), y2: y(1), 'data-lift': 1 }),
    'Lift 1: the overall conversion rate'));
  return svg;
}

function legend(bands) {
  const g = svgEl('g', { class: 'legend', 'aria-hidden': 'true' });
  bands.forEach((b, i) => {
    const x = M.left + i * 110;
    g.append(svgEl('rect', { class: `band-fill band-${i} band-id-${b.id}`, x, y: 4, width: 12, height: 12 }),
      svgEl('text', { class: 'tick', x: x + 16, y: 14 }, b.label ?? b.id));
  });
  return g;
}

/**
 * Band volumes: with evaluation.periods, one stacked bar per period (a segment per band, the
 * bands' order bottom-up) and a dashed line at the capacity per period when there is a capacity;
 * without periods, one bar per band.
 */
export function bandVolumePlot(evaluation) {
  const bands = evaluation.bands;
  const { periods } = evaluation;
  if (!periods) {
    const max = Math.max(1, ...bands.map((b) => b.count));
    const { svg, y, plot } = frame({ id: 'band-plot', yMax: niceMax(max), title: 'Leads per band',
      desc: bands.map((b) => `${b.label ?? b.id}: ${b.count} leads, ${b.conversions} converted`).join('; '),
      xLabel: 'Band', yLabel: 'Leads' });
    const slot = PLOT_W / Math.max(1, bands.length);
    bands.forEach((b, i) => {
      const x = M.left + i * slot + slot * 0.2;
      plot.append(titled(svgEl('rect', { class: `plot-bar band-fill band-${i} band-id-${b.id}`, x, y: y(b.count),
        width: slot * 0.6, height: y(0) - y(b.count), 'data-band': b.id, 'data-count': b.count }),
      `${b.label ?? b.id}: ${b.count} leads (${pct(b.share)}), ${b.conversions} converted (${pct(b.rate)})`),
      svgEl('text', { class: 'tick', x: x + slot * 0.3, y: y(0) + 16, 'text-anchor': 'middle', 'aria-hidden': 'true' }, b.label ?? b.id));
    });
    return svg;
  }
  const cap = evaluation.capacity?.allowed_per_table_period ?? null; // the core spreads the allowance over the table's periods
  const max = Math.max(1, cap ?? 0, ...periods.items.map((p) => p.count));
  const unit = periods.unit;
  const { svg, y, plot } = frame({ id: 'band-plot', yMax: niceMax(max * 1.05), title: `Leads per ${unit} by band`,
    desc: `${periods.items.map((p) => `${p.period}: ${p.count} leads (${bands.map((b) => `${b.label ?? b.id} ${p.bands[b.id] ?? 0}`).join(', ')})`).join('; ')}${
      cap === null ? '' : `. Capacity: ${round2(cap)} leads per ${unit}`}.`,
    xLabel: `${unit === 'week' ? 'ISO week' : 'Month'} (from column ${periods.column})`, yLabel: 'Leads' });
  const slot = PLOT_W / periods.items.length;
  const every = Math.ceil(periods.items.length / 16); // at most 16 period labels fit
  periods.items.forEach((p, i) => {
    const x = M.left + i * slot + slot * 0.15;
    const g = svgEl('g', { class: 'period', 'data-period': p.period });
    let base = 0;
    bands.forEach((b, j) => {
      const n = p.bands[b.id] ?? 0;
      if (n > 0) {
        g.append(titled(svgEl('rect', { class: `plot-bar band-fill band-${j} band-id-${b.id}`, x, y: y(base + n),
          width: slot * 0.7, height: y(base) - y(base + n), 'data-band': b.id, 'data-count': n }),
        `${p.period}: ${n} ${b.label ?? b.id} leads of ${p.count}`));
      }
      base += n;
    });
    if (i % every === 0) {
      g.append(svgEl('text', { class: 'tick', x: x + slot * 0.35, y: y(0) + 16, 'text-anchor': 'middle', 'aria-hidden': 'true' }, p.period));
    }
    plot.append(g);
  });
  if (cap !== null) {
    plot.append(titled(svgEl('line', { class: 'capacity', x1: M.left, x2: WIDTH - M.right, y1: y(cap), y2: y(cap),
      'data-capacity': cap }), `Capacity: ${round2(cap)} leads per ${unit}`),
    svgEl('text', { class: 'capacity-label', x: WIDTH - M.right, y: y(cap) - 5, 'text-anchor': 'end', 'aria-hidden': 'true' },
      `capacity ${round2(cap)} / ${unit}`));
  }
  svg.append(legend(bands));
  return svg;
}

/** Cumulative gain: share of all conversions found in the top k deciles, against random order. */
export function gainPlot(deciles) {
  const { svg, y, plot } = frame({ id: 'gain-plot', yMax: 1, title: 'Cumulative gain',
    desc: `Share of all conversions among the top leads: ${deciles.map((d) => `top ${d.decile * 10} %: ${pct(d.gain)}`).join('; ')}. The diagonal is a random order.`,
    xLabel: 'Share of leads, highest scores first', yLabel: 'Share of conversions', format: (v) => `${Math.round(v * 100)} %` });
  const n = Math.max(1, deciles.length);
  const x = (k) => M.left + (k / n) * PLOT_W;
  const points = [[x(0), y(0)], ...deciles.map((d, i) => [x(i + 1), y(d.gain ?? 0)])];
  plot.append(titled(svgEl('line', { class: 'reference', x1: x(0), y1: y(0), x2: x(n), y2: y(1) }), 'Random order'),
    svgEl('polyline', { class: 'gain', points: points.map((p) => p.join(',')).join(' ') }));
  deciles.forEach((d, i) => {
    plot.append(titled(svgEl('circle', { class: 'gain-point', cx: x(i + 1), cy: y(d.gain ?? 0), r: 3.5, 'data-decile': d.decile }),
      `Top ${d.decile * 10} %: ${pct(d.gain)} of conversions`));
    if (i % 2 === 1 || n <= 5) {
      plot.append(svgEl('text', { class: 'tick', x: x(i + 1), y: y(0) + 16, 'text-anchor': 'middle', 'aria-hidden': 'true' },
        `${Math.round(((i + 1) / n) * 100)} %`));
    }
  });
  return svg;
}

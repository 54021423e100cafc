import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  chartFontFiles,
  renderProgressChart,
  renderProgressSvg,
  type ProgressChartLabels,
} from '../../src/chart/progress-chart.js';
import { addDays } from '../../src/domain/dates.js';
import { buildProgress, type ProgressData, type ProgressNight } from '../../src/domain/progress.js';

const EN: ProgressChartLabels = {
  title: 'Your sleep, last 30 nights',
  hoursAxis: 'Hours slept',
  qualityLegend: 'Sleep quality',
  quality: ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'],
  qualityUnknown: 'Not rated',
  average: '7-night average',
  missed: 'No entry',
  relapse: 'Used again',
  phases: {
    using: 'Still using',
    preparing: 'Getting ready',
    onset: 'First days',
    peak: 'Peak',
    easing: 'Easing',
    rebuilding: 'Rebuilding',
    'post-acute': 'Post-acute',
    'long-term': 'Long-term',
  },
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  dateFormat: '{mon} {d}',
  decimalSeparator: '.',
};

const ES: ProgressChartLabels = {
  title: 'Tu sueño, últimas 14 noches',
  hoursAxis: 'Horas dormidas',
  qualityLegend: 'Calidad del sueño',
  quality: ['Muy mala', 'Mala', 'Regular', 'Buena', 'Muy buena'],
  qualityUnknown: 'Sin calificar',
  average: 'Promedio de 7 noches',
  missed: 'Sin registro',
  relapse: 'Volví a consumir',
  phases: {
    using: 'Aún consumes',
    preparing: 'Preparación',
    onset: 'Primeros días',
    peak: 'Pico',
    easing: 'Alivio',
    rebuilding: 'Reconstrucción',
    'post-acute': 'Post-aguda',
    'long-term': 'Largo plazo',
  },
  months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
  dateFormat: '{d} {mon}',
  decimalSeparator: ',',
};

const TODAY = '2026-03-31';

/** 42 mornings up to today: a first attempt, two missed mornings, a relapse on 03-13, a missed morning in its peak. */
function history(): ProgressNight[] {
  const hours: Array<number | null> = [
    3, 2.5, 3.5, 1, 2, 0.5, 2.5, 3, 3.5, 4, 3.5, 4, // 02-18 … 03-01
    4, 4.5, 5, 4.5, 5.5, null, null, 5, 4, 3.5, 3, // 03-02 … 03-12
    3, 3, 2, 1.5, 0, 2, // 03-13 … 03-18
    null, 3, 3.5, 4, 3.5, 4.5, 5, 4.5, 5.5, 6, 5, 6.5, 6, // 03-19 … 03-31
  ];
  const start = addDays(TODAY, -(hours.length - 1));
  return hours.flatMap((h, i) =>
    h === null ? [] : [{ date: addDays(start, i), hours: h, quality: h === 4 ? null : Math.min(5, Math.max(1, Math.round(h / 1.4))) }],
  );
}

function data(windowDays: 14 | 30): ProgressData {
  return buildProgress({
    nights: history(),
    today: TODAY,
    windowDays,
    status: 'stopped',
    lastDoseDate: '2026-03-13',
    originalLastDoseDate: '2026-02-20',
    quitDate: null,
    relapseDates: ['2026-03-13'],
  });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which PNG requires to come first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The visible strings of an SVG: its <text> contents, entities decoded. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"),
  );
}

describe('renderProgressChart', () => {
  it.each([
    ['30 nights, English', 30, EN],
    ['14 nights, English', 14, { ...EN, title: 'Your sleep, last 14 nights' }],
    ['14 nights, Spanish', 14, ES],
    ['30 nights, Spanish', 30, { ...ES, title: 'Tu sueño, últimas 30 noches' }],
  ] as const)('%s: a PNG of the expected size', (_name, windowDays, labels) => {
    const png = renderProgressChart(data(windowDays), labels);
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('honours a custom size', () => {
    expect(pngSize(renderProgressChart(data(14), EN, { width: 720, height: 900 }))).toEqual({ width: 720, height: 900 });
  });

  it('renders short, sparse and phase-less histories without throwing', () => {
    const few = buildProgress({
      nights: [
        { date: '2026-03-29', hours: 0, quality: 1 },
        { date: '2026-03-30', hours: 12, quality: null },
        { date: '2026-03-31', hours: 3.5, quality: 2 },
      ],
      today: TODAY,
      windowDays: 30,
      status: 'using',
      lastDoseDate: null,
      quitDate: null,
      relapseDates: [],
    });
    expect(pngSize(renderProgressChart(few, EN))).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    const none = buildProgress({ ...{ nights: [], today: TODAY, windowDays: 14 }, status: 'stopped', lastDoseDate: null, quitDate: null, relapseDates: [] });
    expect(pngSize(renderProgressChart(none, EN))).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
  });

  it('uses the bundled font files', () => {
    const files = chartFontFiles();
    expect(files).toHaveLength(2);
    for (const f of files) expect(existsSync(f), f).toBe(true);
  });
});

describe('renderProgressSvg: what the chart says', () => {
  it('shows the title, phase names, legend, relapse marker and dates from the labels', () => {
    const texts = svgTexts(renderProgressSvg(data(30), EN)).join('\n');
    for (const s of ['Your sleep, last 30 nights', 'Mar 2 – Mar 31', 'Hours slept', 'Sleep quality', 'Very poor', 'Very good', '7-night average', 'No entry', 'Used again · Mar 13', 'First days', 'Peak', 'Easing', 'Rebuilding', 'Mar 31']) {
      expect(texts).toContain(s);
    }
  });

  it('Spanish: accents, date order and the decimal comma come from the labels', () => {
    const texts = svgTexts(renderProgressSvg(data(14), ES));
    const all = texts.join('\n');
    for (const s of ['Tu sueño, últimas 14 noches', 'Horas dormidas', 'Calidad del sueño', 'Reconstrucción', 'Alivio', 'Sin registro', '31 mar', '18 mar – 31 mar']) {
      expect(all).toContain(s);
    }
    expect(texts).toContain('3,5'); // hours above a bar
    expect(texts).not.toContain('3.5');
  });

  it('hard-codes no words: with labels in Greek every visible string is free of Latin letters', () => {
    const greek: ProgressChartLabels = {
      title: 'Τίτλος',
      hoursAxis: 'Ώρες',
      qualityLegend: 'Ποιότητα',
      quality: ['Α', 'Β', 'Γ', 'Δ', 'Ε'],
      qualityUnknown: 'Ζ',
      average: 'Μέσος',
      missed: 'Κενό',
      relapse: 'Υποτροπή',
      phases: { using: 'Χ', preparing: 'Π', onset: 'Ο', peak: 'Κ', easing: 'Η', rebuilding: 'Ρ', 'post-acute': 'Μ', 'long-term': 'Λ' },
      months: ['Ιαν', 'Φεβ', 'Μαρ', 'Απρ', 'Μάι', 'Ιουν', 'Ιουλ', 'Αυγ', 'Σεπ', 'Οκτ', 'Νοε', 'Δεκ'],
      dateFormat: '{d} {mon}',
      decimalSeparator: ',',
    };
    const texts = svgTexts(renderProgressSvg(data(14), greek));
    expect(texts.length).toBeGreaterThan(20);
    for (const t of texts) expect(t, t).not.toMatch(/[A-Za-z]/);
  });

  it('marks the relapse only when it is inside the window', () => {
    const inside = svgTexts(renderProgressSvg(data(30), EN));
    expect(inside).toContain('Used again · Mar 13');
    const outside = svgTexts(renderProgressSvg(data(14), EN));
    expect(outside.some((t) => t.includes('Used again'))).toBe(false);
  });

  it('keeps the relapse marker quiet: no filled banner, and its label never sits on a phase name', () => {
    const svg = renderProgressSvg(data(30), EN);
    // No white text on a dark badge any more (the old burgundy banner).
    expect(svg).not.toContain('#8E1B3F');
    const texts = [...svg.matchAll(/<text[^>]*transform="[^"]*?([\d.]+)[ ,]([\d.]+)\)"[^>]*>([^<]*)<\/text>/g)];
    const relapse = texts.find((m) => m[3]!.includes('Used again'));
    const phaseNames = texts.filter((m) => ['First days', 'Peak', 'Easing', 'Rebuilding'].includes(m[3]!));
    expect(relapse).toBeDefined();
    expect(phaseNames.length).toBeGreaterThan(0);
    // The label is above every phase name (the room above the plot), not among them.
    for (const name of phaseNames) expect(Number(relapse![2])).toBeLessThan(Number(name[2]));
  });
});

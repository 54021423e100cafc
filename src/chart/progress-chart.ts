/**
 * The /progress chart as a PNG (issue 6): Apache ECharts renders SVG server-side, resvg turns
 * it into PNG. Synchronous, no I/O besides reading the bundled font files once.
 *
 * - Every word on the image comes from `labels` (user-facing text lives in locales/).
 * - The font ships with the app (Atkinson Hyperlegible, an npm dependency) and system fonts are
 *   never loaded, so the image is the same on every machine, slim Docker images included.
 * - An opaque light card, dark text and large type: a Telegram photo sits on a light or a dark
 *   chat background and is usually shown about 360 px wide on a phone, a third of the image.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ProgressData, ProgressDay } from '../domain/progress.js';
import type { PhaseId } from '../domain/types.js';

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);

/** Every string the chart shows. Keys the locales provide (en, es). */
export interface ProgressChartLabels {
  /** Big heading, e.g. "Your sleep, last 14 nights". */
  title: string;
  /** Line under the heading; when absent, the window's date range ("Mar 18 – Mar 31"). */
  subtitle?: string;
  /** Y axis name, e.g. "Hours slept". */
  hoursAxis: string;
  /** Heading of the colour legend, e.g. "Sleep quality". */
  qualityLegend: string;
  /** Quality 1 … 5, e.g. ["Very poor", "Poor", "Fair", "Good", "Very good"]. */
  quality: readonly [string, string, string, string, string];
  /** A night with hours but no quality answer (partial check-in), e.g. "Not rated". */
  qualityUnknown: string;
  /** Legend of the 7-night average line, e.g. "7-night average". */
  average: string;
  /** Legend of the missed-night marker, e.g. "No entry". */
  missed: string;
  /** Text by the relapse marker, e.g. "Used again". */
  relapse: string;
  /** Name of each phase as shown on its band. */
  phases: Readonly<Record<PhaseId, string>>;
  /** Twelve short month names, January first, e.g. "Jan" … / "ene" …. */
  months: readonly string[];
  /** Date pattern with `{d}` (day of month) and `{mon}` (short month), e.g. "{mon} {d}" or "{d} {mon}". */
  dateFormat: string;
  /** "." in English, "," in Spanish. */
  decimalSeparator: string;
}

export interface ProgressChartOptions {
  /** Pixels; default 1080 × 1350 (4:5 portrait, a full-width photo on a phone). */
  width?: number;
  height?: number;
  /** Hours printed above each bar; default: on for windows of up to 14 nights. */
  showValues?: boolean;
}

export const CHART_WIDTH = 1080;
export const CHART_HEIGHT = 1350;

export const FONT_FAMILY = 'Atkinson Hyperlegible';

/** Sleep quality 1 … 5: red → green, darkened enough to stand out on the pale phase bands. */
export const QUALITY_COLOURS = ['#C62828', '#E8590C', '#F0B323', '#7CB342', '#2E7D32'] as const;
const QUALITY_UNKNOWN_COLOUR = '#8A97A8';

/** Pale, cool tints so the bands never compete with the quality colours. */
const PHASE_TINTS: Readonly<Record<PhaseId, string>> = {
  using: '#ECEDEF',
  preparing: '#EDF0F5',
  onset: '#F3E8F3',
  peak: '#E9E0F2',
  easing: '#E2E9F6',
  rebuilding: '#DDEFF0',
  'post-acute': '#E5F1E7',
  'long-term': '#EEF2E4',
};

const INK = '#1E2A36';
const MUTED = '#5B6775';
const CARD = '#FBFAF7';
const GRID_LINE = '#C2C8CF';
const MISSED = '#7D8896';
const MISSED_FILL = '#ECEEF1';
const AVERAGE = '#1E3A5F';
/** The relapse marker is quiet on purpose: a fact on the timeline, not an alarm. */
const RELAPSE = '#7A6E86';

const require = createRequire(import.meta.url);
let fontFiles: string[] | undefined;
/** The bundled font files resvg loads (regular and bold). */
export function chartFontFiles(): string[] {
  fontFiles ??= [
    require.resolve('@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf'),
    require.resolve('@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf'),
  ];
  return fontFiles;
}

/** Renders `data` (from `buildProgress`) as a PNG image. */
export function renderProgressChart(data: ProgressData, labels: ProgressChartLabels, options: ProgressChartOptions = {}): Buffer {
  const width = options.width ?? CHART_WIDTH;
  const height = options.height ?? CHART_HEIGHT;
  const svg = renderProgressSvg(data, labels, { ...options, width, height });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    background: CARD,
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

/** The same chart as an SVG string (what resvg rasterises); useful for debugging. */
export function renderProgressSvg(
  data: ProgressData,
  labels: ProgressChartLabels,
  options: ProgressChartOptions = {},
): string {
  const width = options.width ?? CHART_WIDTH;
  const height = options.height ?? CHART_HEIGHT;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(data, labels, { width, height, showValues: options.showValues ?? data.days.length <= 14 }));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

// ——— layout ———

interface Layout {
  width: number;
  height: number;
  showValues: boolean;
}

/** Sizes are given for 1080 px wide and scale with the width. */
function chartOption(data: ProgressData, labels: ProgressChartLabels, layout: Layout): echarts.EChartsCoreOption {
  const s = layout.width / CHART_WIDTH;
  const px = (n: number) => Math.round(n * s);
  const n = data.days.length;

  const font = { fontFamily: FONT_FAMILY };
  const titleSize = px(58);
  const subtitleSize = px(36);
  const labelSize = px(33);
  const smallSize = px(31);
  const phaseSize = px(31);

  // Vertical layout, top to bottom: title, subtitle, relapse label room, phase-name rows, plot,
  // date labels, legends.
  const gridLeft = px(112);
  const gridRight = px(36);
  // Room above the plot for the relapse label, when there is one.
  const gridTop = data.relapses.length > 0 ? px(246) : px(196);
  const legendBottom = px(40);
  const legendRowGap = px(62);
  const legendLeft = px(40);
  const legendWidth = layout.width - legendLeft - px(30);
  // The quality colours: after their heading on one row when that fits, else below it; the
  // type shrinks (not below 24 px at 1080) rather than wrap.
  const hasUnrated = data.days.some((d) => d.state === 'logged' && !isRated(d));
  const qualityNames = [...labels.quality, ...(hasUnrated ? [labels.qualityUnknown] : [])];
  const swatch = { width: px(34), height: px(30), gap: px(22), textGap: px(5) };
  const swatchesWidth = (size: number) =>
    qualityNames.reduce((sum, t) => sum + swatch.width + swatch.textGap + textWidth(t, size) + swatch.gap, -swatch.gap);
  const headingWidth = textWidth(labels.qualityLegend, smallSize) + px(20);
  const qualityInline = headingWidth + swatchesWidth(smallSize) <= legendWidth;
  const qualitySize = qualityInline
    ? smallSize
    : Math.max(px(24), Math.min(smallSize, Math.floor((smallSize * legendWidth) / swatchesWidth(smallSize))));
  const legendRows = qualityInline ? 2 : 3;
  const gridBottom = px(86) + legendBottom + legendRows * legendRowGap;
  const plotWidth = layout.width - gridLeft - gridRight;
  const slot = plotWidth / n;
  // A short history (a 3-night user) keeps bars of a 10-night chart rather than wide slabs.
  const barWidth = Math.max(4, Math.round(Math.min(slot, plotWidth / 10) * 0.68));

  const maxHours = Math.max(0, ...data.days.map((d) => d.hours ?? 0), ...data.days.map((d) => d.rollingAverage ?? 0));
  const phaseRows = placePhaseLabels(data, labels, slot, phaseSize);
  const rowHeight = phaseSize * 1.35;
  const plotHeight = layout.height - gridTop - gridBottom;
  // Head room above the tallest bar for the phase names (and the value labels).
  const labelRoom = (phaseRows.rows * rowHeight + px(16) + (layout.showValues ? labelSize * 1.4 : 0)) / plotHeight;
  const yMax = Math.max(8, Math.ceil((maxHours / (1 - labelRoom) + 0.01) / 2) * 2);

  const fmtDate = (date: string) => formatDate(date, labels);
  const fmtHours = (h: number) => String(h).replace('.', labels.decimalSeparator);

  const qualitySeries = [1, 2, 3, 4, 5].map((q) => ({
    name: labels.quality[q - 1],
    type: 'bar',
    stack: 'nights',
    barWidth,
    itemStyle: { color: QUALITY_COLOURS[q - 1], borderRadius: [px(6), px(6), 0, 0] },
    data: data.days.map((d, i) => (d.state === 'logged' && d.quality === q ? [i, barHeight(d, yMax)] : [i, null])),
    label: valueLabel(layout.showValues, data.days, fmtHours, labelSize, font),
    z: 3,
  }));
  const unratedSeries = hasUnrated
    ? [
        {
          name: labels.qualityUnknown,
          type: 'bar',
          stack: 'nights',
          barWidth,
          itemStyle: { color: QUALITY_UNKNOWN_COLOUR, borderRadius: [px(6), px(6), 0, 0] },
          data: data.days.map((d, i) =>
            d.state === 'logged' && !isRated(d) ? [i, barHeight(d, yMax)] : [i, null],
          ),
          label: valueLabel(layout.showValues, data.days, fmtHours, labelSize, font),
          z: 3,
        },
      ]
    : [];

  // Missed nights: a short, pale box with a dashed grey outline on the baseline, clearly not a
  // bar (a logged 0-hour night is a sliver in its quality colour instead).
  const missedHeight = yMax * 0.08;
  const missedSeries = {
    name: labels.missed,
    type: 'scatter',
    symbol: 'roundRect',
    symbolSize: [Math.max(6, Math.round(barWidth * 0.9)), Math.max(6, Math.round((missedHeight / yMax) * plotHeight))],
    symbolOffset: [0, 0],
    itemStyle: { color: MISSED_FILL, borderColor: MISSED, borderWidth: px(4), borderType: [px(8), px(6)] },
    data: data.days.flatMap((d, i) => (d.state === 'missed' ? [[i, missedHeight / 2]] : [])),
    z: 4,
  };

  const averageData = data.days.map((d, i) => [i, d.rollingAverage]);
  const averageHalo = {
    name: '__halo',
    type: 'line',
    data: averageData,
    symbol: 'none',
    lineStyle: { color: CARD, width: px(11), opacity: 0.9 },
    z: 5,
    silent: true,
  };
  const averageSeries = {
    name: labels.average,
    type: 'line',
    data: averageData,
    symbol: 'circle',
    symbolSize: px(10),
    showSymbol: false,
    itemStyle: { color: AVERAGE },
    lineStyle: { color: AVERAGE, width: px(6) },
    z: 6,
  };

  // Relapse markers sit on the boundary before their date: a thin dotted line that stops below
  // the phase names (so it never crosses text), and a small muted label in the room above the
  // plot. Labels are placed newest first: centred on the line unless that would leave the image;
  // a label that would run into the one after it keeps only its date, or is left out.
  const relapseSize = px(28);
  const relapseLabelWidth = (t: string) => textWidth(t, relapseSize) * 1.08 + px(8);
  const relapseMarks: { index: number; text: string; show: boolean; left: number }[] = [];
  let nextLeft = Infinity;
  for (const date of [...data.relapses].reverse()) {
    const index = data.days.findIndex((d) => d.date === date);
    const lineX = gridLeft + index * slot;
    const box = (text: string) => {
      const w = relapseLabelWidth(text);
      const left = Math.max(px(16), Math.min(lineX - w / 2, layout.width - px(16) - w));
      return { text, left, right: left + w };
    };
    const fits = (b: { right: number }) => b.right + px(12) <= nextLeft;
    const full = box(`${labels.relapse} · ${fmtDate(date)}`);
    const short = box(fmtDate(date));
    const chosen = fits(full) ? full : fits(short) ? short : null;
    relapseMarks.unshift({ index, text: (chosen ?? short).text, show: chosen !== null, left: (chosen ?? short).left });
    if (chosen) nextLeft = chosen.left;
  }
  // The top of the bars' room: the phase names live above it.
  const barsTop = yMax * (1 - (phaseRows.rows * rowHeight + px(16)) / plotHeight);

  // Phase bands behind everything, carried by an empty series; relapse lines on it too.
  const bandSeries = {
    name: '__bands',
    type: 'line',
    data: [],
    silent: true,
    markArea: {
      silent: true,
      // Under the axis (z 0), so the hour lines show through the shading.
      z: -1,
      data: data.bands.map((b, k) => [
        {
          xAxis: b.fromIndex - 0.5,
          itemStyle: { color: PHASE_TINTS[b.phase], borderColor: '#FFFFFF', borderWidth: px(2) },
          label: {
            show: phaseRows.show[k] ?? true,
            formatter: labels.phases[b.phase],
            position: 'insideTop',
            distance: px(10),
            offset: [phaseRows.offsets[k] ?? 0, (phaseRows.row[k] ?? 0) * rowHeight],
            color: INK,
            fontSize: phaseSize,
            fontWeight: 'bold',
            ...font,
          },
        },
        { xAxis: b.toIndex + 0.5 },
      ]),
    },
    markLine: {
      silent: true,
      symbol: ['none', 'none'],
      animation: false,
      data: relapseMarks.map((mark) => [
        { coord: [mark.index - 0.5, 0], lineStyle: { color: RELAPSE, width: px(3), type: [px(4), px(7)] }, label: { show: false } },
        { coord: [mark.index - 0.5, barsTop] },
      ]),
    },
    z: -1,
  };

  const dateTicks = tickIndices(n);

  return {
    animation: false,
    backgroundColor: CARD,
    textStyle: { ...font, color: INK },
    title: [
      {
        text: labels.title,
        subtext: labels.subtitle ?? `${fmtDate(data.from)} – ${fmtDate(data.to)}`,
        left: px(40),
        top: px(34),
        itemGap: px(14),
        textStyle: {
          ...font,
          color: INK,
          fontSize: titleSize,
          fontWeight: 'bold',
          width: layout.width - px(80),
          overflow: 'truncate',
        },
        subtextStyle: { ...font, color: MUTED, fontSize: subtitleSize },
      },
      {
        text: labels.qualityLegend,
        left: legendLeft,
        bottom: legendBottom + (legendRows - 1) * legendRowGap + px(4),
        textStyle: { ...font, color: MUTED, fontSize: smallSize, fontWeight: 'normal' },
      },
    ],
    graphic: relapseMarks
      .filter((mark) => mark.show)
      .map((mark) => ({
        type: 'text',
        left: Math.round(mark.left),
        top: gridTop - px(44),
        silent: true,
        style: { text: mark.text, fill: RELAPSE, fontSize: relapseSize, fontFamily: FONT_FAMILY, fontWeight: 'normal' },
      })),
    grid: { left: gridLeft, right: gridRight, top: gridTop, bottom: gridBottom, containLabel: false },
    xAxis: {
      type: 'value',
      min: -0.5,
      max: n - 0.5,
      splitLine: { show: false },
      axisLine: { show: true, lineStyle: { color: INK, width: px(2) } },
      axisTick: { show: true, customValues: dateTicks, length: px(10), lineStyle: { color: INK, width: px(2) } },
      axisLabel: {
        customValues: dateTicks,
        formatter: (v: number) => {
          const day = data.days[Math.round(v)];
          return day ? fmtDate(day.date) : '';
        },
        color: INK,
        fontSize: labelSize,
        margin: px(14),
        ...font,
      },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: yMax,
      interval: yMax > 12 ? 4 : 2,
      name: labels.hoursAxis,
      nameLocation: 'middle',
      nameRotate: 90,
      nameGap: px(64),
      nameTextStyle: { ...font, color: MUTED, fontSize: labelSize },
      axisLabel: { color: INK, fontSize: labelSize, ...font },
      splitLine: { lineStyle: { color: GRID_LINE, width: px(2), type: [px(6), px(6)] } },
    },
    legend: [
      {
        data: qualityNames,
        left: qualityInline ? legendLeft + headingWidth : legendLeft,
        right: px(30),
        bottom: legendBottom + legendRowGap,
        itemWidth: swatch.width,
        itemHeight: swatch.height,
        itemGap: swatch.gap,
        icon: 'roundRect',
        textStyle: { ...font, color: INK, fontSize: qualitySize },
        selectedMode: false,
      },
      {
        data: [
          { name: labels.average, icon: 'path://M0,4 L24,4 L24,8 L0,8 Z', itemStyle: { color: AVERAGE } },
          {
            name: labels.missed,
            icon: 'roundRect',
            itemStyle: { color: MISSED_FILL, borderColor: MISSED, borderWidth: px(4), borderType: [px(6), px(4)] },
          },
        ],
        left: legendLeft,
        bottom: legendBottom,
        itemWidth: px(48),
        itemHeight: px(26),
        itemGap: px(44),
        textStyle: { ...font, color: INK, fontSize: smallSize, padding: [0, 0, 0, px(6)] },
        selectedMode: false,
      },
    ],
    series: [bandSeries, ...qualitySeries, ...unratedSeries, missedSeries, averageHalo, averageSeries],
  };
}

// ——— helpers ———

function isRated(d: ProgressDay): boolean {
  return d.quality !== null && d.quality >= 1 && d.quality <= 5;
}

/** A logged 0-hour night still shows a sliver in its quality colour (distinct from a missed night). */
function barHeight(d: ProgressDay, yMax: number): number {
  return Math.max(d.hours ?? 0, yMax * 0.012);
}

function valueLabel(
  show: boolean,
  days: readonly ProgressDay[],
  fmtHours: (h: number) => string,
  fontSize: number,
  font: { fontFamily: string },
) {
  return {
    show,
    position: 'top',
    distance: Math.round(fontSize * 0.25),
    formatter: (p: { value: unknown }) => {
      const v = Array.isArray(p.value) ? (p.value[0] as number) : null;
      const h = v === null ? null : days[v]?.hours;
      return h === null || h === undefined ? '' : fmtHours(h);
    },
    color: INK,
    // A halo in the card colour keeps the number readable where the average line crosses it.
    textBorderColor: CARD,
    textBorderWidth: Math.max(2, Math.round(fontSize * 0.16)),
    fontSize,
    fontWeight: 'bold',
    ...font,
  };
}

/** Date labels: always the newest date, then every k-th date back, about 5–7 labels. */
function tickIndices(n: number): number[] {
  const step = n <= 7 ? 1 : n <= 14 ? 3 : n <= 21 ? 4 : 6;
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i -= step) out.unshift(i);
  return out;
}

function formatDate(date: string, labels: ProgressChartLabels): string {
  const [, m, d] = date.split('-');
  const month = labels.months[Number(m) - 1] ?? m ?? '';
  return labels.dateFormat.replace('{d}', String(Number(d))).replace('{mon}', month);
}

/** Rough text width for layout (Atkinson Hyperlegible averages about 0.56 em a character). */
function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.58;
}

/**
 * Phase names sit side by side in rows at the top of the plot: centred on their band, kept on
 * the image and off the relapse lines, and pushed to the next row when they would overlap a
 * name already placed (a 1–2 night band can carry a name wider than itself). A sliver of a
 * phase cut off by the window's start, too narrow for its name, stays unnamed.
 */
function placePhaseLabels(
  data: ProgressData,
  labels: ProgressChartLabels,
  slot: number,
  fontSize: number,
): { rows: number; row: number[]; offsets: number[]; show: boolean[] } {
  const gap = fontSize * 0.6;
  const pad = fontSize * 0.35;
  const plotWidth = slot * data.days.length;
  const relapseXs = data.relapses.map((date) => data.days.findIndex((d) => d.date === date) * slot);
  const rowEnds: number[] = [];
  const row: number[] = [];
  const offsets: number[] = [];
  const show: boolean[] = [];
  for (const band of data.bands) {
    const w = textWidth(labels.phases[band.phase], fontSize);
    const start = band.fromIndex * slot;
    const end = (band.toIndex + 1) * slot;
    const centre = (start + end) / 2;
    if (band.fromIndex === 0 && data.bands.length > 1 && end - start < w / 2) {
      row.push(0);
      offsets.push(0);
      show.push(false);
      continue;
    }
    const clamp = (left: number) => Math.max(0, Math.min(left, plotWidth - w));
    let left = clamp(centre - w / 2);
    for (const x of relapseXs) {
      if (x <= left - pad || x >= left + w + pad) continue;
      left = clamp(Math.abs(x - start) < 1 ? x + pad : Math.abs(x - end) < 1 ? x - pad - w : x + pad);
    }
    let r = rowEnds.findIndex((rowEnd) => left >= rowEnd + gap);
    if (r === -1) {
      r = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[r] = left + w;
    row.push(r);
    offsets.push(left + w / 2 - centre);
    show.push(true);
  }
  return { rows: Math.max(1, rowEnds.length), row, offsets, show };
}

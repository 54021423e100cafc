/**
 * Lays out the /report page with pdfkit: one page, US Letter or A4.
 *
 *   title, date range
 *   ┌ facts, this week vs last, support signs ┐ ┌ the /progress chart ┐
 *   night-by-night table (one row per date)
 *   prescriber line, footer (pinned to the bottom of the page)
 *
 * Every string arrives ready-made in a `ReportView`; this file only measures and draws. The
 * page must stay one page whatever the language or the number of flags and wakes in a row, so
 * the layout is measured first at full size and, if it would overflow, the type is shrunk step
 * by step until it fits (a 28-night table usually fits at full size on both papers).
 *
 * The bundled Atkinson Hyperlegible font (the chart's) is embedded, so accents render the same
 * everywhere; pdfkit subsets it and writes a ToUnicode map, so the text can be selected and
 * extracted (the e2e tests read it back with pdfjs).
 */
// Type only: pdfkit itself (about 250 ms to load) is imported on the first report, not at start-up.
import type {} from 'pdfkit';
import { chartFontFiles } from '../chart/progress-chart.js';
import type { PaperSize } from '../domain/report.js';
import type { ReportView } from './view.js';

export interface ReportPdfInput {
  view: ReportView;
  /** The chart as PNG (see chart.ts). */
  chartPng: Buffer;
  paper: PaperSize;
  /** BCP 47 language of the text, for the PDF's metadata (screen readers). */
  lang: string;
}

/** Points (1/72 in). */
const PAGE_SIZES: Readonly<Record<PaperSize, readonly [number, number]>> = {
  LETTER: [612, 792],
  A4: [595.28, 841.89],
};
const MARGIN = 36;

const INK = '#1E2A36';
const MUTED = '#5B6775';
const RULE = '#C2C8CF';
const ZEBRA = '#F2F4F6';

const REGULAR = 'AtkinsonHyperlegible';
const BOLD = 'AtkinsonHyperlegible-Bold';

/** Share of the content width each table column gets (date, sleep, quality, restlessness, anxiety, flags, wakes). */
const TABLE_COLUMNS = [0.13, 0.07, 0.145, 0.155, 0.1, 0.25, 0.15] as const;
/** A row's note covers the columns from sleep up to (not including) this one: the flags. */
const NOTE_SPAN_END = 5;
/** Share of the content width the chart takes, on the right of the top block. */
const CHART_SHARE = 0.48;

/** Font sizes and gaps at a given scale (1 = full size). */
function sizesAt(scale: number) {
  return {
    title: 18 * scale,
    subtitle: 10 * scale,
    heading: 10.5 * scale,
    body: 9.5 * scale,
    small: 8.5 * scale,
    cell: 8.5 * scale,
    cellPadY: 1.8 * scale,
    gap: 10 * scale,
    lineGap: 1.2 * scale,
  };
}
type Sizes = ReturnType<typeof sizesAt>;

export async function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const [regularFile, boldFile] = chartFontFiles() as [string, string];
  const [pageWidth, pageHeight] = PAGE_SIZES[input.paper];
  const doc = new PDFDocument({
    size: input.paper,
    // The page is laid out by hand; margin 0 means pdfkit never breaks a page on its own.
    margin: 0,
    // No `font: regularFile` here: pdfkit would then reopen the file on every later switch to the
    // registered name (its cache keys the first open by path), which made a page take seconds.
    lang: input.lang,
    displayTitle: true,
    info: { Title: `${input.view.title} · ${input.view.subtitle}`, Creator: 'Steady Nights', Producer: 'Steady Nights' },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, regularFile);
  doc.registerFont(BOLD, boldFile);

  const page = new Page(doc, pageWidth, pageHeight, input);
  let scale = 1;
  while (scale > 0.6 && !page.fits(sizesAt(scale))) scale = Math.round((scale - 0.05) * 100) / 100;
  page.draw(sizesAt(scale));
  doc.end();
  return finished;
}

/** Measures (dry run) or draws the page; both go through the same code so they cannot disagree. */
class Page {
  private readonly contentWidth: number;
  private readonly chart: { width: number; height: number };
  private drawing = false;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly width: number,
    private readonly height: number,
    private readonly input: ReportPdfInput,
  ) {
    this.contentWidth = width - 2 * MARGIN;
    const png = pngSize(input.chartPng);
    const chartWidth = this.contentWidth * CHART_SHARE;
    this.chart = { width: chartWidth, height: (chartWidth * png.height) / png.width };
  }

  fits(s: Sizes): boolean {
    this.drawing = false;
    return this.layout(s);
  }

  draw(s: Sizes): void {
    this.drawing = true;
    this.layout(s);
  }

  /** Walks the page top to bottom; returns whether everything ends above the footer block. */
  private layout(s: Sizes): boolean {
    const { view } = this.input;
    const x = MARGIN;
    let y = MARGIN;

    // Title and date range.
    y += this.text(view.title, x, y, this.contentWidth, { font: BOLD, size: s.title });
    y += 2;
    y += this.text(view.subtitle, x, y, this.contentWidth, { size: s.subtitle, color: MUTED });
    y += s.gap * 0.6;
    this.rule(x, y, this.contentWidth, INK, 0.8);
    y += s.gap;

    // Top block: facts, averages and signs on the left; the chart on the right.
    const gutter = 14;
    const leftWidth = this.contentWidth - this.chart.width - gutter;
    const leftBottom = this.leftColumn(s, x, y, leftWidth);
    if (this.drawing) {
      this.doc.image(this.input.chartPng, x + leftWidth + gutter, y, { width: this.chart.width, height: this.chart.height });
    }
    y = Math.max(leftBottom, y + this.chart.height) + s.gap;

    // Night-by-night table.
    y += this.text(view.table.title, x, y, this.contentWidth, { font: BOLD, size: s.heading });
    y += s.gap * 0.3;
    y = this.table(s, x, y);

    const bottomTop = this.footer(s);
    return y + s.gap * 0.5 <= bottomTop;
  }

  private leftColumn(s: Sizes, x: number, top: number, width: number): number {
    const { view } = this.input;
    let y = top;
    for (const line of view.facts) {
      y += this.text(line, x, y, width, { size: s.body });
      y += s.lineGap * 2;
    }
    y += s.gap;

    // This week against last week.
    y += this.text(view.averages.title, x, y, width, { font: BOLD, size: s.heading });
    y += s.gap * 0.3;
    const columns = [width * 0.44, width * 0.28, width * 0.28];
    const headerHeight = this.cells(view.averages.headers, x, y, columns, { font: BOLD, size: s.small, padY: s.cellPadY, align: 'right' });
    y += headerHeight;
    y += this.cells(view.averages.ranges, x, y - s.cellPadY, columns, { size: s.small * 0.92, color: MUTED, padY: s.cellPadY, align: 'right' });
    this.rule(x, y, width, INK, 0.6);
    view.averages.rows.forEach((row, i) => {
      const h = this.cellsHeight(row, columns, s.small, s.cellPadY);
      if (i % 2 === 1) this.fill(x, y, width, h, ZEBRA);
      this.cells(row, x, y, columns, { size: s.small, padY: s.cellPadY, align: 'right' });
      y += h;
    });
    y += s.gap;

    // Support signs, with when they fired.
    y += this.text(view.signs.title, x, y, width, { font: BOLD, size: s.heading });
    y += s.gap * 0.3;
    if (view.signs.lines.length === 0) {
      y += this.text(view.signs.none, x, y, width, { size: s.small, color: MUTED });
    }
    for (const line of view.signs.lines) {
      y += this.signLine(line.sign, line.dates, x, y, width, s);
      y += s.lineGap * 2;
    }
    return y;
  }

  private table(s: Sizes, x: number, top: number): number {
    const { table } = this.input.view;
    const columns = TABLE_COLUMNS.map((share) => share * this.contentWidth);
    let y = top;
    // A header too wide for its column breaks before its scale, "Anxiety / (0–10)", never inside it.
    const headers = table.headers.map((header, i) =>
      this.widthOf(header, BOLD, s.cell) <= columns[i]! - 2 * MARGIN_CELL ? header : header.replace(/ \(/, '\n('),
    );
    const headerHeight = this.cellsHeight(headers, columns, s.cell, s.cellPadY, BOLD);
    this.cells(headers, x, y, columns, { font: BOLD, size: s.cell, padY: s.cellPadY });
    y += headerHeight;
    this.rule(x, y, this.contentWidth, INK, 0.6);
    // A note ("No entry") spans the answer columns, so it never wraps in the narrow hours column.
    const noteLeft = x + columns[0]!;
    const noteWidth = columns.slice(1, NOTE_SPAN_END).reduce((a, b) => a + b, 0);
    table.rows.forEach((row, i) => {
      const noteHeight = row.note ? this.measure(row.note, noteWidth - 2 * MARGIN_CELL, REGULAR, s.cell) + 2 * s.cellPadY : 0;
      const h = Math.max(this.cellsHeight(row.cells, columns, s.cell, s.cellPadY), noteHeight);
      if (i % 2 === 1) this.fill(x, y, this.contentWidth, h, ZEBRA);
      const color = row.muted ? MUTED : INK;
      this.cells(row.cells, x, y, columns, { size: s.cell, padY: s.cellPadY, color });
      if (row.note) this.text(row.note, noteLeft + MARGIN_CELL, y + s.cellPadY, noteWidth - 2 * MARGIN_CELL, { size: s.cell, color });
      y += h;
    });
    this.rule(x, y, this.contentWidth, RULE, 0.5);
    return y;
  }

  /** Draws the bottom block pinned to the bottom margin; returns its top. */
  private footer(s: Sizes): number {
    const { view } = this.input;
    const x = MARGIN;
    const width = this.contentWidth;
    const madeOnWidth = this.widthOf(view.madeOn, REGULAR, s.small);
    const footerWidth = this.widthOf(view.footer, REGULAR, s.small);
    const sameLine = footerWidth + madeOnWidth + 16 <= width;
    const prescriberHeight = this.measure(view.prescriber, width, REGULAR, s.body);
    const footerHeight = this.measure(view.footer, sameLine ? width - madeOnWidth - 16 : width, REGULAR, s.small);
    const madeOnHeight = sameLine ? 0 : this.measure(view.madeOn, width, REGULAR, s.small);
    const blockHeight = s.gap * 0.6 + prescriberHeight + s.gap * 0.5 + footerHeight + madeOnHeight;
    const top = this.height - MARGIN - blockHeight;

    let y = top;
    this.rule(x, y, width, RULE, 0.5);
    y += s.gap * 0.6;
    y += this.text(view.prescriber, x, y, width, { size: s.body });
    y += s.gap * 0.5;
    this.text(view.footer, x, y, sameLine ? width - madeOnWidth - 16 : width, { size: s.small, color: MUTED });
    if (sameLine) this.text(view.madeOn, x, y, width, { size: s.small, color: MUTED, align: 'right' });
    else this.text(view.madeOn, x, y + footerHeight, width, { size: s.small, color: MUTED });
    return top;
  }

  // ——— primitives: measure always, draw only when drawing ———

  private text(
    value: string,
    x: number,
    y: number,
    width: number,
    options: { font?: string; size: number; color?: string; align?: 'left' | 'right' },
  ): number {
    const font = options.font ?? REGULAR;
    const height = this.measure(value, width, font, options.size);
    if (this.drawing && value !== '') {
      this.doc
        .font(font)
        .fontSize(options.size)
        .fillColor(options.color ?? INK)
        .text(value, x, y, { width, align: options.align ?? 'left', lineGap: 0 });
    }
    return height;
  }

  /** "Sign name: dates" with the name in bold, wrapping as one paragraph. */
  private signLine(sign: string, dates: string, x: number, y: number, width: number, s: Sizes): number {
    // Measured all in bold: a little wider than the mix, so never too short.
    const height = this.measure(`${sign}: ${dates}`, width, BOLD, s.small);
    if (this.drawing) {
      this.doc.font(BOLD).fontSize(s.small).fillColor(INK).text(`${sign}: `, x, y, { width, continued: true, lineGap: 0 });
      this.doc.font(REGULAR).fillColor(INK).text(dates, { lineGap: 0 });
    }
    return height;
  }

  /** A row of cells; the first column left-aligned, the others as `align` says. Returns the row height. */
  private cells(
    values: readonly string[],
    x: number,
    y: number,
    columns: readonly number[],
    options: { font?: string; size: number; padY: number; color?: string; align?: 'left' | 'right' },
  ): number {
    let left = x;
    values.forEach((value, i) => {
      const width = columns[i]! - 2 * MARGIN_CELL;
      this.text(value, left + MARGIN_CELL, y + options.padY, width, {
        size: options.size,
        ...(options.font ? { font: options.font } : {}),
        ...(options.color ? { color: options.color } : {}),
        align: i === 0 ? 'left' : (options.align ?? 'left'),
      });
      left += columns[i]!;
    });
    return this.cellsHeight(values, columns, options.size, options.padY, options.font);
  }

  private cellsHeight(values: readonly string[], columns: readonly number[], size: number, padY: number, font = REGULAR): number {
    const tallest = Math.max(...values.map((value, i) => this.measure(value || ' ', columns[i]! - 2 * MARGIN_CELL, font, size)));
    return tallest + 2 * padY;
  }

  /** Heights are asked for again at each scale tried and when drawing: measured once each. */
  private readonly heights = new Map<string, number>();

  private measure(value: string, width: number, font: string, size: number): number {
    const key = `${font}|${size}|${width}|${value}`;
    let height = this.heights.get(key);
    if (height === undefined) {
      this.doc.font(font).fontSize(size);
      height = this.doc.heightOfString(value || ' ', { width, lineGap: 0 });
      this.heights.set(key, height);
    }
    return height;
  }

  private widthOf(value: string, font: string, size: number): number {
    this.doc.font(font).fontSize(size);
    return this.doc.widthOfString(value);
  }

  private rule(x: number, y: number, width: number, color: string, lineWidth: number): void {
    if (!this.drawing) return;
    this.doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(lineWidth).strokeColor(color).stroke().restore();
  }

  private fill(x: number, y: number, width: number, height: number, color: string): void {
    if (!this.drawing) return;
    this.doc.save().rect(x, y, width, height).fillColor(color).fill().restore();
  }
}

const MARGIN_CELL = 3;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.readUInt32BE(12) !== 0x49484452) throw new Error('chart is not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

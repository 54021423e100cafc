import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: number;
  /** Width and height of the first page in points (Letter 612 × 792, A4 595.28 × 841.89). */
  size: { width: number; height: number };
  /** The text of each line of the first page, top to bottom; items on one baseline joined by spaces. */
  lines: string[];
  /** All lines joined with newlines. */
  text: string;
}

/** Reads a PDF's text back with pdfjs (a maintained parser, not our own code). */
export async function pdfText(bytes: Buffer): Promise<PdfText> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const page = await pdf.getPage(1);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const rows = new Map<number, { x: number; str: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5] as number);
      const key = [...rows.keys()].find((k) => Math.abs(k - y) <= 1) ?? y;
      rows.set(key, [...(rows.get(key) ?? []), { x: item.transform[4] as number, str: item.str }]);
    }
    const lines = [...rows.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, items]) => items.sort((a, b) => a.x - b.x).map((i) => i.str.trim()).join(' ').replace(/\s+/g, ' '));
    return { pages: pdf.numPages, size: { width: x1 - x0, height: y1 - y0 }, lines, text: lines.join('\n') };
  } finally {
    await pdf.destroy();
  }
}

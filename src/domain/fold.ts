/**
 * Typed answers arrive from phone keyboards in two languages: accents, capitals, stray
 * spaces and the typographic minus sign must not decide whether an answer is understood.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A translation function bound to one language. Message builders take one of these instead of
 * a grammY context, so the scheduler (which has no update) builds the same messages.
 */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * Milestones (PRODUCT.md "Milestones"): on the mornings of days 7, 14, 28, 56 and 90 the
 * check-in reply carries one line, tied to what the articles say about that point:
 * - 7: the first week is the hardest for sleep;
 * - 14: two weeks — sleep begins recovering (weeks 2–4), still disrupted;
 * - 28: four weeks — weeks 4–8 bring a gradual return toward baseline;
 * - 56: eight weeks — the end of the articles' post-acute stretch (weeks 2–8);
 * - 90: full recovery after long, heavy use can take 3–6 months.
 * The day is counted from the day 0 in force, so after /used the milestones count from the
 * new day 0 and the old count is never mentioned. Words: `locales/<lang>/milestones.ftl`.
 */
export const MILESTONE_DAYS = [7, 14, 28, 56, 90] as const;
export type MilestoneDay = (typeof MILESTONE_DAYS)[number];

/** The milestone reached on `day` (days since the last dose), or null on any other day. */
export function milestoneFor(day: number | null): MilestoneDay | null {
  if (day === null) return null;
  return (MILESTONE_DAYS as readonly number[]).includes(day) ? (day as MilestoneDay) : null;
}

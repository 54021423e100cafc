/**
 * First contact: score message files the shipped detector has never seen, before they join
 * the corpus. `tsx scripts/crisis/score-fresh.ts FILE-en.txt FILE-es.txt … [--show]`
 * Reads the committed model (model.json) through assessText, exactly as the bot does, and
 * the rules alone beside it.
 */
import { readRules } from '../../src/domain/crisis/assess.js';
import { assessText, type CrisisLevel } from '../../src/domain/crisis/index.js';
import { CRISIS_KINDS, isHit } from '../../test/crisis-corpus/corpus.js';
import { readLabelledFiles } from './data.js';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const crisisKinds = new Set<string>(CRISIS_KINDS);
const fresh = readLabelledFiles(files);
const shipped = fresh.map((m) => ({ ...m, rules: readRules(m.text).level as CrisisLevel, level: assessText(m.text).level }));
const pos = shipped.filter((m) => crisisKinds.has(m.kind));
const neg = shipped.filter((m) => m.kind.startsWith('none'));
const line = (name: string, pick: (m: (typeof shipped)[number]) => CrisisLevel) => {
  const tp = pos.filter((m) => pick(m) === 'crisis').length;
  const fp = neg.filter((m) => pick(m) === 'crisis').length;
  const asked = neg.filter((m) => pick(m) === 'concern').length;
  const hits = shipped.filter((m) => isHit(m.kind, pick(m))).length;
  console.log(
    `${name.padEnd(8)} crisis recall ${(tp / pos.length).toFixed(3)} (${tp}/${pos.length})  crisis on none-* ${fp}/${neg.length}  precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}  concern on none-* ${asked}  every kind right ${(hits / shipped.length).toFixed(3)}`,
  );
};
line('rules', (m) => m.rules);
line('shipped', (m) => m.level);
if (process.argv.includes('--show')) {
  for (const m of shipped) if (!isHit(m.kind, m.level)) console.log(`${m.language} ${m.kind.padEnd(14)} → ${m.level.padEnd(7)} ${m.text}`);
}

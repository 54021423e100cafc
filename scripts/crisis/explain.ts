/**
 * `npm run crisis:explain -- "text" ["text" …]`: what each reader makes of a message — the
 * rules' level, family and whether they explained a phrase away, the classifier's
 * probabilities, and the decision. For looking into a report of a miss or a false alarm
 * (never run it on a user's message in production logs: there are none, by design).
 */
import { readRules } from '../../src/domain/crisis/assess.js';
import { assessText, readModel } from '../../src/domain/crisis/index.js';

for (const text of process.argv.slice(2)) {
  const rules = readRules(text);
  const model = readModel(text);
  const decided = assessText(text);
  console.log(
    `${decided.level.padEnd(7)} ${String(decided.family).padEnd(13)} | rules ${rules.level}/${rules.family ?? '-'}${rules.quieted ? ' (explained a phrase away)' : ''} | model crisis ${model.crisis.toFixed(3)} (${model.family}) concern ${model.concern.toFixed(3)} other ${model.other.toFixed(3)} none ${model.none.toFixed(3)} | ${text}`,
  );
}

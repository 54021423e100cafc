import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { describeExpected } from '../../src/ops/log-errors.js';

const grammyError = (code: number, description: string) =>
  new GrammyError(`Call to 'getUpdates' failed!`, { ok: false, error_code: code, description }, 'getUpdates', {});

describe('describeExpected', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8081'), { code: 'ECONNREFUSED' });
  it.each([
    ['409 from a second poller', grammyError(409, 'Conflict: terminated by other getUpdates request'), true, '409 Conflict: terminated by other getUpdates request'],
    ['403 blocked', grammyError(403, 'Forbidden: bot was blocked by the user'), true, '403 Forbidden: bot was blocked by the user'],
    ['a refused connection', new HttpError('Network request for getUpdates failed!', new TypeError('fetch failed', { cause: refused })), true, 'network: ECONNREFUSED'],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')"), false, "TypeError: Cannot read properties of undefined (reading 'id')"],
    ['not an error at all', 'boom', false, 'string'],
  ])('%s', (_name, error, expected, reason) => {
    expect(describeExpected(error)).toEqual({ expected, reason });
  });

  it('never carries the request payload (which can echo answers)', () => {
    const error = new GrammyError(`Call to 'sendMessage' failed!`, { ok: false, error_code: 400, description: 'Bad Request' }, 'sendMessage', { text: 'I slept 3 hours' });
    expect(JSON.stringify(describeExpected(error))).not.toContain('3 hours');
  });
});

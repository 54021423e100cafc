import { describe, expect, it } from 'vitest';
import { scrub } from '../../src/logger.js';

describe('scrub', () => {
  const token = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ-_0123456789';
  it.each([
    [`{"msg":"POST https://api.telegram.org/bot${token}/sendMessage failed"}`, '{"msg":"POST https://api.telegram.org/bot[redacted]/sendMessage failed"}'],
    [`url=${encodeURIComponent(token)}`, 'url=[redacted]'],
    [`${token} and ${token}`, '[redacted] and [redacted]'],
    ['nothing secret here', 'nothing secret here'],
  ])('removes every form of the token from %s', (line, expected) => {
    expect(scrub(line, [token])).toBe(expected);
  });
});

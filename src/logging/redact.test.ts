import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { scrubText } from './redact.js';

describe('scrubText', () => {
  it.each([
    ['No person "JOHN SMITH" in pnc.', 'No person [redacted] in pnc.'],
    ['born 1980-01-02 and 02/01/1980', 'born [redacted] and [redacted]'],
    ['PNC 2014/0123456K, CRO 123456/12A, passport P1234567, ref 00012345', 'PNC [redacted], CRO [redacted], passport [redacted], ref [redacted]'],
    ['connect ECONNREFUSED 127.0.0.1:4010', 'connect ECONNREFUSED 127.0.0.1:4010'],
    ['HTTP 503 from pnc', 'HTTP 503 from pnc'],
  ])('%s', (input, expected) => expect(scrubText(input)).toBe(expected));
});

describe('createLogger', () => {
  it('redacts variables, queries and authorization headers logged by hand', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (s: string) => void lines.push(s) } });
    logger.info({ variables: { name: 'JOHN SMITH' }, req: { headers: { authorization: 'Bearer abc.def' } }, query: '{ x }' }, 'hand-written');
    const text = lines.join('');
    expect(text).not.toContain('JOHN');
    expect(text).not.toContain('abc.def');
    expect(text).not.toContain('{ x }');
    expect(JSON.parse(text)).toMatchObject({ level: 'info', service: 'pcv-gateway', msg: 'hand-written' });
  });
});

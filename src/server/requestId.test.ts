import { describe, expect, it } from 'vitest';
import { resolveRequestId } from './requestId.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('resolveRequestId', () => {
  it('keeps a sane incoming id', () => {
    expect(resolveRequestId('client-abc-12345')).toBe('client-abc-12345');
    expect(resolveRequestId(['trace:0001.abc', 'other-id-999'])).toBe('trace:0001.abc');
  });
  it.each([[undefined], [''], ['short'], ['has space in it'], ['<script>alert(1)</script>'], ['x'.repeat(129)]])(
    'replaces %j with a UUID',
    (incoming) => expect(resolveRequestId(incoming)).toMatch(UUID),
  );
});

import { describe, expect, it } from 'vitest';
import { assignPersonIds, mintPersonId } from '../../src/identity/personIds.js';

describe('person ids', () => {
  it('mints P- plus ten characters, deterministically', () => {
    expect(mintPersonId('cid:1/2')).toMatch(/^P-[0-9A-Z]{10}$/);
    expect(mintPersonId('cid:1/2')).toBe(mintPersonId('cid:1/2'));
    expect(mintPersonId('cid:1/2')).not.toBe(mintPersonId('cid:1/3'));
  });

  it('reuses the id most members had, and mints for new persons', () => {
    const prior = new Map([['a', 'P-OLD1'], ['b', 'P-OLD1'], ['c', 'P-OLD2']]);
    const ids = assignPersonIds([['a', 'b', 'c'], ['d']], prior);
    expect(ids[0]).toBe('P-OLD1');
    expect(ids[1]).toBe(mintPersonId('d'));
  });

  it('gives a split-off part a different id; the larger part keeps the old one', () => {
    const prior = new Map([['a', 'P-X'], ['b', 'P-X'], ['c', 'P-X']]);
    const ids = assignPersonIds([['c'], ['a', 'b']], prior);
    expect(ids[1]).toBe('P-X');
    expect(ids[0]).not.toBe('P-X');
  });

  it('never gives one id to two persons, even on a hash collision or a reserved id', () => {
    const reserved = new Set([mintPersonId('z')]);
    const ids = assignPersonIds([['z']], new Map(), reserved);
    expect(ids[0]).not.toBe(mintPersonId('z'));
    const two = assignPersonIds([['a'], ['b']], new Map([['a', 'P-1'], ['b', 'P-1']]));
    expect(new Set(two).size).toBe(2);
  });
});

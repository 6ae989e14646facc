import { describe, expect, it } from 'vitest';
import { classifyPair } from '../../src/identity/classify.js';
import { identityKey, sharedIdentityKeys, sharedKeyGuard } from '../../src/identity/collisions.js';
import { comparePair, scoreCompared } from '../../src/identity/score.js';
import { record, type FragmentSpec } from './fragments.js';
import { handModel } from './handModel.js';

const recs = (specs: FragmentSpec[]) => specs.map((s, i) => record(s, i));

describe('names and dates of birth held by two people', () => {
  it('keys a record by its name (either order, spelling slips alike) and exact date of birth', () => {
    const key = identityKey(record({ given: ['MUSTAFA'], family: 'ARSLAN' }));
    expect(key).not.toBeNull();
    expect(identityKey(record({ given: ['ARSLAN'], family: 'MUSTAFA' }))).toBe(key);
    expect(identityKey(record({ given: ['MUSTAPHA'], family: 'ARSLAN' }))).toBe(key);
    expect(identityKey(record({ given: ['MUSTAFA'], family: 'ARSLAN', dob: '1985-03-15' }))).not.toBe(key);
    expect(identityKey(record({ dob: null }))).toBeNull();
  });

  it('finds a key two records with conflicting personal identifiers share, and names the identifier', () => {
    const shared = sharedIdentityKeys(recs([
      { ids: { PNC_ID: '2014/0123456D' } },
      { ids: { PNC_ID: '2014/0123457E' } },
      { given: ['FATIMA'], ids: { HO_REF: 'B1234567' } },
      { given: ['FATIMA'], ids: { HO_REF: 'B1234568' } }, // one digit off: a typo, not a second person
      { given: ['OMAR'], ids: { FINGERPRINT: 'IA000000001' } },
      { given: ['OMAR'] },
    ]));
    expect([...shared.values()]).toEqual(['PNC_ID']);
    expect(shared.get(identityKey(record({}))!)).toBe('PNC_ID');
  });

  it('counts a mistyped PNC id far from the other record\'s as a second person, one a slip of it as the same', () => {
    // 2014/0987654D and 2014/0123458D fail their check letters; the first is a slip of another id.
    expect([...sharedIdentityKeys(recs([{ ids: { PNC_ID: '2014/0987654D' } }, { ids: { PNC_ID: '2014/0123456D' } }])).values()]).toEqual(['PNC_ID']);
    expect(sharedIdentityKeys(recs([{ ids: { PNC_ID: '2014/0123458D' } }, { ids: { PNC_ID: '2014/0123456D' } }])).size).toBe(0);
  });

  it('guards any pair with a record on a shared key', () => {
    const [a, b, c] = recs([{ ids: { PNC_ID: '2014/0123456D' } }, { ids: { PNC_ID: '2014/0123457E' } }, {}]);
    const shared = sharedIdentityKeys([a!, b!]);
    expect(sharedKeyGuard(shared, c!, a!)).toBe('name and date of birth held by two people (conflicting PNC_ID)');
    expect(sharedKeyGuard(shared, c!, record({ given: ['OMAR'] }))).toBe('name and date of birth held by two people (conflicting PNC_ID)');
    expect(sharedKeyGuard(shared, record({ given: ['OMAR'] }), record({ given: ['OMAR'] }))).toBeNull();
    expect(sharedKeyGuard(new Map(), c!, a!)).toBeNull();
  });

  it('sends a match on name and date of birth alone to review when two people hold them, at any weight above review', () => {
    const [pncA, pncB, custody] = recs([{ ids: { PNC_ID: '2014/0123456D' } }, { ids: { PNC_ID: '2014/0123457E' } }, { place: null }]);
    const shared = sharedIdentityKeys([pncA!, pncB!, custody!]);
    for (const thresholds of [{ link: 12, review: 2 }, { link: 1e6, review: -1e6 }]) {
      const model = handModel(thresholds);
      const v = comparePair(custody!, pncA!);
      const guarded = classifyPair(model, custody!, pncA!, v, scoreCompared(model, v, null), shared);
      expect(guarded).toMatchObject({
        outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: 'name and date of birth held by two people (conflicting PNC_ID)',
      });
      // Without the knowledge, the same pair links (or is an unguarded possible match).
      const unguarded = classifyPair(model, custody!, pncA!, v, scoreCompared(model, v, null));
      expect(unguarded.guard).toBeNull();
      // Only a pair the key alone held back carries the key, for the clusterer to resolve.
      expect(guarded.sharedKeys).toEqual(unguarded.outcome === 'LINKED' ? [identityKey(custody!)] : undefined);
    }
  });

  it('lets a pair that also agrees on place of birth link: that is evidence beyond the shared name and date', () => {
    const [pncA, pncB, cid] = recs([{ ids: { PNC_ID: '2014/0123456D' } }, { ids: { PNC_ID: '2014/0123457E' }, place: 'MULTAN' }, { ids: { HO_REF: 'B1234567' } }]);
    const shared = sharedIdentityKeys([pncA!, pncB!, cid!]);
    const model = handModel();
    const v = comparePair(cid!, pncA!);
    expect(classifyPair(model, cid!, pncA!, v, scoreCompared(model, v, null), shared)).toEqual({ outcome: 'LINKED', rule: 'PROBABILISTIC', guard: null });
    const w = comparePair(cid!, pncB!);
    expect(classifyPair(model, cid!, pncB!, w, scoreCompared(model, w, null), shared).outcome).not.toBe('LINKED');
  });

  it('does not stop a deterministic link', () => {
    const ids = { PNC_ID: '2014/0123456D' };
    const [a, b, c] = recs([{ ids }, { ids: { PNC_ID: '2014/0123457E' } }, { ids, place: null }]);
    const shared = sharedIdentityKeys([a!, b!, c!]);
    const model = handModel();
    const v = comparePair(c!, a!);
    expect(classifyPair(model, c!, a!, v, scoreCompared(model, v, null), shared).outcome).toBe('LINKED');
  });
});

import { describe, expect, it } from 'vitest';
import { comparePair } from '../../src/identity/score.js';
import { COMPARISONS } from '../../src/identity/comparisons.js';
import { comparison, elseLevel, exactLevel, nullLevel } from '../../src/identity/levels.js';
import { alignNames, swapForm } from '../../src/identity/align.js';
import { record, type FragmentSpec } from './fragments.js';

const labelOf = (name: string, left: FragmentSpec, right: FragmentSpec) => {
  const c = COMPARISONS.findIndex((x) => x.name === name);
  const v = comparePair(record(left, 0), record(right, 1));
  return COMPARISONS[c]!.levels[v.levels[c]!]!.label;
};

describe('familyName levels', () => {
  it.each([
    [{ family: '' }, { family: 'KHAN' }, 'missing on one or both records'],
    [{ family: 'KHAN' }, { family: 'khan' }, 'exact match'],
    [{ family: 'RAHMAN' }, { family: 'REHMAN' }, 'spelling variant of the same name'],
    [{ family: 'KOWALSKI' }, { family: 'KOWALSKY' }, 'similar spelling (Jaro-Winkler >= 0.92)'],
    [{ family: 'OKONKWO' }, { family: 'OKONJO' }, 'similar spelling (Jaro-Winkler >= 0.8)'],
    [{ family: 'SMITH' }, { family: 'NOWAK' }, 'all other comparisons (disagree)'],
  ] as const)('%o vs %o -> %s', (l, r, want) => {
    expect(labelOf('familyName', { given: ['PIOTR'], ...l }, { given: ['PIOTR'], ...r })).toBe(want);
  });
});

describe('occasion levels (an ACRO request on an arrest, 001 §4.31)', () => {
  const arrest = { kind: 'ARREST', force: 'WYP', at: '2016-11-30T19:41:00Z' } as const;
  const request = (force: string, at: string) => ({ kind: 'ACRO_REQUEST', force, at }) as const;
  it.each([
    [arrest, request('WYP', '2016-12-03T08:41:00Z'), 'ACRO request by the arresting force within a week of the arrest'],
    [arrest, request('WYP', '2016-11-30T09:00:00Z'), 'ACRO request by the arresting force within a week of the arrest'],
    [arrest, request('WYP', '2016-12-07T19:41:00Z'), 'ACRO request by the arresting force within a week of the arrest'],
    [arrest, request('WYP', '2016-12-07T19:41:01Z'), 'all other comparisons (disagree)'],
    [arrest, request('WYP', '2016-11-29T19:00:00Z'), 'all other comparisons (disagree)'],
    [arrest, request('MPS', '2016-12-01T10:00:00Z'), 'all other comparisons (disagree)'],
    [arrest, { ...arrest, at: '2016-12-01T10:00:00Z' }, 'not an arrest and an ACRO request'],
    [arrest, null, 'not an arrest and an ACRO request'],
  ] as const)('%o vs %o -> %s', (l, r, want) => {
    expect(labelOf('occasion', { occasion: l }, { occasion: r })).toBe(want);
    expect(labelOf('occasion', { occasion: r }, { occasion: l })).toBe(want);
  });

  it('ignores an occasion whose time cannot be read', () => {
    expect(labelOf('occasion', { occasion: { ...arrest, at: 'yesterday' } }, { occasion: request('WYP', '2016-12-01T10:00:00Z') })).toBe('not an arrest and an ACRO request');
  });
});

describe('pncOnArrest levels (an arrest creates the PNC record, or the check on arrest finds it)', () => {
  const arrest = (ids: FragmentSpec['ids'] = {}) => ({ ref: 'custody:MPS/ZD/14/000001', ids, occasion: { kind: 'ARREST', force: 'MPS', at: '2014-05-01T10:00:00Z' } }) as const;
  const pnc = (id: string) => ({ ref: `pnc:${id}`, ids: { PNC_ID: id } });
  it.each([
    [arrest(), pnc('2014/0123456D'), 'arrested without a PNC id the year the PNC record was created'],
    [arrest(), pnc('2010/0123456T'), 'arrested without a PNC id after the PNC record was created'],
    [arrest(), pnc('2015/0123457V'), 'all other comparisons (disagree)'],
    // The custody record carries a PNC id (valid, or failing its check letter): the identifiers say it.
    [arrest({ PNC_ID: '2014/0123456D' }), pnc('2010/0123456T'), 'not an arrest without a PNC id against a PNC record'],
    [arrest({ PNC_ID: '2014/0123456A' }), pnc('2010/0123456T'), 'not an arrest without a PNC id against a PNC record'],
    [arrest(), { ref: 'cid:10000001/3000001' }, 'not an arrest without a PNC id against a PNC record'],
  ] as const)('%o vs %o -> %s', (l, r, want) => {
    expect(labelOf('pncOnArrest', l, r)).toBe(want);
    expect(labelOf('pncOnArrest', r, l)).toBe(want);
  });
});

describe('givenName levels', () => {
  it.each([
    [[], ['ALI'], 'missing on one or both records'],
    [['ALI'], ['ALI'], 'exact match of forename'],
    [['MUHAMMAD'], ['MOHAMED'], 'forename is a spelling variant'],
    [['JOHN', 'PAUL'], ['PAUL', 'JOHN'], 'given names in a different order'],
    [['KATARZYNA'], ['KATARZYMA'], 'forename similar (Jaro-Winkler >= 0.92)'],
    [['MARTA'], ['MARIA'], 'forename similar (Jaro-Winkler >= 0.8)'],
    [['ALI'], ['PIOTR'], 'all other comparisons (disagree)'],
  ] as const)('%o vs %o -> %s', (l, r, want) => {
    expect(labelOf('givenName', { given: l, family: 'NOWAK' }, { given: r, family: 'NOWAK' })).toBe(want);
  });
});

describe('dateOfBirth levels', () => {
  it.each([
    [null, '1985-03-14', 'missing on one or both records'],
    ['1985-03-14', '1985-03-14', 'exact match'],
    ['1985-03-04', '1985-04-03', 'day and month swapped'],
    ['1985-03-14', '1985-03-15', 'one part off by one or ten'],
    ['1985-03-14', '1985-03-24', 'one part off by one or ten'],
    ['1985-03-14', '1995-03-14', 'one part off by one or ten'],
    ['1989-03-14', '1990-03-14', 'one part off by one or ten'],
    ['1985-03-14', '1985-04-14', 'one part off by one or ten'],
    ['1985-03-14', '1985-03-17', 'one digit off'],
    ['1985-03-14', '1988-03-14', 'one digit off'],
    ['1985-03-14', '1985-08-14', 'one digit off'],
    ['1985-03-14', '1985-11-02', 'same year of birth'],
    ['1985-03-14', '1971-07-30', 'all other comparisons (disagree)'],
  ] as const)('%s vs %s -> %s', (l, r, want) => expect(labelOf('dateOfBirth', { dob: l }, { dob: r })).toBe(want));
  it('treats an unparseable date as missing', () => expect(labelOf('dateOfBirth', { dob: '14/03/1985' }, {})).toBe('missing on one or both records'));
});

describe('gender, nationality and place of birth levels', () => {
  it.each([
    ['gender', { gender: null }, {}, 'missing on one or both records'],
    ['gender', {}, {}, 'exact match'],
    ['gender', { gender: 'F' }, {}, 'all other comparisons (disagree)'],
    ['nationality', { nationality: null }, {}, 'missing on one or both records'],
    ['nationality', {}, { nationality: 'pak' }, 'exact match'],
    ['nationality', { nationality: 'GBR' }, {}, 'one record says British or EEA (often a false claim)'],
    ['nationality', { nationality: 'POL' }, {}, 'one record says British or EEA (often a false claim)'],
    ['nationality', { nationality: 'IND' }, {}, 'all other comparisons (disagree)'],
    ['placeOfBirth', { place: null }, {}, 'missing on one or both records'],
    ['placeOfBirth', { place: 'Lahore' }, {}, 'exact match'],
    ['placeOfBirth', { place: 'LAHOR' }, {}, 'similar spelling (Jaro-Winkler >= 0.88)'],
    ['placeOfBirth', { place: 'KARACHI' }, {}, 'all other comparisons (disagree)'],
  ] as const)('%s: %o vs %o -> %s', (name, l, r, want) => expect(labelOf(name, l as FragmentSpec, r as FragmentSpec)).toBe(want));
});

describe('identifiers levels', () => {
  it.each([
    [{}, {}, 'no identifier of the same kind on both records'],
    [{ HO_REF: 'B1234567' }, { FINGERPRINT: 'IA000000001' }, 'no identifier of the same kind on both records'],
    [{ HO_REF: 'B1234567' }, { HO_REF: 'b1234567' }, 'an identifier is shared'],
    [{ HO_REF: 'B1234567' }, { HO_REF: 'B1234568' }, 'a personal identifier is one character off'],
    [{ HO_REF: 'B1234567' }, { HO_REF: 'B7654321' }, 'personal identifiers conflict'],
    [{ CID_PERSON: '3000001' }, { CID_PERSON: '3000999' }, 'all other comparisons (disagree)'],
  ] as const)('%o vs %o -> %s', (l, r, want) => expect(labelOf('identifiers', { ids: l }, { ids: r })).toBe(want));
});

describe('name alignment', () => {
  it('finds a given/family swap', () => {
    const v = comparePair(record({ given: ['ALI'], family: 'HASSAN' }, 0), record({ given: ['HASSAN'], family: 'ALI' }, 1));
    expect(v.swapped).toBe(true);
    expect(v.levels.slice(0, 2)).toEqual([1, 1]);
  });
  it('matches through an alias on either side', () => {
    const a = record({ given: ['JOHN'], family: 'OKAFOR', aliases: [{ given: ['EMEKA'], family: 'OBI' }] }, 0);
    const b = record({ given: ['EMEKA'], family: 'OBI' }, 1);
    const v = comparePair(b, a);
    expect(v.viaAlias).toBe(true);
    expect(v.levels.slice(0, 2)).toEqual([1, 1]);
  });
  it('copes with records without a usable name', () => {
    const a = record({ given: [], family: '' }, 0);
    expect(a.names).toEqual([]);
    expect(alignNames(a, record({}, 1)).left).toBeNull();
    expect(swapForm(record({ given: [], family: 'X' }).names[0]!)).toBeNull();
  });
});

describe('comparison()', () => {
  it('refuses a comparison without an else level or with one level', () => {
    expect(() => comparison('x', (s: string) => s, [nullLevel()])).toThrow(/at least two levels/);
    expect(() => comparison('x', (s: string | null) => s, [nullLevel(), exactLevel()])).toThrow(/elseLevel/);
  });
  it('reports the term for term-frequency levels', () => {
    const c = comparison('x', (s: string | null) => s, [nullLevel(), exactLevel({ tf: true }), elseLevel()]);
    expect(c.compare('A', 'A')).toEqual({ level: 1, tfTerm: 'A' });
    expect(c.compare('A', 'B')).toEqual({ level: 2, tfTerm: null });
  });
});

/** Pure composition of the person view: identity selection, identifiers, conflicts, timeline filter. */
import { describe, expect, it } from 'vitest';
import type { CidCase } from '../domain/cid.js';
import type { IdentityFragment, SourceRef } from '../domain/common.js';
import type { PathfinderRow } from '../domain/pathfinder.js';
import { identityConflicts, pathfinderConflicts } from './dataQuality.js';
import { aliasesOf, bestIdentity, identifiersOf } from './identity.js';
import { filterTimeline, type TimelineEvent } from './timeline.js';

function fragment(ref: SourceRef, over: Partial<IdentityFragment> = {}): IdentityFragment {
  return {
    ref, name: { given: ['ASIF'], family: 'RAHMAN', original: 'Asif RAHMAN' }, aliases: [], dateOfBirth: '1986-03-11', gender: 'M',
    nationality: 'PAK', placeOfBirth: null, identifiers: [], recordedAt: null, ...over,
  };
}

const cid1: SourceRef = { source: 'cid', key: 'C1/P1' };
const cid2: SourceRef = { source: 'cid', key: 'C2/P1' };
const custody: SourceRef = { source: 'custody', key: 'MPS/AB/1' };
const pf: SourceRef = { source: 'pathfinder', key: 'daily#3' };

describe('bestIdentity', () => {
  it('weighs sources: two CID copies beat a custody declaration and a spreadsheet', () => {
    const id = bestIdentity([
      fragment(cid1), fragment(cid2),
      fragment(custody, { nationality: 'GBR', dateOfBirth: '1986-11-03' }),
      fragment(pf, { dateOfBirth: '1986-11-03' }),
    ]);
    expect(id).toMatchObject({ nationality: 'PAK', dateOfBirth: '1986-03-11', hasDisagreements: true });
    const dob = id.attributes.find((a) => a.attribute === 'DATE_OF_BIRTH')!;
    expect(dob.sources).toEqual([cid1, cid2]);
    expect(dob.alternatives).toEqual([{ value: '1986-11-03', sources: [custody, pf] }]);
  });

  it('a self-declared nationality never outweighs a Home Office record', () => {
    const id = bestIdentity([fragment(cid1), fragment(custody, { nationality: 'GBR' }), fragment({ source: 'custody', key: 'MPS/AB/2' }, { nationality: 'GBR' })]);
    expect(id.nationality).toBe('PAK');
  });

  it('no fragments: nothing known, no disagreement', () => {
    expect(bestIdentity([])).toMatchObject({ name: null, dateOfBirth: null, hasDisagreements: false });
  });
});

describe('aliases and identifiers', () => {
  it('lists other names once each with their records, and identifiers grouped case-insensitively', () => {
    const fs = [
      fragment(cid1, { identifiers: [{ kind: 'PNC_ID', value: '2013/0010004W' }], aliases: [{ given: ['ASIF'], family: 'REHMAN', original: 'REHMAN Asif' }] }),
      fragment(custody, { name: { given: ['ASIF'], family: 'REHMAN', original: 'REHMAN' }, identifiers: [{ kind: 'PNC_ID', value: '2013/0010004w ' }] }),
    ];
    const best = bestIdentity(fs).name;
    expect(aliasesOf(fs, best)).toEqual([{ name: { given: ['ASIF'], family: 'REHMAN', original: 'REHMAN Asif' }, sources: [cid1, custody] }]);
    expect(identifiersOf(fs)).toEqual([{ kind: 'PNC_ID', value: '2013/0010004W', sources: [cid1, custody] }]);
  });
});

describe('conflicts', () => {
  const kase = {
    ref: { source: 'cid', key: 'C9' }, caseId: 'C9', type: 'CRIMINAL', typeCode: 'CRIM', status: 'OPEN', statusCode: 'LIVE', openedOn: '2015-01-01', closedOn: null,
    owner: { label: 'CRIMINAL CASEWORK LIVERPOOL', unit: 'CRIMINAL CASEWORK LIVERPOOL', ownershipUnclear: null }, caseworker: 'J. Whitfield',
    criminal: { band: 2 } as CidCase['criminal'], personKeys: [], issues: [],
  } as CidCase;
  const row = (over: Partial<PathfinderRow>): PathfinderRow => ({
    ref: { source: 'pathfinder', key: 'liverpool#5' }, workbook: 'liverpool', sheet: 'Cases', rowNumber: 5, caseId: 'C9', caseIdRaw: 'C9', cidPersonId: null, hoRef: null,
    name: null, dateOfBirth: null, gender: null, nationality: null, importedOn: null, addedOn: null, caseStatus: null, ownerUnit: null, band: 2, mappa: null,
    removable: null, barriers: [], barriersRaw: null, barriersResolved: null, allocatedOwner: 'J. Whitfield', diary: [], comments: null, cells: [], issues: [], ...over,
  });

  it.each([
    ['agreeing row', row({}), []],
    ['other band', row({ band: 4 }), ['band']],
    ['other owner', row({ allocatedOwner: 'P. Okafor' }), ['case owner']],
    ['barrier CID does not hold', row({ barriers: ['JUDICIAL_REVIEW'], barriersRaw: 'JR lodged' }), ['barriers']],
    ['no travel document cannot be checked against CID', row({ barriers: ['NO_TRAVEL_DOCUMENT'] }), []],
  ] as const)('%s', (_name, r, fields) => {
    const out = pathfinderConflicts({ cidCases: [kase], pathfinder: [r] });
    expect(out.map((i) => i.field)).toEqual(fields);
    for (const i of out) expect(i.refs).toEqual([r.ref, kase.ref]);
  });

  it('a master spreadsheet against the daily import', () => {
    const daily = row({ ref: { source: 'pathfinder', key: 'daily#2' }, workbook: 'daily', band: 2, allocatedOwner: null });
    const master = row({ band: 3, allocatedOwner: null });
    const out = pathfinderConflicts({ cidCases: [], pathfinder: [daily, master] });
    expect(out).toHaveLength(1);
    expect(out[0]!.refs).toEqual([master.ref, daily.ref]);
  });

  it('identity conflicts name the records holding each value', () => {
    const out = identityConflicts(bestIdentity([fragment(cid1), fragment(custody, { nationality: 'GBR' })]));
    expect(out).toEqual([expect.objectContaining({ kind: 'IDENTITY_CONFLICT', field: 'nationality', rawValue: 'GBR', refs: [custody, cid1] })]);
  });
});

describe('filterTimeline', () => {
  const e = (at: string, kind: TimelineEvent['kind']): TimelineEvent => ({ at, kind, dateOnly: false, summary: '', record: cid1, dataClass: 'CID_CASEWORK' });
  const events = [e('2013-07-16T10:00:00Z', 'ARREST'), e('2014-05-01T00:00:00Z', 'DECISION'), e('2015-11-06T10:00:00Z', 'ARREST')];
  it.each([
    [{}, 3],
    [{ kinds: ['ARREST'] as const }, 2],
    [{ from: '2014-05-01T00:00:00Z' }, 2],
    [{ to: '2014-05-01T00:00:00Z' }, 1],
    [{ kinds: ['ARREST'] as const, from: '2014-01-01T00:00:00Z', to: '2016-01-01T00:00:00Z' }, 1],
  ])('%o → %i events', (filter, n) => {
    expect(filterTimeline(events, filter)).toHaveLength(n);
  });
});

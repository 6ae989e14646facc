/**
 * The Person Centric View over the whole gateway (issue 5), on a generated estate with the showcase
 * persons TP0000001..TP0000008 (mocks/estate/showcase.ts). Each showcase person is found through
 * the estate's truth/records.tsv (which records belong to them) and then resolved the way a client
 * would: `personBySourceKey` with one of those records' keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../mocks/estate/generate.js';
import type { SourceName } from '../../src/domain/common.js';
import { CASEWORKER, createPersonHarness, type Asker, type PersonHarness } from './harness.js';

/** A JOC immigration officer (London) checking status: CID, MPS custody, PNC and ACRO in one view. */
const JOC_IO: Asker = { identity: 'joc-io', purpose: 'STATUS_CHECK' };

let h: PersonHarness;
let today: string;

beforeAll(async () => {
  // 50 aliased lookups in one operation (the batching test): an operator may raise the alias and cost limits.
  h = await createPersonHarness({ env: { MAX_ALIASES: '60', MAX_COST: '100000' } });
  today = readManifest(h.estateDir).today;
}, 300_000);

afterAll(async () => {
  await h?.close();
});

function truthOf(truePersonId: string) {
  return h.truthRecords().filter((r) => r.truePersonId === truePersonId);
}

/** The gateway person id of a showcase person, resolved from one of their records (CID first). */
async function personIdOf(truePersonId: string, prefer: readonly SourceName[] = ['cid', 'pnc', 'custody', 'acro', 'pathfinder']): Promise<string> {
  const records = truthOf(truePersonId);
  const rec = prefer.map((s) => records.find((r) => r.source === s)).find((r) => r !== undefined);
  if (!rec) throw new Error(`no record of ${truePersonId} in truth/records.tsv`);
  const res = await h.request('query($s: SourceName!, $k: String!) { personBySourceKey(source: $s, key: $k) { id } }', { s: rec.source, k: rec.key });
  expect(res.errors).toEqual([]);
  const p = res.data?.personBySourceKey as { id: string } | null;
  if (!p) throw new Error(`personBySourceKey(${rec.source}, ${rec.key}) found nobody`);
  return p.id;
}

interface AssessmentOut {
  kind: string;
  applies: boolean;
  value: string;
  reasons: string[];
  evidence: { source: string; key: string }[];
  guidance: string;
}

async function assessments(personId: string, as: Asker = CASEWORKER): Promise<Map<string, AssessmentOut>> {
  const res = await h.request(
    'query($id: ID!, $asOf: Date) { person(id: $id) { assessments(asOf: $asOf) { kind applies value reasons evidence { source key } guidance } } }',
    { id: personId, asOf: today },
    as,
  );
  expect(res.errors).toEqual([]);
  const list = (res.data?.person as { assessments: AssessmentOut[] }).assessments;
  return new Map(list.map((a) => [a.kind, a]));
}

describe('showcase persons', () => {
  it('TP0000001 (001 Figure 1): one response holds records from every source that holds them', async () => {
    const id = await personIdOf('TP0000001', ['pnc']);
    const holding = [...new Set(truthOf('TP0000001').map((r) => r.source))].sort();
    const res = await h.request(
      `query($id: ID!) { person(id: $id) {
        id identity { name { original } dateOfBirth nationality }
        linkedRecords { record { source key } rule }
        cidCases { caseId type } custodyEpisodes { ref { key } force } pncRecords { pncId }
        acroRequests { reference } pathfinderRows { ref { key } }
        timeline { kind record { source key } }
        sources { source answered recordsRead }
      } }`,
      { id },
      JOC_IO,
    );
    expect(res.errors).toEqual([]);
    const p = res.data?.person as {
      identity: { dateOfBirth: string; nationality: string };
      linkedRecords: { record: { source: string; key: string } }[];
      cidCases: unknown[]; custodyEpisodes: unknown[]; pncRecords: unknown[]; acroRequests: unknown[]; pathfinderRows: unknown[];
      timeline: { kind: string; record: { source: string } }[];
      sources: { source: string; answered: boolean; recordsRead: number }[];
    };
    expect(p.identity).toMatchObject({ dateOfBirth: '1986-03-11', nationality: 'PAK' });
    const counts: Record<string, number> = {
      cid: p.cidCases.length, custody: p.custodyEpisodes.length, pnc: p.pncRecords.length, acro: p.acroRequests.length, pathfinder: p.pathfinderRows.length,
    };
    for (const source of holding) expect(counts[source], `records from ${source}`).toBeGreaterThan(0);
    expect(holding.length).toBeGreaterThanOrEqual(4);
    // Every truth record of the person is linked to this one gateway person.
    const linked = new Set(p.linkedRecords.map((l) => `${l.record.source}:${l.record.key}`));
    const truth = truthOf('TP0000001').filter((r) => r.source !== 'cid').map((r) => `${r.source}:${r.key}`);
    expect(truth.filter((t) => !linked.has(t))).toEqual([]);
    // The timeline merges the sources: arrests, status checks, convictions, cases, ACRO checks.
    const kinds = new Set(p.timeline.map((e) => e.kind));
    for (const k of ['ARREST', 'STATUS_CHECK', 'CONVICTION', 'CIRCULATION', 'CASE_OPENED', 'DECISION', 'ACRO_CHECK', 'ETD_STEP']) expect(kinds, k).toContain(k);
    expect(new Set(p.timeline.map((e) => e.record.source))).toEqual(new Set(holding));
    expect(p.sources.filter((s) => (holding as string[]).includes(s.source)).every((s) => s.answered && s.recordsRead > 0)).toBe(true);
  });

  it('TP0000001: all case notes from all cases in one list, newest first, each citing its case', async () => {
    const id = await personIdOf('TP0000001', ['pnc']);
    const res = await h.request('query($id: ID!) { person(id: $id) { cidCases { caseId notes { noteId } } caseNotes { case { source key } caseType note { noteId writtenAt } } } }', { id });
    expect(res.errors).toEqual([]);
    const p = res.data?.person as { cidCases: { caseId: string; notes: { noteId: string }[] }[]; caseNotes: { case: { source: string; key: string }; note: { noteId: string; writtenAt: string } }[] };
    const perCase = p.cidCases.flatMap((c) => c.notes.map((n) => `${c.caseId}|${n.noteId}`)).sort();
    expect(p.caseNotes.map((n) => `${n.case.key}|${n.note.noteId}`).sort()).toEqual(perCase);
    expect(new Set(p.caseNotes.map((n) => n.case.key)).size).toBeGreaterThan(1);
    const times = p.caseNotes.map((n) => n.note.writtenAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('TP0000002: a first no-show makes absconder action due (act on the first failure, 004 §7.22–7.30)', async () => {
    const a = await assessments(await personIdOf('TP0000002'));
    const absconder = a.get('ABSCONDER_ACTION_DUE')!;
    expect(absconder.applies).toBe(true);
    expect(absconder.value).not.toBe('NONE');
    expect(absconder.guidance).toContain('7.2');
    expect(absconder.evidence.some((r) => r.source === 'cid')).toBe(true);
  });

  it('TP0000003: High Harm from PNC convictions alone (prolific burglar/robber)', async () => {
    const id = await personIdOf('TP0000003', ['pnc']);
    const a = await assessments(id);
    const hh = a.get('NEXUS_HIGH_HARM')!;
    expect(hh).toMatchObject({ applies: true, value: 'HIGH_HARM' });
    expect(hh.evidence.every((r) => r.source === 'pnc')).toBe(true);
    // A reporting-centre officer may not see PNC: the flag is not derived from what they cannot see.
    const rom = await h.request('query($id: ID!) { person(id: $id) { assessments { kind applies } } }', { id }, { identity: 'rom-croydon', purpose: 'REPORTING' });
    const romHh = ((rom.data?.person as { assessments: { kind: string; applies: boolean }[] } | null)?.assessments ?? []).find((x) => x.kind === 'NEXUS_HIGH_HARM');
    expect(romHh?.applies ?? false).toBe(false);
  });

  it('TP0000004: band 1 (MAPPA level 2, long sentence), owned by CC Liverpool', async () => {
    const a = await assessments(await personIdOf('TP0000004'));
    const band = a.get('NON_DETAINED_BAND')!;
    expect(band).toMatchObject({ applies: true, value: 'BAND_1' });
    expect(band.reasons.join(' ')).toContain('Liverpool');
    expect(a.get('BARRIERS_TO_REMOVAL')!.applies).toBe(true);
  });

  it('TP0000005: ownership unclear (NOT IN USE), flagged in ownership and data quality', async () => {
    const id = await personIdOf('TP0000005');
    const res = await h.request(
      'query($id: ID!) { person(id: $id) { ownership { unclear owningUnit cases { case { key } ownerUnitAsHeld ownershipUnclear } } dataQuality { kind records { source key } message } } }',
      { id },
    );
    expect(res.errors).toEqual([]);
    const p = res.data?.person as { ownership: { unclear: boolean; cases: { ownershipUnclear: string | null; ownerUnitAsHeld: string | null }[] }; dataQuality: { kind: string; records: { source: string }[] }[] };
    expect(p.ownership.unclear).toBe(true);
    expect(p.ownership.cases.some((c) => c.ownershipUnclear === 'NOT_IN_USE')).toBe(true);
    expect(p.dataQuality.some((d) => d.kind === 'OWNERSHIP_UNCLEAR' && d.records[0]?.source === 'cid')).toBe(true);
  });

  it('TP0000006: CID vs Pathfinder / master-spreadsheet conflicts name both records', async () => {
    const id = await personIdOf('TP0000006');
    const res = await h.request('query($id: ID!) { person(id: $id) { pathfinderRows { ref { key } workbook band } dataQuality { kind field records { source key } message } } }', { id });
    expect(res.errors).toEqual([]);
    const p = res.data?.person as { pathfinderRows: { ref: { key: string } }[]; dataQuality: { kind: string; field: string; records: { source: string; key: string }[]; message: string }[] };
    expect(p.pathfinderRows.length).toBeGreaterThan(0);
    const conflicts = p.dataQuality.filter((d) => d.kind === 'SOURCE_CONFLICT');
    expect(conflicts.length).toBeGreaterThan(0);
    // Each names the spreadsheet row first (where to fix it), then CID's case or the daily import row.
    for (const c of conflicts) {
      expect(c.records[0]?.source).toBe('pathfinder');
      expect(['cid', 'pathfinder']).toContain(c.records[1]?.source);
    }
    expect(conflicts.some((c) => c.records[1]?.source === 'cid')).toBe(true);
    expect(new Set(conflicts.map((c) => c.field))).toContain('band');
  });

  it('TP0000007: self-declared British in MPS custody with an IDENT1 fingerprint hit', async () => {
    const id = await personIdOf('TP0000007', ['custody']);
    const res = await h.request(
      `query($id: ID!) { person(id: $id) {
        identity { nationality attributes { attribute value alternatives { value sources { source } } } }
        custodyEpisodes { force declaredNationality claimsBritishOrEea fingerprintHit homeOfficeFingerprintRef inCustody statusCheck { requested } }
        identifiers { kind value sources { source } }
        dataQuality { kind field rawValue }
      } }`,
      { id },
      JOC_IO,
    );
    expect(res.errors).toEqual([]);
    const p = res.data?.person as {
      identity: { nationality: string; attributes: { attribute: string; alternatives: { value: string; sources: { source: string }[] }[] }[] };
      custodyEpisodes: { force: string; declaredNationality: string; claimsBritishOrEea: boolean; fingerprintHit: boolean; homeOfficeFingerprintRef: string | null; inCustody: boolean; statusCheck: { requested: boolean } }[];
      identifiers: { kind: string; value: string; sources: { source: string }[] }[];
      dataQuality: { kind: string; field: string; rawValue: string | null }[];
    };
    const ep = p.custodyEpisodes.find((e) => e.claimsBritishOrEea && e.fingerprintHit)!;
    expect(ep).toMatchObject({ force: 'MPS', declaredNationality: 'GBR', inCustody: true, statusCheck: { requested: false } });
    // The claim does not win: the best nationality is the Home Office's, and the claim shows as a disagreement.
    expect(p.identity.nationality).not.toBe('GBR');
    const nat = p.identity.attributes.find((a) => a.attribute === 'NATIONALITY')!;
    expect(nat.alternatives.some((a) => a.value === 'GBR' && a.sources.some((s) => s.source === 'custody'))).toBe(true);
    expect(p.dataQuality.some((d) => d.kind === 'IDENTITY_CONFLICT' && d.field === 'nationality' && d.rawValue === 'GBR')).toBe(true);
    // The fingerprint links custody to the Home Office record.
    const fp = p.identifiers.find((i) => i.kind === 'FINGERPRINT' && i.value === ep.homeOfficeFingerprintRef);
    expect(fp?.sources.map((s) => s.source).sort()).toEqual(expect.arrayContaining(['cid', 'custody']));
  });
  it('TP0000008: a police-instigated ACRO check below HOSOL leaves no trace for Home Office staff (no side doors)', async () => {
    const id = await personIdOf('TP0000008', ['acro']);
    const police = await h.request('query($id: ID!) { person(id: $id) { acroRequests { reference instigator { kind force } results { hosol } } } }', { id }, { identity: 'sergeant-mps', purpose: 'POLICING' });
    // Police may not use the Home Office's checks (restriction 2): those items are null with FORBIDDEN.
    expect(police.errors.every((e) => e.extensions.code === 'FORBIDDEN')).toBe(true);
    type Check = { reference: string; instigator: { kind: string; force: string | null }; results: { hosol: boolean }[] };
    const all = (police.data?.person as { acroRequests: (Check | null)[] }).acroRequests.filter((r): r is Check => r !== null);
    const hidden = all.filter((r) => r.instigator.kind === 'POLICE' && r.instigator.force === 'MPS' && r.results.every((x) => !x.hosol)).map((r) => r.reference);
    expect(hidden.length).toBeGreaterThan(0);
    const res = await h.request(
      `query($id: ID!) { person(id: $id) { acroRequests { reference } linkedRecords { record { key } } identifiers { value }
        timeline { summary record { key } } sources { source linkedRecords recordsRead } } }`,
      { id },
    );
    expect(res.errors).toEqual([]);
    const text = JSON.stringify(res.data);
    for (const ref of hidden) expect(text).not.toContain(ref);
    const acro = (res.data?.person as { sources: { source: string; linkedRecords: number; recordsRead: number }[] }).sources.find((s) => s.source === 'acro')!;
    const linkedAcro = truthOf('TP0000008').filter((r) => r.source === 'acro').length;
    const shown = (res.data?.person as { acroRequests: unknown[] }).acroRequests.length;
    expect(acro.linkedRecords).toBe(shown);
    expect(acro.recordsRead).toBe(shown);
    expect(shown).toBeLessThanOrEqual(linkedAcro - hidden.length);
    for (const ref of hidden) {
      const search = await h.request('query($v: String!) { searchPersons(query: { identifier: $v }) { hits { person { id } } } }', { v: ref });
      expect((search.data?.searchPersons as { hits: unknown[] }).hits).toEqual([]);
      const lookup = await h.request('query($k: String!) { personBySourceKey(source: acro, key: $k) { acroRequests { reference } } }', { k: ref });
      expect(JSON.stringify(lookup.data)).not.toContain(ref);
    }
  });
});

describe('how the view reads the sources', () => {
  it('asking for identity only reads no source (not PNC, not CID)', async () => {
    const id = await personIdOf('TP0000003', ['pnc']);
    const res = await h.request('query($id: ID!) { person(id: $id) { id identity { name { original } dateOfBirth nationality gender } aliases { name { original } } identifiers { kind value } } }', { id });
    expect(res.errors).toEqual([]);
    expect(res.sourceCalls).toEqual({});
    const withPnc = await h.request('query($id: ID!) { person(id: $id) { pncRecords { pncId } } }', { id });
    expect(withPnc.sourceCalls.pnc?.calls).toBe(1);
    expect(Object.keys(withPnc.sourceCalls)).toEqual(['pnc']);
  });

  it('50 persons with nested sources: at most one call per loader per source, as for one person', async () => {
    const rows = await h.store.loadPersons();
    const ids = rows.filter((r) => r.status === 'ACTIVE' && r.recordCount >= 2).slice(0, 50).map((r) => r.personId);
    expect(ids.length).toBe(50);
    // Fields a JOC immigration officer checking status may see (the pre-execution policy check
    // refuses a whole operation that selects a class the role and purpose are not granted).
    const fields = `id identity { name { original } }
      cidCases { caseId persons { cidPersonId } etdApplications { etdId } }
      custodyEpisodes { ref { key } } pncRecords { pncId } acroRequests { reference }
      pathfinderRows { ref { key } } travelDocuments { etdId } ownership { unclear }`;
    // One fragment, 50 aliased lookups (keeps the operation under the gateway's token limit).
    const query = (list: readonly string[]) => `{ ${list.map((id, i) => `p${i}: person(id: "${id}") { ...F }`).join(' ')} } fragment F on Person { ${fields} }`;
    const many = await h.request(query(ids), {}, JOC_IO);
    expect(many.errors.filter((e) => e.extensions.code !== 'FORBIDDEN')).toEqual([]);
    expect(Object.values(many.data ?? {}).filter((p) => p !== null)).toHaveLength(50);
    const one = await h.request(query(ids.slice(0, 1)), {}, JOC_IO);
    // Loaders per source the query can use: CID cases, persons on case, ETDs; custody episodes;
    // PNC records; ACRO requests; Pathfinder rows by key and by case id.
    const bound: Partial<Record<SourceName, number>> = { cid: 3, custody: 1, pnc: 1, acro: 1, pathfinder: 2 };
    for (const [source, stats] of Object.entries(many.sourceCalls)) {
      expect(stats!.calls, source).toBeLessThanOrEqual(bound[source as SourceName] ?? 0);
      expect(stats!.calls, source).toBeLessThanOrEqual(Math.max(one.sourceCalls[source as SourceName]?.calls ?? 0, bound[source as SourceName] ?? 0));
    }
    expect(many.sourceCalls.cid!.keys).toBeGreaterThan(50);
  });

  it('PNC down: the rest of the view answers, and an error names pnc and what is missing', async () => {
    const id = await personIdOf('TP0000003', ['pnc']);
    h.mocks.faults.set('pnc', { errorEvery: 1 });
    try {
      const res = await h.request(
        'query($id: ID!, $asOf: Date) { person(id: $id) { id identity { dateOfBirth } cidCases { caseId } pncRecords { pncId } assessments(asOf: $asOf) { kind reasons } sources { source answered error missing } } }',
        { id, asOf: today },
      );
      const p = res.data?.person as { id: string; identity: { dateOfBirth: string }; cidCases: unknown[]; pncRecords: unknown; assessments: { kind: string; reasons: string[] }[]; sources: { source: string; answered: boolean; error: string | null; missing: string[] }[] };
      expect(p.id).toBe(id);
      expect(p.identity.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.cidCases.length).toBeGreaterThan(0);
      expect(p.pncRecords).toBeNull();
      const err = res.errors.find((e) => e.path?.join('.') === 'person.pncRecords');
      expect(err?.extensions.source).toBe('pnc');
      expect(err?.extensions.code).toMatch(/^SOURCE_/);
      expect(err?.message).toContain('PNC convictions and circulations');
      const pnc = p.sources.find((s) => s.source === 'pnc')!;
      expect(pnc).toMatchObject({ answered: false, missing: ['PNC convictions and circulations'] });
      expect(p.sources.find((s) => s.source === 'cid')!.answered).toBe(true);
      expect(p.assessments.find((a) => a.kind === 'NEXUS_HIGH_HARM')!.reasons.join(' ')).toContain('pnc could not be read');
    } finally {
      h.mocks.faults.reset();
    }
  });
});

describe('lookups and search', () => {
  it('personBySourceKey: unknown record is null; the same person from each of their records', async () => {
    const none = await h.request('{ personBySourceKey(source: pnc, key: "1999/9999999Z") { id } }');
    expect(none.errors).toEqual([]);
    expect(none.data?.personBySourceKey).toBeNull();
    const id = await personIdOf('TP0000001', ['pnc']);
    for (const source of ['custody', 'acro'] as const) {
      const rec = truthOf('TP0000001').find((r) => r.source === source)!;
      const res = await h.request('query($s: SourceName!, $k: String!) { personBySourceKey(source: $s, key: $k) { id } }', { s: source, k: rec.key });
      expect((res.data?.personBySourceKey as { id: string }).id).toBe(id);
    }
  });

  it('searchPersons by name variant and date of birth, and by identifier, with reasons; pages', async () => {
    const id = await personIdOf('TP0000001', ['pnc']);
    const byName = await h.request('{ searchPersons(query: { familyName: "REHMAN", givenNames: ["MUHAMMAD"], dateOfBirth: "1986-03-11" }) { hits { person { id } score reasons matchedRecord { source } } hasNextPage } }');
    expect(byName.errors).toEqual([]);
    const hits = (byName.data?.searchPersons as { hits: { person: { id: string }; reasons: string[] }[] }).hits;
    expect(hits[0]?.person.id).toBe(id);
    expect(hits[0]?.reasons.length).toBeGreaterThan(0);
    const pncId = truthOf('TP0000001').find((r) => r.source === 'pnc')!.key;
    const byId = await h.request('query($v: String!) { searchPersons(query: { identifier: $v }) { hits { person { id } score probability reasons } } }', { v: pncId });
    expect(byId.errors).toEqual([]);
    const idHits = (byId.data?.searchPersons as { hits: { person: { id: string }; probability: number; reasons: string[] }[] }).hits;
    expect(idHits.map((x) => x.person.id)).toEqual([id]);
    expect(idHits[0]!.reasons.join(' ')).toContain(pncId);
    const page = await h.request('{ searchPersons(query: { familyName: "KHAN" }, first: 1) { hits { person { id } } hasNextPage nextCursor } }');
    const first = page.data?.searchPersons as { hits: unknown[]; hasNextPage: boolean; nextCursor: string | null };
    expect(first.hits.length).toBeLessThanOrEqual(1);
    if (first.hasNextPage) {
      const next = await h.request('query($c: String) { searchPersons(query: { familyName: "KHAN" }, first: 1, after: $c) { hits { person { id } } } }', { c: first.nextCursor });
      expect(next.errors).toEqual([]);
    }
    const tooMany = await h.request('{ searchPersons(query: { familyName: "KHAN" }, first: 51) { hasNextPage } }');
    expect(tooMany.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a police officer outside the JOC is refused CID casework, with the rule and a reason; PNC still answers', async () => {
    const id = await personIdOf('TP0000001', ['pnc']);
    const sergeant: Asker = { identity: 'sergeant-mps', purpose: 'POLICING' };
    const refused = await h.request('query($id: ID!) { person(id: $id) { id cidCases { caseId } } }', { id }, sergeant);
    expect(refused.errors.length).toBeGreaterThan(0);
    expect(refused.errors.every((e) => e.extensions.code === 'FORBIDDEN')).toBe(true);
    expect(JSON.stringify(refused.errors)).toContain('cidCases');
    expect(JSON.stringify(refused.data ?? {})).not.toContain('caseId');
    const allowed = await h.request('query($id: ID!) { person(id: $id) { id pncRecords { pncId } custodyEpisodes { force } } }', { id }, sergeant);
    expect(allowed.errors).toEqual([]);
    const p = allowed.data?.person as { pncRecords: unknown[]; custodyEpisodes: { force: string }[] };
    expect(p.pncRecords.length).toBeGreaterThan(0);
    expect(p.custodyEpisodes.every((e) => e.force === 'MPS')).toBe(true);
  });
});

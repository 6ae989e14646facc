/**
 * Authorisation and audit through the whole running gateway (issue 6): who is asking (token,
 * purpose), fields refused before anything is read, per-value rules on every path (the ACRO rules
 * case by case, force custody arrangements), and one audit event per request in a chain that
 * verifies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditStore } from '../../src/audit/store.js';
import { demoIdentity } from '../../src/auth/demoIdentities.js';
import { hs256Key, loadAuthConfig, type AuthConfig } from '../../src/auth/keys.js';
import { signToken } from '../../src/auth/sign.js';
import { createTestGateway, headersFor, type TestGateway } from '../support/gateway.js';

interface AcroRow {
  reference: string;
  instigator: string;
  answer: string | null;
  results: Array<{ hosol: boolean }>;
}

let gw: TestGateway;
let acro: AcroRow[];
beforeAll(async () => {
  gw = await createTestGateway();
  acro = (JSON.parse(readFileSync(join(gw.estateDir, 'services', 'acro.json'), 'utf8')) as { requests: AcroRow[] }).requests;
});
afterAll(() => gw?.close());

const SOURCES_QUERY = '{ sources { name } }';

function logLine(requestId: string | null) {
  return gw.logs.find((l) => l.requestId === requestId && (l.msg === 'graphql request' || l.msg === 'graphql request rejected'));
}

function sourceCalls(requestId: string | null): number {
  const sources = (logLine(requestId)?.sources ?? {}) as Record<string, { calls: number }>;
  return Object.values(sources).reduce((n, s) => n + s.calls, 0);
}

function acroWhere(pred: (r: AcroRow) => boolean): AcroRow {
  const row = acro.find(pred);
  if (!row) throw new Error('the test estate has no ACRO request of the kind this test needs');
  return row;
}

const ACRO_QUERY = 'query A($r: ID!) { acroRequest(reference: $r) { reference instigator { kind force } policyMarks { code } results { offenceText hosol policyMarks { code rule } } } }';

describe('who is asking', () => {
  it('refuses a request with no token: 401 UNAUTHENTICATED, nothing read', async () => {
    const res = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SOURCES_QUERY }) });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string; reason: string } }> };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NO_TOKEN' });
    expect(sourceCalls(res.headers.get('x-request-id'))).toBe(0);
  });

  it('refuses a token signed with another key, and an expired token, naming which', async () => {
    const who = demoIdentity('cc-croydon')!;
    const real = await loadAuthConfig({});
    const forged: AuthConfig = { ...real, keys: [hs256Key(real.signingKid!, 'a completely different secret of forty characters')] };
    const bad = await gw.request(SOURCES_QUERY, undefined, { authorization: `Bearer ${await signToken(who, forged)}` });
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_SIGNATURE' });

    const stale = await signToken(who, real, { ttl: '1h', now: new Date(Date.now() - 3 * 3600_000) });
    const expired = await gw.request(SOURCES_QUERY, undefined, { authorization: `Bearer ${stale}` });
    expect(expired.status).toBe(401);
    expect(expired.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'EXPIRED' });
  });

  it('refuses a purpose the user may not act for: 403', async () => {
    const res = await gw.request(SOURCES_QUERY, undefined, await headersFor('cc-croydon', 'STATISTICS'));
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('fields refused before anything is read', () => {
  it('a custody sergeant asking for a CID case gets every denied coordinate and CID is not read (001 §4.28)', async () => {
    const res = await gw.request('{ cidCase(caseId: "10000023") { caseId notes { text } } }', undefined, await headersFor('sergeant-mps'));
    expect(res.status).toBe(403);
    const coords = (res.body.errors ?? []).map((e) => e.extensions?.coordinate);
    expect(coords).toContain('Query.cidCase');
    for (const e of res.body.errors ?? []) expect(e.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(res.body.errors?.[0]?.extensions?.reason).toMatch(/\S/);
    expect(sourceCalls(res.headers.get('x-request-id'))).toBe(0);
  });

  it('an MI analyst gets counts and rates only, never a person (restriction 7)', async () => {
    const res = await gw.request('query P($k: ID!) { pncRecord(pncId: $k) { name { original } } }', { k: '2013/0010004W' }, await headersFor('mi-analyst'));
    expect(res.status).toBe(403);
    expect(res.body.data ?? null).toBeNull();
  });
});

describe('ACRO results, case by case (001 §4.32–4.35, fn 20)', () => {
  it('police-instigated, below the Serious Offence List: invisible to Home Office staff, not even an error', async () => {
    const row = acroWhere((r) => r.instigator === 'MPS' && r.answer === 'RESULTS' && r.results.every((x) => !x.hosol));
    const ho = await gw.request(ACRO_QUERY, { r: row.reference });
    expect(ho.body.errors).toBeUndefined();
    expect(ho.body.data?.acroRequest).toBeNull();

    const police = await gw.request(ACRO_QUERY, { r: row.reference }, await headersFor('sergeant-mps'));
    expect(police.body.errors).toBeUndefined();
    expect((police.body.data?.acroRequest as { reference: string }).reference).toBe(row.reference);
  });

  it('no side door: aliased fields, fragments and batched operations withhold the same check', async () => {
    const row = acroWhere((r) => r.instigator === 'MPS' && r.answer === 'RESULTS' && r.results.every((x) => !x.hosol));
    const aliased = await gw.request(
      'query A($r: ID!) { a: acroRequest(reference: $r) { reference } b: acroRequest(reference: $r) { ...R } } fragment R on AcroRequest { results { offenceText } }',
      { r: row.reference },
    );
    expect(aliased.body.errors).toBeUndefined();
    expect(aliased.body.data).toEqual({ a: null, b: null });

    const batch = await fetch(gw.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await headersFor('cc-croydon')) },
      body: JSON.stringify([
        { query: ACRO_QUERY, variables: { r: row.reference } },
        { query: '{ sources { name } }' },
      ]),
    });
    const answers = (await batch.json()) as Array<{ data?: { acroRequest?: unknown } }>;
    expect(answers[0]!.data?.acroRequest).toBeNull();
    expect(JSON.stringify(answers)).not.toContain(row.reference);
  });

  it('police-instigated, on the Serious Offence List: visible to Home Office staff', async () => {
    const row = acroWhere((r) => r.instigator !== 'HOME_OFFICE' && r.instigator !== 'WYP' && r.results.some((x) => x.hosol));
    const res = await gw.request(ACRO_QUERY, { r: row.reference });
    expect(res.body.errors).toBeUndefined();
    const results = (res.body.data?.acroRequest as { results: Array<{ hosol: boolean }> }).results;
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((x) => x.hosol)).toBe(true);
  });

  it('West Yorkshire agreement: an IO may view it, marked not actionable for removal; a caseworker may not', async () => {
    const row = acroWhere((r) => r.instigator === 'WYP' && r.answer === 'RESULTS' && r.results.some((x) => !x.hosol));
    const io = await gw.request(ACRO_QUERY, { r: row.reference }, await headersFor('io-wyp'));
    expect(io.body.errors).toBeUndefined();
    const results = (io.body.data?.acroRequest as { results: Array<{ hosol: boolean; policyMarks: Array<{ code: string }> }> }).results;
    const belowList = results.filter((x) => !x.hosol);
    expect(belowList.length).toBeGreaterThan(0);
    for (const r of belowList) expect(r.policyMarks.map((m) => m.code)).toContain('NOT_ACTIONABLE_FOR_REMOVAL');

    const cc = await gw.request(ACRO_QUERY, { r: row.reference });
    const ccResults = (cc.body.data?.acroRequest as { results: Array<{ hosol: boolean }> } | null)?.results ?? [];
    expect(ccResults.every((x) => x.hosol)).toBe(true);
  });

  it('Home Office-instigated: visible to Home Office staff', async () => {
    const row = acroWhere((r) => r.instigator === 'HOME_OFFICE' && r.answer === 'RESULTS');
    const res = await gw.request(ACRO_QUERY, { r: row.reference });
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data?.acroRequest as { results: unknown[] }).results.length).toBe(row.results.length);
  });
});

describe('what is consulted', () => {
  it('a caseworker not granted custody data is not read for it: the person view never calls custody', async () => {
    const q = 'query P($k: String!) { personBySourceKey(source: pnc, key: $k) { id sources { source recordsRead } } }';
    const res = await gw.request(q, { k: '2013/0010004W' });
    expect(res.body.errors).toBeUndefined();
    const line = logLine(res.headers.get('x-request-id'));
    const sources = (line?.sources ?? {}) as Record<string, { calls: number }>;
    expect(sources.cid?.calls ?? 0).toBeGreaterThan(0);
    expect(sources.custody?.calls ?? 0).toBe(0);

    const joc = await gw.request(q, { k: '2013/0010004W' }, await headersFor('joc-io', 'STATUS_CHECK'));
    const jocSources = (logLine(joc.headers.get('x-request-id'))?.sources ?? {}) as Record<string, { calls: number }>;
    expect(jocSources.custody?.calls ?? 0).toBeGreaterThan(0);
  });
});

describe('custody by force arrangement (001 §4.26)', () => {
  const truthKey = (force: string) =>
    readFileSync(join(gw.estateDir, 'truth', 'records.tsv'), 'utf8')
      .split('\n')
      .map((l) => l.split('\t'))
      .find((c) => c[0] === 'custody' && c[1]!.startsWith(`${force}/`))![1]!;
  const Q = 'query C($f: Force!, $n: String!) { custodyRecord(force: $f, recordNumber: $n) { ref { key } suite visibleFields policyMarks { code } OFFENCE } }';

  it('a West Yorkshire IO sees the limited fields directly; the offence is refused', async () => {
    const key = truthKey('WYP');
    const vars = { f: 'WYP', n: key.slice(4) };
    const limited = await gw.request(Q.replace(' OFFENCE', ''), vars, await headersFor('io-wyp'));
    expect(limited.body.errors).toBeUndefined();
    const rec = limited.body.data?.custodyRecord as { visibleFields: string[] | null; suite: string };
    expect(rec.visibleFields).not.toBeNull();
    expect(rec.visibleFields).not.toContain('offenceCode');

    const offence = await gw.request(Q.replace('OFFENCE', 'offenceCode'), vars, await headersFor('io-wyp'));
    expect(offence.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'CustodyEpisode.offenceCode' });
  });

  it('a West Midlands IO sees nothing directly: the custody sergeant shows who is in custody', async () => {
    const key = truthKey('WMP');
    const res = await gw.request(Q.replace(' OFFENCE', ''), { f: 'WMP', n: key.slice(4) }, await headersFor('io-wmp'));
    expect(res.body.data?.custodyRecord ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the audit trail', () => {
  it('records each request once, with who, purpose and what was withheld, in a chain that verifies', async () => {
    const row = acroWhere((r) => r.instigator === 'MPS' && r.answer === 'RESULTS' && r.results.every((x) => !x.hosol));
    const res = await gw.request(ACRO_QUERY, { r: row.reference });
    const requestId = res.headers.get('x-request-id')!;
    const store = await openAuditStore(gw.config.gatewayDatabaseUrl);
    try {
      const events = await store.accessesBy('demo.cc.croydon', '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
      const mine = events.filter((e) => e.requestId === requestId);
      expect(mine).toHaveLength(1);
      const event = mine[0]!;
      expect(event.purpose).toBe('IMMIGRATION_CASEWORK');
      expect(JSON.stringify(event.withheld)).toContain('acro');
      const verification = await store.verify();
      expect(verification.ok).toBe(true);
      expect(verification.checked).toBeGreaterThan(5);
    } finally {
      await store.close();
    }
  });

  const ACCESSES = 'query A($u: String!, $f: DateTime!, $t: DateTime!) { accessesBy(userId: $u, from: $f, to: $t) { seq requestId principal { userId role } purpose withheld { coordinate rule count } outcome hash prevHash } }';
  const RANGE = { f: '2000-01-01T00:00:00Z', t: '2100-01-01T00:00:00Z' };

  it('lets an auditor read who accessed what (accessesBy), chained by hash', async () => {
    const res = await gw.request(ACCESSES, { u: 'demo.cc.croydon', ...RANGE }, await headersFor('auditor'));
    expect(res.body.errors).toBeUndefined();
    const events = res.body.data?.accessesBy as Array<{ seq: number; principal: { userId: string }; purpose: string; withheld: Array<{ rule: string }>; hash: string; prevHash: string }>;
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.principal.userId === 'demo.cc.croydon')).toBe(true);
    expect(events.some((e) => e.withheld.some((w) => /Acro/.test(w.rule)))).toBe(true);
    for (let i = 1; i < events.length; i++) expect(events[i]!.seq).toBeGreaterThan(events[i - 1]!.seq);
  });

  it('refuses the audit trail to anyone but an auditor, and a reversed range with a clear error', async () => {
    const cc = await gw.request(ACCESSES, { u: 'demo.cc.croydon', ...RANGE });
    expect(cc.status).toBe(403);
    expect(cc.body.errors?.[0]?.extensions?.coordinate).toBe('Query.accessesBy');
    const reversed = await gw.request(ACCESSES, { u: 'demo.cc.croydon', f: RANGE.t, t: RANGE.f }, await headersFor('auditor'));
    expect(reversed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(reversed.body.errors?.[0]?.message).toMatch(/"to"/);
  });
});

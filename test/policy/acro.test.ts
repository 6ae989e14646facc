/**
 * The ACRO rules case by case (issue 6 "Done when"; DOMAIN restrictions 1–2; 001 §4.32, §4.35, fn 20),
 * and the side doors an ACRO result could leak through (requests, data-quality messages, fragments,
 * match reasons, assessments).
 */
import { describe, expect, it } from 'vitest';
import type { AcroInstigator, AcroRequest, AcroResult } from '../../src/domain/acro.js';
import {
  decideAcroRequest,
  decideAcroResult,
  decideAcroResults,
  decideAssessment,
  decideDataQualityIssue,
  decideIdentityFragment,
  decideMatchReason,
  visibleOnly,
} from '../../src/policy/decide.js';
import type { Decision } from '../../src/policy/decision.js';
import { ctxFor } from './harness.js';

const WYP: AcroInstigator = { kind: 'POLICE', force: 'WYP' };
const MPS: AcroInstigator = { kind: 'POLICE', force: 'MPS' };
const HO: AcroInstigator = { kind: 'HOME_OFFICE' };

function result(instigator: AcroInstigator, hosol: boolean, offenceText = 'Theft (overseas)'): AcroResult {
  return { country: 'POL', convictedOn: '2012-03-01', offenceCode: hosol ? 'ROBBERY' : 'THEFT', offenceText, sentence: '6 months', hosol, instigator };
}
function request(instigator: AcroInstigator, results: AcroResult[], status: 'PENDING' | 'COMPLETE' = 'COMPLETE'): AcroRequest {
  return {
    ref: { source: 'acro', key: 'ACRO/16/000123' },
    reference: 'ACRO/16/000123',
    instigator,
    purpose: instigator.kind === 'HOME_OFFICE' ? 'IMMIGRATION' : 'CRIMINAL_INVESTIGATION',
    status,
    outcome: status === 'PENDING' ? null : results.length ? 'RESULTS' : 'NO_TRACE',
    requestedAt: '2016-01-04T10:00:00Z',
    answeredAt: status === 'PENDING' ? null : '2016-02-01T10:00:00Z',
    subject: { name: { given: ['A'], family: 'B', original: 'A B' }, dateOfBirth: '1980-01-01', nationality: 'POL', pncId: null },
    results,
    issues: [],
  };
}

/** Home Office staff with ACRO in their grant, and the purpose they use. */
const HOME_OFFICE_VIEWERS = ['cc-croydon', 'cc-liverpool', 'cc-leeds', 'ukvi-owner', 'io-mps', 'io-wmp', 'io-wyp', 'ccu-handler', 'joc-io', 'highharm-ho'] as const;

describe('police-instigated, below the Serious Offence List: invisible to Home Office staff (001 §4.32)', () => {
  it.each(HOME_OFFICE_VIEWERS)('%s: result withheld (not denied: they must not learn it exists)', (id) => {
    const d = decideAcroResult(ctxFor(id), result(MPS, false));
    expect(d.effect).toBe('WITHHOLD');
    if (d.effect === 'WITHHOLD') expect(d.rule).toBe('PoliceAcroResultRule');
  });
  it.each(HOME_OFFICE_VIEWERS)('%s: the whole check is withheld when nothing in it may be seen', (id) => {
    expect(decideAcroRequest(ctxFor(id), request(MPS, [result(MPS, false), result(MPS, false)])).effect).toBe('WITHHOLD');
  });
  it('pending and no-trace police checks are withheld too (else their absence would tell)', () => {
    expect(decideAcroRequest(ctxFor('cc-croydon'), request(MPS, [], 'PENDING')).effect).toBe('WITHHOLD');
    expect(decideAcroRequest(ctxFor('cc-croydon'), request(MPS, [])).effect).toBe('WITHHOLD');
  });
  it('a caseworker without ACRO in the purpose still gets WITHHOLD, never a DENY that reveals it', () => {
    expect(decideAcroResult(ctxFor('cc-liverpool', 'REPORTING'), result(MPS, false)).effect).toBe('WITHHOLD');
  });
});

describe('police-instigated, on the Serious Offence List: visible to Home Office staff (001 §4.32)', () => {
  it.each(HOME_OFFICE_VIEWERS)('%s: allowed, not marked', (id) => {
    const d = decideAcroResult(ctxFor(id), result(MPS, true));
    expect(d.effect).toBe('ALLOW');
    if (d.effect === 'ALLOW') expect(d.marks).toEqual([]);
  });
  it('a mixed check shows only its HOSOL results', () => {
    const ctx = ctxFor('cc-croydon');
    const req = request(MPS, [result(MPS, false, 'minor'), result(MPS, true, 'serious')]);
    expect(decideAcroRequest(ctx, req).effect).toBe('ALLOW');
    expect(visibleOnly(decideAcroResults(ctx, req)).map((r) => r.offenceText)).toEqual(['serious']);
  });
});

describe('West Yorkshire local agreement: viewable by IOs but not actionable (001 §4.35, fn 20)', () => {
  it.each(['io-wyp', 'io-mps', 'ccu-handler', 'joc-io'] as const)('%s: allowed with NOT_ACTIONABLE_FOR_REMOVAL', (id) => {
    const d = decideAcroResult(ctxFor(id), result(WYP, false));
    expect(d.effect).toBe('ALLOW');
    if (d.effect !== 'ALLOW') return;
    expect(d.marks.map((m) => m.code)).toEqual(['NOT_ACTIONABLE_FOR_REMOVAL']);
    expect(d.marks[0]?.message).toMatch(/Home Office-instigated ACRO check/);
    expect(d.marks[0]?.cites).toMatch(/fn 20/);
  });
  it.each(['cc-croydon', 'ukvi-owner', 'highharm-ho'] as const)('%s (not an immigration officer): withheld', (id) => {
    expect(decideAcroResult(ctxFor(id), result(WYP, false)).effect).toBe('WITHHOLD');
  });
  it('the WYP check itself is visible to an IO, carrying the mark', () => {
    const d = decideAcroRequest(ctxFor('io-wyp'), request(WYP, [result(WYP, false)]));
    expect(d.effect === 'ALLOW' && d.marks.map((m) => m.code)).toEqual(['NOT_ACTIONABLE_FOR_REMOVAL']);
  });
  it('a WYP result on HOSOL is visible and actionable', () => {
    const d = decideAcroResult(ctxFor('io-wyp'), result(WYP, true));
    expect(d.effect === 'ALLOW' && d.marks).toEqual([]);
  });
});

describe('Home Office-instigated: visible to Home Office (restriction 2)', () => {
  it.each(HOME_OFFICE_VIEWERS)('%s: allowed, whatever the offence', (id) => {
    expect(decideAcroResult(ctxFor(id), result(HO, false)).effect).toBe('ALLOW');
    expect(decideAcroRequest(ctxFor(id), request(HO, [], 'PENDING')).effect).toBe('ALLOW');
  });
  it('police may not use a Home Office check (owned by the instigator, 001 §4.35)', () => {
    const d = decideAcroResult(ctxFor('sergeant-mps'), result(HO, true));
    expect(d.effect).toBe('DENY');
    if (d.effect === 'DENY') {
      expect(d.refusal.rule).toBe('HomeOfficeAcroResultRule');
      expect(d.refusal.remedy).toMatch(/ACRO check/);
    }
  });
});

describe('police viewers', () => {
  it('see checks their own force instigated, below HOSOL too', () => {
    expect(decideAcroResult(ctxFor('sergeant-mps'), result(MPS, false)).effect).toBe('ALLOW');
  });
  it("are refused another force's checks", () => {
    const d = decideAcroResult(ctxFor('sergeant-wmp', 'POLICING'), result(MPS, false));
    expect(d.effect).toBe('DENY');
  });
  it('a result cannot claim a more permissive instigator than its check', () => {
    const req = request(MPS, [{ ...result(MPS, false), instigator: HO }]);
    expect(decideAcroResults(ctxFor('cc-croydon'), req).map((x) => x.decision.effect)).toEqual(['WITHHOLD']);
  });
  it('an MI analyst is refused even a HOSOL result', () => {
    expect(decideAcroResult(ctxFor('mi-analyst'), result(MPS, true)).effect).toBe('DENY');
  });
});

describe('no side doors for a withheld ACRO result', () => {
  const ctx = ctxFor('cc-croydon');
  const hidden = request(MPS, [result(MPS, false)]);
  const hiddenDecision: Decision = decideAcroRequest(ctx, hidden);
  const acroRef = { source: 'acro' as const, key: 'ACRO/16/000123' };

  it('its data-quality messages are withheld', () => {
    expect(decideDataQualityIssue(ctx, { refs: [acroRef] }, [hiddenDecision]).effect).toBe('WITHHOLD');
  });
  it('a data-quality message naming an ACRO ref without its check is withheld (fail closed)', () => {
    expect(decideDataQualityIssue(ctx, { refs: [acroRef, { source: 'pnc', key: '2014/0123456K' }] }).effect).toBe('WITHHOLD');
  });
  it('its identity fragment and aliases are withheld', () => {
    expect(decideIdentityFragment(ctx, { ref: acroRef }, hiddenDecision).effect).toBe('WITHHOLD');
  });
  it('a search match reason citing it is withheld', () => {
    expect(decideMatchReason(ctx, [acroRef, { source: 'pnc', key: '2014/0123456K' }], [hiddenDecision, { effect: 'ALLOW', marks: [], fields: null, rules: [] }]).effect).toBe('WITHHOLD');
  });
  it('an assessment computed from it is withheld; computed from visible inputs only, it is allowed', () => {
    expect(decideAssessment(ctx, [hiddenDecision]).effect).toBe('WITHHOLD');
    const visible = decideAcroResults(ctx, request(MPS, [result(MPS, false), result(MPS, true)])).filter((x) => x.decision.effect === 'ALLOW');
    expect(visible).toHaveLength(1);
    expect(decideAssessment(ctx, visible.map((x) => x.decision)).effect).toBe('ALLOW');
  });
  it('the same datum gets the same decision on every path', () => {
    const r = result(MPS, false);
    const direct = decideAcroResult(ctx, r);
    const viaRequest = decideAcroResults(ctx, request(MPS, [r]))[0]!.decision;
    expect(viaRequest).toEqual(direct);
  });
});

/**
 * The per-value rules other than ACRO, one block per rule: CID for police (001 §4.28), case
 * ownership, custody by force arrangement (001 §4.26), High Harm (004 §6.18), DVA (001 fn 21–22),
 * MI (restriction 7); and the request rules (purpose, justification).
 */
import { describe, expect, it } from 'vitest';
import type { CustodyEpisode } from '../../src/domain/custody.js';
import { WYP_IO_FIELDS } from '../../src/policy/arrangements.js';
import {
  decideAggregate,
  decideAuditRead,
  decideCidRecord,
  decideCustodyEpisode,
  decideDataQualityIssue,
  decideDvaCheck,
  decideHighHarmFlag,
  decideHighHarmIntelligence,
  decideIdentityFragment,
  decidePncRecord,
  decideStatusCheckOutcome,
} from '../../src/policy/decide.js';
import { fieldAllowed } from '../../src/policy/decision.js';
import { checkPurpose } from '../../src/policy/purpose.js';
import { POLICY_VERSION } from '../../src/policy/version.js';
import { VALUE_RULES } from '../../src/policy/valueRules.js';
import { ctxFor, demo } from './harness.js';

const JUSTIFIED = 'Claims British; accent and documents inconsistent with a UK upbringing.';

describe('CidForPoliceRule (001 §4.28)', () => {
  it.each(['sergeant-mps', 'sergeant-wmp', 'highharm-police'] as const)('%s is refused CID with the status-check remedy', (id) => {
    const d = decideCidRecord(ctxFor(id), { ownerUnit: 'CRIMINAL CASEWORK CROYDON' });
    expect(d.effect).toBe('DENY');
    if (d.effect === 'DENY') {
      expect(d.refusal.rule).toBe('CidForPoliceRule');
      expect(d.refusal.remedy).toMatch(/status check/);
    }
  });
  it('JOC police see CID', () => {
    expect(decideCidRecord(ctxFor('joc-police'), { ownerUnit: 'X' }).effect).toBe('ALLOW');
    expect(decideCidRecord(ctxFor('joc-police'), { class: 'CID_NOTES', ownerUnit: 'X' }).effect).toBe('ALLOW');
  });
  it('police receive the status-check outcome', () => {
    expect(decideStatusCheckOutcome(ctxFor('sergeant-wmp'), { force: 'WMP' }).effect).toBe('ALLOW');
  });
  it('a CID fragment is refused to police too (identity side door)', () => {
    expect(decideIdentityFragment(ctxFor('sergeant-mps'), { ref: { source: 'cid', key: 'C1/P1' } }).effect).toBe('DENY');
    expect(decideIdentityFragment(ctxFor('sergeant-mps'), { ref: { source: 'custody', key: 'MPS/123' } }).effect).toBe('ALLOW');
  });
});

describe('CaseOwnershipRule', () => {
  it('a UKVI case owner sees the cases the unit owns', () => {
    expect(decideCidRecord(ctxFor('ukvi-owner'), { ownerUnit: 'ukvi complex casework directorate ' }).effect).toBe('ALLOW');
  });
  it.each([['CRIMINAL CASEWORK LEEDS'], [null], ['NO UNIT']])('refused a case owned by %s', (owner) => {
    const d = decideCidRecord(ctxFor('ukvi-owner'), { ownerUnit: owner });
    expect(d.effect === 'DENY' && d.refusal.rule).toBe('CaseOwnershipRule');
  });
  it('CC caseworkers are not limited to their hub for reading', () => {
    expect(decideCidRecord(ctxFor('cc-leeds'), { ownerUnit: 'CRIMINAL CASEWORK CROYDON' }).effect).toBe('ALLOW');
  });
});

describe('CustodyArrangementRule (001 §4.25–4.26)', () => {
  it('West Yorkshire: an IO sees the limited field set directly', () => {
    const d = decideCustodyEpisode(ctxFor('io-wyp'), { force: 'WYP' });
    expect(d.effect).toBe('ALLOW');
    expect(fieldAllowed(d, 'arrestedAt')).toBe(true);
    expect(fieldAllowed(d, 'offenceCode' satisfies keyof CustodyEpisode)).toBe(false);
    expect(fieldAllowed(d, 'fingerprintHit')).toBe(false);
    expect(d.effect === 'ALLOW' && d.fields).toEqual([...WYP_IO_FIELDS]);
  });
  it('London: an IO sees the record, marked as through the Nexus police officer', () => {
    for (const id of ['io-mps', 'joc-io'] as const) {
      const d = decideCustodyEpisode(ctxFor(id), { force: 'MPS' });
      expect(d.effect === 'ALLOW' && d.marks.map((m) => m.code)).toEqual(['MEDIATED_BY_NEXUS_OFFICER']);
      expect(fieldAllowed(d, 'offenceCode')).toBe(true);
    }
  });
  it('West Midlands: an IO is refused and told to ask the custody sergeant', () => {
    const d = decideCustodyEpisode(ctxFor('io-wmp'), { force: 'WMP' });
    expect(d.effect === 'DENY' && d.refusal.remedy).toMatch(/WMP custody sergeant/);
  });
  it("an IO is refused another force's custody data", () => {
    expect(decideCustodyEpisode(ctxFor('io-wyp'), { force: 'MPS' }).effect).toBe('DENY');
  });
  it('police see their own force only', () => {
    expect(decideCustodyEpisode(ctxFor('sergeant-wmp', 'POLICING'), { force: 'WMP' }).effect).toBe('ALLOW');
    expect(decideCustodyEpisode(ctxFor('sergeant-wmp', 'POLICING'), { force: 'WYP' }).effect).toBe('DENY');
  });
  it('caseworkers and CCU have no custody access', () => {
    expect(decideCustodyEpisode(ctxFor('cc-croydon'), { force: 'MPS' }).effect).toBe('DENY');
    expect(decideCustodyEpisode(ctxFor('ccu-handler'), { force: 'MPS' }).effect).toBe('DENY');
  });
  it('a data-quality message on a WMP custody record is refused to the WMP IO', () => {
    expect(decideDataQualityIssue(ctxFor('io-wmp'), { refs: [{ source: 'custody', key: 'WMP/17/0001' }] }).effect).toBe('DENY');
  });
});

describe('HighHarmIntelligenceRule (004 §6.18)', () => {
  it.each(['cc-croydon', 'ukvi-owner', 'io-mps', 'rom-croydon'] as const)('%s sees the flag, not the intelligence', (id) => {
    expect(decideHighHarmFlag(ctxFor(id)).effect).toBe('ALLOW');
    const d = decideHighHarmIntelligence(ctxFor(id));
    expect(d.effect).toBe('DENY');
    if (d.effect === 'DENY') expect(d.refusal.remedy).toMatch(/Nexus High Harm Team/);
  });
  it.each(['highharm-police', 'highharm-ho'] as const)('%s sees the intelligence', (id) => {
    expect(decideHighHarmIntelligence(ctxFor(id, 'HIGH_HARM_REVIEW')).effect).toBe('ALLOW');
  });
});

describe('DvaLicenceRule (001 §4.37, fn 21–22)', () => {
  it('licensed, right purpose, justified: allowed', () => {
    expect(decideDvaCheck(ctxFor('ccu-handler', 'NATIONALITY_VERIFICATION', JUSTIFIED)).effect).toBe('ALLOW');
    expect(decideDvaCheck(ctxFor('sergeant-wmp', 'NATIONALITY_VERIFICATION', JUSTIFIED)).effect).toBe('ALLOW');
  });
  it('unlicensed: refused, ask CCU', () => {
    const p = { ...demo('ccu-handler'), dvaLicensed: false };
    const d = decideDvaCheck(ctxFor(p, 'NATIONALITY_VERIFICATION', JUSTIFIED));
    expect(d.effect === 'DENY' && d.refusal.remedy).toMatch(/CCU/);
  });
  it('no justification: refused', () => {
    const d = decideDvaCheck(ctxFor('ccu-handler', 'NATIONALITY_VERIFICATION', 'because'));
    expect(d.effect === 'DENY' && d.refusal.rule).toBe('DvaLicenceRule');
  });
  it('another purpose: refused', () => {
    expect(decideDvaCheck(ctxFor('ccu-handler', 'STATUS_CHECK', JUSTIFIED)).effect).toBe('DENY');
  });
});

describe('AggregatesOnlyRule (restriction 7)', () => {
  it('MI sees aggregates and nothing about a person', () => {
    const ctx = ctxFor('mi-analyst');
    expect(decideAggregate(ctx).effect).toBe('ALLOW');
    for (const d of [decidePncRecord(ctx), decideCustodyEpisode(ctx, { force: 'MPS' }), decideCidRecord(ctx, { ownerUnit: null }), decideHighHarmFlag(ctx)]) {
      expect(d.effect === 'DENY' && d.refusal.rule).toBe('AggregatesOnlyRule');
    }
  });
  it('only auditors read the audit trail', () => {
    expect(decideAuditRead(ctxFor('auditor')).effect).toBe('ALLOW');
    expect(decideAuditRead(ctxFor('cc-croydon')).effect).toBe('DENY');
  });
});

describe('request rules', () => {
  it('no purpose: FORBIDDEN naming the purposes the user has', () => {
    const r = checkPurpose(demo('cc-liverpool'), undefined, null);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'PurposeDeclaredRule', http: { status: 403 } });
      expect(String(r.error.extensions.remedy)).toContain('IMMIGRATION_CASEWORK');
    }
  });
  it('unknown purpose, purpose not granted, and role not open to it are refused', () => {
    expect(checkPurpose(demo('cc-croydon'), 'FISHING', null).ok).toBe(false);
    const notGranted = checkPurpose(demo('cc-croydon'), 'REPORTING', null);
    expect(!notGranted.ok && notGranted.error.message).toMatch(/does not grant the purpose REPORTING/);
    const roleClosed = checkPurpose({ ...demo('cc-croydon'), purposes: ['POLICING'] }, 'POLICING', null);
    expect(!roleClosed.ok && roleClosed.error.message).toMatch(/may not act for purpose POLICING/);
  });
  it('DVA purpose needs a justification', () => {
    const r = checkPurpose(demo('ccu-handler'), 'NATIONALITY_VERIFICATION', null);
    expect(!r.ok && r.error.extensions.rule).toBe('JustificationRequiredRule');
    expect(checkPurpose(demo('ccu-handler'), 'NATIONALITY_VERIFICATION', JUSTIFIED).ok).toBe(true);
    expect(checkPurpose(demo('ccu-handler'), 'STATUS_CHECK', 'x'.repeat(501)).ok).toBe(false);
  });
  it('a good purpose yields the context with the granted classes', () => {
    const r = checkPurpose(demo('io-wyp'), ' STATUS_CHECK ', null);
    expect(r.ok && [...r.context.granted].includes('CUSTODY')).toBe(true);
  });
});

describe('policy data', () => {
  it('rules are frozen, uniquely named, each citing a paragraph', () => {
    expect(Object.isFrozen(VALUE_RULES)).toBe(true);
    expect(new Set(VALUE_RULES.map((r) => r.name)).size).toBe(VALUE_RULES.length);
    for (const r of VALUE_RULES) expect(r.cites).toMatch(/§|restriction|DOMAIN|issue 6/);
    expect(VALUE_RULES.at(-1)?.name).toBe('ClassificationRule');
  });
  it('has a stable version string', () => {
    expect(POLICY_VERSION).toMatch(/^policy-[0-9a-f]{16}$/);
  });
});

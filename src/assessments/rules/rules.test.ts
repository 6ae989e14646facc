/**
 * One table per rule. Each row names the guidance it checks (../shared/DOMAIN.md and the seeds).
 */
import { describe, expect, it } from 'vitest';
import { assessAll, ASSESSMENT_RULES } from '../index.js';
import { conviction, events, facts, restriction } from '../testing.js';
import { AbsconderActionDueRule, escalationLevel } from './AbsconderActionDueRule.js';
import { AutomaticDeportationRule } from './AutomaticDeportationRule.js';
import { BarriersToRemovalRule } from './BarriersToRemovalRule.js';
import { BournemouthCommitmentRule } from './BournemouthCommitmentRule.js';
import { CriminalCaseworkReferralRule, cumulativeSentences } from './CriminalCaseworkReferralRule.js';
import { NexusHighHarmRule } from './NexusHighHarmRule.js';
import { NonDetainedBandRule } from './NonDetainedBandRule.js';
import { RecommendedReportingFrequencyRule } from './RecommendedReportingFrequencyRule.js';
import { ReportingComplianceRule } from './ReportingComplianceRule.js';
import { TimeServedNoDecisionRule } from './TimeServedNoDecisionRule.js';

const crimCase = (o: Partial<{ deportationDecisionOn: string | null; noticeServedBefore2008: boolean; s33Exception: boolean; releasedOn: string | null }> = {}) => ({
  ref: { source: 'cid' as const, key: 'C1' },
  deportationDecisionOn: null,
  noticeServedBefore2008: false,
  s33Exception: false,
  releasedOn: null,
  ...o,
});

describe('NexusHighHarmRule (001 fn 8, 004 fn 16)', () => {
  it.each([
    ['GBH conviction', [conviction('GBH-S20', 18)], 'HIGH_HARM'],
    ['knife offence', [conviction('KNIFE-POSS', null)], 'HIGH_HARM'],
    ['sex offence', [conviction('SEX-ASSAULT', 30)], 'HIGH_HARM'],
    ['trafficking', [conviction('TRAFFICKING', 48)], 'HIGH_HARM'],
    ['other weapon', [conviction('OFF-WEAPON', null)], 'HIGH_HARM'],
    ['firearm', [conviction('FIREARM-POSS', 60)], 'HIGH_HARM'],
    ['3 robberies/burglaries: prolific', [conviction('ROBBERY', 6), conviction('BURGLARY-DWELLING', 4), conviction('BURGLARY-OTHER', null)], 'HIGH_HARM'],
    ['2 burglaries: not prolific', [conviction('BURGLARY-DWELLING', 4), conviction('BURGLARY-OTHER', null)], 'NOT_HIGH_HARM'],
    ['theft and drugs', [conviction('THEFT', 2), conviction('DRUGS-SUPPLY-A', 36)], 'NOT_HIGH_HARM'],
  ])('%s', (_label, convictions, value) => {
    const a = NexusHighHarmRule.assess(facts({ convictions }));
    expect(a.value).toBe(value);
    expect(a.applies).toBe(value === 'HIGH_HARM');
    if (a.applies) expect(a.evidence.length).toBeGreaterThan(0);
  });

  it('counts the arrest on this occasion (the latest arrest), not earlier arrests', () => {
    const arrests = [
      { offenceCode: 'GBH-S18', arrestedAt: '2015-01-01T10:00:00Z', ref: { source: 'custody' as const, key: 'MPS/1' } },
      { offenceCode: 'THEFT', arrestedAt: '2017-02-01T10:00:00Z', ref: { source: 'custody' as const, key: 'MPS/2' } },
    ];
    expect(NexusHighHarmRule.assess(facts({ arrests })).applies).toBe(false);
    const gbhLatest = [arrests[1]!, { ...arrests[0]!, arrestedAt: '2017-02-02T00:00:00Z' }];
    expect(NexusHighHarmRule.assess(facts({ arrests: gbhLatest })).applies).toBe(true);
  });
});

describe('AutomaticDeportationRule (004 §5.10, UK Borders Act 2007 s32)', () => {
  it.each([
    ['12 months single UK sentence after 2008', facts({ convictions: [conviction('ROBBERY', 12, '2012-01-01')] }), 'LIABLE'],
    ['11 months', facts({ convictions: [conviction('ROBBERY', 11, '2012-01-01')] }), 'NOT_LIABLE'],
    ['overseas conviction does not count', facts({ convictions: [conviction('ROBBERY', 24, '2012-01-01', 'POL')] }), 'NOT_LIABLE'],
    ['sentence ended before 1 Aug 2008', facts({ convictions: [conviction('ROBBERY', 12, '2006-01-01')] }), 'NOT_LIABLE'],
    ['still serving on 1 Aug 2008', facts({ convictions: [conviction('ROBBERY', 36, '2006-01-01')] }), 'LIABLE'],
    ['notice served before 2008', facts({ convictions: [conviction('ROBBERY', 36, '2006-01-01')], criminalCases: [crimCase({ noticeServedBefore2008: true })] }), 'NOTICE_SERVED_BEFORE_2008'],
    ['s33 exception', facts({ convictions: [conviction('ROBBERY', 24)], criminalCases: [crimCase({ s33Exception: true })] }), 'S33_EXCEPTION'],
    ['British citizen', facts({ nationality: 'GBR', convictions: [conviction('ROBBERY', 24)] }), 'NOT_APPLICABLE'],
  ])('%s', (_l, f, value) => {
    expect(AutomaticDeportationRule.assess(f).value).toBe(value);
  });
});

describe('TimeServedNoDecisionRule (004 §6.24)', () => {
  const liable = [conviction('ROBBERY', 18, '2013-01-01')];
  it.each([
    ['released 13 months ago, no decision', [crimCase({ releasedOn: '2016-01-15' })], 'STALLED'],
    ['released 6 months ago', [crimCase({ releasedOn: '2016-09-01' })], 'WITHIN_TIME'],
    ['decision made', [crimCase({ releasedOn: '2015-01-01', deportationDecisionOn: '2015-06-01' })], 'DECISION_MADE'],
  ])('%s', (_l, criminalCases, value) => {
    expect(TimeServedNoDecisionRule.assess(facts({ convictions: liable, criminalCases })).value).toBe(value);
  });
  it('does not apply without a qualifying sentence', () => {
    expect(TimeServedNoDecisionRule.assess(facts({ criminalCases: [crimCase({ releasedOn: '2014-01-01' })] })).value).toBe('NOT_APPLICABLE');
  });
});

describe('CriminalCaseworkReferralRule (004 §6.32–6.34)', () => {
  it.each([
    ['EEA national', facts({ nationality: 'POL', convictions: [conviction('ROBBERY', 24)] }), 'NOT_APPLICABLE'],
    ['unknown nationality', facts({ nationality: null, convictions: [conviction('ROBBERY', 24)] }), 'NOT_APPLICABLE'],
    ['12 months one sentence (§6.32)', facts({ convictions: [conviction('THEFT', 12)] }), 'REFER_SENTENCE_THRESHOLD'],
    ['two sentences within 5 years adding to 12 (§6.32)', facts({ convictions: [conviction('THEFT', 6, '2012-01-01'), conviction('THEFT', 6, '2015-01-01')] }), 'REFER_COMBINED_SENTENCES'],
    ['two sentences more than 5 years apart', facts({ convictions: [conviction('THEFT', 6, '2005-01-01'), conviction('THEFT', 6, '2015-01-01')] }), 'NOT_MET'],
    ['non-custodial conviction (§6.33)', facts({ convictions: [conviction('SHOPLIFTING', null)] }), 'REFER_NON_CUSTODIAL'],
    ['short violent sentence (§6.34)', facts({ convictions: [conviction('ABH', 4)] }), 'CONSIDER_BY_NATURE'],
    ['short theft sentence', facts({ convictions: [conviction('THEFT', 3)] }), 'NOT_MET'],
  ])('%s', (_l, f, value) => {
    expect(CriminalCaseworkReferralRule.assess(f).value).toBe(value);
  });
  it('combines up to three sentences', () => {
    const three = [conviction('THEFT', 4, '2012-01-01'), conviction('THEFT', 4, '2013-01-01'), conviction('THEFT', 4, '2014-01-01')];
    expect(cumulativeSentences(three)?.length).toBe(3);
    expect(cumulativeSentences(three.slice(0, 2))).toBeNull();
  });
});

describe('BournemouthCommitmentRule (004 §5.11)', () => {
  it.each([
    ['serious drugs, short sentence', facts({ convictions: [conviction('DRUGS-SUPPLY-A', 2)] }), 'CONSIDER_REMOVAL'],
    ['gun crime', facts({ convictions: [conviction('FIREARM-POSS', null)] }), 'CONSIDER_REMOVAL'],
    ['possession only', facts({ convictions: [conviction('DRUGS-POSS', null)] }), 'NOT_MET'],
    ['EEA national', facts({ nationality: 'ROU', convictions: [conviction('DRUGS-SUPPLY-A', 2)] }), 'NOT_APPLICABLE'],
  ])('%s', (_l, f, value) => {
    expect(BournemouthCommitmentRule.assess(f).value).toBe(value);
  });
});

describe('NonDetainedBandRule (004 §6.3–6.4)', () => {
  const base = { convictions: [conviction('THEFT', 12)] };
  it.each([
    ['MAPPA 2 → band 1', facts({ ...base, mappaLevel: 2 }), 'BAND_1'],
    ['MAPPA 3 → band 1', facts({ ...base, mappaLevel: 3 }), 'BAND_1'],
    ['most harmful MAPPA 1 → band 1', facts({ ...base, mappaLevel: 1, harmCategory: 'A' }), 'BAND_1'],
    ['sentence over 5 years → band 1', facts({ convictions: [conviction('ROBBERY', 72)] }), 'BAND_1'],
    ['MAPPA 1 → band 2', facts({ ...base, mappaLevel: 1 }), 'BAND_2'],
    ['ex-MAPPA → band 2', facts({ ...base, mappaLevel: 'EX' }), 'BAND_2'],
    ['non-MAPPA removable → band 3', facts({ ...base }), 'BAND_3'],
    ['non-MAPPA with asylum claim → band 4', facts({ ...base, cases: [{ caseId: 'A1', type: 'ASYLUM', status: 'OPEN', ref: { source: 'cid', key: 'A1' } }] }), 'BAND_4'],
    ['detained → not banded', facts({ ...base, detained: true }), 'DETAINED'],
  ])('%s', (_l, f, value) => {
    const a = NonDetainedBandRule.assess(f);
    expect(a.value).toBe(value);
    if (value === 'BAND_1' || value === 'BAND_2') expect(a.reasons.join(' ')).toContain('Liverpool');
    if (value === 'BAND_3' || value === 'BAND_4') expect(a.reasons.join(' ')).toContain('Leeds');
  });
});

describe('BarriersToRemovalRule (004 fn 5, §7.12–7.19)', () => {
  const open = (type: string) => ({ caseId: type, type, status: 'OPEN', ref: { source: 'cid' as const, key: type } });
  it.each([
    ['none', facts(), 'NONE'],
    ['asylum claim', facts({ cases: [open('ASYLUM')] }), 'OUTSTANDING_ASYLUM_CLAIM'],
    ['further reps and JR', facts({ cases: [open('FURTHER_REPRESENTATIONS'), open('JUDICIAL_REVIEW')] }), 'FURTHER_REPRESENTATIONS,JUDICIAL_REVIEW'],
    ['refused asylum is no barrier', facts({ cases: [{ ...open('ASYLUM'), status: 'REFUSED' }] }), 'NONE'],
    ['no passport, ETD submitted', facts({ travelDocument: { validPassportHeld: false, etdStatus: 'SUBMITTED', refs: [] } }), 'NO_TRAVEL_DOCUMENT'],
    ['no passport, ETD issued', facts({ travelDocument: { validPassportHeld: false, etdStatus: 'ISSUED', refs: [] } }), 'NONE'],
  ])('%s', (_l, f, value) => {
    expect(BarriersToRemovalRule.assess(f).value).toBe(value);
  });
});

describe('Reporting: compliance and absconder action (004 §7.21–7.30)', () => {
  it('a first no-show raises absconder action at once (act on the first failure, not the third)', () => {
    const a = AbsconderActionDueRule.assess(facts({ restrictions: [restriction(events('COMPLETED', 'COMPLETED', 'NO_SHOW'))] }));
    expect(a.applies).toBe(true);
    expect(a.value).toBe('FIRST_FAILURE');
    expect(a.actions.join(' ')).toMatch(/Telephone/);
    expect(a.actions.join(' ')).toMatch(/warning letter/);
  });
  it('a blank result counts as a breach (004 §7.25)', () => {
    expect(AbsconderActionDueRule.assess(facts({ restrictions: [restriction(events('COMPLETED', null))] })).value).toBe('FIRST_FAILURE');
  });
  it('escalates with consecutive breaches', () => {
    expect(escalationLevel(2)).toBe('REPEATED_FAILURE');
    const a = AbsconderActionDueRule.assess(facts({ restrictions: [restriction(events('NO_SHOW', 'NO_SHOW', null))] }));
    expect(a.value).toBe('ABSCONDER_PROCEDURES');
    expect(a.actions.join(' ')).toMatch(/PNC/);
  });
  it('a completed event resets the run', () => {
    expect(AbsconderActionDueRule.assess(facts({ restrictions: [restriction(events('NO_SHOW', 'COMPLETED'))] })).applies).toBe(false);
  });
  it('closed restrictions do not count (open restriction, 004 fn 3)', () => {
    expect(AbsconderActionDueRule.assess(facts({ restrictions: [restriction(events('NO_SHOW'), { status: 'REMOVED' })] })).applies).toBe(false);
  });
  it('future events are not breaches', () => {
    const future = [{ ref: { source: 'cid' as const, key: 'F' }, dueAt: '2017-06-01T10:00:00Z', result: null }];
    expect(ReportingComplianceRule.assess(facts({ restrictions: [restriction(future)] })).value).toBe('NO_EVENTS_YET');
  });
  it('counts completed, no-shows and blanks', () => {
    const a = ReportingComplianceRule.assess(facts({ restrictions: [restriction(events('COMPLETED', 'NO_SHOW', null))] }));
    expect(a.value).toBe('IN_BREACH');
    expect(a.reasons[0]).toContain('1 completed, 1 no-show(s), 1 left blank');
  });
});

describe('RecommendedReportingFrequencyRule (004 §6.63–6.66)', () => {
  it.each([
    ['CC FNO, no exception → weekly', facts({ restrictions: [restriction(events('COMPLETED'))] }), 'WEEKLY'],
    ['bail case always weekly even if low harm', facts({ harmCategory: 'D', restrictions: [restriction([], { bail: true })] }), 'WEEKLY'],
    ['low harm D → exception', facts({ harmCategory: 'D', restrictions: [restriction([])] }), 'LESS_THAN_WEEKLY_PERMITTED'],
    ['history of compliance → exception', facts({ restrictions: [restriction(events(...Array(8).fill('COMPLETED')))] }), 'LESS_THAN_WEEKLY_PERMITTED'],
    ['not CC → reporting centre sets it', facts({ ownedByCriminalCasework: false, restrictions: [restriction([])] }), 'SET_BY_REPORTING_CENTRE'],
  ])('%s', (_l, f, value) => {
    expect(RecommendedReportingFrequencyRule.assess(f).value).toBe(value);
  });
  it('flags windows longer than one hour (§6.66)', () => {
    const a = RecommendedReportingFrequencyRule.assess(facts({ restrictions: [restriction([], { windowMinutes: 360 })] }));
    expect(a.reasons.join(' ')).toMatch(/360 minutes/);
  });
});

describe('ASSESSMENT_RULES', () => {
  it('is frozen, ordered and gives one assessment per rule, each citing guidance', () => {
    expect(Object.isFrozen(ASSESSMENT_RULES)).toBe(true);
    const all = assessAll(facts({ convictions: [conviction('ROBBERY', 24)] }));
    expect(all.map((a) => a.kind)).toEqual(ASSESSMENT_RULES.map((r) => r.kind));
    for (const a of all) {
      expect(a.guidance).toMatch(/\d{3} (§|fn)/);
      expect(a.reasons.length).toBeGreaterThan(0);
    }
  });
});

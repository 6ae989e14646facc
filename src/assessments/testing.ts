/** Builders for assessment tests: a neutral person, and conviction/event facts with refs. */
import type { AssessmentFacts, ConvictionFact, ReportingEventFact, RestrictionFact } from './types.js';

export function facts(overrides: Partial<AssessmentFacts> = {}): AssessmentFacts {
  return {
    today: '2017-03-01',
    nationality: 'NGA',
    convictions: [],
    arrests: [],
    cases: [],
    criminalCases: [],
    restrictions: [],
    travelDocument: { validPassportHeld: true, etdStatus: null, refs: [] },
    mappaLevel: 0,
    harmCategory: null,
    detained: false,
    ownedByCriminalCasework: true,
    ...overrides,
  };
}

let n = 0;
export function conviction(offenceCode: string, sentenceMonths: number | null, convictedOn = '2014-05-01', country = 'GBR'): ConvictionFact {
  n += 1;
  return { offenceCode, sentenceMonths, convictedOn, country, ref: { source: 'pnc', key: `2010/000000${n}X#${n}` } };
}

export function events(...results: (ReportingEventFact['result'])[]): ReportingEventFact[] {
  return results.map((result, i) => ({ ref: { source: 'cid', key: `RE${i + 1}` }, dueAt: `2017-01-${String(i + 2).padStart(2, '0')}T10:00:00Z`, result }));
}

export function restriction(evts: ReportingEventFact[], overrides: Partial<RestrictionFact> = {}): RestrictionFact {
  return { ref: { source: 'cid', key: 'R1' }, status: 'OPEN', frequency: 'WEEKLY', bail: false, windowMinutes: 60, events: evts, ...overrides };
}

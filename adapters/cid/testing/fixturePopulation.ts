/**
 * A small hand-built ground truth for the CID renderer and adapter tests: three people whose cases
 * cover CID's quirks (a person id reused across cases, a migrated pre-2008 case, each kind of
 * unclear owner unit, a criminal case with every detail, reporting events with each result, an ETD
 * application, notes on both sides of a BST change). Values are invented for tests.
 */
import type { NoiseOptions, Population, TrueCase, TruePerson } from '../../../mocks/estate/model.js';
import { NO_NOISE, truePerson } from '../../../mocks/estate/testing.js';

export { NO_NOISE };

function person(p: Partial<TruePerson> & Pick<TruePerson, 'id' | 'givenNames' | 'familyName' | 'dateOfBirth' | 'nationality' | 'cases'>): TruePerson {
  return truePerson(p);
}

function plainCase(c: Partial<TrueCase> & Pick<TrueCase, 'caseId' | 'cidPersonId' | 'type' | 'openedOn' | 'ownerUnit'>): TrueCase {
  return {
    status: 'OPEN',
    closedOn: null,
    caseworker: null,
    notes: [],
    criminal: null,
    restriction: null,
    etd: null,
    barriers: [],
    ...c,
  };
}

/** Person 1: asylum (migrated 2005), criminal (2012) and enforcement (2014, CID person id reused). */
export const IBRAHIM = person({
  id: 'TP0000001',
  givenNames: ['MOHAMMED', 'ALI'],
  familyName: 'IBRAHIM',
  dateOfBirth: '1984-03-07',
  nationality: 'NGA',
  placeOfBirth: 'KANO',
  hoRef: 'I1234567',
  fingerprintRef: 'IABS0001234',
  pncId: '2011/0012345K',
  passportNumber: 'A01234567',
  aliases: [{ givenNames: ['MUSA'], familyName: 'BELLO', dateOfBirth: '1983-07-03' }],
  mappaLevel: 2,
  harmCategory: 'B',
  tagged: true,
  noFixedAddress: false,
  convictions: [
    { id: 'CV1', convictedOn: '2011-05-20', offenceCode: 'ROBBERY', sentenceMonths: 30, court: 'LIVERPOOL CROWN COURT' },
  ],
  cases: [
    plainCase({
      caseId: 'C100001',
      cidPersonId: 'P500001',
      type: 'ASYLUM',
      status: 'REFUSED',
      openedOn: '2005-06-14',
      closedOn: '2006-02-01',
      ownerUnit: 'LIT LIVERPOOL',
      caseworker: 'J SMITH',
      notes: [{ at: '2005-06-14T10:15:00Z', author: 'J SMITH', text: 'Asylum claim lodged at screening unit.' }],
    }),
    plainCase({
      caseId: 'C200002',
      cidPersonId: 'P700002',
      type: 'CRIMINAL',
      status: 'OPEN',
      openedOn: '2012-01-10',
      ownerUnit: 'CRIMINAL CASEWORK LIVERPOOL',
      caseworker: 'A KHAN',
      criminal: {
        convictionIndex: 0,
        deportationDecisionOn: '2012-09-03',
        noticeServedBefore2008: false,
        s33Exception: false,
        releasedOn: '2013-02-15',
        band: 1,
        operationZincs: false,
      },
      notes: [
        { at: '2016-03-26T12:00:00Z', author: 'A KHAN', text: 'Reviewed: awaiting ETD.' },
        { at: '2016-03-28T12:00:00Z', author: 'A KHAN', text: 'Reporting instructions issued.' },
        { at: '2012-01-10T09:00:00Z', author: 'INTAKE CROYDON', text: 'Referral received from prison.' },
      ],
      restriction: {
        id: 'R300001',
        centre: 'DALLAS COURT',
        frequency: 'WEEKLY',
        windowStart: '10:00',
        windowMinutes: 60,
        bail: false,
        status: 'OPEN',
        startedOn: '2013-02-20',
        events: [
          { id: 'E1', dueAt: '2013-02-27T10:00:00Z', result: 'COMPLETED' },
          { id: 'E2', dueAt: '2013-03-06T10:00:00Z', result: 'NO_SHOW' },
          { id: 'E3', dueAt: '2013-07-10T09:00:00Z', result: null },
        ],
      },
      etd: { id: 'ETD9001', country: 'NGA', status: 'INTERVIEW_BOOKED', submittedOn: '2013-04-02', interviewOn: '2013-05-14' },
      barriers: ['NO_TRAVEL_DOCUMENT'],
    }),
    plainCase({
      caseId: 'C300003',
      cidPersonId: 'P500001',
      type: 'ENFORCEMENT',
      status: 'CLOSED',
      openedOn: '2014-08-01',
      closedOn: '2014-12-01',
      ownerUnit: 'NO UNIT',
    }),
  ],
});

/** Person 2: a German national (CID writes `D`), one case with a blank owner unit. */
export const WEBER = person({
  id: 'TP0000002',
  givenNames: ['ANNA'],
  familyName: 'WEBER',
  gender: 'F',
  dateOfBirth: '1990-01-31',
  nationality: 'DEU',
  placeOfBirth: 'KOLN',
  hoRef: 'W7654321',
  cases: [
    plainCase({ caseId: 'C400004', cidPersonId: 'P800004', type: 'EEA_RESIDENCE', status: 'GRANTED', openedOn: '2015-03-02', closedOn: '2015-06-30', ownerUnit: '' }),
  ],
});

/** Person 3: two cases, "NOT IN USE" and a current unit, each with its own CID person id. */
export const NGUYEN = person({
  id: 'TP0000003',
  givenNames: ['VAN', 'MINH'],
  familyName: "O'NGUYEN",
  dateOfBirth: '1979-11-05',
  nationality: 'VNM',
  placeOfBirth: 'HANOI',
  hoRef: 'N1111111',
  passportNumber: 'C9876543',
  cases: [
    plainCase({ caseId: 'C500005', cidPersonId: 'P900005', type: 'VISIT_VISA', status: 'GRANTED', openedOn: '2009-04-01', closedOn: '2009-04-20', ownerUnit: 'NOT IN USE' }),
    plainCase({
      caseId: 'C600006',
      cidPersonId: 'P900006',
      type: 'HUMAN_RIGHTS',
      status: 'OPEN',
      openedOn: '2016-10-30',
      ownerUnit: 'REMOVALS CASEWORK (FAMILY RETURNS UNIT)',
      // Late on a summer evening in UTC is past midnight in UK local time.
      notes: [{ at: '2016-07-31T23:30:00Z', author: 'B OKAFOR', text: 'Human rights claim acknowledged.' }],
    }),
  ],
});

export function fixturePopulation(noise: NoiseOptions = NO_NOISE): Population {
  return {
    options: { seed: 7, persons: 3, today: '2017-01-01', noise },
    persons: [IBRAHIM, WEBER, NGUYEN],
  };
}

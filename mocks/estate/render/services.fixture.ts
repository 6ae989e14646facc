/**
 * A small hand-built ground truth for the PNC, ACRO and DVA tests, with one person per situation
 * the services must reproduce: a foreign national offender with convictions, an absconder
 * circulation and ACRO checks by the Home Office, West Yorkshire and the MPS (one never answered);
 * a genuine British citizen with a passport; a false British claimant (no British passport); a
 * person with an ACRO check still to be answered; a person unknown to PNC.
 */
import type { EstateOptions, Population, TruePerson } from '../model.js';
import { BLANK_PERSON, NO_NOISE } from '../testing.js';

const ZERO_NOISE = NO_NOISE;

const base = BLANK_PERSON;

export const FIXTURE_PERSONS: readonly TruePerson[] = [
  {
    ...base,
    id: 'TP0000001',
    givenNames: ['CHUKWUEMEKA', 'JOHN'],
    familyName: 'OKAFOR',
    gender: 'M',
    dateOfBirth: '1985-03-15',
    nationality: 'NGA',
    placeOfBirth: 'Lagos',
    aliases: [{ givenNames: ['EMEKA'], familyName: 'OKAFOR', dateOfBirth: '1985-05-03' }],
    hoRef: 'O1234567',
    pncId: '2009/0123456K',
    croNumber: '123456/09A',
    convictions: [
      { id: 'C1', convictedOn: '2012-06-12', offenceCode: 'ROBBERY', sentenceMonths: 18, court: 'Leeds Crown Court' },
      { id: 'C2', convictedOn: '2014-01-20', offenceCode: 'THEFT', sentenceMonths: null, court: 'Leeds Magistrates' },
      { id: 'C3', convictedOn: '2016-09-01', offenceCode: 'GBH-S18', sentenceMonths: 30, court: 'Bradford Crown Court' },
    ],
    circulations: [{ type: 'ABSCONDER', since: '2019-02-01', force: 'HOME_OFFICE', reference: 'HO/ABS/0001' }],
    acroChecks: [
      {
        ref: 'ACRO/17/000101',
        instigator: 'HOME_OFFICE',
        requestedAt: '2017-03-01T10:00:00Z',
        outcome: 'RESULTS',
        answeredAt: '2017-04-12T09:30:00Z',
        results: [{ country: 'NGA', convictedOn: '2004-07-01', offenceCode: 'RAPE', sentence: '7 years imprisonment' }],
      },
      {
        ref: 'ACRO/18/000202',
        instigator: 'WYP',
        requestedAt: '2018-05-01T10:00:00Z',
        outcome: 'RESULTS',
        answeredAt: '2018-05-20T11:00:00Z',
        results: [{ country: 'NGA', convictedOn: '2003-02-11', offenceCode: 'THEFT', sentence: 'fine' }],
      },
      { ref: 'ACRO/19/000303', instigator: 'MPS', requestedAt: '2019-08-01T08:00:00Z', outcome: 'NEVER', answeredAt: null, results: [] },
    ],
  },
  {
    ...base,
    id: 'TP0000002',
    givenNames: ['SARAH'],
    familyName: 'JONES',
    gender: 'F',
    dateOfBirth: '1990-11-02',
    nationality: 'GBR',
    placeOfBirth: 'Leeds',
    pncId: '2011/0654321Z',
    croNumber: null,
    passportNumber: '512345678',
    convictions: [{ id: 'C4', convictedOn: '2011-04-04', offenceCode: 'SHOPLIFTING', sentenceMonths: null, court: 'Leeds Magistrates' }],
  },
  {
    ...base,
    id: 'TP0000003',
    givenNames: ['MOHAMMED'],
    familyName: 'HUSSAIN',
    gender: 'M',
    dateOfBirth: '1979-07-07',
    nationality: 'PAK',
    placeOfBirth: 'Lahore',
    falseClaim: 'BRITISH',
    pncId: '2015/0777777M',
    croNumber: '777777/15B',
    passportNumber: 'PK1234567',
    convictions: [{ id: 'C5', convictedOn: '2015-10-10', offenceCode: 'DRUGS-SUPPLY-A', sentenceMonths: 48, court: 'Birmingham Crown Court' }],
    circulations: [{ type: 'WANTED', since: '2020-01-15', force: 'WMP', reference: 'WMP/20/0042' }],
    acroChecks: [
      { ref: 'ACRO/20/000404', instigator: 'HOME_OFFICE', requestedAt: '2020-02-01T10:00:00Z', outcome: 'PENDING', answeredAt: null, results: [] },
    ],
  },
  {
    ...base,
    id: 'TP0000004',
    givenNames: ['ANA', 'MARIA'],
    familyName: 'POPESCU',
    gender: 'F',
    dateOfBirth: '1995-01-30',
    nationality: 'ROU',
    placeOfBirth: 'Cluj',
    acroChecks: [
      { ref: 'ACRO/20/000505', instigator: 'WYP', requestedAt: '2020-03-03T10:00:00Z', outcome: 'NO_TRACE', answeredAt: '2020-03-20T10:00:00Z', results: [] },
    ],
  },
  {
    ...base,
    id: 'TP0000005',
    givenNames: ['JAMES'],
    familyName: 'SMITH',
    gender: 'M',
    dateOfBirth: '1970-12-25',
    nationality: 'GBR',
    placeOfBirth: 'York',
    passportNumber: '598765432',
  },
];

export const FIXTURE_TODAY = '2021-06-30';

/** The fixture as a Population; `noise` defaults to none so tests can predict every value. */
export function servicesFixturePopulation(noise: EstateOptions['noise'] = ZERO_NOISE): Population {
  return { options: { seed: 7, persons: FIXTURE_PERSONS.length, today: FIXTURE_TODAY, noise }, persons: FIXTURE_PERSONS };
}

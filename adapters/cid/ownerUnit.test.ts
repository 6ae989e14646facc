import { describe, expect, it } from 'vitest';
import { readOwnerUnit } from './ownerUnit.js';

describe('readOwnerUnit (004 §6.10, §6.16)', () => {
  it.each([
    ['CRIMINAL CASEWORK LIVERPOOL', 'CRIMINAL CASEWORK LIVERPOOL', null],
    ['  criminal  casework leeds ', 'CRIMINAL CASEWORK LEEDS', null],
    ['NO UNIT', null, 'NO_UNIT'],
    ['no unit', null, 'NO_UNIT'],
    ['NOT IN USE', null, 'NOT_IN_USE'],
    ['', null, 'BLANK'],
    ['   ', null, 'BLANK'],
    [null, null, 'BLANK'],
    ['LIT LIVERPOOL', 'LIT LIVERPOOL', 'OBSOLETE_UNIT'],
    ['LOCAL IMMIGRATION TEAM - CROYDON', 'LOCAL IMMIGRATION TEAM - CROYDON', 'OBSOLETE_UNIT'],
    ['UKBA CROYDON', 'UKBA CROYDON', 'OBSOLETE_UNIT'],
    ['UNIDENTIFIED GROUP 7', 'UNIDENTIFIED GROUP 7', 'UNIDENTIFIED_GROUP'],
    ['LITTLEHAMPTON REPORTING CENTRE', 'LITTLEHAMPTON REPORTING CENTRE', null],
  ])('%j → unit %j, unclear %j', (label, unit, reason) => {
    expect(readOwnerUnit(label)).toEqual({ label, unit, ownershipUnclear: reason });
  });
});

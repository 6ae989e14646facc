import { describe, expect, it } from 'vitest';
import { expandYear, parseHandTypedDate } from './parse-date.js';
import { nameFromOneCell, normaliseCaseId, parseBand, parseBarriers, parseYesNo, splitDiaryCell } from './parse-values.js';

describe('parseHandTypedDate', () => {
  it.each([
    ['3/4/85', 'birth', '1985-04-03'],
    ['03.04.1985', 'birth', '1985-04-03'],
    ['03/04/1985', 'birth', '1985-04-03'],
    ['3-4-1985', 'birth', '1985-04-03'],
    ['3rd April 2016', 'event', '2016-04-03'],
    ['21st Sept 2016', 'event', '2016-09-21'],
    ['3 Apr 16', 'event', '2016-04-03'],
    ['2016-04-03', 'event', '2016-04-03'],
    [' 29/2/16 ', 'event', '2016-02-29'],
    ['1/1/17', 'birth', '1917-01-01'], // a birth cannot lie after the reference year 2016
    ['1/1/17', 'event', '2017-01-01'],
  ] as const)('%s (%s) → %s', (raw, kind, date) => {
    const parsed = parseHandTypedDate(raw, kind, 2016);
    expect(parsed.problem).toBeNull();
    expect(parsed.value).toEqual({ date, month: date.slice(0, 7), raw });
  });

  it.each([
    ['Apr-16', '2016-04', /only a month/],
    ['06/1967', '1967-06', /only a month/],
    ['31/02/2016', '2016-02', /not a real day/],
    ['29/2/17', '2017-02', /not a real day/],
  ] as const)('%s keeps the month %s and reports %s', (raw, month, problem) => {
    const parsed = parseHandTypedDate(raw, 'event', 2017);
    expect(parsed.value).toEqual({ date: null, month, raw });
    expect(parsed.problem).toMatch(problem);
  });

  it.each(['TBC', 'tbc', 'N/K', '??/??/????', 'unknown', 'w/c Monday', '16/1961', ''])('%s is reported, not guessed', (raw) => {
    const parsed = parseHandTypedDate(raw, 'birth', 2017);
    expect(parsed.value.date).toBeNull();
    expect(parsed.problem).toContain(`"${raw}"`);
  });

  it('puts two-digit event years in the century nearest the reference year', () => {
    expect(expandYear('99', 'event', 2017)).toBe(1999);
    expect(expandYear('18', 'event', 2017)).toBe(2018);
    expect(expandYear('18', 'birth', 2017)).toBe(1918);
    expect(expandYear('85', 'birth', 2017)).toBe(1985);
  });
});

describe('parse values', () => {
  it.each([
    ['CC1234567', 'CC1234567'],
    [' CC1234567  ', 'CC1234567'],
    ['CC 1234567', 'CC1234567'],
    ['cc1234567', 'CC1234567'],
    ['   ', null],
  ])('case id %j → %j', (raw, id) => expect(normaliseCaseId(raw)).toBe(id));

  it.each([
    ['2', 2],
    ['Band 3', 3],
    ['B1', 1],
    ['band4', 4],
    ['4.0', 4],
  ])('band %j → %d', (raw, band) => expect(parseBand(raw)).toEqual({ value: band, problem: null }));

  it.each(['?', 'tbc', '1/2', '5', 'Band 0'])('band %j is reported', (raw) => {
    expect(parseBand(raw).value).toBeNull();
    expect(parseBand(raw).problem).toContain(raw);
  });

  it('reads barrier shorthand, several to a cell, and resolved marks', () => {
    expect(parseBarriers(['AS claim o/s; No ETD'])).toEqual({ barriers: ['NO_TRAVEL_DOCUMENT', 'OUTSTANDING_ASYLUM_CLAIM'], resolvedMarks: null, unknown: [] });
    expect(parseBarriers(['FRs lodged + PAP letter / JR', 'FLR app o/s']).barriers).toEqual(['FURTHER_REPRESENTATIONS', 'JUDICIAL_REVIEW', 'OUTSTANDING_APPLICATION']);
    expect(parseBarriers(['JR pending - RESOLVED', 'No TD (resolved)']).resolvedMarks).toBe(true);
    expect(parseBarriers(['JR pending - RESOLVED', 'No TD']).resolvedMarks).toBe(false);
    expect(parseBarriers(['None', 'n/a', '-'])).toEqual({ barriers: [], resolvedMarks: null, unknown: [] });
    expect(parseBarriers(['see notes & Fresh asylum claim'])).toEqual({ barriers: ['OUTSTANDING_ASYLUM_CLAIM'], resolvedMarks: null, unknown: ['see notes'] });
  });

  it('reads yes/no cells and reports anything else', () => {
    expect(parseYesNo('Yes').value).toBe(true);
    expect(parseYesNo('Poss').value).toBe(true);
    expect(parseYesNo('N').value).toBe(false);
    expect(parseYesNo('N/A')).toEqual({ value: null, problem: null });
    expect(parseYesNo('maybe').problem).toMatch(/maybe/);
  });

  it.each([
    ['KHAN, Yusuf Ali', 'KHAN', ['YUSUF', 'ALI']],
    ['Yusuf Khan', 'KHAN', ['YUSUF']],
    ['KHAN Yusuf', 'KHAN', ['YUSUF']],
    ['Éloïse Dupré', 'DUPRE', ['ELOISE']],
  ])('name %j → %s %j', (raw, family, given) => {
    expect(nameFromOneCell(raw)).toEqual({ family, given, original: raw });
  });

  it('splits a Leeds diary cell into date and action', () => {
    expect(splitDiaryCell('12/06/17 - ETD chase')).toEqual({ dateText: '12/06/17', action: 'ETD chase' });
    expect(splitDiaryCell('7th June 2017 - Reports - check outcome')).toEqual({ dateText: '7th June 2017', action: 'Reports - check outcome' });
    expect(splitDiaryCell('TBC - Review')).toEqual({ dateText: 'TBC', action: 'Review' });
    expect(splitDiaryCell('Reports - check outcome')).toEqual({ dateText: null, action: 'Reports - check outcome' });
  });
});

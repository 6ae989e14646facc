import { describe, expect, it } from 'vitest';
import { isEea } from '../../src/domain/nationality.js';
import { offenceByCode } from '../../src/domain/offences.js';
import { estateNowMs } from './calendar.js';
import { isValidPncId } from './identifiers.js';
import type { EstateOptions, TruePerson } from './model.js';
import { NAME_VARIANTS, DEFAULT_NOISE, spellingsOf } from './noise.js';
import { generatePopulation, personId } from './population.js';
import { SHOWCASE_TAGS } from './showcase.js';

const options = (over: Partial<EstateOptions> = {}): EstateOptions => ({ seed: 42, persons: 250, today: '2017-03-01', noise: DEFAULT_NOISE, ...over });

// One larger population for the distribution checks (no rendering, so it is cheap).
const big = generatePopulation(options({ persons: 2500, seed: 7 }));
const byId = (id: string): TruePerson => big.persons.find((p) => p.id === id)!;
const UNCLEAR = (unit: string) => unit === 'NO UNIT' || unit === 'NOT IN USE' || unit === '' || unit.startsWith('LOCAL IMMIGRATION TEAM');

describe('generatePopulation: determinism', () => {
  it('gives a deep-equal population for the same seed and options', () => {
    expect(generatePopulation(options())).toEqual(generatePopulation(options()));
  });

  it('gives a different population for a different seed', () => {
    const a = generatePopulation(options({ seed: 1 }));
    const b = generatePopulation(options({ seed: 2 }));
    expect(a.persons.slice(8).map((p) => p.familyName)).not.toEqual(b.persons.slice(8).map((p) => p.familyName));
  });

  it('keeps the first persons when more persons are asked for (one Rng fork per person)', () => {
    const small = generatePopulation(options({ persons: 50 }));
    const larger = generatePopulation(options({ persons: 80 }));
    expect(larger.persons.slice(0, 50).map((p) => [p.id, p.familyName, p.dateOfBirth])).toEqual(small.persons.map((p) => [p.id, p.familyName, p.dateOfBirth]));
  });

  it('rejects bad options, naming them', () => {
    expect(() => generatePopulation(options({ persons: 0 }))).toThrow(/persons/);
    expect(() => generatePopulation(options({ today: '2017-13-01' }))).toThrow(/2017-13-01/);
    expect(() => generatePopulation(options({ today: '2015-01-01' }))).toThrow(/today must be on or after/);
    expect(() => generatePopulation(options({ noise: { ...DEFAULT_NOISE, nameTypo: 2 } }))).toThrow(/nameTypo/);
  });
});

describe('generatePopulation: integrity', () => {
  const nowMs = estateNowMs('2017-03-01');

  it('numbers persons TP0000001.. in order and allocates unique identifiers', () => {
    expect(big.persons.map((p) => p.id)).toEqual(big.persons.map((_, i) => personId(i)));
    const seen = new Map<string, string>();
    const unique = (kind: string, value: string | null, owner: string) => {
      if (value == null) return;
      const key = `${kind}:${value}`;
      const prev = seen.get(key);
      if (prev !== undefined && prev !== owner) throw new Error(`${key} used by ${prev} and ${owner}`);
      seen.set(key, owner);
    };
    for (const p of big.persons) {
      for (const [k, v] of [['ho', p.hoRef], ['fp', p.fingerprintRef], ['pnc', p.pncId], ['cro', p.croNumber], ['passport', p.passportNumber]] as const) unique(k, v, p.id);
      for (const c of p.cases) {
        unique('case', c.caseId, c.caseId);
        unique('cidPerson', c.cidPersonId, p.id); // a CID person id is never shared by two true persons
      }
      for (const a of p.arrests) unique(`custody:${a.force}`, a.custodyRecord, a.custodyRecord);
      for (const a of p.acroChecks) unique('acro', a.ref, a.ref);
    }
  });

  it('has PNC ids with valid check letters for everyone arrested or convicted, and only them', () => {
    for (const p of big.persons) {
      const touched = p.arrests.length > 0 || p.convictions.length > 0;
      expect(p.pncId != null, p.id).toBe(touched);
      if (p.pncId) expect(isValidPncId(p.pncId), p.pncId).toBe(true);
      expect(p.croNumber != null, p.id).toBe(p.convictions.length > 0);
    }
  });

  it('keeps every life before the estate now, except scheduled reporting events', () => {
    const nowIso = new Date(nowMs).toISOString().slice(0, 19);
    for (const p of big.persons) {
      for (const a of p.arrests) {
        expect(a.arrestedAt < nowIso + 'Z', `${p.id} arrest`).toBe(true);
        if (a.releasedAt) expect(a.releasedAt >= a.arrestedAt).toBe(true);
        if (a.statusCheck) expect(a.statusCheck.requestedAt >= a.arrestedAt).toBe(true);
      }
      for (const c of p.convictions) expect(c.convictedOn < '2017-03-01', p.id).toBe(true);
      for (const c of p.cases) {
        expect(c.openedOn < '2017-03-01', `${p.id} ${c.caseId}`).toBe(true);
        for (const n of c.notes) expect(n.at < '2017-03-01T08:00:00Z', `${p.id} note`).toBe(true);
        for (const e of c.restriction?.events ?? []) {
          if (Date.parse(e.dueAt) >= nowMs) expect(e.result, 'future events have no result').toBeNull();
        }
      }
      for (const a of p.acroChecks) if (a.answeredAt) expect(a.answeredAt > a.requestedAt).toBe(true);
    }
  });

  it('uses only known offence codes and points criminal cases at their conviction', () => {
    for (const p of big.persons) {
      for (const c of p.convictions) expect(offenceByCode(c.offenceCode), c.offenceCode).toBeDefined();
      for (const a of p.arrests) expect(offenceByCode(a.offenceCode), a.offenceCode).toBeDefined();
      for (const a of p.acroChecks) for (const r of a.results) expect(offenceByCode(r.offenceCode)).toBeDefined();
      for (const c of p.cases) {
        if (c.type !== 'CRIMINAL') continue;
        expect(p.convictions[c.criminal!.convictionIndex], `${p.id} conviction index`).toBeDefined();
      }
    }
  });

  it('never gives EEA or British nationals Home Office fingerprints; British persons appear only in custody', () => {
    for (const p of big.persons) {
      if (p.nationality === 'GBR' || isEea(p.nationality)) expect(p.fingerprintRef, p.id).toBeNull();
      if (p.nationality === 'GBR') {
        expect(p.cases, p.id).toEqual([]);
        expect(p.arrests.length).toBeGreaterThan(0);
      }
    }
  });

  it('raises a fingerprint hit only in MPS and WMP custody and only for Home Office-fingerprinted persons', () => {
    let hits = 0;
    for (const p of big.persons) {
      for (const a of p.arrests) {
        if (!a.fingerprintHit) continue;
        hits++;
        expect(a.force).not.toBe('WYP');
        expect(a.fingerprinted).toBe(true);
        expect(p.fingerprintRef).not.toBeNull();
      }
    }
    expect(hits).toBeGreaterThan(20);
  });
});

describe('generatePopulation: distributions (DOMAIN.md figures)', () => {
  const persons = big.persons.slice(8);
  const arrests = persons.flatMap((p) => p.arrests.map((a) => ({ a, p })));
  const foreign = arrests.filter(({ p }) => p.nationality !== 'GBR');
  const criminal = persons.flatMap((p) => p.cases.filter((c) => c.type === 'CRIMINAL').map((c) => ({ c, p })));

  it('makes foreign nationals about 27–35% of arrests (002 §1.1)', () => {
    const share = foreign.length / arrests.length;
    expect(share).toBeGreaterThan(0.24);
    expect(share).toBeLessThan(0.4);
  });

  it('refers foreign nationals to CCU most in London, just over a third in WMP, under 15% in WYP (001 §4.8–4.11)', () => {
    const ccu = (force: string) => {
      const fa = foreign.filter(({ a }) => a.force === force && a.releasedAt != null);
      return fa.filter(({ a }) => a.statusCheck?.route === 'CCU').length / fa.length;
    };
    expect(ccu('MPS')).toBeGreaterThan(0.5);
    expect(ccu('WMP')).toBeGreaterThan(0.2);
    expect(ccu('WMP')).toBeLessThan(0.45);
    expect(ccu('WYP')).toBeLessThan(0.15);
    // WYP: most go direct to local IOs (2,920 vs 881).
    const wyp = foreign.filter(({ a }) => a.force === 'WYP');
    expect(wyp.filter(({ a }) => a.statusCheck?.route === 'LOCAL_IO').length).toBeGreaterThan(wyp.filter(({ a }) => a.statusCheck?.route === 'CCU').length * 2);
    // Some foreign nationals in WMP custody are never referred (001 §4.3).
    const wmp = foreign.filter(({ a }) => a.force === 'WMP');
    expect(wmp.filter(({ a }) => a.statusCheck == null).length / wmp.length).toBeGreaterThan(0.04);
  });

  it('leaves about a third of criminal cases with unclear ownership, in every label (004 §6.10, Figure 3)', () => {
    const unclear = criminal.filter(({ c }) => UNCLEAR(c.ownerUnit));
    expect(unclear.length / criminal.length).toBeGreaterThan(0.25);
    expect(unclear.length / criminal.length).toBeLessThan(0.42);
    const labels = new Set(unclear.map(({ c }) => (c.ownerUnit.startsWith('LOCAL IMMIGRATION TEAM') ? 'LIT' : c.ownerUnit)));
    expect([...labels].sort()).toEqual(['', 'LIT', 'NO UNIT', 'NOT IN USE']);
    expect(criminal.some(({ c }) => c.criminal?.operationZincs)).toBe(true);
    for (const unit of ['CRIMINAL CASEWORK CROYDON', 'CRIMINAL CASEWORK LIVERPOOL', 'CRIMINAL CASEWORK LEEDS']) {
      expect(criminal.some(({ c }) => c.ownerUnit === unit), unit).toBe(true);
    }
  });

  it('records about 12% of the non-detained criminal caseload as absconders (004 §7.20)', () => {
    const nonDetained = criminal.filter(({ c, p }) => !p.detained && c.status === 'OPEN' && c.restriction);
    const absconders = nonDetained.filter(({ c }) => c.restriction!.status === 'ABSCONDER');
    const share = absconders.length / nonDetained.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.2);
    // Absconders end on a run of at least three no-shows (004 §7.26).
    for (const { c } of absconders) {
      const tail = c.restriction!.events.slice(-3).map((e) => e.result);
      expect(tail).toEqual(['NO_SHOW', 'NO_SHOW', 'NO_SHOW']);
    }
  });

  it('orders barriers as the failed charter removals did: asylum > judicial review > further representations (004 §7.19)', () => {
    // Non-EEA only: EEA nationals cannot claim asylum and need no travel document.
    const count = (b: string) => criminal.filter(({ c, p }) => !isEea(p.nationality) && c.barriers.includes(b as never)).length;
    expect(count('OUTSTANDING_ASYLUM_CLAIM')).toBeGreaterThan(count('JUDICIAL_REVIEW'));
    expect(count('JUDICIAL_REVIEW')).toBeGreaterThan(count('FURTHER_REPRESENTATIONS') * 0.9);
    expect(count('NO_TRAVEL_DOCUMENT')).toBeGreaterThan(0);
    // A barrier has the open case behind it.
    for (const { c, p } of criminal) {
      if (c.barriers.includes('JUDICIAL_REVIEW')) expect(p.cases.some((x) => x.type === 'JUDICIAL_REVIEW' && x.status === 'OPEN')).toBe(true);
      if (c.barriers.includes('NO_TRAVEL_DOCUMENT')) expect(p.passportNumber).toBeNull();
    }
  });

  it('reports FNOs weekly mostly and the rest of the reporting population monthly mostly (004 §6.63–6.64)', () => {
    const restrictions = persons.flatMap((p) => p.cases.flatMap((c) => (c.restriction ? [{ c, r: c.restriction }] : [])));
    const fno = restrictions.filter(({ c }) => c.type === 'CRIMINAL');
    const other = restrictions.filter(({ c }) => c.type !== 'CRIMINAL');
    expect(fno.filter(({ r }) => r.frequency === 'WEEKLY').length / fno.length).toBeGreaterThan(0.6);
    expect(other.filter(({ r }) => r.frequency === 'MONTHLY').length / other.length).toBeGreaterThan(0.5);
    const results = restrictions.flatMap(({ r }) => r.events.filter((e) => Date.parse(e.dueAt) < estateNowMs('2017-03-01')).map((e) => e.result));
    expect(results).toContain('COMPLETED');
    expect(results).toContain('NO_SHOW');
    expect(results).toContain(null); // blank: not recorded (004 §7.21)
  });

  it('has High Harm intelligence on a minority of offenders, liability to deportation and time-served-without-decision cases', () => {
    const offenders = persons.filter((p) => p.cases.some((c) => c.type === 'CRIMINAL'));
    const hh = offenders.filter((p) => p.highHarmIntelligence).length / offenders.length;
    expect(hh).toBeGreaterThan(0.03);
    expect(hh).toBeLessThan(0.3);
    const liable = criminal.filter(({ c, p }) => (p.convictions[c.criminal!.convictionIndex]!.sentenceMonths ?? 0) >= 12);
    expect(liable.length / criminal.length).toBeGreaterThan(0.6);
    const noDecision = criminal.filter(({ c }) => c.criminal!.releasedOn != null && c.criminal!.releasedOn < '2016-03-01' && c.criminal!.deportationDecisionOn == null);
    expect(noDecision.length).toBeGreaterThan(0);
    expect(offenders.some((p) => p.mappaLevel === 2 || p.mappaLevel === 3)).toBe(true);
    expect(offenders.some((p) => p.mappaLevel === 'EX')).toBe(true);
    for (const band of [1, 2, 3, 4]) expect(criminal.some(({ c }) => c.criminal!.band === band), `band ${band}`).toBe(true);
  });

  it('has ACRO checks from the Home Office and each force, with every outcome', () => {
    const checks = persons.flatMap((p) => p.acroChecks);
    expect(new Set(checks.map((c) => c.instigator))).toEqual(new Set(['HOME_OFFICE', 'MPS', 'WMP', 'WYP']));
    expect(new Set(checks.map((c) => c.outcome))).toEqual(new Set(['RESULTS', 'NO_TRACE', 'PENDING', 'NEVER']));
    const results = checks.flatMap((c) => c.results);
    expect(results.some((r) => offenceByCode(r.offenceCode)!.hosol)).toBe(true);
    expect(results.some((r) => !offenceByCode(r.offenceCode)!.hosol)).toBe(true);
  });

  it('puts some people in custody now, within the last 36 hours, some not yet status-checked', () => {
    const now = estateNowMs('2017-03-01');
    const inCustody = arrests.filter(({ a }) => a.releasedAt == null);
    expect(inCustody.length).toBeGreaterThan(5);
    for (const { a } of inCustody) {
      expect(now - Date.parse(a.arrestedAt)).toBeLessThanOrEqual(36 * 3600_000);
      expect(now - Date.parse(a.arrestedAt)).toBeGreaterThan(0);
    }
    expect(inCustody.some(({ a, p }) => p.nationality !== 'GBR' && a.statusCheck == null)).toBe(true);
  });

  it('produces false British/EEA claims, aliases, circulations and transliteration variants', () => {
    expect(persons.some((p) => p.falseClaim === 'BRITISH' && p.arrests.some((a) => a.declaredNationality === 'GBR'))).toBe(true);
    expect(persons.some((p) => p.falseClaim === 'EEA' && p.arrests.some((a) => isEea(a.declaredNationality)))).toBe(true);
    const aliasShare = persons.filter((p) => p.aliases.length > 0).length / persons.length;
    expect(aliasShare).toBeGreaterThan(0.1);
    expect(aliasShare).toBeLessThan(0.2);
    expect(persons.some((p) => p.circulations.some((c) => c.type === 'WANTED'))).toBe(true);
    const variantNames = new Set(NAME_VARIANTS.flat());
    expect(persons.filter((p) => [...p.givenNames, p.familyName].some((n) => variantNames.has(n))).length).toBeGreaterThan(50);
  });
});

describe('generatePopulation: rarer events (a larger population)', () => {
  it('circulates about 2 in 11 absconders on PNC (002 §4.49–4.50)', () => {
    const large = generatePopulation(options({ persons: 8000, seed: 11 }));
    const absconders = large.persons.slice(8).filter((p) => p.cases.some((c) => c.restriction?.status === 'ABSCONDER'));
    const circulated = absconders.filter((p) => p.circulations.some((c) => c.type === 'ABSCONDER'));
    expect(absconders.length).toBeGreaterThan(40);
    expect(circulated.length / absconders.length).toBeGreaterThan(0.06);
    expect(circulated.length / absconders.length).toBeLessThan(0.35);
  });
});

describe('generatePopulation: twins and namesakes (hard negatives)', () => {
  it('makes twins: same family name, date and place of birth, another given name', () => {
    const twins = big.persons.filter((p) => p.resembles?.kind === 'TWIN');
    expect(twins.length).toBeGreaterThan(5);
    for (const t of twins) {
      const other = byId(t.resembles!.personId);
      expect([t.familyName, t.dateOfBirth, t.placeOfBirth, t.nationality]).toEqual([other.familyName, other.dateOfBirth, other.placeOfBirth, other.nationality]);
      expect(t.givenNames).not.toEqual(other.givenNames);
      // Another forename: none of the other twin's given names, nor a spelling of one.
      const taken = new Set(other.givenNames.flatMap(spellingsOf));
      expect(t.givenNames.filter((g) => taken.has(g))).toEqual([]);
    }
  });

  it("never gives a twin the other twin's forename, middle name or a spelling of one (many twins)", () => {
    const pop = generatePopulation(options({ persons: 3000, seed: 11, noise: { ...DEFAULT_NOISE, twinRate: 0.5, namesakeRate: 0 } }));
    const twins = pop.persons.filter((p) => p.resembles?.kind === 'TWIN');
    expect(twins.length).toBeGreaterThan(1000);
    const clashes = twins.filter((t) => {
      const other = pop.persons.find((p) => p.id === t.resembles!.personId)!;
      const taken = new Set(other.givenNames.flatMap(spellingsOf));
      return t.givenNames.some((g) => taken.has(g));
    });
    expect(clashes.map((t) => t.id)).toEqual([]);
  });

  it('makes namesakes: same names, same or close date of birth, different person', () => {
    const namesakes = big.persons.filter((p) => p.resembles?.kind === 'NAMESAKE');
    expect(namesakes.length).toBeGreaterThan(10);
    for (const n of namesakes) {
      const other = byId(n.resembles!.personId);
      expect([n.givenNames, n.familyName]).toEqual([other.givenNames, other.familyName]);
      expect(n.id).not.toBe(other.id);
    }
    expect(namesakes.some((n) => n.dateOfBirth === byId(n.resembles!.personId).dateOfBirth)).toBe(true);
  });
});

describe('generatePopulation: showcase persons', () => {
  const show = (i: number) => big.persons[i]!;

  it('puts the eight scripted persons at TP0000001..TP0000008 with their tags', () => {
    expect(big.persons.slice(0, 8).map((p) => [p.id, p.showcase])).toEqual(SHOWCASE_TAGS.map((t, i) => [personId(i), t]));
    expect(big.persons.slice(8).every((p) => p.showcase === undefined)).toBe(true);
  });

  it('(1) lives 001 Figure 1', () => {
    const p = show(0);
    expect(p.cases.map((c) => [c.type, c.openedOn])).toEqual([
      ['VISIT_VISA', '2010-10-20'], ['ENFORCEMENT', '2013-07-23'], ['ASYLUM', '2013-10-04'], ['ENFORCEMENT', '2014-05-22'],
      ['ENFORCEMENT', '2015-11-07'], ['HUMAN_RIGHTS', '2016-05-11'], ['JUDICIAL_REVIEW', '2016-06-24'],
    ]);
    expect(p.arrests.map((a) => [a.arrestedAt.slice(0, 10), a.offenceCode, a.statusCheck?.route])).toEqual([
      ['2013-07-16', 'FALSE-DOCS', 'CCU'], ['2014-05-22', 'FRAUD', 'CCU'], ['2015-11-06', 'DRUGS-POSS', 'CCU'], ['2015-11-07', 'PUBLIC-ORDER', 'CCU'], ['2016-05-07', 'DRUGS-POSS', 'CCU'],
    ]);
    expect(p.arrests.every((a) => a.statusCheck?.result === 'IMMIGRATION_OFFENDER')).toBe(true);
    expect(p.cases[1]!.etd).toMatchObject({ status: 'NOT_STARTED', interviewOn: '2013-10-04' });
    expect(p.cases[1]!.restriction).toMatchObject({ status: 'ABSCONDER', startedOn: '2013-11-19' });
    expect(p.cases[2]).toMatchObject({ status: 'REFUSED', closedOn: '2014-04-15' });
    expect(p.cases[3]!.restriction!.events.map((e) => e.result)).toEqual(['NO_SHOW', 'NO_SHOW', 'NO_SHOW']);
    expect(p.circulations).toMatchObject([{ type: 'ABSCONDER', since: '2014-06-19' }]);
    expect(p.cases[4]!.barriers).toEqual(['JUDICIAL_REVIEW', 'NO_TRAVEL_DOCUMENT']);
    expect(p.detained).toBe(true);
    expect(new Set(p.cases.map((c) => c.cidPersonId)).size).toBeGreaterThan(1); // fragmented on CID
  });

  it('(2) has a first no-show only, at the latest past event', () => {
    const r = show(1).cases.find((c) => c.type === 'CRIMINAL')!.restriction!;
    const past = r.events.filter((e) => Date.parse(e.dueAt) < estateNowMs('2017-03-01'));
    expect(past.at(-1)!.result).toBe('NO_SHOW');
    expect(past.slice(0, -1).every((e) => e.result === 'COMPLETED')).toBe(true);
    expect(r.status).toBe('OPEN');
    expect(estateNowMs('2017-03-01') - Date.parse(past.at(-1)!.dueAt)).toBeLessThan(7 * 86_400_000);
  });

  it('(3) is High Harm by PNC convictions only', () => {
    const p = show(2);
    const rb = p.convictions.filter((c) => ['ROBBERY', 'BURGLARY'].includes(offenceByCode(c.offenceCode)!.highHarm ?? ''));
    expect(rb.length).toBe(3);
    expect(p.convictions.every((c) => (c.sentenceMonths ?? 0) < 12)).toBe(true);
    expect(p.cases.some((c) => c.type === 'CRIMINAL')).toBe(false);
    expect(p.highHarmIntelligence).toBe(false);
    const notes = p.cases.flatMap((c) => c.notes.map((n) => n.text.toLowerCase()));
    expect(notes.some((t) => /burglar|robber|convict|high harm/.test(t))).toBe(false);
  });

  it('(4) is band 1: MAPPA 2 and over five years', () => {
    const p = show(3);
    const c = p.cases.find((x) => x.type === 'CRIMINAL')!;
    expect(p.mappaLevel).toBe(2);
    expect(p.convictions[c.criminal!.convictionIndex]!.sentenceMonths).toBeGreaterThan(60);
    expect(c.criminal!.band).toBe(1);
    expect(c.ownerUnit).toBe('CRIMINAL CASEWORK LIVERPOOL');
  });

  it('(5) has a criminal case owned by NOT IN USE', () => {
    const c = show(4).cases.find((x) => x.type === 'CRIMINAL')!;
    expect([c.ownerUnit, c.caseworker]).toEqual(['NOT IN USE', null]);
  });

  it('(6) has a criminal case for the Pathfinder conflict', () => {
    expect(show(5).cases.filter((x) => x.type === 'CRIMINAL')).toHaveLength(1);
  });

  it('(7) self-declares British, with an MPS fingerprint hit, in custody now and unchecked', () => {
    const p = show(6);
    expect(p.falseClaim).toBe('BRITISH');
    expect(p.fingerprintRef).not.toBeNull();
    expect(p.arrests.every((a) => a.force === 'MPS' && a.declaredNationality === 'GBR' && a.fingerprintHit)).toBe(true);
    const now = p.arrests.at(-1)!;
    expect([now.releasedAt, now.statusCheck]).toEqual([null, null]);
  });

  it('(8) has ACRO checks by MPS (below HOSOL), WYP and the Home Office', () => {
    const p = show(7);
    expect(p.acroChecks.map((c) => [c.instigator, c.outcome])).toEqual([['MPS', 'RESULTS'], ['WYP', 'RESULTS'], ['HOME_OFFICE', 'RESULTS']]);
    expect(p.acroChecks[0]!.results.every((r) => !offenceByCode(r.offenceCode)!.hosol)).toBe(true);
  });
});

/**
 * Synthetic identity fragments for identity tests, built from the estate's own name pools, identifier
 * allocator and noise functions (mocks/estate), with a truth map. Small and seeded: the real
 * evaluation runs on a generated estate through scripts/identity-evaluate.ts.
 */
import { Rng } from '../../mocks/estate/rng.js';
import { IdAllocator } from '../../mocks/estate/identifiers.js';
import { drawName, drawGivenName, drawPlaceOfBirth } from '../../mocks/estate/names.js';
import { copyDate, copyIdentifier, copyName, DEFAULT_NOISE } from '../../mocks/estate/noise.js';
import type { NoiseOptions } from '../../mocks/estate/model.js';
import type { Identifier, IdentityFragment, SourceName } from '../../src/domain/common.js';

export interface SyntheticPerson {
  readonly id: string;
  readonly given: string[];
  readonly family: string;
  readonly dob: string;
  readonly gender: 'M' | 'F';
  readonly nationality: string;
  readonly place: string;
  readonly hoRef: string;
  readonly fingerprint: string | null;
  readonly pncId: string | null;
  readonly resembles: string | null;
}

export interface SyntheticEstate {
  readonly persons: readonly SyntheticPerson[];
  readonly fragments: readonly IdentityFragment[];
  /** `source:key` → person id */
  readonly truth: ReadonlyMap<string, string>;
}

const NATIONALITIES = ['PAK', 'NGA', 'POL', 'ROU', 'SOM', 'IRQ', 'IND', 'ALB', 'VNM', 'UKR', 'EGY', 'JAM'];

const isoInstant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function isoDate(rng: Rng): string {
  const y = rng.int(1955, 2002);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function syntheticEstate(seed: number, persons: number, noise: NoiseOptions = DEFAULT_NOISE): SyntheticEstate {
  const rng = new Rng(seed);
  const ids = new IdAllocator();
  const people: SyntheticPerson[] = [];
  for (let i = 0; i < persons; i++) {
    const id = `TP${String(i + 1).padStart(7, '0')}`;
    const prev = people.length > 0 && rng.chance(noise.twinRate + noise.namesakeRate) ? rng.pick(people) : null;
    const nationality = prev?.nationality ?? rng.pick(NATIONALITIES);
    const gender: 'M' | 'F' = rng.chance(0.8) ? 'M' : 'F';
    let given: string[];
    let family: string;
    let dob: string;
    let place: string;
    if (prev && rng.chance(0.4)) {
      // twin: same family, DOB, place; own forename
      family = prev.family;
      given = [drawGivenName(rng, nationality, gender)];
      if (given[0] === prev.given[0]) given = [drawGivenName(rng, nationality, gender)];
      dob = prev.dob;
      place = prev.place;
    } else if (prev) {
      given = [...prev.given];
      family = prev.family;
      dob = rng.chance(0.5) ? prev.dob : isoDate(rng);
      place = drawPlaceOfBirth(rng, nationality);
    } else {
      const n = drawName(rng, nationality, gender);
      given = n.givenNames;
      family = n.familyName;
      dob = isoDate(rng);
      place = drawPlaceOfBirth(rng, nationality);
    }
    people.push({
      id, given, family, dob, gender: prev && prev.given === given ? prev.gender : gender, nationality, place,
      hoRef: ids.hoRef(rng),
      fingerprint: rng.chance(0.6) ? ids.fingerprintRef(rng) : null,
      pncId: rng.chance(0.4) ? ids.pncId(rng, rng.int(2000, 2016)) : null,
      resembles: prev ? prev.id : null,
    });
  }
  const fragments: IdentityFragment[] = [];
  const truth = new Map<string, string>();
  // Arrests and the ACRO requests forces make on them (001 §4.31) draw from their own stream, so the
  // records above stay as they were before occasions existed.
  const occasions = new Rng(seed + 7919);
  const acroRequests: { person: SyntheticPerson; arrestAt: number }[] = [];
  for (const p of people) {
    const records = rng.int(1, 4);
    let cidPerson = ids.cidPersonId(rng);
    for (let k = 0; k < records; k++) {
      const source: SourceName = k === 0 || rng.chance(0.5) ? 'cid' : 'custody';
      const name = copyName(rng, noise, p.given, p.family);
      const identifiers: Identifier[] = [];
      const push = (kind: Identifier['kind'], v: string | null) => {
        const c = copyIdentifier(rng, noise, v);
        if (c) identifiers.push({ kind, value: c });
      };
      let key: string;
      if (source === 'cid') {
        const caseId = ids.caseId(rng);
        if (rng.chance(0.3)) cidPerson = ids.cidPersonId(rng);
        key = `${caseId}/${cidPerson}`;
        identifiers.push({ kind: 'CID_CASE', value: caseId }, { kind: 'CID_PERSON', value: cidPerson });
        push('HO_REF', p.hoRef);
        push('PNC_ID', p.pncId);
      } else {
        key = `MPS/${ids.custodyRecord(rng, 'MPS', 'BS', 2016)}`;
        if (rng.chance(0.5)) push('FINGERPRINT', p.fingerprint);
      }
      // Arrested no earlier than the year the person's PNC record was created (an arrest creates it).
      const arrestYear = occasions.int(p.pncId ? Number(p.pncId.slice(0, 4)) : 2005, 2016);
      const arrestAt = Date.UTC(arrestYear, 0, 1) + occasions.int(0, 364) * 86_400_000 + occasions.int(0, 86_399) * 1000;
      if (source === 'custody' && occasions.chance(0.4)) acroRequests.push({ person: p, arrestAt });
      const fragment: IdentityFragment = {
        ref: { source, key },
        name: { given: name.givenNames, family: name.familyName, original: `${name.familyName}, ${name.givenNames.join(' ')}` },
        aliases: [],
        dateOfBirth: rng.chance(0.03) ? null : copyDate(rng, noise, p.dob),
        gender: p.gender,
        nationality: source === 'custody' && rng.chance(noise.falseNationalityClaim) ? 'GBR' : p.nationality,
        placeOfBirth: source === 'cid' ? p.place : null,
        identifiers,
        recordedAt: source === 'custody' ? isoInstant(arrestAt) : '2016-01-01T00:00:00Z',
        ...(source === 'custody' ? { occasion: { kind: 'ARREST' as const, force: 'MPS', at: isoInstant(arrestAt) } } : {}),
      };
      fragments.push(fragment);
      truth.set(`${source}:${key}`, p.id);
    }
  }
  for (const { person: p, arrestAt } of acroRequests) {
    const key = ids.acroRef(occasions, 2016);
    const name = copyName(occasions, noise, p.given, p.family);
    const at = isoInstant(arrestAt + occasions.int(0, 3) * 86_400_000 + occasions.int(0, 3600) * 1000);
    const identifiers: Identifier[] = [{ kind: 'ACRO_REF', value: key }];
    const pnc = copyIdentifier(occasions, noise, p.pncId);
    if (pnc) identifiers.push({ kind: 'PNC_ID', value: pnc });
    fragments.push({
      ref: { source: 'acro', key },
      name: { given: name.givenNames, family: name.familyName, original: `${name.familyName}/${name.givenNames.join(' ')}` },
      aliases: [],
      dateOfBirth: copyDate(occasions, noise, p.dob),
      gender: null,
      nationality: p.nationality,
      placeOfBirth: null,
      identifiers,
      recordedAt: at,
      occasion: { kind: 'ACRO_REQUEST', force: 'MPS', at },
    });
    truth.set(`acro:${key}`, p.id);
  }
  return { persons: people, fragments, truth };
}

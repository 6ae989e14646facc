/**
 * The ground-truth population: who the people are and what happened to them, generated from a
 * seed. Persons TP0000001–TP0000008 are scripted showcase lives (showcase.ts); every other person
 * gets a random life by profile:
 *
 * | profile | who | sources they reach |
 * | --- | --- | --- |
 * | BRITISH | British arrestees (about 55% of persons, ~70% of arrests, 002 §1.1) | custody, PNC, DVA |
 * | EEA_ARRESTEE | EEA nationals arrested, rarely referred (001 §4.4) | custody, PNC, ACRO, sometimes CID |
 * | FNO | foreign national offenders with a Criminal Casework case | CID, Pathfinder, custody, PNC, ACRO |
 * | IMMIGRATION | the wider reporting population: visas, asylum, overstayers | CID, sometimes custody |
 * | UNKNOWN_TO_HO | non-EEA nationals the Home Office never recorded (001 fn 11) | custody, PNC |
 *
 * Twins and namesakes of earlier persons are the hard negatives of identity resolution. Every
 * draw comes from `Rng` forks of the seed (one per person), so the same options give the same
 * population, and the figures in distributions.ts govern the shares.
 */
import { FORCE_CODES, type ForceCode } from '../../src/domain/common.js';
import { countryByAlpha3, isEea } from '../../src/domain/nationality.js';
import { offenceByCode, type Offence } from '../../src/domain/offences.js';
import { addMonths, addYears, dayOf, estateNowMs, isoDateOf } from './calendar.js';
import { NOTE, drawStaff } from './casenotes.js';
import {
  ABSCONDER_BREACH_RUNS,
  ABSCONDER_CIRCULATED_SHARE,
  ACRO_HOME_OFFICE_SHARE,
  ACRO_OUTCOME_WEIGHTS,
  ACRO_POLICE_SHARE,
  BARRIER_SHARE,
  BARRIER_WEIGHTS,
  BIOMETRICS_FROM,
  BRITISH_ARREST_WEIGHTS,
  BRITISH_CONVICTED_SHARE,
  BRITISH_SHARE,
  CC_CROYDON,
  CC_LEEDS,
  CC_LIVERPOOL,
  CUSTODY_HISTORY_FROM,
  EEA_FNO_SHARE,
  EEA_RESIDENCE_CASE_SHARE,
  EEA_SHARE_OF_FOREIGN,
  FNO_ABSCONDER_SHARE,
  FNO_ARREST_IN_ESTATE_SHARE,
  FNO_DETAINED_SHARE,
  FNO_FREQUENCY_WEIGHTS,
  FNO_LONG_WINDOW_SHARE,
  FNO_REMOVED_SHARE,
  FNO_SENTENCE_BANDS,
  FNO_TAGGED_SHARE,
  FORCE_WEIGHTS,
  FOREIGN_NATIONALITY_WEIGHTS,
  HARM_WEIGHTS,
  HIGH_HARM_INTEL_IF_MEETS,
  HIGH_HARM_INTEL_OTHERWISE,
  IMMIGRATION_ABSCONDER_SHARE,
  IMMIGRATION_ARRESTED_SHARE,
  IN_CUSTODY_NOW_SHARE,
  LIT_AREAS,
  MALE_SHARE_ARRESTEES,
  MALE_SHARE_IMMIGRATION,
  MALE_SHARE_OFFENDERS,
  MAPPA_WEIGHTS,
  NON_CRIMINAL_OWNERS,
  NON_CRIMINAL_UNCLEAR_SHARE,
  NON_EEA_PROFILE_WEIGHTS,
  NON_FNO_FREQUENCY_WEIGHTS,
  NON_VISA_NATIONALS,
  NOTICE_BEFORE_2008_SHARE,
  NO_DECISION_SHARE,
  NO_FIXED_ADDRESS_SHARE,
  OTHER_OWNER_UNITS,
  PASSPORT_SHARE,
  REPORTING_CENTRES,
  S33_EXCEPTION_SHARE,
  UNCLEAR_OWNER_SHARE,
  UNCLEAR_OWNER_WEIGHTS,
  ZINCS_SHARE_OF_CLEAR,
  pickWeighted,
} from './distributions.js';
import {
  addAcroCheck,
  addArrest,
  addCirculation,
  addConviction,
  assignPoliceIds,
  between,
  CRIMINAL_OFFENCE,
  offencePool,
  buildRestriction,
  etd,
  finish,
  fixConvictionIndex,
  meetsHighHarm,
  minorSentence,
  newDraft,
  note,
  openCase,
  pickOffence,
  type Draft,
  type Env,
  type MutableCase,
} from './episodes.js';
import { IdAllocator } from './identifiers.js';
import type { Barrier, EstateOptions, Population, ReportingFrequency, RestrictionStatus, TrueAlias, TruePerson } from './model.js';
import { drawGivenName, drawGivenNameOtherThan, drawName, drawPlaceOfBirth } from './names.js';
import { spellingsOf, spellingVariant } from './noise.js';
import { Rng } from './rng.js';
import { SHOWCASE_COUNT, buildShowcase, SHOWCASE_EARLIEST_TODAY } from './showcase.js';

export type Profile = 'BRITISH' | 'EEA_ARRESTEE' | 'FNO' | 'IMMIGRATION' | 'UNKNOWN_TO_HO';

/** Ground-truth id of the person at 0-based index i: `TP0000001` is index 0. */
export function personId(index: number): string {
  return `TP${String(index + 1).padStart(7, '0')}`;
}

const UNDOCUMENTED_OFFENCE = offencePool(() => true, (o) => (o.code.startsWith('IMM-') || o.code === 'FALSE-DOCS' ? 3 : 1));
const LOW_HARM_OFFENCE = offencePool((o) => !o.highHarm && !o.sexual);
/** Below the 12-month threshold, referral needs violence, sex, children or serious drugs (004 §6.32–6.34). */
const FNO_BELOW_THRESHOLD_OFFENCE = offencePool((o) => !o.code.startsWith('IMM-') && (o.violent || o.sexual || o.involvesChildren || o.seriousDrugs), (o) => (o.hosol ? 2 : 1));
const FNO_OFFENCE = offencePool((o) => !o.code.startsWith('IMM-'), (o) => (o.hosol ? 2 : 1));
const FNO_LONG_SENTENCE_OFFENCE = offencePool((o) => !o.code.startsWith('IMM-'), (o) => (o.hosol ? 6 : 0.2));

const EEA_CLAIMS = ['PRT', 'ITA', 'FRA', 'NLD', 'ESP', 'DEU', 'GRC'] as const;

/** Check options before spending time on them; messages name the option. */
export function validateEstateOptions(options: EstateOptions): void {
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  if (!Number.isInteger(options.persons) || options.persons < 1) throw new Error(`persons must be a whole number of at least 1, got ${options.persons}`);
  const today = dayOf(options.today);
  if (today < dayOf(SHOWCASE_EARLIEST_TODAY)) {
    throw new Error(`today must be on or after ${SHOWCASE_EARLIEST_TODAY} (the showcase life of 001 Figure 1 runs to June 2016), got ${options.today}`);
  }
  for (const [k, v] of Object.entries(options.noise)) {
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(`noise ${k} must be a probability between 0 and 1, got ${v}`);
  }
}

export function generatePopulation(options: EstateOptions): Population {
  validateEstateOptions(options);
  const root = new Rng(options.seed).fork('population');
  const env: Env = {
    options,
    today: dayOf(options.today),
    nowMs: estateNowMs(options.today),
    ids: new IdAllocator(),
    staff: drawStaff(root.fork('staff'), 90),
    custodyFrom: dayOf(CUSTODY_HISTORY_FROM),
  };
  const persons: TruePerson[] = buildShowcase(env, root.fork('showcase')).slice(0, options.persons);
  for (let i = persons.length; i < options.persons; i++) {
    persons.push(randomPerson(env, root.fork(`person:${i}`), i, persons));
  }
  return { options, persons };
}

// ---------------------------------------------------------------------------------------------
// Identity

function chooseProfile(rng: Rng, nationality: string): Profile {
  if (nationality === 'GBR') return 'BRITISH';
  if (isEea(nationality)) return rng.chance(EEA_FNO_SHARE) ? 'FNO' : 'EEA_ARRESTEE';
  const w = NON_EEA_PROFILE_WEIGHTS;
  return pickWeighted(rng, [['FNO', w.FNO], ['IMMIGRATION', w.IMMIGRATION], ['UNKNOWN_TO_HO', w.UNKNOWN_TO_HO]] as const);
}

const FOREIGN = Object.entries(FOREIGN_NATIONALITY_WEIGHTS) as [string, number][];
const EEA_NATIONALITIES = FOREIGN.filter(([n]) => isEea(n));
const NON_EEA_NATIONALITIES = FOREIGN.filter(([n]) => !isEea(n));

function randomPerson(env: Env, rng: Rng, index: number, earlier: readonly TruePerson[]): TruePerson {
  const noise = env.options.noise;
  // A twin or namesake of an earlier (non-showcase) person: the hard negatives (noise.ts knobs).
  let base: TruePerson | null = null;
  let resemblance: 'TWIN' | 'NAMESAKE' | null = null;
  if (index > SHOWCASE_COUNT + 10) {
    if (rng.chance(noise.twinRate)) resemblance = 'TWIN';
    else if (rng.chance(noise.namesakeRate)) resemblance = 'NAMESAKE';
    if (resemblance) base = earlier[rng.int(SHOWCASE_COUNT, earlier.length - 1)]!;
  }

  let nationality: string;
  if (base) nationality = base.nationality;
  else if (rng.chance(BRITISH_SHARE)) nationality = 'GBR';
  else nationality = pickWeighted(rng, rng.chance(EEA_SHARE_OF_FOREIGN) ? EEA_NATIONALITIES : NON_EEA_NATIONALITIES);
  const profile = chooseProfile(rng, nationality);

  const maleShare = profile === 'FNO' ? MALE_SHARE_OFFENDERS : profile === 'IMMIGRATION' ? MALE_SHARE_IMMIGRATION : MALE_SHARE_ARRESTEES;
  let gender: 'M' | 'F' = rng.chance(maleShare) ? 'M' : 'F';
  let name = drawName(rng, nationality, gender);
  const age = Math.round(Math.min(70, Math.max(19, rng.normal(33, 9))));
  let dob = addYears(env.today, -age) - rng.int(1, 364);
  let placeOfBirth = drawPlaceOfBirth(rng, nationality);
  if (base && resemblance === 'TWIN') {
    gender = rng.chance(0.5) ? base.gender : gender;
    // Another forename: none of the other twin's given names, nor a spelling of one.
    const given = drawGivenNameOtherThan(rng, nationality, gender, new Set(base.givenNames.flatMap(spellingsOf)));
    name = { givenNames: [given], familyName: base.familyName };
    dob = dayOf(base.dateOfBirth);
    placeOfBirth = base.placeOfBirth;
  } else if (base && resemblance === 'NAMESAKE') {
    gender = base.gender;
    name = { givenNames: [...base.givenNames], familyName: base.familyName };
    dob = rng.chance(0.25) ? dayOf(base.dateOfBirth) : dayOf(base.dateOfBirth) + (rng.chance(0.5) ? 1 : -1) * rng.int(1, 900);
    dob = Math.min(dob, addYears(env.today, -19));
  }

  const d = newDraft(personId(index), {
    givenNames: name.givenNames,
    familyName: name.familyName,
    gender,
    dob,
    nationality,
    placeOfBirth,
    homeForce: pickWeighted(rng, FORCE_CODES.map((f) => [f, FORCE_WEIGHTS[f]] as const)),
  });
  if (base && resemblance) d.resembles = { personId: base.id, kind: resemblance };

  // Some foreign nationals declare themselves British or EEA on arrest (001 §4.1).
  if (nationality !== 'GBR' && rng.chance(noise.falseNationalityClaim)) {
    if (!isEea(nationality) && rng.chance(0.4)) {
      d.falseClaim = 'EEA';
      d.claimedNationality = rng.pick(EEA_CLAIMS);
    } else {
      d.falseClaim = 'BRITISH';
      d.claimedNationality = 'GBR';
    }
  }

  switch (profile) {
    case 'BRITISH':
      britishLife(env, d, rng);
      break;
    case 'EEA_ARRESTEE':
      eeaArresteeLife(env, d, rng);
      break;
    case 'FNO':
      fnoLife(env, d, rng);
      break;
    case 'IMMIGRATION':
      immigrationLife(env, d, rng);
      break;
    case 'UNKNOWN_TO_HO':
      unknownLife(env, d, rng);
      break;
  }
  maybeInCustodyNow(env, d, rng);
  if (d.arrests.length > 0 && rng.chance(0.03)) {
    const last = dayOf(d.arrests[d.arrests.length - 1]!.arrestedAt.slice(0, 10));
    addCirculation(env, d, rng, 'WANTED', between(rng, last + 1, env.today - 1), d.homeForce);
  }
  assignPoliceIds(env, d, rng);
  addAliases(env, d, rng);
  d.highHarmIntelligence ||= d.criminalSince != null && rng.chance(meetsHighHarm(d) ? HIGH_HARM_INTEL_IF_MEETS : HIGH_HARM_INTEL_OTHERWISE);
  return finish(d);
}

function addAliases(env: Env, d: Draft, rng: Rng): void {
  if (!rng.chance(env.options.noise.aliasRate)) return;
  const n = rng.chance(0.8) ? 1 : 2;
  for (let i = 0; i < n; i++) {
    const kind = rng.int(0, 3);
    let alias: TrueAlias;
    if (kind === 0) alias = { givenNames: [drawGivenName(rng, d.nationality, d.gender)], familyName: d.familyName, dateOfBirth: isoDateOf(d.dob) };
    else if (kind === 1) alias = { givenNames: [...d.givenNames], familyName: drawName(rng, d.nationality, d.gender).familyName, dateOfBirth: null };
    else if (kind === 2) alias = { givenNames: d.givenNames.map((g) => spellingVariant(rng, g)), familyName: d.familyName, dateOfBirth: isoDateOf(d.dob + (rng.chance(0.5) ? 365 : -365) * rng.int(1, 4)) };
    else {
      // A whole false identity, e.g. the one used with a false EEA claim.
      const other = d.claimedNationality && d.claimedNationality !== 'GBR' ? d.claimedNationality : d.nationality;
      const drawn = drawName(rng, other, d.gender);
      alias = { givenNames: drawn.givenNames, familyName: drawn.familyName, dateOfBirth: isoDateOf(d.dob - rng.int(-800, 800)) };
    }
    d.aliases.push(alias);
  }
}

// ---------------------------------------------------------------------------------------------
// Shared pieces of lives

function adultFrom(d: Draft, years = 18): number {
  return addYears(d.dob, years);
}

function otherForce(rng: Rng, home: ForceCode): ForceCode {
  return rng.chance(0.85) ? home : rng.pick(FORCE_CODES);
}

/** Police ACRO request on a foreign national's arrest (001 §4.31). */
function maybePoliceAcro(env: Env, d: Draft, rng: Rng): void {
  if (d.nationality === 'GBR') return;
  for (const a of d.arrests) {
    if (rng.chance(ACRO_POLICE_SHARE)) {
      const day = dayOf(a.arrestedAt.slice(0, 10)) + rng.int(0, 3);
      if (day < env.today) addAcroCheck(env, d, rng, { instigator: a.force, requestedOn: day }, ACRO_OUTCOME_WEIGHTS);
    }
  }
}

/** Arrests with no conviction: `count` random days from adulthood (and the custody history) to yesterday. */
function randomArrests(env: Env, d: Draft, rng: Rng, count: number, from: number, offence: () => Offence): void {
  const start = Math.max(from, env.custodyFrom, adultFrom(d, 17));
  for (let i = 0; i < count; i++) {
    addArrest(env, d, rng, { day: between(rng, start, env.today - 2), force: otherForce(rng, d.homeForce), offenceCode: offence().code });
  }
}

/** Minor convictions following some of the person's arrests. */
function convictSomeArrests(env: Env, d: Draft, rng: Rng, share: number): void {
  for (const a of [...d.arrests]) {
    if (!a.releasedAt || !rng.chance(share)) continue;
    const day = dayOf(a.arrestedAt.slice(0, 10)) + rng.int(14, 200);
    if (day >= env.today) continue;
    const o = offenceByCode(a.offenceCode)!;
    addConviction(env, d, rng, day, o.code, minorSentence(rng, o), a.force);
  }
}

function maybeInCustodyNow(env: Env, d: Draft, rng: Rng): void {
  if (d.arrests.length === 0 || d.detained || !rng.chance(IN_CUSTODY_NOW_SHARE)) return;
  if (d.cases.some((c) => c.restriction?.status === 'REMOVED')) return;
  addArrest(env, d, rng, { day: env.today, force: d.homeForce, offenceCode: pickOffence(rng).code, inCustodyNow: true });
}

function centreFor(rng: Rng, force: ForceCode): string {
  return rng.pick(REPORTING_CENTRES[force]);
}

function cidCountryName(nationality: string): string {
  return countryByAlpha3(nationality)?.name ?? nationality;
}

/** Entry to the UK of a non-EEA national, with the visa case that records it (if any). */
function entry(env: Env, d: Draft, rng: Rng, latest: number): number {
  const earliest = Math.max(adultFrom(d, 16), env.today - 20 * 365);
  const day = between(rng, earliest, Math.max(earliest, latest));
  const route = rng.weighted(['VISIT_VISA', 'STUDENT_VISA', 'CLANDESTINE', 'FAMILY'] as const, (r) => ({ VISIT_VISA: 3, STUDENT_VISA: 3, CLANDESTINE: 3, FAMILY: 1 })[r]);
  const visaNational = !NON_VISA_NATIONALS.has(d.nationality);
  if (route === 'CLANDESTINE' || !visaNational) {
    d.lawfulUntil = visaNational ? -Infinity : addMonths(day, 6);
    return day;
  }
  const applied = day - rng.int(15, 60);
  const type = route === 'VISIT_VISA' ? 'VISIT_VISA' : route === 'STUDENT_VISA' ? 'STUDENT_VISA' : 'LEAVE_TO_REMAIN';
  const until = route === 'VISIT_VISA' ? addMonths(day, 6) : route === 'STUDENT_VISA' ? addMonths(day, rng.int(12, 40)) : addMonths(day, 30);
  const c = openCase(env, d, rng, { type, openedOn: applied, status: 'GRANTED', closedOn: applied + rng.int(5, 25), ownerUnit: 'UKVI TEMPORARY AND PERMANENT MIGRATION' });
  c.notes.push(note(rng, env, applied, NOTE.visaReceived(type.replace(/_/g, ' ').toLowerCase())));
  c.notes.push(note(rng, env, applied + 20, NOTE.visaGranted(isoDateOf(until))));
  d.lawfulUntil = until;
  if (applied >= dayOf(BIOMETRICS_FROM)) fingerprint(env, d, rng, applied);
  return day;
}

/** Home Office biometrics enrolled (IABS) on this day, once. */
function fingerprint(env: Env, d: Draft, rng: Rng, day: number): void {
  if (d.fingerprintRef != null || isEea(d.nationality) || d.nationality === 'GBR') return;
  d.fingerprintRef = env.ids.fingerprintRef(rng);
  d.fingerprintFrom = day;
}

function ownerForNonCriminal(rng: Rng): string {
  if (rng.chance(NON_CRIMINAL_UNCLEAR_SHARE)) return unclearOwner(rng);
  return rng.pick(NON_CRIMINAL_OWNERS);
}

function unclearOwner(rng: Rng): string {
  const label = pickWeighted(rng, UNCLEAR_OWNER_WEIGHTS);
  return label === 'LOCAL IMMIGRATION TEAM' ? `LOCAL IMMIGRATION TEAM ${rng.pick(LIT_AREAS)}` : label;
}

function passport(env: Env, d: Draft, rng: Rng, share: number): void {
  if (rng.chance(share)) d.passportNumber = env.ids.passportNumber(rng, d.nationality);
}

// ---------------------------------------------------------------------------------------------
// Lives by profile

function britishLife(env: Env, d: Draft, rng: Rng): void {
  const n = pickWeighted(rng, BRITISH_ARREST_WEIGHTS);
  randomArrests(env, d, rng, n, env.custodyFrom, () => pickOffence(rng, CRIMINAL_OFFENCE));
  convictSomeArrests(env, d, rng, BRITISH_CONVICTED_SHARE);
  passport(env, d, rng, PASSPORT_SHARE.BRITISH);
}

function eeaArresteeLife(env: Env, d: Draft, rng: Rng): void {
  const arrived = between(rng, Math.max(adultFrom(d, 16), env.today - 12 * 365), env.today - 120);
  if (rng.chance(EEA_RESIDENCE_CASE_SHARE)) {
    const opened = between(rng, arrived + 90, env.today - 30);
    const decided = opened + rng.int(30, 180);
    const c = openCase(env, d, rng, {
      type: 'EEA_RESIDENCE',
      openedOn: opened,
      status: decided < env.today ? (rng.chance(0.7) ? 'GRANTED' : 'REFUSED') : 'OPEN',
      closedOn: decided < env.today ? decided : null,
      ownerUnit: ownerForNonCriminal(rng),
    });
    c.notes.push(note(rng, env, opened, NOTE.eeaResidence()));
  }
  randomArrests(env, d, rng, pickWeighted(rng, [[1, 60], [2, 30], [3, 10]] as const), arrived, () => pickOffence(rng, CRIMINAL_OFFENCE));
  convictSomeArrests(env, d, rng, 0.4);
  maybePoliceAcro(env, d, rng);
  passport(env, d, rng, PASSPORT_SHARE.EEA);
}

function unknownLife(env: Env, d: Draft, rng: Rng): void {
  // Entered undetected: never fingerprinted or recorded by the Home Office (001 fn 11).
  const arrived = between(rng, Math.max(adultFrom(d, 16), env.today - 15 * 365), env.today - 60);
  randomArrests(env, d, rng, pickWeighted(rng, [[1, 70], [2, 25], [3, 5]] as const), arrived, () =>
    pickOffence(rng, UNDOCUMENTED_OFFENCE),
  );
  convictSomeArrests(env, d, rng, 0.35);
  maybePoliceAcro(env, d, rng);
  passport(env, d, rng, 0.2);
}

function immigrationLife(env: Env, d: Draft, rng: Rng): void {
  const arrived = entry(env, d, rng, env.today - 240);
  let principal: MutableCase | null = null;
  // Clandestine entrants and many overstayers claim asylum (fingerprinted, 001 fn 11).
  if (d.lawfulUntil === -Infinity || rng.chance(0.3)) {
    const claimed = between(rng, Math.max(arrived, d.lawfulUntil === -Infinity ? arrived : arrived + 30), env.today - 60);
    fingerprint(env, d, rng, claimed);
    const decided = claimed + rng.int(60, 700);
    const done = decided < env.today;
    const granted = done && rng.chance(0.3);
    const c = openCase(env, d, rng, { type: 'ASYLUM', openedOn: claimed, status: done ? (granted ? 'GRANTED' : 'REFUSED') : 'OPEN', closedOn: done ? decided : null, ownerUnit: ownerForNonCriminal(rng) });
    c.notes.push(note(rng, env, claimed, NOTE.asylumLodged()));
    if (done) c.notes.push(note(rng, env, decided, granted ? NOTE.granted() : NOTE.asylumRefused()));
    if (granted) d.lawfulUntil = addYears(decided, 5);
    else {
      principal = c;
      if (!done) c.barriers.push('OUTSTANDING_ASYLUM_CLAIM');
      if (done && rng.chance(0.35)) {
        const fr = openCase(env, d, rng, { type: 'FURTHER_REPRESENTATIONS', openedOn: between(rng, decided + 20, env.today - 5), ownerUnit: ownerForNonCriminal(rng) });
        fr.notes.push(note(rng, env, dayOf(fr.openedOn), NOTE.furtherReps()));
        if (dayOf(fr.openedOn) < env.today - 15 && rng.chance(0.3)) {
          const jr = openCase(env, d, rng, { type: 'JUDICIAL_REVIEW', openedOn: between(rng, dayOf(fr.openedOn) + 10, env.today - 2), ownerUnit: ownerForNonCriminal(rng) });
          jr.notes.push(note(rng, env, dayOf(jr.openedOn), NOTE.judicialReview()));
        }
      }
    }
  }
  // Overstayers encountered and served papers: an enforcement case.
  if (d.lawfulUntil !== Infinity && d.lawfulUntil < env.today - 30 && (principal == null || rng.chance(0.4))) {
    const encountered = between(rng, Math.max(d.lawfulUntil + 1, arrived + 1, principal ? dayOf(principal.openedOn) : 0), env.today - 14);
    const arrested = rng.chance(IMMIGRATION_ARRESTED_SHARE * 1.5);
    if (arrested && encountered >= env.custodyFrom) {
      addArrest(env, d, rng, { day: encountered, force: d.homeForce, offenceCode: rng.pick(['IMM-OVERSTAY', 'IMM-ILLEGAL-WORK', 'FALSE-DOCS']) });
    }
    const c = openCase(env, d, rng, { type: 'ENFORCEMENT', openedOn: encountered + rng.int(0, 7), ownerUnit: ownerForNonCriminal(rng) });
    c.notes.push(note(rng, env, dayOf(c.openedOn), NOTE.statusCheck(rng.chance(0.6) ? 'CCU' : 'IO')));
    fingerprint(env, d, rng, dayOf(c.openedOn));
    if (rng.chance(0.3)) {
      const submitted = between(rng, dayOf(c.openedOn) + 7, env.today - 1);
      const status = rng.weighted(['NOT_STARTED', 'SUBMITTED', 'INTERVIEW_BOOKED', 'ISSUED', 'REFUSED'] as const, (s) => ({ NOT_STARTED: 2, SUBMITTED: 4, INTERVIEW_BOOKED: 2, ISSUED: 1, REFUSED: 1 })[s]);
      c.etd = etd(env, cidCountryName(d.nationality), status, status === 'NOT_STARTED' ? null : submitted, status === 'INTERVIEW_BOOKED' || status === 'ISSUED' ? submitted + rng.int(14, 60) : null);
      c.notes.push(note(rng, env, submitted, NOTE.etdSubmitted(cidCountryName(d.nationality))));
    }
    principal = c;
  }
  // An application for leave, outstanding or refused.
  if (rng.chance(0.25)) {
    const opened = between(rng, arrived + 60, env.today - 10);
    const type = rng.chance(0.6) ? 'LEAVE_TO_REMAIN' : 'HUMAN_RIGHTS';
    const decided = opened + rng.int(60, 500);
    const done = decided < env.today;
    const c = openCase(env, d, rng, { type, openedOn: opened, status: done ? (rng.chance(0.25) ? 'GRANTED' : 'REFUSED') : 'OPEN', closedOn: done ? decided : null, ownerUnit: ownerForNonCriminal(rng) });
    c.notes.push(note(rng, env, opened, type === 'HUMAN_RIGHTS' ? NOTE.humanRights() : NOTE.application('Leave to remain')));
    if (done) c.notes.push(note(rng, env, decided, c.status === 'GRANTED' ? NOTE.granted() : NOTE.refused()));
    if (c.status === 'GRANTED') d.lawfulUntil = Math.max(d.lawfulUntil, addMonths(decided, 30));
    principal ??= c;
  }
  // Reporting: most of the non-FNO reporting population report fortnightly to monthly (004 §6.63).
  if (principal && d.lawfulUntil < env.today && rng.chance(0.8)) {
    const started = between(rng, dayOf(principal.openedOn) + 1, env.today - 10);
    const frequency = pickWeighted(rng, NON_FNO_FREQUENCY_WEIGHTS) as ReportingFrequency;
    const fate: RestrictionStatus = rng.chance(IMMIGRATION_ABSCONDER_SHARE) ? 'ABSCONDER' : rng.chance(0.03) ? 'EXCUSED' : 'OPEN';
    const built = buildRestriction(env, rng, {
      startedOn: started,
      centre: centreFor(rng, d.homeForce),
      frequency,
      windowStart: `${String(rng.int(9, 15)).padStart(2, '0')}:00`,
      windowMinutes: 60,
      bail: rng.chance(0.1),
      fate,
      endDay: fate === 'EXCUSED' ? between(rng, started + 30, env.today - 1) : undefined,
      breachRun: pickWeighted(rng, ABSCONDER_BREACH_RUNS),
    });
    principal.restriction = built.restriction;
    if (built.abscondedOn != null) {
      principal.notes.push(note(rng, env, built.abscondedOn, NOTE.absconder(isoDateOf(built.abscondedOn))));
      if (rng.chance(ABSCONDER_CIRCULATED_SHARE)) addCirculation(env, d, rng, 'ABSCONDER', Math.min(env.today - 1, built.abscondedOn + rng.int(7, 60)), 'HOME_OFFICE');
    }
  }
  if (rng.chance(IMMIGRATION_ARRESTED_SHARE * 0.6)) {
    randomArrests(env, d, rng, 1, arrived, () => pickOffence(rng, LOW_HARM_OFFENCE));
    convictSomeArrests(env, d, rng, 0.3);
  }
  maybePoliceAcro(env, d, rng);
  passport(env, d, rng, PASSPORT_SHARE.NON_EEA);
  d.detained = principal?.restriction == null && principal?.type === 'ENFORCEMENT' && rng.chance(0.1);
  if (rng.chance(0.15)) d.harmCategory = 'D';
}

/** A foreign national offender: conviction, referral to Criminal Casework, and what follows (004 §6.32–6.38). */
function fnoLife(env: Env, d: Draft, rng: Rng): void {
  const eea = isEea(d.nationality);
  // Main conviction: recent-heavy, within the last eight years.
  const yearsAgo = Math.min(8, -Math.log(1 - rng.next()) * 2.8);
  let mainDay = env.today - 30 - Math.floor(yearsAgo * 365);
  mainDay = Math.max(mainDay, adultFrom(d, 18) + 30);
  const arrived = eea
    ? between(rng, Math.max(adultFrom(d, 16), mainDay - 12 * 365), mainDay - 200)
    : entry(env, d, rng, Math.min(mainDay - 200, env.today - 400));
  mainDay = Math.max(mainDay, arrived + 120);
  if (mainDay > env.today - 20) mainDay = env.today - 20;

  const [lo, hi] = pickWeighted(rng, FNO_SENTENCE_BANDS.map(([a, b, w]) => [[a, b] as const, w] as const));
  const sentence = hi === 0 ? null : rng.int(lo, hi);
  const belowThreshold = sentence == null || sentence < 12;
  const mainOffence = pickOffence(rng, belowThreshold ? FNO_BELOW_THRESHOLD_OFFENCE : sentence! > 60 ? FNO_LONG_SENTENCE_OFFENCE : FNO_OFFENCE);
  const main = addConviction(env, d, rng, mainDay, mainOffence.code, sentence);

  // Earlier and later convictions.
  const extra = pickWeighted(rng, [[0, 40], [1, 30], [2, 20], [3, 10]] as const);
  for (let i = 0; i < extra; i++) {
    const o = pickOffence(rng, CRIMINAL_OFFENCE);
    const day = rng.chance(0.7) ? between(rng, arrived + 60, mainDay - 60) : between(rng, mainDay + 200, env.today - 30);
    if (day < env.today) addConviction(env, d, rng, day, o.code, minorSentence(rng, o));
  }

  // Referral and the Criminal Casework case (004 §6.35).
  const opened = Math.min(env.today - 5, mainDay + rng.int(0, 90));
  d.criminalSince = opened;
  const releaseDay = sentence == null ? null : mainDay + Math.round((sentence * 30.44) / 2);
  const inPrison = releaseDay != null && releaseDay >= env.today;
  const liable = sentence != null && sentence >= 12;
  const noDecision = rng.chance(NO_DECISION_SHARE) || (releaseDay != null && rng.chance(0.02));
  const decisionDay = noDecision ? null : opened + rng.int(30, 420);
  const decided = decisionDay != null && decisionDay < env.today ? decisionDay : null;
  const removed = !inPrison && decided != null && rng.chance(FNO_REMOVED_SHARE / 0.8);
  const removedOn = removed ? between(rng, Math.max(decided! + 40, releaseDay ?? 0), env.today - 1) : null;
  const immigrationDetained = !inPrison && !removed && rng.chance(FNO_DETAINED_SHARE * 0.6);
  d.detained = inPrison || immigrationDetained;

  // MAPPA, harm, band (004 §6.3–6.4).
  d.mappaLevel = pickWeighted(rng, MAPPA_WEIGHTS);
  if (mainOffence.sexual && d.mappaLevel === 0) d.mappaLevel = rng.chance(0.7) ? 1 : 2;
  d.harmCategory = pickWeighted(rng, HARM_WEIGHTS);
  if (mainOffence.highHarm && d.harmCategory === 'D') d.harmCategory = 'C';

  // Barriers, with the cases behind them (004 fn 5, §7.12–7.19).
  const barriers: Barrier[] = [];
  if (!removed && rng.chance(BARRIER_SHARE)) {
    const allowed = BARRIER_WEIGHTS.filter(([b]) => !eea || (b !== 'OUTSTANDING_ASYLUM_CLAIM' && b !== 'NO_TRAVEL_DOCUMENT'));
    const n = rng.chance(0.7) ? 1 : 2;
    for (let i = 0; i < n; i++) {
      const b = pickWeighted(rng, allowed);
      if (!barriers.includes(b)) barriers.push(b);
    }
  }
  const band: 1 | 2 | 3 | 4 | null = d.detained || removed
    ? null
    : d.mappaLevel === 2 || d.mappaLevel === 3 || d.harmCategory === 'A' || (sentence ?? 0) > 60 ? 1
    : d.mappaLevel === 1 || d.mappaLevel === 'EX' ? 2
    : barriers.length > 0 ? 4 : 3;

  // Who owns it on CID: CC by band, another unit (Operation Zincs), or unclear (004 §6.10–6.16).
  let ownerUnit = d.detained ? CC_CROYDON : band === 1 || band === 2 ? CC_LIVERPOOL : CC_LEEDS;
  let zincs = false;
  let caseworker: string | null = rng.pick(env.staff);
  if (rng.chance(UNCLEAR_OWNER_SHARE)) {
    ownerUnit = unclearOwner(rng);
    if (rng.chance(0.7)) caseworker = null;
  } else if (!d.detained && rng.chance(ZINCS_SHARE_OF_CLEAR)) {
    ownerUnit = rng.pick(OTHER_OWNER_UNITS);
    zincs = true;
  }

  const c = openCase(env, d, rng, {
    type: 'CRIMINAL',
    openedOn: opened,
    status: removed ? 'CLOSED' : 'OPEN',
    closedOn: removedOn,
    ownerUnit,
    caseworker,
    criminal: {
      convictionIndex: 0, // fixed below, once convictions are sorted
      deportationDecisionOn: decided == null ? null : isoDateOf(decided),
      noticeServedBefore2008: mainDay < dayOf('2008-08-01') && rng.chance(NOTICE_BEFORE_2008_SHARE),
      s33Exception: rng.chance(S33_EXCEPTION_SHARE),
      releasedOn: releaseDay != null && !inPrison ? isoDateOf(releaseDay) : null,
      band,
      operationZincs: zincs,
    },
  });
  c.notes.push(note(rng, env, opened, NOTE.referral(rng, mainOffence.code, sentence, main.court)));
  if (liable) c.notes.push(note(rng, env, opened + rng.int(1, 20), NOTE.autoDeportation()));
  if (decided != null) c.notes.push(note(rng, env, decided, NOTE.decisionServed(isoDateOf(decided))));
  else if (releaseDay != null && releaseDay < env.today - 365) c.notes.push(note(rng, env, env.today - rng.int(5, 90), NOTE.noDecision()));
  if (ownerUnit === 'NO UNIT' || ownerUnit === 'NOT IN USE' || ownerUnit === '') {
    if (rng.chance(0.3)) c.notes.push(note(rng, env, env.today - rng.int(10, 400), NOTE.ownershipQuery()));
  }
  for (let t = opened + 90; t < Math.min(env.today, removedOn ?? env.today); t += 90 + rng.int(0, 120)) {
    if (rng.chance(0.5)) c.notes.push(note(rng, env, t, NOTE.review()));
  }
  if (immigrationDetained) c.notes.push(note(rng, env, Math.max(opened, releaseDay ?? opened), NOTE.detained(rng)));

  for (const b of barriers) {
    const from = Math.max(opened + 20, decided ?? opened + 20);
    const day = between(rng, Math.min(from, env.today - 3), env.today - 2);
    c.barriers.push(b);
    c.notes.push(note(rng, env, day, NOTE.barrier(b)));
    if (b === 'OUTSTANDING_ASYLUM_CLAIM') {
      fingerprint(env, d, rng, day);
      openCase(env, d, rng, { type: 'ASYLUM', openedOn: day, ownerUnit: rng.chance(0.5) ? 'ASYLUM CASES' : ownerForNonCriminal(rng) }).notes.push(note(rng, env, day, NOTE.asylumLodged()));
    } else if (b === 'FURTHER_REPRESENTATIONS') {
      openCase(env, d, rng, { type: 'FURTHER_REPRESENTATIONS', openedOn: day, ownerUnit: ownerForNonCriminal(rng) }).notes.push(note(rng, env, day, NOTE.furtherReps()));
    } else if (b === 'JUDICIAL_REVIEW') {
      openCase(env, d, rng, { type: 'JUDICIAL_REVIEW', openedOn: day, ownerUnit: ownerForNonCriminal(rng) }).notes.push(note(rng, env, day, NOTE.judicialReview()));
    } else if (b === 'OUTSTANDING_APPLICATION') {
      const type = rng.chance(0.5) ? 'HUMAN_RIGHTS' : 'LEAVE_TO_REMAIN';
      openCase(env, d, rng, { type, openedOn: day, ownerUnit: ownerForNonCriminal(rng) }).notes.push(note(rng, env, day, type === 'HUMAN_RIGHTS' ? NOTE.humanRights() : NOTE.application('Leave to remain')));
    }
  }

  // Documents: no travel document means an ETD, not yet issued (004 §7.11).
  if (!barriers.includes('NO_TRAVEL_DOCUMENT')) passport(env, d, rng, eea ? PASSPORT_SHARE.EEA : PASSPORT_SHARE.NON_EEA);
  if (!eea && d.passportNumber == null && !removed) {
    const submitted = between(rng, opened + 14, env.today - 1);
    const blocked = barriers.includes('NO_TRAVEL_DOCUMENT');
    const status = blocked
      ? rng.weighted(['NOT_STARTED', 'SUBMITTED', 'INTERVIEW_BOOKED', 'REFUSED'] as const, (s) => ({ NOT_STARTED: 2, SUBMITTED: 4, INTERVIEW_BOOKED: 2, REFUSED: 2 })[s])
      : rng.chance(0.5) ? 'ISSUED' : 'SUBMITTED';
    c.etd = etd(env, cidCountryName(d.nationality), status, status === 'NOT_STARTED' ? null : submitted, status === 'INTERVIEW_BOOKED' || status === 'ISSUED' ? Math.min(env.today + 20, submitted + rng.int(14, 60)) : null);
    if (status !== 'NOT_STARTED') c.notes.push(note(rng, env, submitted, NOTE.etdSubmitted(cidCountryName(d.nationality))));
  }
  if (!eea) fingerprint(env, d, rng, Math.max(opened, dayOf('2009-01-01')));

  // Reporting after release (004 §6.64–6.66), or after referral for non-custodial cases.
  if (!d.detained && (!removed || rng.chance(0.6))) {
    const started = Math.min(env.today - 3, (releaseDay ?? opened) + rng.int(0, 14));
    const bail = rng.chance(0.15);
    const frequency: ReportingFrequency = bail || d.harmCategory !== 'D' ? pickWeighted(rng, FNO_FREQUENCY_WEIGHTS) : rng.chance(0.5) ? 'FORTNIGHTLY' : 'MONTHLY';
    const longWindow = rng.chance(FNO_LONG_WINDOW_SHARE);
    const fate: RestrictionStatus = removed ? 'REMOVED' : rng.chance(FNO_ABSCONDER_SHARE) ? 'ABSCONDER' : rng.chance(0.02) ? 'EXCUSED' : 'OPEN';
    const built = buildRestriction(env, rng, {
      startedOn: started,
      centre: centreFor(rng, d.homeForce),
      frequency: bail ? 'WEEKLY' : frequency,
      windowStart: longWindow ? '10:00' : `${String(rng.int(9, 15)).padStart(2, '0')}:00`,
      windowMinutes: longWindow ? 360 : 60,
      bail,
      fate,
      endDay: removed ? removedOn! : fate === 'EXCUSED' ? between(rng, started + 30, env.today - 1) : undefined,
      breachRun: pickWeighted(rng, ABSCONDER_BREACH_RUNS),
    });
    c.restriction = built.restriction;
    c.notes.push(note(rng, env, started, NOTE.released(isoDateOf(started), built.restriction.centre, built.restriction.frequency)));
    if (built.abscondedOn != null) {
      c.notes.push(note(rng, env, built.abscondedOn, NOTE.absconder(isoDateOf(built.abscondedOn))));
      if (rng.chance(ABSCONDER_CIRCULATED_SHARE)) {
        const since = Math.min(env.today - 1, built.abscondedOn + rng.int(7, 60));
        addCirculation(env, d, rng, 'ABSCONDER', since, 'HOME_OFFICE');
        c.notes.push(note(rng, env, since, NOTE.circulated()));
      }
    } else if (built.lastNoShowOn != null && built.lastNoShowOn > env.today - 14) {
      c.notes.push(note(rng, env, built.lastNoShowOn + 1, NOTE.noShow(isoDateOf(built.lastNoShowOn))));
    }
    d.tagged = rng.chance(FNO_TAGGED_SHARE);
    d.noFixedAddress = rng.chance(NO_FIXED_ADDRESS_SHARE);
  }
  if (removedOn != null) c.notes.push(note(rng, env, removedOn, NOTE.removed(isoDateOf(removedOn))));

  // Arrests behind the convictions, in the three forces' areas (001 §4.25), plus some without charge.
  for (const conv of [...d.convictions]) {
    const day = dayOf(conv.convictedOn) - rng.int(14, 240);
    if (day >= env.custodyFrom && rng.chance(FNO_ARREST_IN_ESTATE_SHARE)) {
      addArrest(env, d, rng, { day, force: otherForce(rng, d.homeForce), offenceCode: conv.offenceCode });
    }
  }
  if (rng.chance(0.35)) randomArrests(env, d, rng, 1, arrived, () => pickOffence(rng));
  maybePoliceAcro(env, d, rng);
  if (rng.chance(ACRO_HOME_OFFICE_SHARE)) {
    addAcroCheck(env, d, rng, { instigator: 'HOME_OFFICE', requestedOn: Math.min(env.today - 1, opened + rng.int(0, 60)) }, ACRO_OUTCOME_WEIGHTS);
  }
  fixConvictionIndex(c, main.id, d);
}

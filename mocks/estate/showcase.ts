/**
 * Scripted showcase persons at fixed ids, for demos and end-to-end tests. Their identifiers (HO
 * reference, PNC id, case ids...) come from the same allocator as everyone else, so they depend on
 * the seed; their stories do not. Dates are absolute where the story comes from a seed document
 * and relative to the estate's today where it must be "current".
 *
 * | id | tag | story |
 * | --- | --- | --- |
 * | TP0000001 | FIGURE_1_LIFE | the whole life of 001 Figure 1: visitor visa (Nov 2010–May 2011), overstay, arrest 16/07/2013 (false instrument) with CCU check, removal papers, ETD interview halted by an asylum claim, detention, release on reporting, refusal, absconding (listed 01/05/2014), re-arrests with status checks, re-listing as absconder (19/06/2014), human-rights claim, detention (08/05/2016), judicial review (24/06/2016) |
 * | TP0000002 | FIRST_NO_SHOW | non-detained FNO reporting weekly, compliant until the latest past event, a first no-show: act on the first failure (004 §7.22–7.30) |
 * | TP0000003 | HIGH_HARM_PNC_ONLY | three burglary/robbery convictions on PNC (prolific burglar: High Harm by definition), each under 12 months so never referred; CID holds only asylum/leave cases and reporting, and no word of it |
 * | TP0000004 | BAND_1 | MAPPA level 2, 78 months for s18 wounding: band 1, owned by CC Liverpool, further representations and no travel document |
 * | TP0000005 | UNCLEAR_OWNERSHIP | criminal case owned by 'NOT IN USE', no caseworker (004 §6.10) |
 * | TP0000006 | CID_PATHFINDER_CONFLICT | criminal case the Pathfinder renderer contradicts (CID is the truth here) |
 * | TP0000007 | FALSE_BRITISH_FINGERPRINT_HIT | overstayer who self-declares British; MPS IDENT1 prints hit Home Office records; in custody now, not yet status-checked |
 * | TP0000008 | ACRO_SHARING | Polish national with an MPS-instigated ACRO result below HOSOL, a WYP-instigated one (local agreement, 001 §4.35) and a Home Office one (001 §4.32, fn 20) |
 */
import { offenceByCode } from '../../src/domain/offences.js';
import { dayOf, isoDateOf, londonLocalMs } from './calendar.js';
import { NOTE } from './casenotes.js';
import { CC_LEEDS, CC_LIVERPOOL, REPORTING_CENTRES } from './distributions.js';
import {
  acroResult,
  addAcroCheck,
  addArrest,
  addCirculation,
  addConviction,
  assignPoliceIds,
  buildRestriction,
  etd,
  finish,
  fixConvictionIndex,
  newDraft,
  note,
  openCase,
  type Draft,
  type Env,
} from './episodes.js';
import type { ShowcaseTag, TruePerson } from './model.js';
import type { Rng } from './rng.js';

export const SHOWCASE_COUNT = 8;
/** The scripted lives run to September 2016; an estate's today must not be earlier. */
export const SHOWCASE_EARLIEST_TODAY = '2016-10-01';

export const SHOWCASE_TAGS: readonly ShowcaseTag[] = [
  'FIGURE_1_LIFE',
  'FIRST_NO_SHOW',
  'HIGH_HARM_PNC_ONLY',
  'BAND_1',
  'UNCLEAR_OWNERSHIP',
  'CID_PATHFINDER_CONFLICT',
  'FALSE_BRITISH_FINGERPRINT_HIT',
  'ACRO_SHARING',
];

const d_ = dayOf;

function draft(index: number, tag: ShowcaseTag, base: Parameters<typeof newDraft>[1]): Draft {
  const d = newDraft(`TP${String(index + 1).padStart(7, '0')}`, base);
  d.showcase = tag;
  return d;
}

function enrol(env: Env, d: Draft, rng: Rng, day: string): void {
  d.fingerprintRef = env.ids.fingerprintRef(rng);
  d.fingerprintFrom = d_(day);
}

function offence(code: string): string {
  if (!offenceByCode(code)) throw new Error(`showcase: unknown offence code "${code}"`);
  return code;
}

function finishShowcase(env: Env, d: Draft, rng: Rng): TruePerson {
  assignPoliceIds(env, d, rng);
  return finish(d);
}

/** Past weekly reporting days from a start, as the restriction builder will schedule them. */
function pastEventCount(env: Env, startedOn: number, step: number, windowStart: string): number {
  let n = 0;
  for (let day = startedOn + step; londonLocalMs(day, windowStart) < env.nowMs; day += step) n++;
  return n;
}

export function buildShowcase(env: Env, rng: Rng): TruePerson[] {
  return [figure1(env, rng.fork('1')), firstNoShow(env, rng.fork('2')), highHarmPncOnly(env, rng.fork('3')), band1(env, rng.fork('4')),
    unclearOwnership(env, rng.fork('5')), pathfinderConflict(env, rng.fork('6')), falseBritish(env, rng.fork('7')), acroSharing(env, rng.fork('8'))];
}

/** 001 Figure 1, event by event. */
function figure1(env: Env, rng: Rng): TruePerson {
  const d = draft(0, 'FIGURE_1_LIFE', {
    givenNames: ['MOHAMMED', 'ASIF'], familyName: 'RAHMAN', gender: 'M', dob: d_('1986-03-11'),
    nationality: 'PAK', placeOfBirth: 'MIRPUR', homeForce: 'MPS',
  });
  // Family visitor visa valid 16/11/2010–16/05/2011; biometrics enrolled with the application.
  const visa = openCase(env, d, rng, { type: 'VISIT_VISA', openedOn: d_('2010-10-20'), status: 'GRANTED', closedOn: d_('2010-11-12'), ownerUnit: 'UKVI TEMPORARY AND PERMANENT MIGRATION', reuseCidPersonId: 0 });
  visa.notes.push(note(rng, env, d_('2010-10-20'), NOTE.visaReceived('family visitor visa')), note(rng, env, d_('2010-11-12'), NOTE.visaGranted('2011-05-16')));
  enrol(env, d, rng, '2010-10-20');
  d.lawfulUntil = d_('2011-05-16');

  // 16/07/2013 arrested for possession of a false instrument; police refer to CCU.
  addArrest(env, d, rng, { day: d_('2013-07-16'), force: 'MPS', offenceCode: offence('FALSE-DOCS'), route: 'CCU', fingerprinted: true });
  addConviction(env, d, rng, d_('2013-08-19'), 'FALSE-DOCS', 6, 'MPS');
  // 23/07/2013 removal papers as an overstayer; 04/10/2013 ETD interview halted by an asylum claim.
  const enfA = openCase(env, d, rng, { type: 'ENFORCEMENT', openedOn: d_('2013-07-23'), ownerUnit: 'ICE LONDON', reuseCidPersonId: 0 });
  enfA.notes.push(note(rng, env, d_('2013-07-23'), NOTE.statusCheck('CCU')));
  enfA.etd = etd(env, 'Pakistan', 'NOT_STARTED', null, d_('2013-10-04'));
  enfA.notes.push(note(rng, env, d_('2013-10-04'), NOTE.etdHalted()));
  const asylum = openCase(env, d, rng, { type: 'ASYLUM', openedOn: d_('2013-10-04'), status: 'REFUSED', closedOn: d_('2014-04-15'), ownerUnit: 'ASYLUM CASES', reuseCidPersonId: 1 });
  asylum.notes.push(note(rng, env, d_('2013-10-04'), NOTE.asylumLodged()), note(rng, env, d_('2014-04-15'), NOTE.asylumRefused()));
  // 16/10/2013–19/11/2013 immigration detention, then released on reporting restrictions.
  enfA.notes.push(note(rng, env, d_('2013-10-16'), NOTE.detained(rng)));
  const r1Start = d_('2013-11-19');
  const r1 = buildRestriction(env, rng, {
    startedOn: r1Start, centre: 'HOUNSLOW (EATON HOUSE)', frequency: 'WEEKLY', windowStart: '10:00', windowMinutes: 60, bail: false,
    fate: 'ABSCONDER', script: [...Array<'COMPLETED'>(21).fill('COMPLETED'), 'NO_SHOW', 'NO_SHOW'], // ceased reporting 18/04/2014
  });
  enfA.restriction = r1.restriction;
  enfA.notes.push(note(rng, env, r1Start, NOTE.released('2013-11-19', 'HOUNSLOW (EATON HOUSE)', 'WEEKLY')));
  enfA.notes.push(note(rng, env, d_('2014-05-01'), NOTE.absconder('2014-05-01')));

  // 22/05/2014 arrested (fare evasion), CCU check, new reporting directions and an ETD interview date; never reported.
  addArrest(env, d, rng, { day: d_('2014-05-22'), force: 'MPS', offenceCode: offence('FRAUD'), route: 'CCU', fingerprinted: true });
  const enfB = openCase(env, d, rng, { type: 'ENFORCEMENT', openedOn: d_('2014-05-22'), ownerUnit: 'ICE LONDON', reuseCidPersonId: 0 });
  enfB.notes.push(note(rng, env, d_('2014-05-22'), NOTE.statusCheck('CCU')));
  enfB.etd = etd(env, 'Pakistan', 'INTERVIEW_BOOKED', d_('2014-05-23'), d_('2014-06-05'));
  const r2 = buildRestriction(env, rng, {
    startedOn: d_('2014-05-22'), centre: 'HOUNSLOW (EATON HOUSE)', frequency: 'WEEKLY', windowStart: '10:00', windowMinutes: 60, bail: false,
    fate: 'ABSCONDER', script: ['NO_SHOW', 'NO_SHOW', 'NO_SHOW'],
  });
  enfB.restriction = r2.restriction;
  enfB.notes.push(note(rng, env, d_('2014-06-19'), NOTE.absconder('2014-06-19')));
  addCirculation(env, d, rng, 'ABSCONDER', d_('2014-06-19'), 'HOME_OFFICE');

  // 06/11/2015 arrested (cannabis), 07/11/2015 re-arrested after running away; further reporting directions.
  addArrest(env, d, rng, { day: d_('2015-11-06'), force: 'MPS', offenceCode: offence('DRUGS-POSS'), route: 'CCU', fingerprinted: true });
  addArrest(env, d, rng, { day: d_('2015-11-07'), force: 'MPS', offenceCode: offence('PUBLIC-ORDER'), route: 'CCU', fingerprinted: true });
  addConviction(env, d, rng, d_('2015-12-10'), 'DRUGS-POSS', null, 'MPS');
  const enfC = openCase(env, d, rng, { type: 'ENFORCEMENT', openedOn: d_('2015-11-07'), ownerUnit: 'NATIONAL REMOVALS COMMAND', reuseCidPersonId: 1 });
  enfC.notes.push(note(rng, env, d_('2015-11-07'), NOTE.statusCheck('CCU')));
  const r3 = buildRestriction(env, rng, {
    startedOn: d_('2015-11-12'), centre: 'HOUNSLOW (EATON HOUSE)', frequency: 'WEEKLY', windowStart: '10:00', windowMinutes: 60, bail: false,
    fate: 'EXCUSED', endDay: d_('2016-05-07'),
    script: ['COMPLETED', 'COMPLETED', 'NO_SHOW', 'COMPLETED', null, 'COMPLETED', 'COMPLETED', 'NO_SHOW', 'NO_SHOW', 'COMPLETED'],
  });
  enfC.restriction = r3.restriction;
  // 07/05/2016 arrested again, CCU; the Home Office asks police to hold him; detained 08/05/2016.
  addArrest(env, d, rng, { day: d_('2016-05-07'), force: 'MPS', offenceCode: offence('DRUGS-POSS'), route: 'CCU', fingerprinted: true });
  enfC.notes.push(note(rng, env, d_('2016-05-08'), NOTE.detained(rng)));
  d.detained = true;
  // Human-rights claim: the figure dates it 11 May 2016 (listed among 2014 events); refused 26/05/2016.
  const hr = openCase(env, d, rng, { type: 'HUMAN_RIGHTS', openedOn: d_('2016-05-11'), status: 'REFUSED', closedOn: d_('2016-05-26'), ownerUnit: 'UKVI COMPLEX CASEWORK DIRECTORATE', reuseCidPersonId: 0 });
  hr.notes.push(note(rng, env, d_('2016-05-11'), NOTE.humanRights()), note(rng, env, d_('2016-05-26'), NOTE.refused()));
  enfC.notes.push(note(rng, env, d_('2016-05-31'), 'Pre-Action Protocol letter received challenging removal.'));
  // 02/06/2016 ETD interview completed in detention; removal directions for 26/06/2016, deferred by JR on 24/06/2016.
  enfC.etd = etd(env, 'Pakistan', 'SUBMITTED', d_('2016-06-02'), d_('2016-06-02'));
  enfC.notes.push(note(rng, env, d_('2016-06-02'), 'ETD interview completed in detention. Removal directions set for 26/06/2016.'));
  const jr = openCase(env, d, rng, { type: 'JUDICIAL_REVIEW', openedOn: d_('2016-06-24'), ownerUnit: 'NATIONAL REMOVALS COMMAND', reuseCidPersonId: 1 });
  jr.notes.push(note(rng, env, d_('2016-06-24'), NOTE.judicialReview()));
  enfC.barriers.push('JUDICIAL_REVIEW', 'NO_TRAVEL_DOCUMENT');
  enfC.notes.push(note(rng, env, d_('2016-06-24'), NOTE.barrier('JUDICIAL_REVIEW')));
  addAcroCheck(env, d, rng, { instigator: 'HOME_OFFICE', requestedOn: d_('2016-05-09'), outcome: 'NO_TRACE', answeredOn: d_('2016-06-20') }, []);
  d.harmCategory = 'C';
  return finishShowcase(env, d, rng);
}

/** Compliant weekly reporting until a first no-show at the latest past event. */
function firstNoShow(env: Env, rng: Rng): TruePerson {
  const d = draft(1, 'FIRST_NO_SHOW', {
    givenNames: ['DWAYNE', 'ANDRE'], familyName: 'CAMPBELL', gender: 'M', dob: d_('1990-07-04'),
    nationality: 'JAM', placeOfBirth: 'KINGSTON', homeForce: 'MPS',
  });
  const visa = openCase(env, d, rng, { type: 'STUDENT_VISA', openedOn: d_('2009-08-03'), status: 'GRANTED', closedOn: d_('2009-08-21'), ownerUnit: 'UKVI TEMPORARY AND PERMANENT MIGRATION' });
  visa.notes.push(note(rng, env, d_('2009-08-03'), NOTE.visaReceived('student visa')), note(rng, env, d_('2009-08-21'), NOTE.visaGranted('2011-10-31')));
  enrol(env, d, rng, '2009-08-03');
  d.lawfulUntil = d_('2011-10-31');
  d.passportNumber = env.ids.passportNumber(rng, 'JAM');
  addArrest(env, d, rng, { day: d_('2013-12-20'), force: 'MPS', offenceCode: offence('DRUGS-SUPPLY-A'), route: 'CCU', fingerprinted: true });
  const conv = addConviction(env, d, rng, d_('2014-02-10'), 'DRUGS-SUPPLY-A', 30, 'MPS');
  d.criminalSince = d_('2014-03-01');
  const release = d_('2015-05-12');
  const c = openCase(env, d, rng, {
    type: 'CRIMINAL', openedOn: d_('2014-03-01'), ownerUnit: CC_LEEDS,
    criminal: { convictionIndex: 0, deportationDecisionOn: '2014-09-15', noticeServedBefore2008: false, s33Exception: false, releasedOn: isoDateOf(release), band: 3, operationZincs: false },
  });
  c.notes.push(note(rng, env, d_('2014-03-01'), NOTE.referral(rng, 'DRUGS-SUPPLY-A', 30, conv.court)), note(rng, env, d_('2014-03-05'), NOTE.autoDeportation()), note(rng, env, d_('2014-09-15'), NOTE.decisionServed('2014-09-15')));
  const started = release + 2;
  const past = pastEventCount(env, started, 7, '10:00');
  const built = buildRestriction(env, rng, {
    startedOn: started, centre: REPORTING_CENTRES.MPS[0]!, frequency: 'WEEKLY', windowStart: '10:00', windowMinutes: 60, bail: false, fate: 'OPEN',
    script: [...Array<'COMPLETED'>(Math.max(0, past - 1)).fill('COMPLETED'), 'NO_SHOW'],
  });
  c.restriction = built.restriction;
  c.notes.push(note(rng, env, started, NOTE.released(isoDateOf(started), built.restriction.centre, 'WEEKLY')));
  if (built.lastNoShowOn != null) c.notes.push(note(rng, env, Math.min(env.today, built.lastNoShowOn + 1), NOTE.noShow(isoDateOf(built.lastNoShowOn))));
  d.harmCategory = 'C';
  fixConvictionIndex(c, conv.id, d);
  return finishShowcase(env, d, rng);
}

/** Prolific burglar on PNC; CID has no criminal case and no mention. */
function highHarmPncOnly(env: Env, rng: Rng): TruePerson {
  const d = draft(2, 'HIGH_HARM_PNC_ONLY', {
    givenNames: ['ABDI', 'YUSUF'], familyName: 'WARSAME', gender: 'M', dob: d_('1988-02-05'),
    nationality: 'SOM', placeOfBirth: 'MOGADISHU', homeForce: 'WMP',
  });
  const asylum = openCase(env, d, rng, { type: 'ASYLUM', openedOn: d_('2007-06-12'), status: 'GRANTED', closedOn: d_('2008-03-01'), ownerUnit: 'ASYLUM CASES' });
  asylum.notes.push(note(rng, env, d_('2007-06-12'), NOTE.asylumLodged()), note(rng, env, d_('2008-03-01'), NOTE.granted()));
  enrol(env, d, rng, '2007-06-12');
  d.lawfulUntil = d_('2013-03-01');
  const ltr = openCase(env, d, rng, { type: 'LEAVE_TO_REMAIN', openedOn: d_('2013-02-01'), status: 'REFUSED', closedOn: d_('2014-01-10'), ownerUnit: 'UKVI TEMPORARY AND PERMANENT MIGRATION' });
  ltr.notes.push(note(rng, env, d_('2013-02-01'), NOTE.application('Indefinite leave to remain')), note(rng, env, d_('2014-01-10'), NOTE.refused()));
  const r = buildRestriction(env, rng, { startedOn: d_('2014-02-03'), centre: REPORTING_CENTRES.WMP[0]!, frequency: 'MONTHLY', windowStart: '11:00', windowMinutes: 60, bail: false, fate: 'OPEN' });
  ltr.restriction = r.restriction;
  const history: [string, string, number, 'EMBEDDED_IO' | null][] = [
    ['2010-05-14', 'BURGLARY-DWELLING', 8, null],
    ['2012-09-03', 'ROBBERY', 10, 'EMBEDDED_IO'],
    ['2015-06-22', 'BURGLARY-OTHER', 6, null],
  ];
  for (const [day, code, months, route] of history) {
    addArrest(env, d, rng, { day: d_(day) - 35, force: 'WMP', offenceCode: offence(code), route, fingerprinted: true });
    addConviction(env, d, rng, d_(day), code, months, 'WMP');
  }
  d.highHarmIntelligence = false;
  return finishShowcase(env, d, rng);
}

/** Band 1: MAPPA level 2 and a sentence over five years (004 §6.3). */
function band1(env: Env, rng: Rng): TruePerson {
  const d = draft(3, 'BAND_1', {
    givenNames: ['OLUWASEUN'], familyName: 'OKONKWO', gender: 'M', dob: d_('1979-09-30'),
    nationality: 'NGA', placeOfBirth: 'LAGOS', homeForce: 'MPS',
  });
  const visa = openCase(env, d, rng, { type: 'VISIT_VISA', openedOn: d_('2005-03-01'), status: 'GRANTED', closedOn: d_('2005-03-20'), ownerUnit: 'UKVI TEMPORARY AND PERMANENT MIGRATION' });
  visa.notes.push(note(rng, env, d_('2005-03-01'), NOTE.visaReceived('visit visa')));
  d.lawfulUntil = d_('2005-10-01');
  addArrest(env, d, rng, { day: d_('2008-06-01'), force: 'MPS', offenceCode: offence('GBH-S18'), route: 'CCU', fingerprinted: true });
  const conv = addConviction(env, d, rng, d_('2008-11-20'), 'GBH-S18', 78, 'MPS');
  d.criminalSince = d_('2008-12-15');
  enrol(env, d, rng, '2008-12-15');
  const c = openCase(env, d, rng, {
    type: 'CRIMINAL', openedOn: d_('2008-12-15'), ownerUnit: CC_LIVERPOOL,
    criminal: { convictionIndex: 0, deportationDecisionOn: '2009-06-01', noticeServedBefore2008: false, s33Exception: false, releasedOn: '2012-02-20', band: 1, operationZincs: false },
  });
  c.notes.push(note(rng, env, d_('2008-12-15'), NOTE.referral(rng, 'GBH-S18', 78, conv.court)), note(rng, env, d_('2009-06-01'), NOTE.decisionServed('2009-06-01')));
  c.barriers.push('FURTHER_REPRESENTATIONS', 'NO_TRAVEL_DOCUMENT');
  const fr = openCase(env, d, rng, { type: 'FURTHER_REPRESENTATIONS', openedOn: d_('2016-09-12'), ownerUnit: 'UKVI COMPLEX CASEWORK DIRECTORATE' });
  fr.notes.push(note(rng, env, d_('2016-09-12'), NOTE.furtherReps()));
  c.etd = etd(env, 'Nigeria', 'SUBMITTED', d_('2015-04-14'), null);
  const r = buildRestriction(env, rng, { startedOn: d_('2012-02-22'), centre: 'CROYDON (LUNAR HOUSE)', frequency: 'WEEKLY', windowStart: '10:00', windowMinutes: 360, bail: false, fate: 'OPEN' });
  c.restriction = r.restriction;
  c.notes.push(note(rng, env, d_('2012-02-22'), NOTE.released('2012-02-22', r.restriction.centre, 'WEEKLY')));
  d.mappaLevel = 2;
  d.harmCategory = 'A';
  d.tagged = true;
  d.highHarmIntelligence = true;
  fixConvictionIndex(c, conv.id, d);
  return finishShowcase(env, d, rng);
}

/** A criminal case nobody owns: 'NOT IN USE' (004 §6.10). */
function unclearOwnership(env: Env, rng: Rng): TruePerson {
  const d = draft(4, 'UNCLEAR_OWNERSHIP', {
    givenNames: ['KARWAN'], familyName: 'AHMED', gender: 'M', dob: d_('1985-12-01'),
    nationality: 'IRQ', placeOfBirth: 'SULAYMANIYAH', homeForce: 'WYP',
  });
  const asylum = openCase(env, d, rng, { type: 'ASYLUM', openedOn: d_('2009-04-02'), status: 'REFUSED', closedOn: d_('2010-02-15'), ownerUnit: 'ASYLUM CASES' });
  asylum.notes.push(note(rng, env, d_('2009-04-02'), NOTE.asylumLodged()), note(rng, env, d_('2010-02-15'), NOTE.asylumRefused()));
  enrol(env, d, rng, '2009-04-02');
  addArrest(env, d, rng, { day: d_('2013-02-20'), force: 'WYP', offenceCode: offence('ABH'), route: 'LOCAL_IO', fingerprinted: true });
  const conv = addConviction(env, d, rng, d_('2013-04-10'), 'ABH', 8, 'WYP');
  d.criminalSince = d_('2013-05-01');
  const c = openCase(env, d, rng, {
    type: 'CRIMINAL', openedOn: d_('2013-05-01'), ownerUnit: 'NOT IN USE', caseworker: null,
    criminal: { convictionIndex: 0, deportationDecisionOn: '2014-01-20', noticeServedBefore2008: false, s33Exception: false, releasedOn: '2013-08-10', band: 4, operationZincs: false },
  });
  c.notes.push(note(rng, env, d_('2013-05-01'), NOTE.referral(rng, 'ABH', 8, conv.court)), note(rng, env, d_('2016-03-14'), NOTE.ownershipQuery()));
  c.barriers.push('FURTHER_REPRESENTATIONS');
  openCase(env, d, rng, { type: 'FURTHER_REPRESENTATIONS', openedOn: d_('2014-03-03'), ownerUnit: '' }).notes.push(note(rng, env, d_('2014-03-03'), NOTE.furtherReps()));
  const r = buildRestriction(env, rng, { startedOn: d_('2013-08-12'), centre: 'LEEDS (WATERSIDE COURT)', frequency: 'WEEKLY', windowStart: '13:00', windowMinutes: 60, bail: false, fate: 'OPEN' });
  c.restriction = r.restriction;
  d.harmCategory = 'C';
  fixConvictionIndex(c, conv.id, d);
  return finishShowcase(env, d, rng);
}

/** A criminal case whose Pathfinder rows will contradict CID (the renderer keys on the tag). */
function pathfinderConflict(env: Env, rng: Rng): TruePerson {
  const d = draft(5, 'CID_PATHFINDER_CONFLICT', {
    givenNames: ['MOHAMMAD', 'NASIR'], familyName: 'STANEKZAI', gender: 'M', dob: d_('1992-01-07'),
    nationality: 'AFG', placeOfBirth: 'JALALABAD', homeForce: 'WYP',
  });
  const asylum = openCase(env, d, rng, { type: 'ASYLUM', openedOn: d_('2010-09-20'), status: 'REFUSED', closedOn: d_('2012-05-02'), ownerUnit: 'ASYLUM CASES' });
  asylum.notes.push(note(rng, env, d_('2010-09-20'), NOTE.asylumLodged()), note(rng, env, d_('2012-05-02'), NOTE.asylumRefused()));
  enrol(env, d, rng, '2010-09-20');
  addArrest(env, d, rng, { day: d_('2014-11-02'), force: 'WYP', offenceCode: offence('DRUGS-SUPPLY-A'), route: 'LOCAL_IO', fingerprinted: true });
  const conv = addConviction(env, d, rng, d_('2015-01-15'), 'DRUGS-SUPPLY-A', 24, 'WYP');
  d.criminalSince = d_('2015-02-02');
  const c = openCase(env, d, rng, {
    type: 'CRIMINAL', openedOn: d_('2015-02-02'), ownerUnit: CC_LEEDS,
    criminal: { convictionIndex: 0, deportationDecisionOn: '2015-07-01', noticeServedBefore2008: false, s33Exception: false, releasedOn: '2016-01-15', band: 4, operationZincs: false },
  });
  c.notes.push(note(rng, env, d_('2015-02-02'), NOTE.referral(rng, 'DRUGS-SUPPLY-A', 24, conv.court)), note(rng, env, d_('2015-07-01'), NOTE.decisionServed('2015-07-01')));
  c.barriers.push('OUTSTANDING_ASYLUM_CLAIM');
  openCase(env, d, rng, { type: 'ASYLUM', openedOn: d_('2016-08-01'), ownerUnit: 'ASYLUM CASES' }).notes.push(note(rng, env, d_('2016-08-01'), NOTE.asylumLodged()));
  c.etd = etd(env, 'Afghanistan', 'INTERVIEW_BOOKED', d_('2016-02-10'), d_('2016-03-22'));
  const r = buildRestriction(env, rng, { startedOn: d_('2016-01-18'), centre: 'LEEDS (WATERSIDE COURT)', frequency: 'WEEKLY', windowStart: '10:00', windowMinutes: 360, bail: false, fate: 'OPEN' });
  c.restriction = r.restriction;
  d.harmCategory = 'B';
  fixConvictionIndex(c, conv.id, d);
  return finishShowcase(env, d, rng);
}

/** Says he is British; MPS prints hit Home Office records; in custody now, not yet checked. */
function falseBritish(env: Env, rng: Rng): TruePerson {
  const d = draft(6, 'FALSE_BRITISH_FINGERPRINT_HIT', {
    givenNames: ['KWAME'], familyName: 'MENSAH', gender: 'M', dob: d_('1987-05-19'),
    nationality: 'GHA', placeOfBirth: 'KUMASI', homeForce: 'MPS',
  });
  d.falseClaim = 'BRITISH';
  d.claimedNationality = 'GBR';
  const visa = openCase(env, d, rng, { type: 'STUDENT_VISA', openedOn: d_('2010-08-20'), status: 'GRANTED', closedOn: d_('2010-09-06'), ownerUnit: 'UKVI TEMPORARY AND PERMANENT MIGRATION' });
  visa.notes.push(note(rng, env, d_('2010-08-20'), NOTE.visaReceived('student visa')), note(rng, env, d_('2010-09-06'), NOTE.visaGranted('2012-10-31')));
  enrol(env, d, rng, '2010-08-20');
  d.lawfulUntil = d_('2012-10-31');
  d.passportNumber = env.ids.passportNumber(rng, 'GHA');
  addArrest(env, d, rng, { day: d_('2016-03-04'), force: 'MPS', offenceCode: offence('SHOPLIFTING'), route: 'CCU', fingerprinted: true });
  const enf = openCase(env, d, rng, { type: 'ENFORCEMENT', openedOn: d_('2016-03-05'), ownerUnit: 'ICE LONDON' });
  enf.notes.push(note(rng, env, d_('2016-03-05'), NOTE.statusCheck('CCU')));
  const r = buildRestriction(env, rng, { startedOn: d_('2016-03-10'), centre: 'LONDON BRIDGE (BECKET HOUSE)', frequency: 'MONTHLY', windowStart: '14:00', windowMinutes: 60, bail: false, fate: 'OPEN' });
  enf.restriction = r.restriction;
  addArrest(env, d, rng, { day: env.today, force: 'MPS', offenceCode: offence('THEFT'), inCustodyNow: true, route: null, fingerprinted: true });
  return finishShowcase(env, d, rng);
}

/** Three ACRO checks by three instigators, for the data-sharing rules (001 §4.32–4.35, fn 20). */
function acroSharing(env: Env, rng: Rng): TruePerson {
  const d = draft(7, 'ACRO_SHARING', {
    givenNames: ['KRZYSZTOF', 'PAWEL'], familyName: 'NOWAK', gender: 'M', dob: d_('1983-10-02'),
    nationality: 'POL', placeOfBirth: 'LODZ', homeForce: 'WYP',
  });
  d.passportNumber = env.ids.passportNumber(rng, 'POL');
  addArrest(env, d, rng, { day: d_('2015-06-12'), force: 'MPS', offenceCode: offence('THEFT'), route: null, fingerprinted: true });
  addConviction(env, d, rng, d_('2015-08-03'), 'THEFT', null, 'MPS');
  addArrest(env, d, rng, { day: d_('2016-04-18'), force: 'WYP', offenceCode: offence('PUBLIC-ORDER'), route: 'LOCAL_IO', fingerprinted: true });
  const shoplifting = acroResult(rng, 'POL', d_('2009-03-02'), offenceByCode('SHOPLIFTING')!);
  const fraud = acroResult(rng, 'POL', d_('2011-11-15'), offenceByCode('FRAUD')!);
  // Police-instigated, below HOSOL: the Home Office must not learn of it (001 §4.32).
  addAcroCheck(env, d, rng, { instigator: 'MPS', requestedOn: d_('2015-06-13'), outcome: 'RESULTS', answeredOn: d_('2015-07-20'), results: [shoplifting] }, []);
  // WYP-instigated: IOs may view under the local agreement (001 §4.35), not decide removal on it (fn 20).
  addAcroCheck(env, d, rng, { instigator: 'WYP', requestedOn: d_('2016-04-19'), outcome: 'RESULTS', answeredOn: d_('2016-05-30'), results: [fraud] }, []);
  const enf = openCase(env, d, rng, { type: 'ENFORCEMENT', openedOn: d_('2016-06-15'), ownerUnit: 'ICE NORTH EAST YORKSHIRE AND HUMBER' });
  enf.notes.push(note(rng, env, d_('2016-06-15'), 'EEA national: evidence of exercising Treaty rights requested. ACRO check requested for immigration purposes.'));
  // Home Office-instigated, for immigration purposes: may be used (DOMAIN data-sharing rule 2).
  addAcroCheck(env, d, rng, { instigator: 'HOME_OFFICE', requestedOn: d_('2016-06-20'), outcome: 'RESULTS', answeredOn: d_('2016-08-02'), results: [shoplifting, fraud] }, []);
  return finishShowcase(env, d, rng);
}



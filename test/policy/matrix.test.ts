/**
 * The generated policy matrix (Cerbos-style): every role × purpose × restricted field of the fixture
 * schema, against the expected table below, written out by hand from DOMAIN.md so that a change to
 * src/policy/grants.ts that is not also made here fails. Plus: every role × purpose pair outside the
 * table is refused at the request (PurposeGrantedRule).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../src/auth/demoIdentities.js';
import { PURPOSES, ROLES, type Principal, type Purpose, type Role } from '../../src/auth/principal.js';
import { DATA_CLASSES, type DataClass } from '../../src/policy/classes.js';
import { checkPurpose } from '../../src/policy/purpose.js';
import { ctxFor, denials, fixtureSchema } from './harness.js';

const EXPECTED = `
CC_CASEWORKER            IMMIGRATION_CASEWORK      IDENTITY CID_CASEWORK CID_NOTES STATUS_CHECK_OUTCOME PNC ACRO HIGH_HARM_FLAG REPORTING ASSESSMENT DATA_QUALITY
CC_CASEWORKER            REPORTING                 IDENTITY CID_CASEWORK REPORTING HIGH_HARM_FLAG DATA_QUALITY
UKVI_CASE_OWNER          IMMIGRATION_CASEWORK      IDENTITY CID_CASEWORK CID_NOTES STATUS_CHECK_OUTCOME PNC ACRO HIGH_HARM_FLAG REPORTING ASSESSMENT DATA_QUALITY
EMBEDDED_IO              STATUS_CHECK              IDENTITY CID_CASEWORK STATUS_CHECK_OUTCOME PNC ACRO HIGH_HARM_FLAG ASSESSMENT DATA_QUALITY CUSTODY
CCU_CALL_HANDLER         STATUS_CHECK              IDENTITY CID_CASEWORK STATUS_CHECK_OUTCOME PNC ACRO HIGH_HARM_FLAG ASSESSMENT DATA_QUALITY
CCU_CALL_HANDLER         NATIONALITY_VERIFICATION  IDENTITY DVA
JOC_IO                   STATUS_CHECK              IDENTITY CID_CASEWORK STATUS_CHECK_OUTCOME PNC ACRO HIGH_HARM_FLAG ASSESSMENT DATA_QUALITY CUSTODY
JOC_IO                   HIGH_HARM_REVIEW          IDENTITY CID_CASEWORK STATUS_CHECK_OUTCOME PNC ACRO HIGH_HARM_FLAG ASSESSMENT
JOC_POLICE_OFFICER       POLICING                  IDENTITY CUSTODY STATUS_CHECK_OUTCOME PNC ACRO DATA_QUALITY CID_CASEWORK CID_NOTES HIGH_HARM_FLAG
JOC_POLICE_OFFICER       STATUS_CHECK              IDENTITY CID_CASEWORK STATUS_CHECK_OUTCOME PNC
CUSTODY_SERGEANT         POLICING                  IDENTITY CUSTODY STATUS_CHECK_OUTCOME PNC ACRO DATA_QUALITY
CUSTODY_SERGEANT         NATIONALITY_VERIFICATION  IDENTITY DVA
HIGH_HARM_POLICE         HIGH_HARM_REVIEW          IDENTITY CUSTODY STATUS_CHECK_OUTCOME PNC ACRO DATA_QUALITY HIGH_HARM_FLAG HIGH_HARM_INTELLIGENCE ASSESSMENT
HIGH_HARM_POLICE         POLICING                  IDENTITY CUSTODY STATUS_CHECK_OUTCOME PNC ACRO DATA_QUALITY
HIGH_HARM_HOME_OFFICE    HIGH_HARM_REVIEW          IDENTITY CID_CASEWORK CID_NOTES STATUS_CHECK_OUTCOME PNC ACRO HIGH_HARM_FLAG HIGH_HARM_INTELLIGENCE ASSESSMENT DATA_QUALITY
HIGH_HARM_HOME_OFFICE    IMMIGRATION_CASEWORK      IDENTITY CID_CASEWORK CID_NOTES STATUS_CHECK_OUTCOME PNC ACRO HIGH_HARM_FLAG REPORTING ASSESSMENT DATA_QUALITY
REPORTING_CENTRE_OFFICER REPORTING                 IDENTITY REPORTING HIGH_HARM_FLAG
MI_ANALYST               STATISTICS                AGGREGATE
AUDITOR                  AUDIT                     AUDIT
`;

const table = new Map<string, Set<DataClass>>();
for (const line of EXPECTED.trim().split('\n')) {
  const [role, purpose, ...classes] = line.trim().split(/\s+/);
  table.set(`${role}/${purpose}`, new Set(classes as DataClass[]));
}

/** A restricted field of the fixture, the query reaching it, and the classes on its path. */
const FIELDS: readonly (readonly [string, string, readonly DataClass[]])[] = [
  ['Person.id', '{ person(id: "p") { id } }', ['IDENTITY']],
  ['PersonName.family', '{ person(id: "p") { name { family } } }', ['IDENTITY']],
  ['CidCase.caseId', '{ person(id: "p") { cidCases { caseId } } }', ['IDENTITY', 'CID_CASEWORK']],
  ['CidNote.text', '{ person(id: "p") { cidCases { notes { text } } } }', ['IDENTITY', 'CID_CASEWORK', 'CID_NOTES']],
  ['CustodyEpisode.suite', '{ person(id: "p") { custody { suite } } }', ['IDENTITY', 'CUSTODY']],
  ['StatusCheck.result', '{ person(id: "p") { statusChecks { result } } }', ['IDENTITY', 'STATUS_CHECK_OUTCOME']],
  ['PncRecord.pncId', '{ person(id: "p") { pnc { pncId } } }', ['IDENTITY', 'PNC']],
  ['AcroResult.offenceText', '{ person(id: "p") { acro { results { offenceText } } } }', ['IDENTITY', 'ACRO']],
  ['DvaCheck.result', '{ person(id: "p") { dva { result } } }', ['IDENTITY', 'DVA']],
  ['HighHarmFlag.contact', '{ person(id: "p") { highHarmFlag { contact } } }', ['IDENTITY', 'HIGH_HARM_FLAG']],
  ['HighHarmIntelligence.summary', '{ person(id: "p") { highHarmIntelligence { summary } } }', ['IDENTITY', 'HIGH_HARM_INTELLIGENCE']],
  ['ReportingEvent.dueAt', '{ person(id: "p") { reporting { dueAt } } }', ['IDENTITY', 'REPORTING']],
  ['Assessment.rule', '{ person(id: "p") { assessments { rule } } }', ['IDENTITY', 'ASSESSMENT']],
  ['DataQualityIssue.message', '{ person(id: "p") { dataQuality { message } } }', ['IDENTITY', 'DATA_QUALITY']],
  ['ReferralCounts.referred', '{ referralCounts { referred } }', ['AGGREGATE']],
  ['AuditEntry.userId', '{ auditTrail(personId: "p") { userId } }', ['AUDIT']],
];

function principalFor(role: Role, purpose: Purpose): Principal {
  const base = DEMO_IDENTITIES.find((d) => d.role === role);
  if (!base) throw new Error(`no demo identity for ${role}`);
  return { ...base, purposes: [purpose], dvaLicensed: true };
}

const schema = fixtureSchema();
const rows: [Role, Purpose, string, 'allow' | 'deny'][] = [];
for (const [key, classes] of table) {
  const [role, purpose] = key.split('/') as [Role, Purpose];
  for (const [coord, , path] of FIELDS) rows.push([role, purpose, coord, path.every((c) => classes.has(c)) ? 'allow' : 'deny']);
}

describe('role × purpose × restricted field', () => {
  it('the expected table covers every class and every role', () => {
    const used = new Set([...table.values()].flatMap((s) => [...s]));
    expect([...DATA_CLASSES].filter((c) => !used.has(c))).toEqual([]);
    expect(ROLES.filter((r) => ![...table.keys()].some((k) => k.startsWith(`${r}/`)))).toEqual([]);
    expect(rows.length).toBe(table.size * FIELDS.length);
  });

  it.each(rows)('%s / %s / %s -> %s', (role, purpose, coord, expected) => {
    const field = FIELDS.find((f) => f[0] === coord)!;
    const ctx = ctxFor(principalFor(role, purpose), purpose, 'Reasonable doubt: passport photo does not match the detainee.');
    const found = denials(schema, field[1], ctx);
    const deniedHere = found.some((d) => d.coordinate === coord);
    expect(deniedHere ? 'deny' : 'allow').toBe(expected);
    if (deniedHere) {
      const d = found.find((x) => x.coordinate === coord)!;
      expect(d.refusal.reason.length).toBeGreaterThan(10);
      expect(d.refusal.remedy.length).toBeGreaterThan(5);
    }
  });
});

describe('role × purpose outside the table is refused at the request', () => {
  const pairs: [Role, Purpose, boolean][] = [];
  for (const role of ROLES) for (const purpose of PURPOSES) pairs.push([role, purpose, table.has(`${role}/${purpose}`)]);
  it.each(pairs)('%s acting for %s: open=%s', (role, purpose, open) => {
    const r = checkPurpose(principalFor(role, purpose), purpose, 'Reasonable doubt: passport photo does not match the detainee.');
    expect(r.ok).toBe(open);
    if (!r.ok) {
      expect(r.error.extensions.code).toBe('FORBIDDEN');
      expect(r.error.extensions.rule).toBe('PurposeGrantedRule');
    }
  });
});

/**
 * The workflow through the running gateway over HTTP, with tokens (issue 7 "Done when"): the
 * reporting cycle (a centre's schedule → a no-show recorded with an idempotency key → the case
 * owner's unit inbox at once, with absconder action due on the FIRST failure (004 §7.22–7.30) →
 * changed instructions, validated against the guidance (004 §6.64–6.66) → the centre's next
 * schedule shows them) and the status-check cycle (an IO's unchecked list → a check recorded → the
 * list shrinks → the MI analyst's rates count it, 001 §4.7–4.12; 002 rec. 2–3). Retries replay,
 * a reused key with other input is a CONFLICT, the wrong role is refused with 403 and nothing is
 * written, and every request is in the audit trail.
 *
 * The subjects are showcase persons, the same in every estate of seed 42: TP0000002 (FIRST_NO_SHOW:
 * an FNO owned by Criminal Casework Leeds reporting weekly at Croydon on Thursdays, whose latest
 * past event was a no-show) and TP0000007 (in MPS custody now, not yet status-checked).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { createTestGateway, headersFor, type GraphQLHttpResult, type TestGateway } from '../support/gateway.js';

const CROYDON = 'CROYDON (LUNAR HOUSE)';
const OWNER_UNIT = 'CRIMINAL CASEWORK LEEDS';
/** The estate's today is 2017-03-01 (a Wednesday); TP0000002 reports on the next three Thursdays. */
const DAY_1 = '2017-03-02';
const DAY_2 = '2017-03-09';
const DAY_3 = '2017-03-16';

const SCHEDULE = /* GraphQL */ `
  query CentreSchedule($centre: String!, $date: Date!) {
    reportingSchedule(centre: $centre, date: $date) {
      centre
      date
      withheld
      entries {
        eventId restrictionId caseId dueAt windowOpensAt windowClosesAt recordedOutcome
        person { cidPersonKey name { original } }
        safety { highHarm absconderHistory previousNoShows }
        instructions { restrictionId frequency windowStart windowMinutes windowReason tasks location version setAt caseOwner { unit name phone } }
      }
    }
  }`;

const RECORD_OUTCOME = /* GraphQL */ `
  mutation RecordOutcome($input: RecordReportingOutcomeInput!) {
    recordReportingOutcome(input: $input) {
      eventId restrictionId caseId outcome unit recordedAt replayed idempotencyKey
      absconderAction { consecutiveNoShows escalation steps reasons guidance }
    }
  }`;

const INBOX = /* GraphQL */ `
  query UnitInbox($unit: String!, $after: String) {
    caseOwnerInbox(unit: $unit, after: $after) {
      unit cursor hasMore
      items { cursor kind unit caseId restrictionId eventId outcome notes centre recordedBy createdAt absconderAction { consecutiveNoShows escalation steps } }
    }
  }`;

const SET_INSTRUCTIONS = /* GraphQL */ `
  mutation SetInstructions($input: SetReportingInstructionsInput!) {
    setReportingInstructions(input: $input) {
      restrictionId caseId frequency windowStart windowMinutes windowReason tasks location version setAt replayed idempotencyKey
      caseOwner { unit name phone }
    }
  }`;

const UNCHECKED = /* GraphQL */ `
  query IoWorklist($force: Force!) {
    uncheckedInCustody(force: $force) {
      force at checkedCentrally
      detainees { custodyRecord suite arrestedAt whyForeignNational paceClockExpiresAt minutesRemaining }
    }
  }`;

const RECORD_CHECK = /* GraphQL */ `
  mutation RecordCheck($input: RecordStatusCheckInput!) {
    recordStatusCheck(input: $input) {
      id force suite custodyRecord route result checkedAt checkedBy checkedByRole recordedAt replayed idempotencyKey
    }
  }`;

const RATES = /* GraphQL */ `
  query CheckRates($force: Force!, $from: DateTime!, $to: DateTime!) {
    statusCheckRates(force: $force, from: $from, to: $to) {
      force arrests foreignNationalArrests checked notChecked checkRate byRoute { route checks } centralChecksWithoutCustodyRecord releasedBeforeIoAttended
    }
  }`;

const ACCESSES_BY = /* GraphQL */ `
  query AccessesBy($userId: String!, $from: DateTime!, $to: DateTime!) {
    accessesBy(userId: $userId, from: $from, to: $to) { requestId operationName outcome purpose principal { userId role } disclosed { coordinate } denied { coordinate rule } }
  }`;

interface ScheduleEntry {
  eventId: string;
  restrictionId: string;
  caseId: string;
  dueAt: string | null;
  windowOpensAt: string | null;
  windowClosesAt: string | null;
  recordedOutcome: string | null;
  person: { cidPersonKey: string } | null;
  safety: { highHarm: boolean; absconderHistory: boolean; previousNoShows: number } | null;
  instructions: {
    restrictionId: string;
    frequency: string | null;
    windowStart: string | null;
    windowMinutes: number | null;
    windowReason: string | null;
    tasks: string[];
    location: string | null;
    version: number;
    setAt: string | null;
    caseOwner: { unit: string | null; name: string | null; phone: string | null };
  };
}

interface InboxItem {
  cursor: string;
  kind: string;
  caseId: string;
  eventId: string | null;
  outcome: string | null;
  notes: string | null;
  centre: string | null;
  absconderAction: { consecutiveNoShows: number; escalation: string; steps: string[] } | null;
}

interface InboxPage {
  cursor: string;
  hasMore: boolean;
  items: InboxItem[];
}

interface Detainee {
  custodyRecord: string;
  minutesRemaining: number | null;
}

interface Rates {
  foreignNationalArrests: number;
  checked: number;
  notChecked: number;
  byRoute: { route: string; checks: number }[];
}

interface AuditEvent {
  requestId: string;
  operationName: string | null;
  outcome: string;
  purpose: string;
  principal: { userId: string; role: string };
  disclosed: { coordinate: string }[];
  denied: { coordinate: string; rule: string }[];
}

let gw: TestGateway;
let startedAt: string;
let cidDb: ReturnType<typeof openDatabase>;
let storeDb: ReturnType<typeof openDatabase>;

beforeAll(async () => {
  gw = await createTestGateway();
  startedAt = new Date(Date.now() - 1000).toISOString();
  cidDb = openDatabase(`sqlite:${join(gw.estateDir, 'cid.sqlite')}`, { readonly: true });
  storeDb = openDatabase(gw.config.gatewayDatabaseUrl, { readonly: true });
});
afterAll(async () => {
  await cidDb?.destroy();
  await storeDb?.destroy();
  await gw?.close();
});

/** Runs an operation as a demo identity; fails the test on any GraphQL error. */
async function ok<T>(identity: string, purpose: string | undefined, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gw.request(query, variables, await headersFor(identity, purpose));
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  expect(res.status).toBe(200);
  const data = res.body.data!;
  return Object.values(data)[0] as T;
}

async function as(identity: string, purpose: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphQLHttpResult> {
  return gw.request(query, variables, await headersFor(identity, purpose));
}

function firstError(res: GraphQLHttpResult) {
  expect(res.body.errors?.length, 'an error').toBeGreaterThan(0);
  return res.body.errors![0]!;
}

async function count(table: string, where: Record<string, string> = {}): Promise<number> {
  const row = (await storeDb(table).where(where).count({ n: '*' }).first()) as { n: unknown } | undefined;
  return Number(row?.n ?? 0);
}

async function cidEvent(eventId: string): Promise<{ result_txt: string | null }> {
  return (await cidDb('cid_rep_event').where('event_id', eventId).first()) as { result_txt: string | null };
}

async function gatewayNotes(caseId: string): Promise<number> {
  const row = (await cidDb('cid_case_note').where('case_id', caseId).andWhere('note_text', 'like', '[PCV %').count({ n: '*' }).first()) as { n: unknown } | undefined;
  return Number(row?.n ?? 0);
}

/** TP0000002's entry on a day: the one Croydon event whose case Criminal Casework Leeds owns. */
async function showcaseEntry(date: string): Promise<ScheduleEntry> {
  const schedule = await ok<{ centre: string; date: string; withheld: number; entries: ScheduleEntry[] }>('rom-croydon', 'REPORTING', SCHEDULE, { centre: CROYDON, date });
  expect(schedule).toMatchObject({ centre: CROYDON, date, withheld: 0 });
  const mine = schedule.entries.filter((e) => e.instructions.caseOwner.unit === OWNER_UNIT);
  expect(mine, `one Croydon event on ${date} owned by ${OWNER_UNIT}`).toHaveLength(1);
  return mine[0]!;
}

describe('reporting cycle over HTTP', () => {
  let inboxCursor: string;
  let noShow: ScheduleEntry;
  let noShowResult: { recordedAt: string; absconderAction: unknown };

  it('the centre officer fetches the day: the person, safety flags, window and instructions', async () => {
    const entry = await showcaseEntry(DAY_1);
    expect(entry.recordedOutcome).toBeNull();
    expect(entry.person?.cidPersonKey).toBe(`${entry.caseId}/${entry.person!.cidPersonKey.split('/')[1]}`);
    expect(entry.safety).toMatchObject({ highHarm: false, previousNoShows: 1 }); // the scripted latest no-show
    expect(entry.instructions).toMatchObject({ frequency: 'WEEKLY', windowStart: '10:00', windowMinutes: 60, location: CROYDON, version: 0, tasks: [] });
    expect(entry.windowOpensAt).toBe(`${DAY_1}T10:00:00Z`); // GMT in March
    expect(entry.windowClosesAt).toBe(`${DAY_1}T11:00:00Z`);

    // The owner's inbox before anything is recorded: its cursor is where polling starts.
    const inbox = await ok<InboxPage>('cc-leeds', 'REPORTING', INBOX, { unit: OWNER_UNIT, after: null });
    expect(inbox.items).toEqual([]);
    inboxCursor = inbox.cursor;

    // The person attends on day 1: the run of no-shows is broken.
    const attended = await ok<{ outcome: string; replayed: boolean; absconderAction: unknown }>('rom-croydon', 'REPORTING', RECORD_OUTCOME, {
      input: { idempotencyKey: 'h13-http-attend-0001', eventId: entry.eventId, outcome: 'ATTENDED', notes: 'Reported on time.' },
    });
    expect(attended).toMatchObject({ outcome: 'ATTENDED', replayed: false, absconderAction: null });
    expect((await cidEvent(entry.eventId)).result_txt).toBe('COMPLETED');
    expect((await showcaseEntry(DAY_1)).recordedOutcome).toBe('ATTENDED');
  });

  it('records a no-show with an idempotency key: CID, the inbox at once, absconder action on the FIRST failure', async () => {
    noShow = await showcaseEntry(DAY_2);
    expect(noShow.recordedOutcome).toBeNull();
    const notesBefore = await gatewayNotes(noShow.caseId);
    const result = await ok<{ eventId: string; outcome: string; unit: string; recordedAt: string; replayed: boolean; idempotencyKey: string; absconderAction: { consecutiveNoShows: number; escalation: string; steps: string[] } }>(
      'rom-croydon',
      'REPORTING',
      RECORD_OUTCOME,
      { input: { idempotencyKey: 'h13-http-noshow-0001', eventId: noShow.eventId, outcome: 'NO_SHOW', notes: 'No contact by the end of the window.' } },
    );
    expect(result).toMatchObject({ eventId: noShow.eventId, outcome: 'NO_SHOW', unit: OWNER_UNIT, replayed: false, idempotencyKey: 'h13-http-noshow-0001' });
    expect(result.absconderAction).toMatchObject({ consecutiveNoShows: 1, escalation: 'FIRST_FAILURE' });
    expect(result.absconderAction.steps.length).toBeGreaterThan(0);
    noShowResult = result;

    // Written back to CID's reporting event, with one stamped case note.
    expect((await cidEvent(noShow.eventId)).result_txt).toBe('NO SHOW');
    expect(await gatewayNotes(noShow.caseId)).toBe(notesBefore + 1);

    // The case owner's unit sees it at once: the outcome and the absconder action, after the cursor.
    const inbox = await ok<InboxPage>('cc-leeds', 'REPORTING', INBOX, { unit: OWNER_UNIT, after: inboxCursor });
    const forEvent = inbox.items.filter((i) => i.eventId === noShow.eventId);
    expect(forEvent.map((i) => i.kind)).toEqual(['REPORTING_OUTCOME', 'ABSCONDER_ACTION_DUE']);
    expect(forEvent[0]).toMatchObject({ outcome: 'NO_SHOW', caseId: noShow.caseId, centre: CROYDON, notes: 'No contact by the end of the window.' });
    expect(forEvent[1]!.absconderAction).toMatchObject({ consecutiveNoShows: 1, escalation: 'FIRST_FAILURE', steps: result.absconderAction.steps });
    expect(inbox.hasMore).toBe(false);
    inboxCursor = inbox.cursor;
  });

  it('a retry with the same key replays the answer and writes nothing twice; the same key with other input is a CONFLICT', async () => {
    const outcomes = await count('wf_reporting_outcome');
    const inboxRows = await count('wf_inbox');
    const notes = await gatewayNotes(noShow.caseId);
    const again = await ok<{ replayed: boolean; recordedAt: string; absconderAction: unknown }>('rom-croydon', 'REPORTING', RECORD_OUTCOME, {
      input: { idempotencyKey: 'h13-http-noshow-0001', eventId: noShow.eventId, outcome: 'NO_SHOW', notes: 'No contact by the end of the window.' },
    });
    expect(again.replayed).toBe(true);
    expect(again.recordedAt).toBe(noShowResult.recordedAt);
    expect(again.absconderAction).toEqual(noShowResult.absconderAction);

    const conflict = await as('rom-croydon', 'REPORTING', RECORD_OUTCOME, {
      input: { idempotencyKey: 'h13-http-noshow-0001', eventId: noShow.eventId, outcome: 'ATTENDED' },
    });
    const err = firstError(conflict);
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', idempotencyKey: 'h13-http-noshow-0001' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.data ?? null).toBeNull();

    expect(await count('wf_reporting_outcome')).toBe(outcomes);
    expect(await count('wf_inbox')).toBe(inboxRows);
    expect(await gatewayNotes(noShow.caseId)).toBe(notes);
    expect((await cidEvent(noShow.eventId)).result_txt).toBe('NO SHOW');
    const inbox = await ok<InboxPage>('cc-leeds', 'REPORTING', INBOX, { unit: OWNER_UNIT, after: inboxCursor });
    expect(inbox.items).toEqual([]);
  });

  it('refuses roles that may not record an outcome with 403, and writes nothing', async () => {
    const next = await showcaseEntry(DAY_3);
    const intents = await count('wf_intent');
    for (const [identity, purpose] of [['io-mps', 'STATUS_CHECK'], ['cc-leeds', 'REPORTING']] as const) {
      const res = await as(identity, purpose, RECORD_OUTCOME, { input: { idempotencyKey: `h13-http-refused-${identity}`, eventId: next.eventId, outcome: 'NO_SHOW' } });
      expect(res.status, identity).toBe(403);
      expect(firstError(res).extensions?.code).toBe('FORBIDDEN');
      expect(res.body.data ?? null).toBeNull();
    }
    expect(await count('wf_intent')).toBe(intents);
    expect(await count('wf_reporting_outcome', { event_id: next.eventId })).toBe(0);
    expect((await cidEvent(next.eventId)).result_txt).toBeNull();
    expect((await showcaseEntry(DAY_3)).recordedOutcome).toBeNull();
  });

  it('the case owner changes the instructions: errors name the field; the centre sees the change on its next fetch', async () => {
    const restrictionId = noShow.restrictionId;
    const base = { restrictionId, frequency: 'WEEKLY', windowStart: '11:00', location: CROYDON, tasks: ['ELICIT_CURRENT_CIRCUMSTANCES', 'ETD_INTERVIEW'], contactPhone: '0113 496 0001' };

    const tooLong = await as('cc-leeds', 'REPORTING', SET_INSTRUCTIONS, { input: { ...base, idempotencyKey: 'h13-http-instr-0001', windowMinutes: 120 } });
    const err = firstError(tooLong);
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windowReason' });
    expect(err.message).toContain('windowReason');
    expect(tooLong.status).toBe(400);

    const fortnightly = await as('cc-leeds', 'REPORTING', SET_INSTRUCTIONS, { input: { ...base, idempotencyKey: 'h13-http-instr-0002', frequency: 'FORTNIGHTLY', windowMinutes: 60 } });
    expect(firstError(fortnightly).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'frequency' });
    expect(await count('wf_instructions')).toBe(0);

    // Another hub's caseworker may read the case but not change Leeds's instructions.
    const otherUnit = await as('cc-liverpool', 'REPORTING', SET_INSTRUCTIONS, { input: { ...base, idempotencyKey: 'h13-http-instr-0003', windowMinutes: 60 } });
    expect(firstError(otherUnit).extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'CaseOwnershipRule' });
    expect(otherUnit.status).toBe(403);
    // ...nor read its inbox.
    const otherInbox = await as('cc-liverpool', 'REPORTING', INBOX, { unit: OWNER_UNIT, after: null });
    expect(firstError(otherInbox).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count('wf_instructions')).toBe(0);

    const set = await ok<{ version: number; replayed: boolean; windowStart: string; windowMinutes: number; tasks: string[]; caseOwner: { unit: string; phone: string } }>('cc-leeds', 'REPORTING', SET_INSTRUCTIONS, {
      input: { ...base, idempotencyKey: 'h13-http-instr-0004', windowMinutes: 60 },
    });
    expect(set).toMatchObject({ version: 1, replayed: false, windowStart: '11:00', windowMinutes: 60, tasks: ['ELICIT_CURRENT_CIRCUMSTANCES', 'ETD_INTERVIEW'] });
    expect(set.caseOwner).toMatchObject({ unit: OWNER_UNIT, phone: '0113 496 0001' });
    const replay = await ok<{ version: number; replayed: boolean }>('cc-leeds', 'REPORTING', SET_INSTRUCTIONS, { input: { ...base, idempotencyKey: 'h13-http-instr-0004', windowMinutes: 60 } });
    expect(replay).toMatchObject({ version: 1, replayed: true });

    const next = await showcaseEntry(DAY_3);
    expect(next.restrictionId).toBe(restrictionId);
    expect(next.instructions).toMatchObject({ version: 1, windowStart: '11:00', windowMinutes: 60, tasks: ['ELICIT_CURRENT_CIRCUMSTANCES', 'ETD_INTERVIEW'], caseOwner: { unit: OWNER_UNIT, phone: '0113 496 0001' } });
    expect(next.windowOpensAt).toBe(`${DAY_3}T11:00:00Z`);
    expect(next.windowClosesAt).toBe(`${DAY_3}T12:00:00Z`);
    expect(next.safety?.previousNoShows).toBe(2); // the scripted one and ours
  });
});

describe('status-check cycle over HTTP', () => {
  const period = { force: 'MPS', from: '2017-01-01T00:00:00Z', to: '2017-04-01T00:00:00Z' };
  let before: { list: { detainees: Detainee[]; checkedCentrally: number }; rates: Rates };
  let target: Detainee;
  let recorded: { id: string; recordedAt: string };

  it('the IO sees foreign nationals in custody at their force with no check, most urgent first', async () => {
    const list = await ok<{ force: string; checkedCentrally: number; detainees: Detainee[] }>('io-mps', 'STATUS_CHECK', UNCHECKED, { force: 'MPS' });
    expect(list.force).toBe('MPS');
    expect(list.detainees.length).toBeGreaterThan(0);
    for (const d of list.detainees) expect(d.custodyRecord.startsWith('MPS/')).toBe(true);
    const clocks = list.detainees.map((d) => d.minutesRemaining).filter((m): m is number => m !== null);
    expect(clocks).toEqual([...clocks].sort((a, b) => a - b));
    target = list.detainees[0]!;
    const rates = await ok<Rates>('mi-analyst', 'STATISTICS', RATES, period);
    before = { list, rates };

    // Another force's IO may not see MPS's list.
    const other = await as('io-wyp', 'STATUS_CHECK', UNCHECKED, { force: 'MPS' });
    expect(firstError(other).extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a check from a role or force that may not record it, and writes nothing', async () => {
    const input = { force: 'MPS', custodyRecord: target.custodyRecord, route: 'EMBEDDED_IO', result: 'IMMIGRATION_OFFENDER' };
    const rom = await as('rom-croydon', 'REPORTING', RECORD_CHECK, { input: { ...input, idempotencyKey: 'h13-http-check-refused-1' } });
    expect(rom.status).toBe(403);
    expect(firstError(rom).extensions?.code).toBe('FORBIDDEN');
    const wyp = await as('io-wyp', 'STATUS_CHECK', RECORD_CHECK, { input: { ...input, idempotencyKey: 'h13-http-check-refused-2' } });
    expect(wyp.status).toBe(403);
    expect(firstError(wyp).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count('wf_status_check')).toBe(0);
    const list = await ok<{ detainees: Detainee[] }>('io-mps', 'STATUS_CHECK', UNCHECKED, { force: 'MPS' });
    expect(list.detainees.map((d) => d.custodyRecord)).toEqual(before.list.detainees.map((d) => d.custodyRecord));
  });

  it('records the check once, replays a retry, refuses the key with other input, and the list shrinks', async () => {
    const input = { idempotencyKey: 'h13-http-check-0001', force: 'MPS', custodyRecord: target.custodyRecord, route: 'EMBEDDED_IO', result: 'IMMIGRATION_OFFENDER', notes: 'IDENT1 hit confirmed.' };
    const first = await ok<{ id: string; recordedAt: string; replayed: boolean; custodyRecord: string; checkedByRole: string; route: string }>('io-mps', 'STATUS_CHECK', RECORD_CHECK, { input });
    expect(first).toMatchObject({ replayed: false, custodyRecord: target.custodyRecord, checkedByRole: 'EMBEDDED_IO', route: 'EMBEDDED_IO' });
    recorded = first;
    const again = await ok<{ id: string; recordedAt: string; replayed: boolean }>('io-mps', 'STATUS_CHECK', RECORD_CHECK, { input });
    expect(again).toMatchObject({ id: first.id, recordedAt: first.recordedAt, replayed: true });
    const conflict = await as('io-mps', 'STATUS_CHECK', RECORD_CHECK, { input: { ...input, result: 'LAWFUL' } });
    expect(firstError(conflict).extensions).toMatchObject({ code: 'CONFLICT', idempotencyKey: 'h13-http-check-0001' });
    expect(conflict.status).toBe(409);
    expect(await count('wf_status_check')).toBe(1);

    const list = await ok<{ checkedCentrally: number; detainees: Detainee[] }>('io-mps', 'STATUS_CHECK', UNCHECKED, { force: 'MPS' });
    expect(list.detainees.map((d) => d.custodyRecord)).toEqual(before.list.detainees.slice(1).map((d) => d.custodyRecord));
    expect(list.checkedCentrally).toBe(before.list.checkedCentrally + 1);
  });

  it("the MI analyst's rates count it by route; the analyst cannot see a person", async () => {
    const rates = await ok<Rates>('mi-analyst', 'STATISTICS', RATES, period);
    const route = (r: Rates, name: string) => r.byRoute.find((x) => x.route === name)!.checks;
    expect(rates.foreignNationalArrests).toBe(before.rates.foreignNationalArrests);
    expect(rates.checked).toBe(before.rates.checked + 1);
    expect(rates.notChecked).toBe(before.rates.notChecked - 1);
    expect(route(rates, 'EMBEDDED_IO')).toBe(route(before.rates, 'EMBEDDED_IO') + 1);
    expect(recorded.id).toBeTruthy();

    const [force, ...rest] = target.custodyRecord.split('/');
    const person = await as('mi-analyst', 'STATISTICS', 'query SeeDetainee($force: Force!, $n: String!) { custodyRecord(force: $force, recordNumber: $n) { name { original } dateOfBirth } }', { force, n: rest.join('/') });
    expect(firstError(person).extensions?.code).toBe('FORBIDDEN');
    expect(person.body.data?.custodyRecord ?? null).toBeNull();
    const list = await as('mi-analyst', 'STATISTICS', UNCHECKED, { force: 'MPS' });
    expect(firstError(list).extensions?.code).toBe('FORBIDDEN');
    expect(list.body.data ?? null).toBeNull();
  });
});

describe('audit trail of the workflow', () => {
  async function accessesBy(userId: string): Promise<AuditEvent[]> {
    return ok<AuditEvent[]>('auditor', 'AUDIT', ACCESSES_BY, { userId, from: startedAt, to: new Date(Date.now() + 60_000).toISOString() });
  }
  const ops = (events: AuditEvent[], name: string) => events.filter((e) => e.operationName === name);

  it('holds one event per request, every write and read, with what it disclosed or refused', async () => {
    const rom = await accessesBy('demo.rom.croydon');
    expect(new Set(rom.map((e) => e.requestId)).size).toBe(rom.length);
    // attended, no-show, its replay, the conflict
    expect(ops(rom, 'RecordOutcome').map((e) => e.outcome)).toEqual(['OK', 'OK', 'OK', 'ERROR']);
    for (const e of ops(rom, 'RecordOutcome').slice(0, 2)) expect(e.disclosed.map((d) => d.coordinate)).toContain('Mutation.recordReportingOutcome');
    expect(ops(rom, 'CentreSchedule').length).toBeGreaterThanOrEqual(6);
    for (const e of ops(rom, 'CentreSchedule')) expect(e.disclosed.map((d) => d.coordinate)).toContain('ReportingScheduleEntry');
    expect(ops(rom, 'RecordCheck').map((e) => e.outcome)).toEqual(['DENIED']);

    const leeds = await accessesBy('demo.cc.leeds');
    expect(ops(leeds, 'UnitInbox').length).toBe(3);
    expect(ops(leeds, 'SetInstructions').map((e) => e.outcome)).toEqual(['ERROR', 'ERROR', 'OK', 'OK']);
    expect(ops(leeds, 'SetInstructions')[2]!.disclosed.map((d) => d.coordinate)).toContain('Mutation.setReportingInstructions');
    for (const e of ops(leeds, 'UnitInbox').slice(1, 2)) expect(e.disclosed.map((d) => d.coordinate)).toContain('InboxItem');
    const liverpool = await accessesBy('demo.cc.liverpool');
    expect(ops(liverpool, 'SetInstructions').map((e) => e.outcome)).toEqual(['DENIED']);
    expect(ops(liverpool, 'SetInstructions')[0]!.denied).toEqual([{ coordinate: 'Mutation.setReportingInstructions', rule: 'CaseOwnershipRule' }]);
    expect(ops(liverpool, 'SetInstructions')[0]!.disclosed).toEqual([]);
    expect(ops(liverpool, 'UnitInbox')[0]!.denied.map((d) => d.rule)).toEqual(['CaseOwnershipRule']);
    expect(ops(leeds, 'RecordOutcome').map((e) => e.outcome)).toEqual(['DENIED']);

    const io = await accessesBy('demo.io.mps');
    expect(ops(io, 'IoWorklist').length).toBe(3);
    expect(ops(io, 'RecordCheck').length).toBe(3);
    expect(ops(io, 'RecordCheck')[0]!.disclosed.map((d) => d.coordinate)).toContain('Mutation.recordStatusCheck');
    expect(ops(io, 'RecordOutcome').map((e) => e.outcome)).toEqual(['DENIED']);
    expect(ops(io, 'RecordOutcome')[0]!.denied.length).toBeGreaterThan(0);
    expect(ops(io, 'RecordOutcome')[0]!.disclosed).toEqual([]);

    const wyp = await accessesBy('demo.io.wyp');
    expect(ops(wyp, 'RecordCheck').map((e) => e.outcome)).toEqual(['DENIED']);
    expect(ops(wyp, 'RecordCheck')[0]!.denied).toEqual([{ coordinate: 'Mutation.recordStatusCheck', rule: 'ForceOfWorkRule' }]);
    expect(ops(wyp, 'IoWorklist').map((e) => e.outcome)).toEqual(['DENIED']);
    expect(ops(wyp, 'IoWorklist')[0]!.denied).toHaveLength(1); // the policy's decision, once

    const mi = await accessesBy('demo.mi.analyst');
    expect(ops(mi, 'CheckRates').map((e) => e.outcome)).toEqual(['OK', 'OK']);
    expect(ops(mi, 'SeeDetainee').map((e) => e.outcome)).toEqual(['DENIED']);
    for (const e of mi) expect(e.principal).toMatchObject({ userId: 'demo.mi.analyst', role: 'MI_ANALYST' });
  });
});

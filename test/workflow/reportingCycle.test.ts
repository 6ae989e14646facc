/**
 * A full reporting cycle on SQLite and PostgreSQL (issue 7 "Done when"): the centre's schedule →
 * a no-show written back to CID → the case owner's inbox at once → absconder action due on the
 * FIRST failure (004 §7.29) → changed instructions validated against the guidance → the next
 * schedule shows them → a second no-show escalates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrueCase, TrueReportingEvent } from '../../mocks/estate/model.js';
import { FIRST_STEPS, SECOND_STEPS } from '../../src/assessments/rules/AbsconderActionDueRule.js';
import { ukLocalDayOf } from '../../src/workflow/reportingRules.js';
import type { WorkflowService } from '../../src/workflow/service.js';
import { pgStatus } from '../support/postgres.js';
import { caller, createWorkflowFixture, population, type Engine, type WorkflowFixture, rejects } from './fixture.js';

interface Pick {
  readonly c: TrueCase;
  readonly first: TrueReportingEvent;
  readonly second: TrueReportingEvent;
}

/** A CC-owned open restriction whose event after a completed one, and the next, hold no result. */
function pickRestriction(): Pick {
  for (const person of population.persons) {
    for (const c of person.cases) {
      const r = c.restriction;
      if (!r || r.status !== 'OPEN' || !c.ownerUnit.startsWith('CRIMINAL CASEWORK')) continue;
      for (let i = 1; i + 1 < r.events.length; i++) {
        if (r.events[i - 1]!.result === 'COMPLETED' && r.events[i]!.result === null && r.events[i + 1]!.result === null) {
          return { c, first: r.events[i]!, second: r.events[i + 1]! };
        }
      }
    }
  }
  throw new Error('the test population has no suitable restriction');
}

const chosen = pickRestriction();
const centre = chosen.c.restriction!.centre;
const unit = chosen.c.ownerUnit;
const rom = () => caller({ role: 'REPORTING_CENTRE_OFFICER', reportingCentre: centre }, 'REPORTING');
const owner = () => caller({ role: 'CC_CASEWORKER', unit }, 'REPORTING');


function suite(engine: Engine): void {
  let fx: WorkflowFixture;
  let wf: WorkflowService;

  beforeAll(async () => {
    fx = await createWorkflowFixture(engine);
    wf = await fx.service();
  }, 120_000);
  afterAll(async () => {
    await fx?.cleanup();
  });

  it('walks schedule → no-show → inbox → absconder action → new instructions → next schedule → escalation', async () => {
    // 1. The centre's schedule on the day of the first event.
    fx.clock = new Date(Date.parse(chosen.first.dueAt) + 2 * 3_600_000);
    const day1 = ukLocalDayOf(chosen.first.dueAt);
    const schedule = await wf.reportingSchedule(rom(), centre, day1);
    const entry = schedule.entries.find((e) => e.eventId === chosen.first.id);
    expect(entry, 'the event is on its centre’s schedule').toBeDefined();
    expect(entry!.caseId).toBe(chosen.c.caseId);
    expect(entry!.person?.cidPersonKey).toBe(`${chosen.c.caseId}/${chosen.c.cidPersonId}`);
    expect(entry!.safety).not.toBeNull();
    expect(entry!.instructions.caseOwner.unit).toBe(unit);
    expect(entry!.recordedOutcome).toBeNull();
    expect(entry!.windowOpensAt).toBe(chosen.first.dueAt);

    // 2. The officer records a no-show: CID's event says NO SHOW, with a stamped case note.
    const first = await wf.recordReportingOutcome(rom(), { idempotencyKey: 'rep-cycle-0001', eventId: chosen.first.id, outcome: 'NO_SHOW', notes: 'No contact by 16:00.' });
    expect(first.replayed).toBe(false);
    expect(first.unit).toBe(unit);
    const cidDb = fx.cidDb();
    const held = await cidDb('cid_rep_event').where('event_id', chosen.first.id).first();
    expect(held.result_txt).toBe('NO SHOW');
    const notes = await cidDb('cid_case_note').where('case_id', chosen.c.caseId).andWhere('note_text', 'like', '[PCV %');
    expect(notes).toHaveLength(1);

    // 3. Absconder action on the FIRST failure, with the guidance's steps (004 §7.29, 002 §4.49).
    expect(first.absconderAction).toMatchObject({ consecutiveNoShows: 1, escalation: 'FIRST_FAILURE', steps: FIRST_STEPS });

    // 4. The case owner's inbox has both items at once; the cursor moves on.
    const inbox = await wf.caseOwnerInbox(owner(), unit, null);
    expect(inbox.items.map((i) => i.kind)).toEqual(['REPORTING_OUTCOME', 'ABSCONDER_ACTION_DUE']);
    expect(inbox.items[0]).toMatchObject({ eventId: chosen.first.id, outcome: 'NO_SHOW', notes: 'No contact by 16:00.', centre });
    expect(inbox.items[1]!.absconderAction?.steps).toEqual(FIRST_STEPS);
    expect((await wf.caseOwnerInbox(owner(), unit, inbox.cursor)).items).toHaveLength(0);

    // 5. The case owner changes the instructions; the guidance is enforced field by field.
    const bad = await rejects(
      wf.setReportingInstructions(owner(), { idempotencyKey: 'instr-bad-0001', restrictionId: chosen.c.restriction!.id, frequency: 'MONTHLY', windowStart: '10:00', windowMinutes: 360, location: centre }),
    );
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.problems.map((p) => p.field).sort()).toEqual(['frequency', 'windowReason']);
    const set = await wf.setReportingInstructions(owner(), {
      idempotencyKey: 'instr-good-0001',
      restrictionId: chosen.c.restriction!.id,
      frequency: 'WEEKLY',
      windowStart: '10:00',
      windowMinutes: 60,
      tasks: ['DETAIN_ON_REPORTING', 'ETD_INTERVIEW'],
      location: centre,
      contactPhone: '0151 000 0000',
    });
    expect(set).toMatchObject({ version: 1, frequency: 'WEEKLY', windowStart: '10:00', windowMinutes: 60, tasks: ['DETAIN_ON_REPORTING', 'ETD_INTERVIEW'] });
    const restriction = await cidDb('cid_rep_restriction').where('restriction_id', chosen.c.restriction!.id).first();
    expect(restriction).toMatchObject({ freq_cd: 'W', window_start: '10:00' });
    expect(Number(restriction.window_mins)).toBe(60);

    // 6. The centre sees the change on its next fetch.
    fx.clock = new Date(Date.parse(chosen.second.dueAt) + 8 * 3_600_000);
    const day2 = ukLocalDayOf(chosen.second.dueAt);
    const next = (await wf.reportingSchedule(rom(), centre, day2)).entries.find((e) => e.eventId === chosen.second.id)!;
    expect(next.instructions).toMatchObject({ tasks: ['DETAIN_ON_REPORTING', 'ETD_INTERVIEW'], windowStart: '10:00', windowMinutes: 60, version: 1 });
    expect(next.instructions.caseOwner.phone).toBe('0151 000 0000');
    expect(Date.parse(next.windowClosesAt!) - Date.parse(next.windowOpensAt!)).toBe(3_600_000);
    expect(next.windowOpensAt!.slice(11, 16)).toMatch(/^(10|09):00$/);
    expect(next.safety?.previousNoShows).toBeGreaterThanOrEqual(1);

    // 7. A second consecutive no-show escalates.
    const second = await wf.recordReportingOutcome(rom(), { idempotencyKey: 'rep-cycle-0002', eventId: chosen.second.id, outcome: 'NO_SHOW' });
    expect(second.absconderAction).toMatchObject({ consecutiveNoShows: 2, escalation: 'REPEATED_FAILURE', steps: [...FIRST_STEPS, ...SECOND_STEPS] });
    const newer = await wf.caseOwnerInbox(owner(), unit, inbox.cursor);
    expect(newer.items.map((i) => [i.kind, i.eventId])).toEqual([
      ['REPORTING_OUTCOME', chosen.second.id],
      ['ABSCONDER_ACTION_DUE', chosen.second.id],
    ]);
    expect(Number(newer.cursor)).toBeGreaterThan(Number(inbox.cursor));
  }, 60_000);

  it('refuses an inbox of another unit and a schedule of another centre', async () => {
    const other = await rejects(wf.caseOwnerInbox(caller({ role: 'UKVI_CASE_OWNER', unit: 'UKVI SOMEWHERE' }, 'IMMIGRATION_CASEWORK'), unit, null));
    expect(other.code).toBe('FORBIDDEN');
    const elsewhere = await rejects(wf.reportingSchedule(caller({ role: 'REPORTING_CENTRE_OFFICER', reportingCentre: 'NOWHERE HOUSE' }, 'REPORTING'), centre, '2017-03-01'));
    expect(elsewhere.code).toBe('FORBIDDEN');
    const analyst = await rejects(wf.reportingSchedule(caller({ role: 'MI_ANALYST' }, 'STATISTICS'), centre, '2017-03-01'));
    expect(analyst.code).toBe('FORBIDDEN');
  });
}

describe('reporting cycle on SQLite', () => suite('sqlite'));
describe.skipIf(!pgStatus.available)('reporting cycle on PostgreSQL', () => suite('postgres'));

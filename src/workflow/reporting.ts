/**
 * Reporting centres and case owners (004 §6.60–6.66, §7.22–7.30): the centre's schedule with the
 * case owner's instructions, outcomes written back to CID and into the owner's inbox at once,
 * absconder action from the first no-show, and instructions validated against the guidance.
 */
import type { Knex } from 'knex';
import type { CidRestrictionContext } from '../../adapters/cid/writeAdapter.js';
import { COMPLIANCE_HISTORY_EVENTS, STANDARD_WINDOW_MINUTES } from '../assessments/rules/RecommendedReportingFrequencyRule.js';
import { NotFoundError } from '../domain/errors.js';
import { decideCidRecord, decideHighHarmFlag } from '../policy/decide.js';
import type { PolicyContext } from '../policy/context.js';
import { WorkflowError, forbiddenWrite } from './errors.js';
import type { Actor, IntentEnvelope, WriteOperation } from './outbox.js';
import { authorise, unitOf } from './permissions.js';
import { absconderActionAfter, highHarmOf, noShowsBefore, ukLocalDayOf, windowOf } from './reportingRules.js';
import type {
  Caller,
  Frequency,
  FrequencyException,
  InboxItem,
  InboxPage,
  ReportingInstructions,
  ReportingOutcomeKind,
  ReportingOutcomeResult,
  ReportingSchedule,
  ReportingScheduleEntry,
  ReportingTask,
  WorkflowDeps,
} from './types.js';
import { FREQUENCIES, FREQUENCY_EXCEPTIONS, REPORTING_OUTCOMES, REPORTING_TASKS } from './types.js';
import { InputChecker } from './validate.js';

/** Where a case with unclear ownership (004 §6.10) lands: nobody's unit, so a queue someone watches. */
export const UNOWNED_INBOX = 'OWNERSHIP UNCLEAR';
export const INBOX_PAGE_MAX = 200;

export function actorOf(policy: PolicyContext): Actor {
  return { userId: policy.principal.userId, displayName: policy.principal.displayName, role: policy.principal.role, unit: unitOf(policy) };
}

function ownerUnitOf(ctx: CidRestrictionContext): string {
  return ctx.case.owner.ownershipUnclear ? UNOWNED_INBOX : (ctx.case.owner.unit ?? UNOWNED_INBOX);
}

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// --- instructions: stored body ---------------------------------------------------------------

interface InstructionsBody {
  readonly frequency: Frequency;
  readonly frequencyException: FrequencyException | null;
  readonly frequencyExceptionReason: string | null;
  readonly windowStart: string;
  readonly windowMinutes: number;
  readonly windowReason: string | null;
  readonly tasks: readonly ReportingTask[];
  readonly otherTask: string | null;
  readonly location: string;
  readonly contact: { readonly unit: string | null; readonly name: string | null; readonly phone: string | null; readonly email: string | null };
}

async function storedInstructions(db: Knex, restrictionIds: readonly string[]): Promise<Map<string, { body: InstructionsBody; version: number; setAt: string }>> {
  const out = new Map<string, { body: InstructionsBody; version: number; setAt: string }>();
  if (restrictionIds.length === 0) return out;
  const rows = (await db('wf_instructions').whereIn('restriction_id', [...new Set(restrictionIds)])) as { restriction_id: string; body: string; version: number | string; set_at: string }[];
  for (const r of rows) out.set(r.restriction_id, { body: JSON.parse(r.body) as InstructionsBody, version: Number(r.version), setAt: r.set_at });
  return out;
}

function instructionsOf(ctx: Pick<CidRestrictionContext, 'restriction' | 'case'>, stored: { body: InstructionsBody; version: number; setAt: string } | undefined): ReportingInstructions {
  const r = ctx.restriction;
  const b = stored?.body;
  return {
    restrictionId: r.restrictionId,
    caseId: r.caseId,
    // CID's restriction is the record of frequency, window and centre; the gateway keeps the rest.
    frequency: r.frequency,
    frequencyException: b?.frequencyException ?? null,
    frequencyExceptionReason: b?.frequencyExceptionReason ?? null,
    windowStart: r.windowStart,
    windowMinutes: r.windowMinutes,
    windowReason: b?.windowReason ?? null,
    tasks: b?.tasks ?? [],
    otherTask: b?.otherTask ?? null,
    location: r.reportingCentre,
    caseOwner: b?.contact ?? { unit: ctx.case.owner.unit, name: ctx.case.caseworker, phone: null, email: null },
    version: stored?.version ?? 0,
    setAt: stored?.setAt ?? null,
  };
}

async function gatewayOutcomes(db: Knex, column: 'event_id' | 'restriction_id', values: readonly string[]): Promise<Map<string, ReportingOutcomeKind>> {
  if (values.length === 0) return new Map();
  const rows = (await db('wf_reporting_outcome').select('event_id', 'outcome').whereIn(column, [...new Set(values)])) as { event_id: string; outcome: ReportingOutcomeKind }[];
  return new Map(rows.map((r) => [r.event_id, r.outcome]));
}

// --- recordReportingOutcome --------------------------------------------------------------------

export interface RecordReportingOutcomeInput {
  readonly idempotencyKey: string;
  readonly eventId: string;
  readonly outcome: string;
  readonly reason?: string | null;
  readonly notes?: string | null;
}

interface OutcomePayload {
  readonly eventId: string;
  readonly restrictionId: string;
  readonly caseId: string;
  readonly centre: string | null;
  readonly outcome: ReportingOutcomeKind;
  readonly reason: string | null;
  readonly notes: string | null;
}

const CID_RESULT: Readonly<Record<ReportingOutcomeKind, 'COMPLETED' | 'NO_SHOW' | null>> = {
  ATTENDED: 'COMPLETED',
  DETAINED: 'COMPLETED',
  NO_SHOW: 'NO_SHOW',
  // CID's result column holds completed, no show or blank (004 §7.21): an excused absence stays
  // blank there, with the reason in the case note; the gateway's record says EXCUSED.
  EXCUSED: null,
};

function outcomeNote(p: OutcomePayload, actor: Actor): string {
  const parts = [`Reporting event ${p.eventId}: ${p.outcome.replace('_', ' ')}`, `recorded by ${actor.displayName} at ${p.centre ?? 'the reporting centre'}.`];
  if (p.reason) parts.push(`Reason: ${p.reason}.`);
  if (p.notes) parts.push(`Notes: ${p.notes}`);
  return parts.join(' ');
}

export function reportingOutcomeOperation(deps: Pick<WorkflowDeps, 'cid' | 'store'>): WriteOperation<OutcomePayload, ReportingOutcomeResult> {
  return {
    name: 'recordReportingOutcome',
    target: (p) => `reporting-event:${p.eventId}`,
    async applyLegacy(env: IntentEnvelope<OutcomePayload>) {
      await deps.cid.writeReportingOutcome({
        intentId: env.intentId,
        eventId: env.payload.eventId,
        result: CID_RESULT[env.payload.outcome],
        note: { author: env.actor.displayName, at: env.acceptedAt, text: outcomeNote(env.payload, env.actor) },
      });
    },
    async prepare(env) {
      const ctx = await deps.cid.contextOfEvent(env.payload.eventId);
      if (ctx instanceof Error) throw ctx;
      const earlier = await gatewayOutcomes(deps.store.db, 'restriction_id', [ctx.restriction.restrictionId]);
      return { ctx, earlier };
    },
    async complete(trx, env, prepared) {
      const { ctx, earlier } = prepared as { ctx: CidRestrictionContext; earlier: Map<string, ReportingOutcomeKind> };
      const p = env.payload;
      const at = env.acceptedAt;
      const unit = ownerUnitOf(ctx);
      await trx('wf_reporting_outcome').insert({
        event_id: p.eventId,
        restriction_id: p.restrictionId,
        case_id: p.caseId,
        centre: p.centre,
        outcome: p.outcome,
        reason: p.reason,
        notes: p.notes,
        recorded_by: env.actor.userId,
        recorded_at: at,
        intent_id: env.intentId,
      });
      const seqs: number[] = [];
      const base = { unit, caseId: p.caseId, restrictionId: p.restrictionId, eventId: p.eventId, createdAt: at, intentId: env.intentId };
      const common = { outcome: p.outcome, reason: p.reason, notes: p.notes, centre: p.centre, recordedBy: env.actor.displayName };
      seqs.push(await deps.store.appendInbox(trx, { ...base, kind: 'REPORTING_OUTCOME', body: { ...common, absconderAction: null } }));
      let action = null;
      if (p.outcome === 'NO_SHOW') {
        const outcomes = new Map(earlier);
        outcomes.set(p.eventId, 'NO_SHOW');
        action = absconderActionAfter(ctx.restriction, ctx.events, p.eventId, outcomes);
        if (action) seqs.push(await deps.store.appendInbox(trx, { ...base, kind: 'ABSCONDER_ACTION_DUE', body: { ...common, absconderAction: action } }));
      }
      return { eventId: p.eventId, restrictionId: p.restrictionId, caseId: p.caseId, outcome: p.outcome, unit, recordedAt: at, inboxSeqs: seqs, absconderAction: action };
    },
  };
}

export async function recordReportingOutcome(deps: WorkflowDeps, caller: Caller, input: RecordReportingOutcomeInput): Promise<ReportingOutcomeResult & { replayed: boolean; idempotencyKey: string }> {
  const policy = authorise(caller.policy, 'recordReportingOutcome');
  const check = new InputChecker();
  const key = check.idempotencyKey(input.idempotencyKey);
  const eventId = check.text('eventId', input.eventId, { required: true, max: 32 });
  const outcome = check.oneOf('outcome', input.outcome, REPORTING_OUTCOMES);
  const reason = check.text('reason', input.reason, { max: 500 });
  const notes = check.text('notes', input.notes, { max: 2000 });
  if (outcome === 'EXCUSED' && !reason) check.add('reason', 'is required when the outcome is EXCUSED (e.g. ill health, 004 §7.22).');
  check.done();
  const { idempotencyKey: _k, ...hashInput } = input;
  const run = await deps.outbox.run(reportingOutcomeOperation(deps), {
    actor: actorOf(policy),
    idempotencyKey: key!,
    hashInput,
    validate: async () => {
      const ctx = await deps.cid.contextOfEvent(eventId!);
      if (ctx instanceof NotFoundError) throw new WorkflowError('BAD_USER_INPUT', `Invalid input: "eventId": CID holds no reporting event "${eventId}".`, { field: 'eventId' });
      const centre = ctx.restriction.reportingCentre;
      const mine = policy.principal.reportingCentre?.trim().toUpperCase();
      if (mine && centre?.trim().toUpperCase() !== mine) {
        throw forbiddenWrite('ReportingCentreRule', `reporting event "${eventId}" is due at ${centre ?? 'another centre'}, not at your centre (${mine}).`);
      }
      const event = ctx.events.find((e) => e.eventId === eventId)!;
      const today = ukLocalDayOf(isoSeconds(deps.now()));
      if (event.dueAt && ukLocalDayOf(event.dueAt) > today) {
        throw new WorkflowError('BAD_USER_INPUT', `Invalid input: "eventId": reporting event "${eventId}" is not due until ${ukLocalDayOf(event.dueAt)}; record its outcome on or after that day.`, { field: 'eventId' });
      }
      caller.audit?.record({ coordinate: 'Mutation.recordReportingOutcome', source: 'cid' }, decideCidRecord(policy, { class: 'REPORTING', ownerUnit: ctx.case.owner.unit }));
      return { eventId: eventId!, restrictionId: ctx.restriction.restrictionId, caseId: ctx.case.caseId, centre, outcome: outcome!, reason, notes };
    },
  });
  return { ...run.result, replayed: run.replayed, idempotencyKey: key! };
}

// --- reportingSchedule -------------------------------------------------------------------------

export async function reportingSchedule(deps: WorkflowDeps, caller: Caller, centreIn: string, dateIn: string): Promise<ReportingSchedule> {
  const policy = authorise(caller.policy, 'reportingSchedule');
  const check = new InputChecker();
  const centre = check.text('centre', centreIn, { required: true, max: 60 });
  const date = check.date('date', dateIn);
  check.done();
  const mine = policy.principal.reportingCentre?.trim().toUpperCase();
  if (mine && centre!.toUpperCase() !== mine) throw forbiddenWrite('ReportingCentreRule', `you work at ${mine}; the schedule of ${centre!.toUpperCase()} is for its own officers.`);
  const events = await deps.cid.eventsAtCentreOn(centre!, date!);
  const restrictionIds = events.map((e) => e.restriction.restrictionId);
  const [stored, outcomes, absconders] = await Promise.all([
    storedInstructions(deps.store.db, restrictionIds),
    gatewayOutcomes(deps.store.db, 'event_id', events.map((e) => e.event.eventId)),
    deps.cid.absconderRestrictionCounts(events.flatMap((e) => e.persons.map((p) => p.hoRef ?? '')).filter((h) => h !== '')),
  ]);
  // Past no-shows per restriction need every event of it: read each restriction's context once.
  const contexts = new Map<string, CidRestrictionContext>();
  for (const id of new Set(restrictionIds)) {
    const c = await deps.cid.contextOfRestriction(id);
    if (!(c instanceof Error)) contexts.set(id, c);
  }
  const flag = decideHighHarmFlag(policy);
  const entries: ReportingScheduleEntry[] = [];
  let withheld = 0;
  for (const e of events) {
    const decision = decideCidRecord(policy, { class: 'REPORTING', ownerUnit: e.case.owner.unit });
    caller.audit?.record({ coordinate: 'ReportingScheduleEntry', source: 'cid' }, decision);
    if (decision.effect !== 'ALLOW') {
      withheld++;
      continue;
    }
    const person = e.persons[0] ?? null;
    const ctx = contexts.get(e.restriction.restrictionId);
    const hh = highHarmOf(e.case);
    if (flag.effect === 'ALLOW') caller.audit?.disclosed({ coordinate: 'OfficerSafety.highHarm', source: 'cid' });
    const w = windowOf(e.event, e.restriction.windowStart, e.restriction.windowMinutes);
    const recorded = outcomes.get(e.event.eventId) ?? (e.event.result === 'COMPLETED' ? 'COMPLETED' : e.event.result === 'NO_SHOW' ? 'NO_SHOW' : null);
    entries.push({
      eventId: e.event.eventId,
      restrictionId: e.restriction.restrictionId,
      caseId: e.case.caseId,
      dueAt: e.event.dueAt,
      windowOpensAt: w.opens,
      windowClosesAt: w.closes,
      person: person
        ? { cidPersonKey: person.ref.key, name: person.name, dateOfBirth: person.dateOfBirth, nationality: person.nationality, homeOfficeReference: person.hoRef }
        : null,
      safety:
        flag.effect === 'ALLOW'
          ? {
              highHarm: hh.highHarm,
              highHarmReasons: hh.reasons,
              absconderHistory: (person?.hoRef ? (absconders.get(person.hoRef) ?? 0) : 0) > 0,
              previousNoShows: ctx && e.event.dueAt ? noShowsBefore(ctx.events, e.event.dueAt) : 0,
            }
          : null,
      instructions: instructionsOf(e, stored.get(e.restriction.restrictionId)),
      recordedOutcome: recorded,
    });
  }
  return { centre: centre!.toUpperCase(), date: date!, entries, withheld };
}

// --- caseOwnerInbox ----------------------------------------------------------------------------

interface InboxBody {
  readonly outcome: ReportingOutcomeKind | null;
  readonly reason: string | null;
  readonly notes: string | null;
  readonly centre: string | null;
  readonly recordedBy: string | null;
  readonly absconderAction: InboxItem['absconderAction'];
}

export async function caseOwnerInbox(deps: WorkflowDeps, caller: Caller, unitIn: string, after: string | null | undefined, limitIn?: number | null): Promise<InboxPage> {
  const policy = authorise(caller.policy, 'caseOwnerInbox');
  const check = new InputChecker();
  const unit = check.text('unit', unitIn, { required: true, max: 120 })?.toUpperCase() ?? null;
  let from = 0;
  if (after != null && after !== '') {
    if (!/^\d{1,15}$/.test(after)) check.add('after', `"${after}" is not a cursor from an earlier inbox page.`);
    else from = Number(after);
  }
  const limit = limitIn ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > INBOX_PAGE_MAX) check.add('limit', `must be a whole number from 1 to ${INBOX_PAGE_MAX}.`);
  check.done();
  const own = unitOf(policy);
  if (own !== unit) throw forbiddenWrite('CaseOwnershipRule', `the inbox of ${unit} is for its own case owners${own ? `; yours is ${own}` : ''} (004 §6.18).`);
  const rows = await deps.store.inbox([unit!], from, limit + 1);
  const page = rows.slice(0, limit);
  const items: InboxItem[] = page.map((r) => {
    const b = r.body as InboxBody;
    caller.audit?.disclosed({ coordinate: 'InboxItem', source: 'cid' });
    return {
      cursor: String(r.seq),
      kind: r.kind as InboxItem['kind'],
      unit: r.unit,
      caseId: r.caseId,
      restrictionId: r.restrictionId,
      eventId: r.eventId,
      outcome: b.outcome,
      reason: b.reason,
      notes: b.notes,
      centre: b.centre,
      recordedBy: b.recordedBy,
      absconderAction: b.absconderAction,
      createdAt: r.createdAt,
    };
  });
  return { unit: unit!, items, cursor: String(page.length > 0 ? page[page.length - 1]!.seq : from), hasMore: rows.length > limit };
}

// --- setReportingInstructions ------------------------------------------------------------------

export interface SetReportingInstructionsInput {
  readonly idempotencyKey: string;
  readonly restrictionId: string;
  readonly frequency: string;
  readonly frequencyException?: string | null;
  readonly frequencyExceptionReason?: string | null;
  readonly windowStart: string;
  readonly windowMinutes: number;
  readonly windowReason?: string | null;
  readonly tasks?: readonly string[] | null;
  readonly otherTask?: string | null;
  readonly location: string;
  readonly contactName?: string | null;
  readonly contactPhone?: string | null;
  readonly contactEmail?: string | null;
}

interface InstructionsPayload {
  readonly restrictionId: string;
  readonly caseId: string;
  readonly body: InstructionsBody;
}

/** Criminal Casework owns the case (004 §6.2): its units are named "CRIMINAL CASEWORK …". */
function ownedByCriminalCasework(ctx: CidRestrictionContext): boolean {
  return (ctx.case.owner.unit ?? '').startsWith('CRIMINAL CASEWORK');
}

/** The guidance's checks on instructions (004 §6.64–6.66), every problem with its field. */
export function checkInstructionsAgainstGuidance(check: InputChecker, ctx: CidRestrictionContext, b: Omit<InstructionsBody, 'contact'>, today: string): void {
  const fno = ctx.case.type === 'CRIMINAL' || ctx.case.criminal != null;
  if (ctx.restriction.bail && b.frequency !== 'WEEKLY') {
    check.add('frequency', `this is a bail case: bail cases always report WEEKLY (004 §6.64), not ${b.frequency}.`);
  } else if (fno && ownedByCriminalCasework(ctx) && b.frequency !== 'WEEKLY') {
    if (!b.frequencyException) {
      check.add('frequency', `a Criminal Casework FNO reports WEEKLY unless a stated exception applies (004 §6.65); give frequencyException (${FREQUENCY_EXCEPTIONS.join(', ')}) to set ${b.frequency}.`);
    } else if (b.frequencyException === 'LOW_HARM' && ctx.case.criminal?.harmCategory !== 'D') {
      check.add('frequencyException', `LOW_HARM needs harm matrix category D (004 §6.65, fn 20); CID records ${ctx.case.criminal?.harmCategory ?? 'no category'}.`);
    } else if (b.frequencyException === 'HISTORY_OF_COMPLIANCE') {
      const past = ctx.events.filter((e) => e.dueAt != null && e.dueAt.slice(0, 10) < today).slice(-COMPLIANCE_HISTORY_EVENTS);
      if (past.length < COMPLIANCE_HISTORY_EVENTS || past.some((e) => e.result !== 'COMPLETED')) {
        check.add('frequencyException', `HISTORY_OF_COMPLIANCE needs the last ${COMPLIANCE_HISTORY_EVENTS} reporting events completed; CID shows ${past.filter((e) => e.result === 'COMPLETED').length} of the last ${past.length}.`);
      }
    } else if (b.frequencyException === 'LOW_REMOVABILITY' && !b.frequencyExceptionReason) {
      check.add('frequencyExceptionReason', 'is required for LOW_REMOVABILITY: say why removal is unlikely in the near future (004 §6.65).');
    }
  }
  if (b.windowMinutes > STANDARD_WINDOW_MINUTES && !b.windowReason) {
    check.add('windowReason', `is required for a window longer than ${STANDARD_WINDOW_MINUTES} minutes (${b.windowMinutes} given): long windows keep arrest teams waiting (004 §6.66).`);
  }
}

export function instructionsOperation(deps: Pick<WorkflowDeps, 'cid'>): WriteOperation<InstructionsPayload, ReportingInstructions> {
  return {
    name: 'setReportingInstructions',
    target: () => null,
    async applyLegacy(env) {
      const b = env.payload.body;
      await deps.cid.writeRestriction({
        intentId: env.intentId,
        restrictionId: env.payload.restrictionId,
        frequency: b.frequency,
        windowStart: b.windowStart,
        windowMinutes: b.windowMinutes,
        centre: b.location,
        note: {
          author: env.actor.displayName,
          at: env.acceptedAt,
          text: `Reporting instructions changed: ${b.frequency}, ${b.windowStart} for ${b.windowMinutes} minutes at ${b.location}${b.tasks.length ? `; tasks ${b.tasks.join(', ')}` : ''}.`,
        },
      });
    },
    async prepare(env) {
      const ctx = await deps.cid.contextOfRestriction(env.payload.restrictionId);
      if (ctx instanceof Error) throw ctx;
      return ctx;
    },
    async complete(trx, env, prepared) {
      const ctx = prepared as CidRestrictionContext;
      const prev = (await trx('wf_instructions').where('restriction_id', env.payload.restrictionId).first()) as { version: number | string } | undefined;
      const version = Number(prev?.version ?? 0) + 1;
      const row = { case_id: env.payload.caseId, body: JSON.stringify(env.payload.body), version, set_by: env.actor.userId, set_at: env.acceptedAt, intent_id: env.intentId };
      if (prev) await trx('wf_instructions').where('restriction_id', env.payload.restrictionId).update(row);
      else await trx('wf_instructions').insert({ restriction_id: env.payload.restrictionId, ...row });
      return instructionsOf(ctx, { body: env.payload.body, version, setAt: env.acceptedAt });
    },
  };
}

export async function setReportingInstructions(deps: WorkflowDeps, caller: Caller, input: SetReportingInstructionsInput): Promise<ReportingInstructions & { replayed: boolean; idempotencyKey: string }> {
  const policy = authorise(caller.policy, 'setReportingInstructions');
  const check = new InputChecker();
  const key = check.idempotencyKey(input.idempotencyKey);
  const restrictionId = check.text('restrictionId', input.restrictionId, { required: true, max: 20 });
  const frequency = check.oneOf('frequency', input.frequency, FREQUENCIES);
  const frequencyException = check.oneOf('frequencyException', input.frequencyException ?? null, FREQUENCY_EXCEPTIONS, false);
  const frequencyExceptionReason = check.text('frequencyExceptionReason', input.frequencyExceptionReason, { max: 500 });
  const windowStart = check.text('windowStart', input.windowStart, { required: true });
  if (windowStart != null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(windowStart)) check.add('windowStart', `"${windowStart}" is not a time of day HH:MM (UK local time).`);
  const windowMinutes = input.windowMinutes;
  if (!Number.isInteger(windowMinutes) || windowMinutes < 15 || windowMinutes > 600) check.add('windowMinutes', `must be a whole number of minutes from 15 to 600; got ${String(windowMinutes)}.`);
  const windowReason = check.text('windowReason', input.windowReason, { max: 500 });
  const tasks: ReportingTask[] = [];
  for (const [i, t] of (input.tasks ?? []).entries()) {
    const task = check.oneOf(`tasks[${i}]`, t, REPORTING_TASKS);
    if (task && tasks.includes(task)) check.add(`tasks[${i}]`, `${task} is listed twice.`);
    else if (task) tasks.push(task);
  }
  const otherTask = check.text('otherTask', input.otherTask, { max: 500 });
  if (tasks.includes('OTHER') && !otherTask) check.add('otherTask', 'is required when tasks include OTHER: say what the centre should do.');
  const location = check.text('location', input.location, { required: true, max: 60 })?.toUpperCase() ?? null;
  const contactName = check.text('contactName', input.contactName, { max: 80 });
  const contactPhone = check.text('contactPhone', input.contactPhone, { max: 30 });
  if (contactPhone && !/^\+?[0-9 ()-]{6,30}$/.test(contactPhone)) check.add('contactPhone', 'is not a telephone number (digits, spaces, +, brackets, hyphens).');
  const contactEmail = check.text('contactEmail', input.contactEmail, { max: 120 });
  if (contactEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contactEmail)) check.add('contactEmail', 'is not an email address.');
  check.done();
  const { idempotencyKey: _k, ...hashInput } = input;
  const run = await deps.outbox.run(instructionsOperation(deps), {
    actor: actorOf(policy),
    idempotencyKey: key!,
    hashInput,
    validate: async () => {
      const ctx = await deps.cid.contextOfRestriction(restrictionId!);
      if (ctx instanceof NotFoundError) throw new WorkflowError('BAD_USER_INPUT', `Invalid input: "restrictionId": CID holds no reporting restriction "${restrictionId}".`, { field: 'restrictionId' });
      const decision = decideCidRecord(policy, { class: 'REPORTING', ownerUnit: ctx.case.owner.unit });
      // Criminal Casework may READ every hub's cases, but the instructions are the owning unit's to
      // set (004 §6.63–6.66): the contact they carry is that unit's, and its inbox gets the outcomes.
      // (Refused before the ALLOW is recorded; the resolver puts the refusal in the audit event.)
      if (decision.effect === 'ALLOW' && policy.principal.role === 'CC_CASEWORKER' && ownerUnitOf(ctx).trim().toUpperCase() !== unitOf(policy)) {
        throw forbiddenWrite('CaseOwnershipRule', `restriction "${restrictionId}" is on a case owned by ${ownerUnitOf(ctx)}; its reporting instructions are set by that unit${unitOf(policy) ? `, not ${unitOf(policy)}` : ''} (004 §6.63).`);
      }
      caller.audit?.record({ coordinate: 'Mutation.setReportingInstructions', source: 'cid' }, decision);
      if (decision.effect === 'DENY') throw forbiddenWrite(decision.refusal.rule, decision.refusal.reason, true);
      if (decision.effect === 'WITHHOLD') throw new WorkflowError('BAD_USER_INPUT', `Invalid input: "restrictionId": CID holds no reporting restriction "${restrictionId}".`, { field: 'restrictionId' });
      const guidance = new InputChecker();
      const partial = { frequency: frequency!, frequencyException, frequencyExceptionReason, windowStart: windowStart!, windowMinutes, windowReason, tasks, otherTask, location: location! };
      checkInstructionsAgainstGuidance(guidance, ctx, partial, isoSeconds(deps.now()).slice(0, 10));
      guidance.done();
      return {
        restrictionId: restrictionId!,
        caseId: ctx.case.caseId,
        body: { ...partial, contact: { unit: ctx.case.owner.unit, name: contactName ?? policy.principal.displayName, phone: contactPhone, email: contactEmail } },
      };
    },
  });
  return { ...run.result, replayed: run.replayed, idempotencyKey: key! };
}

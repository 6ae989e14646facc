/**
 * Idempotent, crash-safe writes across the gateway's store and a legacy system (issue 7 "Rules for
 * every write"), with an outbox of intents:
 *
 *   1. look the idempotency key up: same input → the original result (or original refusal);
 *      different input → CONFLICT;
 *   2. validate and authorise (nothing is stored when that fails);
 *   3. ACCEPT: store the intent, durably, with its normalised payload;
 *   4. APPLY to the legacy system in its own transaction (idempotent per intent: the legacy write
 *      recognises its own stamp, so re-running it after a crash changes nothing twice);
 *   5. COMPLETE: write the gateway's rows and mark the intent APPLIED in one store transaction.
 *
 * If the legacy system refuses, the intent is REJECTED and nothing else is written. If it is down,
 * the intent stays ACCEPTED: the caller is told SOURCE_UNAVAILABLE, retryable, with the key to
 * retry with; `recoverPending` (run at every start) finishes it otherwise. Nothing accepted is lost.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { CidWriteRejectedError } from '../../adapters/cid/writeErrors.js';
import { canonicalJson } from '../audit/event.js';
import { GatewayError } from '../domain/errors.js';
import { WorkflowError } from './errors.js';
import { isUniqueViolation, type IntentRecord, type WorkflowStore } from './store.js';

/** Who acts, as stored with the intent (so recovery can finish it without the request). */
export interface Actor {
  readonly userId: string;
  readonly displayName: string;
  readonly role: string;
  readonly unit: string | null;
}

export interface IntentEnvelope<P> {
  readonly intentId: string;
  readonly idempotencyKey: string;
  readonly actor: Actor;
  readonly acceptedAt: string;
  readonly payload: P;
}

/** One kind of write. `P` is the validated, normalised payload; `R` the JSON result. */
export interface WriteOperation<P, R> {
  readonly name: string;
  /** What the write claims exclusively while not rejected (e.g. `reporting-event:<id>`), or null. */
  target(payload: P): string | null;
  /** The legacy write (idempotent per intent); omitted when the gateway's store is the only system. */
  applyLegacy?(envelope: IntentEnvelope<P>): Promise<void>;
  /** Reads needed to complete (outside the store transaction). */
  prepare?(envelope: IntentEnvelope<P>): Promise<unknown>;
  /** The gateway-side rows, in the store transaction; returns the result the caller gets (and any retry). */
  complete(trx: Knex.Transaction, envelope: IntentEnvelope<P>, prepared: unknown): Promise<R>;
}

/** Test seam standing for a process dying between steps (the intent must survive it). */
export interface CrashPoints {
  afterAccept?(intentId: string): void;
  afterLegacyApply?(intentId: string): void;
}

export interface WriteOutcome<R> {
  readonly result: R;
  readonly intentId: string;
  /** True when this answer is the stored result of an earlier request with the same key. */
  readonly replayed: boolean;
}

export function inputHash(operation: string, input: unknown): string {
  return createHash('sha256').update(canonicalJson({ operation, input })).digest('hex');
}

function storedError(intent: IntentRecord): WorkflowError {
  const e = intent.error!;
  const code = (['BAD_USER_INPUT', 'FORBIDDEN', 'CONFLICT', 'NOT_FOUND'] as const).find((c) => c === e.code) ?? 'CONFLICT';
  return new WorkflowError(code, e.message, { field: e.field, idempotencyKey: intent.idempotencyKey, retryable: false });
}

export interface Outbox {
  /**
   * Runs one write. `hashInput` is the raw input without the key (the idempotency fingerprint);
   * `validate` checks and authorises it and returns the payload to store.
   */
  run<P, R>(op: WriteOperation<P, R>, args: { actor: Actor; idempotencyKey: string; hashInput: unknown; validate: () => Promise<P> }): Promise<WriteOutcome<R>>;
  /** Finishes every ACCEPTED intent (at start). Returns how many were applied, rejected, left pending. */
  recoverPending(): Promise<{ applied: number; rejected: number; pending: number }>;
}

export function createOutbox(options: {
  store: WorkflowStore;
  operations: ReadonlyArray<WriteOperation<never, unknown>>;
  now: () => Date;
  crash?: CrashPoints;
}): Outbox {
  const { store, now, crash } = options;
  const ops = new Map(options.operations.map((o) => [o.name, o as unknown as WriteOperation<unknown, unknown>]));
  const iso = () => now().toISOString().replace(/\.\d{3}Z$/, 'Z');

  async function drive<R>(op: WriteOperation<unknown, unknown>, intent: IntentRecord): Promise<WriteOutcome<R>> {
    const envelope = intent.payload as IntentEnvelope<unknown>;
    const key = intent.idempotencyKey;
    try {
      if (op.applyLegacy) {
        await op.applyLegacy(envelope);
        crash?.afterLegacyApply?.(intent.id);
      }
      const prepared = op.prepare ? await op.prepare(envelope) : null;
      const done = await store.complete(intent.id, iso(), (trx) => op.complete(trx, envelope, prepared));
      if (!done.done) {
        // Finished meanwhile by another request or the recovery step: answer with what it stored.
        const now_ = await store.intentById(intent.id);
        if (now_?.status === 'APPLIED') return { result: now_.result as R, intentId: intent.id, replayed: true };
        if (now_?.status === 'REJECTED') throw storedError(now_);
        throw new WorkflowError('SOURCE_UNAVAILABLE', 'The write is accepted but not yet applied.', { retryable: true, idempotencyKey: key });
      }
      return { result: done.result as R, intentId: intent.id, replayed: false };
    } catch (e) {
      if (e instanceof WorkflowError) throw e.idempotencyKey ? e : e.withKey(key);
      if (e instanceof CidWriteRejectedError) {
        const code = e.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'CONFLICT';
        await store.reject(intent.id, { code, message: e.message, field: e.field });
        throw new WorkflowError(code, `CID refused the write, so nothing was recorded: ${e.message}`, { field: e.field, idempotencyKey: key, retryable: false });
      }
      await store.countAttempt(intent.id).catch(() => undefined);
      const why = e instanceof GatewayError ? e.message : 'the store or a source did not answer';
      throw new WorkflowError(
        'SOURCE_UNAVAILABLE',
        `Accepted but not yet applied (${why}). Nothing was half-written. Retry with the same idempotencyKey "${key}"; otherwise the gateway applies it when it next starts.`,
        { retryable: true, idempotencyKey: key },
      );
    }
  }

  async function replay<R>(existing: IntentRecord, hash: string): Promise<WriteOutcome<R> | null> {
    if (existing.inputHash !== hash) {
      throw new WorkflowError('CONFLICT', `The idempotencyKey "${existing.idempotencyKey}" was already used for a different ${existing.operation} request; use a new key for a new request.`, {
        field: 'idempotencyKey',
        idempotencyKey: existing.idempotencyKey,
      });
    }
    if (existing.status === 'APPLIED') return { result: existing.result as R, intentId: existing.id, replayed: true };
    if (existing.status === 'REJECTED') throw storedError(existing);
    const op = ops.get(existing.operation);
    if (!op) throw new Error(`No workflow operation "${existing.operation}" to resume.`);
    return drive<R>(op, existing);
  }

  return {
    async run<P, R>(op: WriteOperation<P, R>, args: { actor: Actor; idempotencyKey: string; hashInput: unknown; validate: () => Promise<P> }) {
      const generic = op as unknown as WriteOperation<unknown, unknown>;
      const hash = inputHash(op.name, args.hashInput);
      const found = await store.findIntent(args.actor.userId, args.idempotencyKey).catch((e: unknown) => {
        throw new WorkflowError('SOURCE_UNAVAILABLE', `The gateway store did not answer (${e instanceof Error ? e.message.slice(0, 120) : 'error'}); nothing was recorded. Retry.`, { retryable: true, idempotencyKey: args.idempotencyKey });
      });
      if (found) return (await replay<R>(found, hash))!;
      let payload: P;
      try {
        payload = await args.validate();
      } catch (e) {
        if (e instanceof WorkflowError) throw e.withKey(args.idempotencyKey);
        if (e instanceof GatewayError && e.code === 'SOURCE_UNAVAILABLE') {
          throw new WorkflowError('SOURCE_UNAVAILABLE', `${e.message} Nothing was recorded; retry with the same idempotencyKey.`, { retryable: true, idempotencyKey: args.idempotencyKey });
        }
        throw e;
      }
      const intentId = randomUUID();
      const envelope: IntentEnvelope<P> = { intentId, idempotencyKey: args.idempotencyKey, actor: args.actor, acceptedAt: iso(), payload };
      const target = op.target(payload);
      try {
        await store.insertIntent({ id: intentId, userId: args.actor.userId, idempotencyKey: args.idempotencyKey, operation: op.name, inputHash: hash, payload: envelope, target, acceptedAt: envelope.acceptedAt });
      } catch (e) {
        if (!isUniqueViolation(e)) {
          throw new WorkflowError('SOURCE_UNAVAILABLE', 'The gateway store did not accept the write; nothing was recorded. Retry with the same idempotencyKey.', { retryable: true, idempotencyKey: args.idempotencyKey });
        }
        const raced = await store.findIntent(args.actor.userId, args.idempotencyKey);
        if (raced) return (await replay<R>(raced, hash))!;
        throw new WorkflowError('CONFLICT', `Another request is already recording ${target ?? 'this record'}; fetch it before recording again.`, { idempotencyKey: args.idempotencyKey });
      }
      crash?.afterAccept?.(intentId);
      const intent = await store.intentById(intentId);
      return drive<R>(generic, intent!);
    },

    async recoverPending() {
      let applied = 0;
      let rejected = 0;
      let pending = 0;
      for (const intent of await store.pendingIntents()) {
        const op = ops.get(intent.operation);
        if (!op) {
          pending++;
          continue;
        }
        try {
          await drive(op, intent);
          applied++;
        } catch (e) {
          if (e instanceof WorkflowError && !e.retryable) rejected++;
          else pending++;
        }
      }
      return { applied, rejected, pending };
    },
  };
}

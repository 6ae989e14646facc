/**
 * The workflow's tables in the gateway's own store (issue 7):
 *
 * - `wf_intent`: the outbox. Every write is first accepted here (durably, with its idempotency key
 *   and a hash of its input), then applied to the legacy system, then marked APPLIED in the same
 *   transaction that writes its gateway-side rows. `target` holds what the write claims exclusively
 *   (e.g. one reporting event) while it is not rejected, so two keys cannot record the same event.
 * - `wf_reporting_outcome`: one row per reporting event whose outcome the gateway recorded.
 * - `wf_inbox`: the case owner's unit inbox; `seq` is the polling cursor (inserts are serialised,
 *   so a poller never skips a row that commits late, see store.ts `appendInbox`).
 * - `wf_instructions`: the case owner's current instructions per restriction (tasks, contact, reasons).
 * - `wf_status_check`: the one central record of status checks, from any route (002 rec. 3).
 * - `wf_release_before_io`: releases because no IO could attend (002 rec. 2).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('wf_intent', (t) => {
    t.string('id', 40).primary();
    t.string('user_id', 128).notNullable();
    t.string('idempotency_key', 128).notNullable();
    t.string('operation', 64).notNullable();
    t.string('input_hash', 64).notNullable();
    t.text('payload').notNullable();
    t.string('status', 16).notNullable();
    t.string('target', 160).unique();
    t.text('result');
    t.string('error_code', 40);
    t.text('error_message');
    t.string('error_field', 80);
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('accepted_at', 32).notNullable();
    t.string('applied_at', 32);
    t.unique(['user_id', 'idempotency_key']);
    t.index(['status']);
  });
  await knex.schema.createTable('wf_reporting_outcome', (t) => {
    t.string('event_id', 32).primary();
    t.string('restriction_id', 20).notNullable();
    t.string('case_id', 24).notNullable();
    t.string('centre', 60);
    t.string('outcome', 16).notNullable();
    t.text('reason');
    t.text('notes');
    t.string('recorded_by', 128).notNullable();
    t.string('recorded_at', 32).notNullable();
    t.string('intent_id', 40).notNullable();
    t.index(['restriction_id']);
  });
  await knex.schema.createTable('wf_inbox', (t) => {
    t.bigInteger('seq').primary();
    t.string('unit', 120).notNullable();
    t.string('kind', 32).notNullable();
    t.string('case_id', 24).notNullable();
    t.string('restriction_id', 20);
    t.string('event_id', 32);
    t.text('body').notNullable();
    t.string('created_at', 32).notNullable();
    t.string('intent_id', 40).notNullable();
    t.index(['unit', 'seq']);
  });
  await knex.schema.createTable('wf_instructions', (t) => {
    t.string('restriction_id', 20).primary();
    t.string('case_id', 24).notNullable();
    t.text('body').notNullable();
    t.integer('version').notNullable();
    t.string('set_by', 128).notNullable();
    t.string('set_at', 32).notNullable();
    t.string('intent_id', 40).notNullable();
  });
  await knex.schema.createTable('wf_status_check', (t) => {
    t.string('id', 40).primary();
    t.string('force', 8).notNullable();
    t.string('suite', 120);
    t.string('custody_record', 80);
    t.string('person_ref', 120);
    t.string('route', 16).notNullable();
    t.string('result', 32).notNullable();
    t.string('checked_at', 32).notNullable();
    t.string('checked_by', 128).notNullable();
    t.string('checked_by_role', 40).notNullable();
    t.text('notes');
    t.string('recorded_at', 32).notNullable();
    t.index(['force', 'checked_at']);
    t.index(['custody_record']);
  });
  await knex.schema.createTable('wf_release_before_io', (t) => {
    t.string('id', 40).primary();
    t.string('force', 8).notNullable();
    t.string('suite', 120);
    t.string('custody_record', 80).notNullable();
    t.string('released_at', 32).notNullable();
    t.string('io_requested_at', 32);
    t.string('reason', 32).notNullable();
    t.text('notes');
    t.string('recorded_by', 128).notNullable();
    t.string('recorded_by_role', 40).notNullable();
    t.string('recorded_at', 32).notNullable();
    t.index(['force', 'released_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['wf_release_before_io', 'wf_status_check', 'wf_instructions', 'wf_inbox', 'wf_reporting_outcome', 'wf_intent']) {
    await knex.schema.dropTableIfExists(t);
  }
}

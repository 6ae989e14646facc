/**
 * The audit trail's tables: `audit_event` (one row per request, hash-chained), `audit_event_person`
 * (which persons an event concerns, for `auditTrail`), and `audit_head` (one row: the last seq and
 * hash; appends lock it, so the chain never forks, also across processes). UPDATE and DELETE on the
 * event tables are rejected by triggers on SQLite and PostgreSQL (TRUNCATE too on PostgreSQL); the
 * head may only move forward.
 */
import type { Knex } from 'knex';

const TABLES = ['audit_event', 'audit_event_person'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_event', (t) => {
    t.bigInteger('seq').primary();
    t.string('id', 64).notNullable().unique();
    t.string('request_id', 128).notNullable();
    t.string('at', 32).notNullable().index();
    t.string('user_id', 128).notNullable();
    t.string('role', 64).notNullable();
    t.string('organisation', 32).notNullable();
    t.string('purpose', 64).notNullable();
    t.text('justification');
    t.string('outcome', 16).notNullable();
    t.string('policy_version', 64).notNullable();
    t.text('body').notNullable();
    t.string('prev_hash', 64).notNullable();
    t.string('hash', 64).notNullable();
    t.index(['user_id', 'at']);
  });
  await knex.schema.createTable('audit_event_person', (t) => {
    t.bigInteger('seq').notNullable().references('seq').inTable('audit_event');
    t.string('person_id', 128).notNullable();
    t.string('at', 32).notNullable();
    t.primary(['seq', 'person_id']);
    t.index(['person_id', 'at']);
  });
  await knex.schema.createTable('audit_head', (t) => {
    t.integer('id').primary();
    t.bigInteger('seq').notNullable();
    t.string('hash', 64).notNullable();
  });
  await knex('audit_head').insert({ id: 1, seq: 0, hash: '0'.repeat(64) });

  if (knex.client.config.client === 'pg') {
    await knex.raw(`CREATE OR REPLACE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit trail is append-only: % on % rejected', TG_OP, TG_TABLE_NAME; END $$`);
    await knex.raw(`CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.seq < OLD.seq OR NEW.id <> OLD.id THEN
          RAISE EXCEPTION 'audit_head may only move forward: % rejected', TG_OP;
        END IF;
        RETURN NEW;
      END $$`);
    for (const t of TABLES) {
      await knex.raw(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION audit_reject_change()`);
      await knex.raw(`CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change()`);
    }
    await knex.raw(`CREATE TRIGGER audit_head_forward BEFORE UPDATE OR DELETE ON audit_head FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()`);
    await knex.raw(`CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change()`);
  } else {
    for (const t of TABLES) {
      await knex.raw(`CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, 'audit trail is append-only: UPDATE on ${t} rejected'); END`);
      await knex.raw(`CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, 'audit trail is append-only: DELETE on ${t} rejected'); END`);
    }
    await knex.raw(`CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head WHEN NEW.seq < OLD.seq OR NEW.id <> OLD.id BEGIN SELECT RAISE(ABORT, 'audit_head may only move forward'); END`);
    await knex.raw(`CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head BEGIN SELECT RAISE(ABORT, 'audit_head may not be deleted'); END`);
  }
}

export async function down(knex: Knex): Promise<void> {
  // Dropping the audit trail is a deliberate operator act (a rollback of this migration), never an app path.
  await knex.schema.dropTableIfExists('audit_event_person');
  await knex.schema.dropTableIfExists('audit_event');
  await knex.schema.dropTableIfExists('audit_head');
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP FUNCTION IF EXISTS audit_reject_change() CASCADE');
    await knex.raw('DROP FUNCTION IF EXISTS audit_head_forward_only() CASCADE');
  }
}

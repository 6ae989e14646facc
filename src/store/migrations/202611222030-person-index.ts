/**
 * The person index: gateway persons, which source record belongs to which person (and how it was
 * linked), candidate pairs with their outcome and evidence, the review queue, caseworkers'
 * decisions (who, when, why: audited later, respected by every re-run), runs and saved models.
 */
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('persons', (t) => {
    t.string('person_id', 32).primary();
    t.string('status', 16).notNullable(); // ACTIVE | RETIRED
    t.integer('record_count').notNullable();
    t.string('created_at').notNullable();
    t.string('updated_at').notNullable();
  });
  await db.schema.createTable('person_records', (t) => {
    t.string('ref', 200).primary(); // source:key
    t.string('source', 16).notNullable();
    t.string('record_key', 180).notNullable();
    t.string('person_id', 32).notNullable().index();
    t.string('rule', 64).notNullable(); // how it joined its person: rule name, PROBABILISTIC, HUMAN or SINGLE
    t.double('match_weight').nullable();
    t.text('evidence').nullable();
    t.text('fragment').notNullable();
    t.string('family_key', 8).nullable().index();
    t.string('given_key', 8).nullable().index();
    t.string('date_of_birth', 10).nullable().index();
    t.string('updated_at').notNullable();
  });
  await db.schema.createTable('candidate_pairs', (t) => {
    t.string('left_ref', 200).notNullable();
    t.string('right_ref', 200).notNullable().index();
    t.string('outcome', 16).notNullable();
    t.string('rule', 64).notNullable();
    t.string('guard', 200).nullable();
    t.double('match_weight').notNullable();
    t.double('probability').notNullable();
    t.text('evidence').notNullable();
    t.string('model_version', 32).notNullable();
    t.primary(['left_ref', 'right_ref']);
  });
  await db.schema.createTable('review_queue', (t) => {
    t.increments('id').primary();
    t.string('left_ref', 200).notNullable();
    t.string('right_ref', 200).notNullable();
    t.string('left_person', 32).notNullable();
    t.string('right_person', 32).notNullable();
    t.double('match_weight').notNullable();
    t.string('reason', 200).notNullable();
    t.text('evidence').notNullable();
    t.string('created_at').notNullable();
    t.unique(['left_ref', 'right_ref']);
  });
  await db.schema.createTable('identity_decisions', (t) => {
    t.increments('id').primary();
    t.string('kind', 16).notNullable(); // CONFIRM_LINK | REJECT_LINK | SPLIT | MERGE
    t.text('refs').notNullable(); // JSON: records named by the decision
    t.text('person_ids').notNullable(); // JSON: persons as the caseworker saw them
    t.text('constraints').notNullable(); // JSON: [leftRef, rightRef, link] pairs every re-run applies
    t.string('decided_by', 120).notNullable();
    t.string('decided_at').notNullable();
    t.text('reason').notNullable();
  });
  await db.schema.createTable('identity_runs', (t) => {
    t.increments('id').primary();
    t.string('kind', 16).notNullable(); // BUILD | UPDATE | DECISION
    t.string('started_at').notNullable();
    t.string('finished_at').notNullable();
    t.string('model_version', 32).notNullable();
    t.text('summary').notNullable();
  });
  await db.schema.createTable('identity_models', (t) => {
    t.string('model_version', 32).primary();
    t.text('model').notNullable();
    t.string('created_at').notNullable();
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['identity_models', 'identity_runs', 'identity_decisions', 'review_queue', 'candidate_pairs', 'person_records', 'persons']) {
    await db.schema.dropTableIfExists(table);
  }
}

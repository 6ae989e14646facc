/**
 * The contract between the estate CLI and each source renderer. A renderer writes one legacy
 * source from the ground truth, with that source's own quirks, using only its own forked Rng
 * (so renderers are independent), and reports every record it wrote to the truth sink.
 */
import type { Knex } from 'knex';
import type { Rng } from '../rng.js';
import type { Population, TruthRecord } from '../model.js';

export interface TruthSink {
  /** Record that source record (source, key) belongs to true person personId. */
  add(record: TruthRecord): void;
}

export interface RenderContext {
  readonly population: Population;
  /** This renderer's own random stream. */
  readonly rng: Rng;
  /** Output folder of the estate (files such as spreadsheets and service data go below it). */
  readonly outDir: string;
  /**
   * Open (and create if needed) the SQL database for a named source database, e.g. 'cid',
   * 'custody_mps'. On the embedded default it is `<outDir>/<name>.sqlite`; with --postgres it is the
   * schema `<name>` of that PostgreSQL database. The renderer drops and recreates its own tables.
   */
  openSql(name: string): Promise<Knex>;
  readonly truth: TruthSink;
}

export interface RenderSummary {
  readonly source: string;
  /** Counts by table / sheet / file, for the manifest. */
  readonly counts: Readonly<Record<string, number>>;
}

export type Renderer = (ctx: RenderContext) => Promise<RenderSummary>;

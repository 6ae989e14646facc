/**
 * The custody adapter: one adapter over every force's custody database, each read through its
 * force mapping (forces/registry.ts). Batch functions obey the DataLoader contract — same length
 * and order as the keys, an Error value per failed key — and a force whose database fails gives
 * errors for that force's keys only; the other forces still answer.
 *
 * Keys are `<FORCE>/<custody record number>` (src/domain/common.ts). Nothing here knows GraphQL.
 */
import type { Knex } from 'knex';
import { FORCE_CODES, type ForceCode, type IdentityFragment } from '../../src/domain/common.js';
import {
  custodyIdentifiers,
  isPossibleForeignNational,
  paceClockExpiresAt,
  type CheckRoute,
  type CustodyArrestCounts,
  type CustodyEpisode,
  type UncheckedDetention,
} from '../../src/domain/custody.js';
import { BadInputError, NotFoundError, SourceUnavailableError } from '../../src/domain/errors.js';
import { FORCE_MAPPINGS } from './forces/registry.js';
import type { ForceMapping } from './forces/types.js';
import { familyNameKey } from './names.js';
import type { RawRow } from './rowReader.js';

/** Keys per `whereIn` (far below SQLite's and PostgreSQL's bound-parameter limits). */
const KEY_CHUNK = 500;
const DEFAULT_PAGE = 1000;

export type CustodyDatabases = Readonly<Partial<Record<ForceCode, Knex>>>;

export interface ForcePing {
  readonly force: ForceCode;
  readonly ok: boolean;
  readonly latencyMs: number;
  /** Why it failed, without personal data. */
  readonly error: string | null;
}

export interface CustodyAdapter {
  /** The forces this adapter has a database for. */
  readonly forces: readonly ForceCode[];
  /** Episodes by `<FORCE>/<record number>`. */
  episodesByKeys(keys: readonly string[]): Promise<Array<CustodyEpisode | Error>>;
  /** Episodes whose IDENT1 hit matched this Home Office (IABS) fingerprint ref, across forces. */
  episodesByHoFingerprintRef(refs: readonly string[]): Promise<Array<readonly CustodyEpisode[] | Error>>;
  /** Episodes whose recorded date of birth is this ISO date, across forces. */
  episodesByDateOfBirth(dates: readonly string[]): Promise<Array<readonly CustodyEpisode[] | Error>>;
  /** Episodes whose normalised family name equals the key (normalised with `familyNameKey`). */
  episodesByFamilyName(names: readonly string[]): Promise<Array<readonly CustodyEpisode[] | Error>>;
  fragmentsByKeys(keys: readonly string[]): Promise<Array<IdentityFragment | Error>>;
  /** Every episode of every force, paged by record number. */
  scanEpisodes(options?: { readonly pageSize?: number }): AsyncIterable<CustodyEpisode>;
  scanFragments(options?: { readonly pageSize?: number }): AsyncIterable<IdentityFragment>;
  /** Possible foreign nationals in custody with no status check requested, most urgent PACE clock first. */
  inCustodyWithoutStatusCheck(force: ForceCode, now: string): Promise<UncheckedDetention[]>;
  /** Arrests booked in within [from, to) and checks requested by route: counts only. */
  arrestCounts(force: ForceCode, from: string, to: string): Promise<CustodyArrestCounts>;
  /** Probe each force's database. */
  pingForces(): Promise<ForcePing[]>;
  /** Resolves when every force answers; rejects naming the forces that do not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Split a custody key into force and record number (the record number may itself contain '/'). */
export function parseCustodyKey(key: string): { force: string; recordNumber: string } | null {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return null;
  return { force: key.slice(0, slash), recordNumber: key.slice(slash + 1) };
}

function isForceCode(s: string): s is ForceCode {
  return (FORCE_CODES as readonly string[]).includes(s);
}

/** A database error's reason without the SQL text (which can carry keys and names). */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const tail = message.split(' - ').pop() ?? message;
  return tail.split('\n')[0]!.slice(0, 200);
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += KEY_CHUNK) out.push(items.slice(i, i + KEY_CHUNK));
  return out;
}

export function episodeToFragment(e: CustodyEpisode): IdentityFragment {
  return Object.freeze({
    ref: e.ref,
    name: e.name,
    aliases: [],
    dateOfBirth: e.dateOfBirth,
    gender: e.gender,
    nationality: e.declaredNationality,
    placeOfBirth: null,
    identifiers: custodyIdentifiers(e),
    recordedAt: e.arrestedAt,
    occasion: e.arrestedAt ? { kind: 'ARREST' as const, force: e.force, at: e.arrestedAt } : null,
  });
}

export function createCustodyAdapter(dbs: CustodyDatabases, mappings: Readonly<Record<ForceCode, ForceMapping>> = FORCE_MAPPINGS): CustodyAdapter {
  const forces = FORCE_CODES.filter((f) => dbs[f] !== undefined);

  function unavailable(force: ForceCode, error: unknown): SourceUnavailableError {
    return new SourceUnavailableError('custody', `${force} custody database: ${reasonOf(error)}`);
  }

  function dbFor(force: ForceCode): Knex {
    const db = dbs[force];
    if (!db) throw new Error(`no database configured for ${force}`);
    return db;
  }

  /** Run `query` for each force in parallel, collecting failures per force instead of throwing. */
  async function eachForce<T>(selected: readonly ForceCode[], query: (m: ForceMapping, db: Knex) => Promise<T>): Promise<Map<ForceCode, T | SourceUnavailableError>> {
    const settled = await Promise.allSettled(selected.map((f) => query(mappings[f], dbFor(f))));
    const out = new Map<ForceCode, T | SourceUnavailableError>();
    selected.forEach((f, i) => {
      const s = settled[i]!;
      out.set(f, s.status === 'fulfilled' ? s.value : unavailable(f, s.reason));
    });
    return out;
  }

  async function selectWhereIn(m: ForceMapping, db: Knex, column: string, values: readonly string[]): Promise<CustodyEpisode[]> {
    const out: CustodyEpisode[] = [];
    for (const part of chunks(values)) {
      const rows = (await m.select(db).whereIn(column, part)) as RawRow[];
      for (const row of rows) out.push(m.toEpisode(row));
    }
    return out;
  }

  async function episodesByKeys(keys: readonly string[]): Promise<Array<CustodyEpisode | Error>> {
    const byForce = new Map<ForceCode, string[]>();
    for (const key of keys) {
      const parsed = parseCustodyKey(key);
      if (parsed && isForceCode(parsed.force) && dbs[parsed.force]) {
        const list = byForce.get(parsed.force) ?? [];
        list.push(parsed.recordNumber);
        byForce.set(parsed.force, list);
      }
    }
    const results = await eachForce([...byForce.keys()], (m, db) => selectWhereIn(m, db, m.recordNumberColumn, [...new Set(byForce.get(m.force))]));
    const found = new Map<string, CustodyEpisode>();
    for (const r of results.values()) if (Array.isArray(r)) for (const e of r) found.set(e.ref.key, e);
    return keys.map((key) => {
      const parsed = parseCustodyKey(key);
      if (!parsed) return new BadInputError('key', `"${key}" is not <FORCE>/<custody record number>`);
      if (!isForceCode(parsed.force)) return new NotFoundError('custody', 'force', parsed.force);
      if (!dbs[parsed.force]) return new SourceUnavailableError('custody', `no custody database is configured for ${parsed.force}`);
      const forceResult = results.get(parsed.force);
      if (forceResult instanceof Error) return forceResult;
      return found.get(key) ?? new NotFoundError('custody', 'custody record', key);
    });
  }

  /**
   * A lookup across every force: each key's list merges all forces. When a force fails, every key
   * gets an error naming it, because a partial list would look complete.
   */
  async function acrossForces(
    keys: readonly string[],
    selected: readonly ForceCode[],
    query: (m: ForceMapping, db: Knex, keys: readonly string[]) => Promise<CustodyEpisode[]>,
    keyOf: (e: CustodyEpisode) => string | null,
  ): Promise<Array<readonly CustodyEpisode[] | Error>> {
    const unique = [...new Set(keys)];
    const results = await eachForce(selected, (m, db) => query(m, db, unique));
    const failed = [...results.values()].filter((r): r is SourceUnavailableError => r instanceof Error);
    if (failed.length > 0) {
      const error = failed.length === 1 ? failed[0]! : new SourceUnavailableError('custody', failed.map((f) => f.details.reason).join('; '));
      return keys.map(() => error);
    }
    const grouped = new Map<string, CustodyEpisode[]>();
    for (const f of selected) {
      for (const e of results.get(f) as CustodyEpisode[]) {
        const k = keyOf(e);
        if (k == null) continue;
        const list = grouped.get(k) ?? [];
        list.push(e);
        grouped.set(k, list);
      }
    }
    return keys.map((k) => grouped.get(k) ?? []);
  }

  async function* scanEpisodes(options: { readonly pageSize?: number } = {}): AsyncIterable<CustodyEpisode> {
    const pageSize = options.pageSize ?? DEFAULT_PAGE;
    for (const force of forces) yield* scanForce(force, pageSize);
  }

  async function* scanForce(force: ForceCode, pageSize: number): AsyncIterable<CustodyEpisode> {
    const m = mappings[force];
    const db = dbFor(force);
    let after: string | null = null;
    for (;;) {
      let rows: RawRow[];
      try {
        const qb = m.select(db).orderBy(m.recordNumberColumn).limit(pageSize);
        if (after !== null) qb.where(m.recordNumberColumn, '>', after);
        rows = (await qb) as RawRow[];
      } catch (e) {
        throw unavailable(force, e);
      }
      for (const row of rows) {
        const episode = m.toEpisode(row);
        after = episode.recordNumber;
        yield episode;
      }
      if (rows.length < pageSize) return;
    }
  }

  function checkForce(force: ForceCode): void {
    if (!isForceCode(force)) throw new BadInputError('force', `unknown force "${String(force)}"`);
    if (!dbs[force]) throw new SourceUnavailableError('custody', `no custody database is configured for ${force}`);
  }

  function checkInstant(field: string, value: string): number {
    const ms = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) throw new BadInputError(field, `"${value}" is not an ISO 8601 date-time with zone`);
    return ms;
  }

  async function pingForces(): Promise<ForcePing[]> {
    return Promise.all(
      forces.map(async (force): Promise<ForcePing> => {
        const started = performance.now();
        const db = dbFor(force);
        try {
          await db(mappings[force].mainTable).select(db.raw('1 as ok')).limit(1);
          return { force, ok: true, latencyMs: performance.now() - started, error: null };
        } catch (e) {
          return { force, ok: false, latencyMs: performance.now() - started, error: reasonOf(e) };
        }
      }),
    );
  }

  return {
    forces,
    episodesByKeys,

    episodesByHoFingerprintRef(refs) {
      const selected = forces.filter((f) => mappings[f].hoFingerprintColumn !== null);
      return acrossForces(refs, selected, (m, db, ks) => selectWhereIn(m, db, m.hoFingerprintColumn!, ks), (e) => e.hoFingerprintRef);
    },

    async episodesByDateOfBirth(dates) {
      const valid = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
      const found = await acrossForces(
        valid,
        forces,
        (m, db, ks) => selectWhereIn(m, db, m.dateOfBirthColumn, ks.map((k) => m.formatDateOfBirth(k))),
        (e) => e.dateOfBirth,
      );
      const byDate = new Map(valid.map((d, i) => [d, found[i]!]));
      return dates.map((d) => byDate.get(d) ?? new BadInputError('dateOfBirth', `"${d}" is not YYYY-MM-DD`));
    },

    async episodesByFamilyName(names) {
      const keys = names.map(familyNameKey);
      const usable = [...new Set(keys.filter((k) => k !== ''))];
      const found = await acrossForces(
        usable,
        forces,
        async (m, db, ks) => {
          const out: CustodyEpisode[] = [];
          for (const part of chunks(ks)) {
            const qb = m.select(db);
            m.whereFamilyNameIn(qb, part);
            for (const row of (await qb) as RawRow[]) out.push(m.toEpisode(row));
          }
          return out;
        },
        (e) => familyNameKey(e.name.family),
      );
      const byKey = new Map(usable.map((k, i) => [k, found[i]!]));
      return keys.map((k, i) => byKey.get(k) ?? new BadInputError('familyName', `"${names[i]}" has no letters to search on`));
    },

    async fragmentsByKeys(keys) {
      const episodes = await episodesByKeys(keys);
      return episodes.map((e) => (e instanceof Error ? e : episodeToFragment(e)));
    },

    scanEpisodes,

    async *scanFragments(options) {
      for await (const e of scanEpisodes(options)) yield episodeToFragment(e);
    },

    async inCustodyWithoutStatusCheck(force, now) {
      checkForce(force);
      const nowMs = checkInstant('now', now);
      const m = mappings[force];
      let rows: RawRow[];
      try {
        const qb = m.select(dbFor(force));
        m.whereInCustodyWithoutCheck(qb);
        rows = (await qb) as RawRow[];
      } catch (e) {
        throw unavailable(force, e);
      }
      const list: UncheckedDetention[] = [];
      for (const row of rows) {
        const episode = m.toEpisode(row);
        if (!episode.inCustody || episode.statusCheck.requested || !isPossibleForeignNational(episode)) continue;
        if (episode.arrestedAt && Date.parse(episode.arrestedAt) > nowMs) continue;
        const expires = paceClockExpiresAt(episode);
        list.push({
          episode,
          paceClockExpiresAt: expires,
          minutesRemaining: expires ? Math.floor((Date.parse(expires) - nowMs) / 60_000) : null,
        });
      }
      // Unknown clocks first (they need a look at once), then the soonest expiry.
      return list.sort((a, b) => {
        if (a.paceClockExpiresAt === null || b.paceClockExpiresAt === null) {
          if (a.paceClockExpiresAt !== b.paceClockExpiresAt) return a.paceClockExpiresAt === null ? -1 : 1;
        } else if (a.paceClockExpiresAt !== b.paceClockExpiresAt) {
          return a.paceClockExpiresAt < b.paceClockExpiresAt ? -1 : 1;
        }
        return a.episode.recordNumber < b.episode.recordNumber ? -1 : a.episode.recordNumber > b.episode.recordNumber ? 1 : 0;
      });
    },

    async arrestCounts(force, from, to) {
      checkForce(force);
      const fromMs = checkInstant('from', from);
      const toMs = checkInstant('to', to);
      const checksByRoute: Record<CheckRoute, number> = { CCU: 0, EMBEDDED_IO: 0, LOCAL_IO: 0 };
      let arrests = 0;
      let foreign = 0;
      let notChecked = 0;
      let releasedEarly = 0;
      let undated = 0;
      for await (const e of scanForce(force, DEFAULT_PAGE)) {
        if (!e.arrestedAt) {
          undated++;
          continue;
        }
        const at = Date.parse(e.arrestedAt);
        if (at < fromMs || at >= toMs) continue;
        arrests++;
        if (!isPossibleForeignNational(e)) continue;
        foreign++;
        if (!e.statusCheck.requested) notChecked++;
        else if (e.statusCheck.route) checksByRoute[e.statusCheck.route]++;
        if (e.releasedBeforeIoAttended) releasedEarly++;
      }
      return {
        force,
        from,
        to,
        arrests,
        foreignNationalArrests: foreign,
        checksByRoute,
        notChecked,
        releasedBeforeIoAttended: releasedEarly,
        undatedRecords: undated,
      };
    },

    pingForces,

    async ping() {
      if (forces.length === 0) throw new SourceUnavailableError('custody', 'no custody database is configured');
      const failed = (await pingForces()).filter((p) => !p.ok);
      if (failed.length > 0) throw new SourceUnavailableError('custody', failed.map((p) => `${p.force}: ${p.error}`).join('; '));
    },

    async close() {
      await Promise.all(forces.map((f) => dbFor(f).destroy()));
    },
  };
}

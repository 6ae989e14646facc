/**
 * Clustering linked records into persons without chaining through conflicts. Links are applied
 * strongest first (human confirmations, then deterministic rules, then by match weight); a link
 * that would put into one person two far-apart values of a personal identifier (two fingerprint
 * refs, two HO refs), dates of birth far apart, or two records a caseworker said are different
 * people, is refused and reported so it can be reviewed.
 */
import { ONE_PER_PERSON_KINDS } from './identifiers.js';
import type { DateParts, PreparedRecord } from './prepare.js';
import { editDistance } from './similarity.js';
import { dateExactLevel, dateSwappedLevel, dateTypoLevel, dateSameYearLevel } from './levels.js';

export interface ClusterEdge {
  readonly left: number;
  readonly right: number;
  /** Higher first. Human decisions use +Infinity. */
  readonly strength: number;
  /** Human confirmations ignore the date-of-birth check (a caseworker has seen the evidence). */
  readonly human?: boolean;
}

export interface ClusterResult {
  /** Cluster representative per record index. */
  readonly clusterOf: readonly number[];
  /** Links refused because they would join conflicting records, with the reason. */
  readonly refused: readonly { readonly edge: ClusterEdge; readonly reason: string }[];
}

interface ClusterState {
  members: number[];
  ids: Map<string, Set<string>>;
  dobs: DateParts[];
}

const dobCompatible = [dateExactLevel(), dateSwappedLevel(), dateTypoLevel(), dateSameYearLevel()];

function dobsConflict(a: readonly DateParts[], b: readonly DateParts[]): boolean {
  for (const x of a) for (const y of b) if (!dobCompatible.some((l) => l.matches(x, y))) return true;
  return false;
}

function idsConflict(a: Map<string, Set<string>>, b: Map<string, Set<string>>): string | null {
  for (const [kind, va] of a) {
    const vb = b.get(kind);
    if (!vb) continue;
    for (const x of va) for (const y of vb) if (editDistance(x, y, 2) >= 2) return kind;
  }
  return null;
}

export function clusterRecords(
  records: readonly PreparedRecord[],
  edges: readonly ClusterEdge[],
  cannotLink: readonly (readonly [number, number])[] = [],
): ClusterResult {
  const parent = records.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const state = new Map<number, ClusterState>();
  const stateOf = (root: number): ClusterState => {
    let s = state.get(root);
    if (!s) {
      const r = records[root]!;
      const ids = new Map<string, Set<string>>();
      for (const k of ONE_PER_PERSON_KINDS) {
        const v = r.ids.get(k);
        if (v && v.length) ids.set(k, new Set(v));
      }
      s = { members: [root], ids, dobs: r.dob ? [r.dob] : [] };
      state.set(root, s);
    }
    return s;
  };
  const cannot = new Map<number, number[]>();
  for (const [x, y] of cannotLink) {
    cannot.set(x, [...(cannot.get(x) ?? []), y]);
    cannot.set(y, [...(cannot.get(y) ?? []), x]);
  }
  const refused: { edge: ClusterEdge; reason: string }[] = [];
  const sorted = [...edges].sort((p, q) => q.strength - p.strength || p.left - q.left || p.right - q.right);
  for (const edge of sorted) {
    const ra = find(edge.left);
    const rb = find(edge.right);
    if (ra === rb) continue;
    const sa = stateOf(ra);
    const sb = stateOf(rb);
    const [small, large] = sa.members.length <= sb.members.length ? [sa, rb] : [sb, ra];
    let humanBlock = false;
    for (const m of small.members) {
      for (const other of cannot.get(m) ?? []) if (find(other) === large) humanBlock = true;
    }
    if (humanBlock) {
      refused.push({ edge, reason: 'a caseworker decided these are different people' });
      continue;
    }
    const kind = idsConflict(sa.ids, sb.ids);
    if (kind) {
      refused.push({ edge, reason: `conflicting ${kind}` });
      continue;
    }
    if (!edge.human && dobsConflict(sa.dobs, sb.dobs)) {
      refused.push({ edge, reason: 'dates of birth far apart' });
      continue;
    }
    const [root, child, rs, cs] = sa.members.length >= sb.members.length ? [ra, rb, sa, sb] : [rb, ra, sb, sa];
    parent[child] = root;
    rs.members.push(...cs.members);
    for (const [k, vs] of cs.ids) {
      const set = rs.ids.get(k) ?? new Set<string>();
      for (const v of vs) set.add(v);
      rs.ids.set(k, set);
    }
    for (const d of cs.dobs) if (!rs.dobs.some((x) => x.iso === d.iso)) rs.dobs.push(d);
    state.delete(child);
  }
  return { clusterOf: records.map((_, i) => find(i)), refused };
}

/**
 * Clustering linked records into persons without chaining through conflicts. Links are applied
 * strongest first (human confirmations, then deterministic rules, then by match weight); a link
 * that would put into one person two far-apart values of a personal identifier (two fingerprint
 * refs, two HO refs), dates of birth far apart (unless the link is a shared PNC id, CRO or
 * fingerprint ref), or two records a caseworker said are different people, is refused and reported
 * so it can be reviewed.
 *
 * Probabilistic links come last and must be unambiguous: a record (or group of records already
 * joined by identifiers) that matches two persons who cannot be the same (different fingerprint
 * refs, HO refs, dates of birth) is linked to neither — a namesake's custody record must not be put
 * on the wrong file by a coin toss — unless one is ahead by the margin. Every resemblance competes,
 * not links alone: links held back only by a shared name and date of birth, possible matches, and
 * pairs below the review threshold that are still more likely one person than two (link.ts
 * `isCompetitor`); a person the group itself cannot be does not. Two more things tell people apart
 * for these links only: places of birth that disagree outright, and an arrest made before the other
 * group's PNC record was created. Where look-alikes who cannot be the same person meet through
 * records that identify neither, those records are not joined to each other either
 * (contestedLinks). Last, links held back by a shared key join when every other holder of the key
 * is excluded, and possible matches join where they are a group's only candidate (a resemblance
 * below the review threshold counts as a candidate).
 */
import { identityKey } from './collisions.js';
import { holdsPersonalIdentifier, identifiersConflict, ONE_PER_PERSON_KINDS } from './identifiers.js';
import type { IdentifierKind } from '../domain/common.js';
import type { DateParts, PreparedRecord } from './prepare.js';
import { jaroWinkler } from './similarity.js';
import { dateExactLevel, dateSwappedLevel, dateOffByOneOrTenLevel, dateTypoLevel, dateSameYearLevel } from './levels.js';

export interface ClusterEdge {
  readonly left: number;
  readonly right: number;
  /** Higher first. Human decisions use +Infinity. */
  readonly strength: number;
  /** A caseworker's link: no automatic conflict check stops it, only a caseworker's own rejection. */
  readonly human?: boolean;
  /**
   * A link by a shared check-lettered identifier (PNC id, CRO number: the same police record) or
   * fingerprint ref (the same prints): dates of birth far apart (one given under an alias) do not
   * stop it; conflicting ids still do.
   */
  readonly verified?: boolean;
  /** Probabilistic links are applied after human and identifier links, and only when unambiguous. */
  readonly probabilistic?: boolean;
  /**
   * A possible match (between the review and link thresholds) that joins only when it is the one
   * place a group can go: the group on one side has no other candidate group at all (cluster
   * evidence, applied last).
   */
  readonly possible?: boolean;
  /** A possible match that counts as a candidate (so the other side is not its only one) but never joins. */
  readonly candidateOnly?: boolean;
  /**
   * A pair below the review threshold that still resembles one person more than two (link.ts
   * `isCompetitor`): it never joins, but competes in the ambiguity check and counts as a candidate.
   */
  readonly competitor?: boolean;
  /**
   * A link held back only because its name and date of birth are held by two people: the shared keys
   * (collisions.ts). It joins when every other person holding such a key is excluded (see below).
   */
  readonly sharedKeys?: readonly string[];
}

export interface ClusterResult {
  /** Cluster representative per record index. */
  readonly clusterOf: readonly number[];
  /** Links refused because they would join conflicting records, with the reason. */
  readonly refused: readonly { readonly edge: ClusterEdge; readonly reason: string }[];
  /** Possible-match edges that joined two groups because each was the other's only candidate. */
  readonly promoted: readonly ClusterEdge[];
  /** Shared-key links that joined because every other person on the key was excluded. */
  readonly resolved: readonly ClusterEdge[];
}

interface ClusterState {
  members: number[];
  ids: Map<IdentifierKind, Set<string>>;
  /** Check-lettered values that failed their check (prepare.ts `mistyped`). */
  mistyped: Map<IdentifierKind, Set<string>>;
  dobs: DateParts[];
  places: string[];
  /** Earliest year of a PNC id in the group (the year its PNC record was created), or null. */
  pncSince: number | null;
  /** Earliest year of an arrest (custody record) in the group, or null. */
  firstArrest: number | null;
}

/** The year a PNC record was created, from its id (`YYYY/NNNNNNNC`). */
function pncYear(pncId: string): number {
  return Number(pncId.slice(0, 4));
}

/**
 * An arrest creates the person's PNC record (or finds the one they have): a group arrested in a year
 * before the other group's PNC record was created cannot be that person. Checked only for links on
 * the model's evidence, like places of birth.
 */
function arrestBeforePncRecord(a: ClusterState, b: ClusterState): boolean {
  return (a.firstArrest !== null && b.pncSince !== null && a.firstArrest < b.pncSince) || (b.firstArrest !== null && a.pncSince !== null && b.firstArrest < a.pncSince);
}

const minOrNull = (x: number | null, y: number | null): number | null => (x === null ? y : y === null ? x : Math.min(x, y));

/** Jaro-Winkler at or above which two places of birth are one place spelled two ways (the comparison's similar level). */
const SAME_PLACE = 0.88;

/**
 * Two groups' places of birth conflict when each group records at least one and none of one group's
 * is the same as, or a spelling of, any of the other's. Places of birth are copied, not retyped from
 * memory, so in the estate's identifier-linked pairs they never disagree (the model's m for
 * disagreement is 0): a group whose places disagree outright holds two people. Checked only for links
 * on the model's evidence (namesakes and twins are matched on name and date of birth alone).
 */
function placesConflict(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (const x of a) for (const y of b) if (x === y || jaroWinkler(x, y) >= SAME_PLACE) return false;
  return true;
}

const dobCompatible = [dateExactLevel(), dateSwappedLevel(), dateOffByOneOrTenLevel(), dateTypoLevel(), dateSameYearLevel()];

/**
 * Two groups' dates of birth conflict when no date of one is within a typo (or the same year) of any
 * date of the other. Requiring every pair to agree would split a person whose records carry two
 * different one-digit slips of the same date (a day typo on one case, a month typo on another).
 */
function dobsConflict(a: readonly DateParts[], b: readonly DateParts[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (const x of a) for (const y of b) if (dobCompatible.some((l) => l.matches(x, y))) return false;
  return true;
}


/** Caseworkers' links win over automatic checks (they have seen the evidence); only their own "different people" decisions stop them. */
function statesConflict(a: ClusterState, b: ClusterState, human: boolean, verified = false, probabilistic = false): string | null {
  if (human) return null;
  const kind = identifiersConflict(a, b);
  if (kind) return `conflicting ${kind}`;
  if (!verified && dobsConflict(a.dobs, b.dobs)) return 'dates of birth far apart';
  if (probabilistic && placesConflict(a.places, b.places)) return 'places of birth disagree';
  if (probabilistic && arrestBeforePncRecord(a, b)) return 'arrested before the other person\'s PNC record was created';
  return null;
}

export interface ClusterOptions {
  /**
   * A group that matches two persons who cannot be the same still joins the better one when its
   * match weight beats the other's by at least this many bits (the posterior odds of one person
   * over the other reach the link threshold). Infinity: never (always ambiguous).
   */
  readonly ambiguityMargin?: number;
  /**
   * The most two groups with no scored pair between them can match by (the review threshold: pairs
   * below it are not kept). Unset: unknown, so a missing pair never outweighs anything.
   */
  readonly unscoredWeight?: number;
}

export function clusterRecords(
  records: readonly PreparedRecord[],
  edges: readonly ClusterEdge[],
  cannotLink: readonly (readonly [number, number])[] = [],
  options: ClusterOptions = {},
): ClusterResult {
  const margin = options.ambiguityMargin ?? Number.POSITIVE_INFINITY;
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
      const ids = new Map<IdentifierKind, Set<string>>();
      const mistyped = new Map<IdentifierKind, Set<string>>();
      for (const k of ONE_PER_PERSON_KINDS) {
        const v = r.ids.get(k);
        if (v && v.length) ids.set(k, new Set(v));
        const m = r.mistyped.get(k);
        if (m && m.length) mistyped.set(k, new Set(m));
      }
      const pncIds = ids.get('PNC_ID');
      const arrested = r.fragment.ref.source === 'custody' && r.fragment.recordedAt ? Number(r.fragment.recordedAt.slice(0, 4)) : null;
      s = {
        members: [root], ids, mistyped, dobs: r.dob ? [r.dob] : [], places: r.placeOfBirth ? [r.placeOfBirth] : [],
        pncSince: pncIds ? Math.min(...[...pncIds].map(pncYear)) : null, firstArrest: arrested,
      };
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
  const apply = (edge: ClusterEdge) => {
    const ra = find(edge.left);
    const rb = find(edge.right);
    if (ra === rb) return;
    const sa = stateOf(ra);
    const sb = stateOf(rb);
    const [small, large] = sa.members.length <= sb.members.length ? [sa, rb] : [sb, ra];
    let humanBlock = false;
    for (const m of small.members) {
      for (const other of cannot.get(m) ?? []) if (find(other) === large) humanBlock = true;
    }
    if (humanBlock) {
      refused.push({ edge, reason: 'a caseworker decided these are different people' });
      return;
    }
    const why = statesConflict(sa, sb, edge.human ?? false, edge.verified ?? false, (edge.probabilistic ?? false) || (edge.possible ?? false));
    if (why) {
      refused.push({ edge, reason: why });
      return;
    }
    const [root, child, rs, cs] = sa.members.length >= sb.members.length ? [ra, rb, sa, sb] : [rb, ra, sb, sa];
    parent[child] = root;
    rs.members.push(...cs.members);
    for (const [into, from] of [[rs.ids, cs.ids], [rs.mistyped, cs.mistyped]] as const) {
      for (const [k, vs] of from) {
        const set = into.get(k) ?? new Set<string>();
        for (const v of vs) set.add(v);
        into.set(k, set);
      }
    }
    for (const d of cs.dobs) if (!rs.dobs.some((x) => x.iso === d.iso)) rs.dobs.push(d);
    for (const p of cs.places) if (!rs.places.includes(p)) rs.places.push(p);
    rs.pncSince = minOrNull(rs.pncSince, cs.pncSince);
    rs.firstArrest = minOrNull(rs.firstArrest, cs.firstArrest);
    state.delete(child);
  };
  for (const edge of sorted) if (!edge.probabilistic && !edge.possible && !edge.competitor) apply(edge);

  // Ambiguity: a group whose probabilistic links reach two groups that conflict with each other.
  const probabilistic = sorted.filter((e) => e.probabilistic);
  const keyed = sorted.filter((e) => e.sharedKeys && e.sharedKeys.length > 0);
  const possible = sorted.filter((e) => e.possible);
  const competitors = sorted.filter((e) => e.competitor);
  /** Two groups cannot be one person as far as a link on the model's evidence goes. */
  const conflicts = (x: number, y: number) => statesConflict(stateOf(x), stateOf(y), false, false, true) !== null;
  const contested = contestedLinks(probabilistic, keyed, find, conflicts);
  const targets = new Map<number, Map<number, ClusterEdge[]>>();
  const note = (from: number, to: number, e: ClusterEdge) => {
    const m = targets.get(from) ?? new Map<number, ClusterEdge[]>();
    m.set(to, [...(m.get(to) ?? []), e]);
    targets.set(from, m);
  };
  // Every resemblance the model finds more likely one person than two competes, not links alone:
  // links held back by a shared name and date of birth (a custody record matching its owner through
  // a record on a shared key, and the other namesake through one that is not, is as ambiguous as
  // any), possible matches and resemblances below the review threshold (link.ts `isCompetitor`: a
  // record resembling its owner only weakly, because the owner's records carry slips, and a
  // namesake exactly is not the namesake's unless the namesake is ahead by the margin).
  for (const e of [...probabilistic, ...possible, ...competitors]) {
    const ra = find(e.left);
    const rb = find(e.right);
    if (ra === rb) continue;
    note(ra, rb, e);
    note(rb, ra, e);
  }
  const ambiguous = new Set<ClusterEdge>();
  for (const [from, m] of targets) {
    if (m.size < 2) continue;
    // A person the group cannot be (a conflicting fact) is no competitor.
    const roots = [...m.keys()].filter((r) => !conflicts(from, r));
    if (roots.length < 2) continue;
    const best = new Map(roots.map((r) => [r, Math.max(...m.get(r)!.map((e) => e.strength))]));
    const clash = new Set<number>();
    for (let i = 0; i < roots.length; i++) {
      for (let j = i + 1; j < roots.length; j++) {
        const ri = roots[i]!;
        const rj = roots[j]!;
        if (!conflicts(ri, rj)) continue;
        // The clearly better of two incompatible persons keeps its links; the other is refused.
        const wi = best.get(ri)!;
        const wj = best.get(rj)!;
        if (wi - wj < margin) clash.add(ri);
        if (wj - wi < margin) clash.add(rj);
      }
    }
    for (const r of clash) for (const e of m.get(r)!) ambiguous.add(e);
  }
  for (const edge of probabilistic) {
    if (ambiguous.has(edge)) refused.push({ edge, reason: 'ambiguous: also matches another person who cannot be the same' });
    else if (contested.has(edge)) refused.push({ edge, reason: 'ambiguous: both records are among the look-alikes of two people who cannot be the same' });
    else apply(edge);
  }

  // Names and dates of birth held by two people (collisions.ts): a link the model would make but for
  // that joins only when it cannot be one of the others. The key's holders are the groups with a
  // record on it that carries a personal identifier (the people known to share it). Every holder
  // other than the two groups must be excluded: it conflicts with both of them (ids, dates of birth,
  // places of birth, an arrest before its PNC record was created), or it conflicts with one and the
  // other matches that one better than it matches the holder by the ambiguity margin (posterior odds
  // of one person over the other at the link threshold, as for probabilistic links). Two namesakes'
  // groups conflict with each other, so an unidentified record matching both about equally joins
  // neither: it stays in review. A link found ambiguous above (it competes with a link off the key)
  // does not join either.
  const resolved: ClusterEdge[] = [];
  if (keyed.length > 0) {
    const wanted = new Set(keyed.flatMap((e) => e.sharedKeys!));
    const holders = new Map<string, number[]>();
    records.forEach((r, i) => {
      const key = identityKey(r);
      if (key !== null && wanted.has(key) && holdsPersonalIdentifier(r)) (holders.get(key) ?? holders.set(key, []).get(key)!).push(i);
    });
    // Scored pairs by record, to find the best match weight between two groups.
    const scoredAt = new Map<number, ClusterEdge[]>();
    for (const e of [...probabilistic, ...possible]) {
      for (const i of [e.left, e.right]) (scoredAt.get(i) ?? scoredAt.set(i, []).get(i)!).push(e);
    }
    const unscored = options.unscoredWeight ?? Number.POSITIVE_INFINITY;
    const bestBetween = (x: number, y: number): number => {
      let best = Number.NEGATIVE_INFINITY;
      for (const m of stateOf(x).members) {
        for (const e of scoredAt.get(m) ?? []) if (find(e.left === m ? e.right : e.left) === y) best = Math.max(best, e.strength);
      }
      return best === Number.NEGATIVE_INFINITY ? unscored : best;
    };
    for (const edge of keyed) {
      const ra = find(edge.left);
      const rb = find(edge.right);
      // Ambiguous already: it also matches, off the key, a person who cannot be this one.
      if (ra === rb || ambiguous.has(edge)) continue;
      const others = new Set(edge.sharedKeys!.flatMap((k) => (holders.get(k) ?? []).map(find)));
      others.delete(ra);
      others.delete(rb);
      if (others.size === 0) continue;
      const w = bestBetween(ra, rb);
      // `side` is `mate` rather than `o` (who cannot be `mate`) by the margin.
      const outweighed = (o: number, side: number, mate: number) => conflicts(o, mate) && bestBetween(side, o) <= w - margin;
      const excluded = (o: number) => (conflicts(o, ra) && conflicts(o, rb)) || outweighed(o, ra, rb) || outweighed(o, rb, ra);
      if (![...others].every(excluded)) continue;
      const before = refused.length;
      apply({ ...edge, probabilistic: true });
      if (refused.length === before) resolved.push(edge);
      else refused.pop(); // refused: the pair stays in the review queue as a possible match
    }
  }

  // Possible matches: a group whose every candidate (linked, possible or a resemblance, anywhere)
  // lies in one other group joins it, when nothing conflicts. Otherwise the pair stays in the review
  // queue.
  const candidatesOf = new Map<number, Set<number>>();
  for (const e of [...probabilistic, ...possible, ...competitors]) {
    const ra = find(e.left);
    const rb = find(e.right);
    if (ra === rb) continue;
    (candidatesOf.get(ra) ?? candidatesOf.set(ra, new Set()).get(ra)!).add(rb);
    (candidatesOf.get(rb) ?? candidatesOf.set(rb, new Set()).get(rb)!).add(ra);
  }
  const promoted: ClusterEdge[] = [];
  for (const edge of possible) {
    if (edge.candidateOnly) continue;
    const ra = find(edge.left);
    const rb = find(edge.right);
    if (ra === rb) continue;
    const onlyA = candidatesOf.get(ra)?.size === 1;
    const onlyB = candidatesOf.get(rb)?.size === 1;
    if (onlyA && onlyB) promoted.push(edge);
  }
  const joined: ClusterEdge[] = [];
  for (const edge of promoted) {
    if (find(edge.left) === find(edge.right)) continue;
    const before = refused.length;
    apply(edge);
    if (refused.length === before) joined.push(edge);
    else refused.pop(); // a refused possible match is already in the review queue as a possible match
  }
  return { clusterOf: records.map((_, i) => find(i)), refused, promoted: joined, resolved };
}

/**
 * Probabilistic links that could join two look-alike people through records that identify neither.
 * Groups connected by probabilistic links, or by links held back only by a shared name and date of
 * birth (`keyed`: the model would make them), form a component; when two groups in it cannot be the
 * same person (conflicting ids or dates of birth), the component holds at least two people, and a
 * link between two groups that conflict with nobody (records with no identifier, say two namesakes'
 * custody records) is as likely to join the two people as one. Those links are refused; links to a
 * group that does conflict are left to the one-hop ambiguity check (the margin rule). Components
 * are small (links need names and dates of birth to agree), so the pairwise check stays cheap.
 */
function contestedLinks(
  edges: readonly ClusterEdge[],
  keyed: readonly ClusterEdge[],
  find: (x: number) => number,
  conflict: (rootA: number, rootB: number) => boolean,
): Set<ClusterEdge> {
  const parent = new Map<number, number>();
  const top = (x: number): number => {
    let p = parent.get(x) ?? x;
    while (p !== x) {
      const gp = parent.get(p) ?? p;
      parent.set(x, gp);
      x = p;
      p = gp;
    }
    return x;
  };
  // Links held back by a shared key connect components too: they reach the second person.
  const connecting = [...edges, ...keyed];
  for (const e of connecting) {
    const a = top(find(e.left));
    const b = top(find(e.right));
    if (a !== b) parent.set(a, b);
  }
  const rootsOf = new Map<number, Set<number>>();
  for (const e of connecting) {
    for (const r of [find(e.left), find(e.right)]) {
      const c = top(r);
      (rootsOf.get(c) ?? rootsOf.set(c, new Set()).get(c)!).add(r);
    }
  }
  const anchored = new Set<number>();
  const contestedComponents = new Set<number>();
  for (const [c, set] of rootsOf) {
    const roots = [...set];
    for (let i = 0; i < roots.length; i++) {
      for (let j = i + 1; j < roots.length; j++) {
        if (!conflict(roots[i]!, roots[j]!)) continue;
        anchored.add(roots[i]!);
        anchored.add(roots[j]!);
        contestedComponents.add(c);
      }
    }
  }
  const out = new Set<ClusterEdge>();
  for (const e of edges) {
    const a = find(e.left);
    const b = find(e.right);
    if (a === b || !contestedComponents.has(top(a))) continue;
    if (!anchored.has(a) && !anchored.has(b)) out.add(e);
  }
  return out;
}

/** Hand-made identity fragments for table-driven identity tests. */
import type { Identifier, IdentifierKind, IdentityFragment, RecordOccasion, SourceName } from '../../src/domain/common.js';
import { prepareRecord, type PreparedRecord } from '../../src/identity/prepare.js';

export interface FragmentSpec {
  readonly ref?: string;
  readonly given?: readonly string[];
  readonly family?: string;
  readonly aliases?: readonly { given: readonly string[]; family: string }[];
  readonly dob?: string | null;
  readonly gender?: 'M' | 'F' | null;
  readonly nationality?: string | null;
  readonly place?: string | null;
  readonly ids?: Partial<Record<IdentifierKind, string>>;
  readonly recordedAt?: string | null;
  readonly occasion?: RecordOccasion | null;
}

let counter = 0;

export function fragment(spec: FragmentSpec = {}): IdentityFragment {
  const ref = spec.ref ?? `cid:${10000000 + ++counter}/3000001`;
  const i = ref.indexOf(':');
  const given = spec.given ?? ['AHMED'];
  const family = spec.family ?? 'KHAN';
  const identifiers: Identifier[] = Object.entries(spec.ids ?? {}).map(([kind, value]) => ({ kind: kind as IdentifierKind, value: value! }));
  return {
    ref: { source: ref.slice(0, i) as SourceName, key: ref.slice(i + 1) },
    name: { given, family, original: `${family}, ${given.join(' ')}` },
    aliases: (spec.aliases ?? []).map((a) => ({ given: a.given, family: a.family, original: `${a.family}, ${a.given.join(' ')}` })),
    dateOfBirth: spec.dob === undefined ? '1985-03-14' : spec.dob,
    gender: spec.gender === undefined ? 'M' : spec.gender,
    nationality: spec.nationality === undefined ? 'PAK' : spec.nationality,
    placeOfBirth: spec.place === undefined ? 'LAHORE' : spec.place,
    identifiers,
    recordedAt: spec.recordedAt === undefined ? '2016-01-01T00:00:00Z' : spec.recordedAt,
    ...(spec.occasion !== undefined ? { occasion: spec.occasion } : {}),
  };
}

export function record(spec: FragmentSpec = {}, index = 0): PreparedRecord {
  return prepareRecord(fragment(spec), index);
}

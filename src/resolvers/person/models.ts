/**
 * What the person view's resolvers return for each GraphQL type (codegen mappers, codegen.ts):
 * small records; field resolvers shape them. A `Person` is only its id: every field reads its part
 * through the request's PersonView, so a field not asked for is never read.
 */
import type { PncCirculation, PncConviction } from '../../domain/pnc.js';
import type { SourceRef } from '../../domain/common.js';
import type { CidCaseType, CidRestriction } from '../../domain/cid.js';
import type { StatusCheckResult } from '../../domain/custody.js';
import type { DecisionRow, RecordRow } from '../../store/personStore.js';

export interface PersonModel {
  readonly personId: string;
}

export interface PersonSearchHitModel {
  readonly personId: string;
  readonly ref: SourceRef;
  readonly score: number;
  readonly probability: number;
  readonly reasons: readonly string[];
}

export interface PersonSearchResultModel {
  readonly hits: readonly PersonSearchHitModel[];
  readonly nextCursor: string | null;
  readonly hasNextPage: boolean;
}

export interface LinkedRecordModel {
  readonly row: RecordRow;
  /** The caseworker's decision that confirmed the link, for rule HUMAN. */
  readonly decision: DecisionRow | null;
}

export interface PersonConvictionModel {
  readonly conviction: PncConviction;
  readonly record: SourceRef;
}

export interface PersonCirculationModel {
  readonly circulation: PncCirculation;
  readonly record: SourceRef;
}

export interface PersonReportingModel {
  readonly personId: string;
  readonly restrictions: readonly CidRestriction[];
  readonly required: boolean;
}

export interface ImmigrationStatusModel {
  readonly latestStatusCheck: StatusCheckResult | null;
  readonly latestStatusCheckAt: string | null;
  readonly latestStatusCheckRecord: SourceRef | null;
  readonly openCaseTypes: readonly CidCaseType[];
}

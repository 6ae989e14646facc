/**
 * Resolvers for schema/pathfinder.graphql. They only call the per-request loaders; field
 * resolvers rename domain fields to their GraphQL names (`caseIdRaw` → `caseIdAsTyped`, ...).
 */
import { PATHFINDER_WORKBOOKS } from '../../domain/pathfinder.js';
import type { Resolvers } from '../../generated/graphql.js';

export const pathfinderResolvers: Resolvers = {
  Query: {
    pathfinderRows: (_parent, { caseId }, ctx) => ctx.loaders.pathfinder.rowsByCaseId.load(caseId).then((rows) => [...rows]),
    pathfinderRow: (_parent, { key }, ctx) => ctx.loaders.pathfinder.rowByKey.load(key),
    pathfinderWorkbooks: async (_parent, _args, ctx) => {
      const statuses = await ctx.loaders.pathfinder.workbookStatus.loadMany(PATHFINDER_WORKBOOKS);
      return statuses.map((s) => {
        if (s instanceof Error) throw s;
        return s;
      });
    },
  },
  PathfinderRow: {
    caseIdAsTyped: (row) => row.caseIdRaw,
    barriersAsTyped: (row) => row.barriersRaw,
    barriers: (row) => [...row.barriers],
    diary: (row) => [...row.diary],
    cells: (row) => [...row.cells],
    issues: (row) => [...row.issues],
  },
  PathfinderDate: {
    asTyped: (d) => d.raw,
  },
};

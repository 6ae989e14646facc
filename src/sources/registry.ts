/**
 * The one place sources are registered. Each entry is a SourceDefinition from src/sources/<name>/.
 * The schema, the per-request loaders, the `sources` health query and shutdown all follow this list.
 */
export const SOURCES = [
  // one line per source, e.g. cidSource,
] as const;

export type RegisteredSource = (typeof SOURCES)[number];

/**
 * RequestScope stand-ins for unit tests of loaders: one that passes calls straight through, and one
 * that records every batch call so a test can assert how many times a source was read.
 */
import type { SourceName } from '../../src/domain/common.js';
import type { RequestScope } from '../../src/sources/types.js';

export const passThroughScope: RequestScope = {
  track: (_source, _operation, batch) => batch,
  trackWrite: (_source, _operation, write) => write,
};

export interface RecordedCall {
  readonly source: SourceName;
  readonly operation: string;
  readonly keys: readonly unknown[];
}

export function recordingScope(): RequestScope & { readonly calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  return {
    calls,
    track: (source, operation, batch) => async (keys) => {
      calls.push({ source, operation, keys: [...keys] });
      return batch(keys);
    },
    trackWrite: (source, operation, write) => async (input) => {
      calls.push({ source, operation, keys: [input] });
      return write(input);
    },
  };
}

/** The CID adapter's public face. */
export { createCidAdapter, openCidAdapter } from './adapter.js';
export type { BatchResult, CidAdapter } from './adapter.js';
export { familyNameKey, normaliseNamePart } from './names.js';
export { parsePersonOnCaseKey, personOnCaseKey } from './mappers.js';
export { personIdentifiers, toIdentityFragment } from './fragments.js';

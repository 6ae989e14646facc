/**
 * Data classifications: every field that holds personal data carries one (`@restricted(class: …)`
 * in the SDL) and every value decision is about one. The grants table (grants.ts) says which role,
 * acting for which purpose, may see which classes; rules (rules/*Rule.ts) add what depends on the
 * record itself.
 */
export const DATA_CLASSES = [
  'IDENTITY', // names, dates of birth, nationality, identifiers, aliases, identity fragments
  'CID_CASEWORK', // CID cases, persons on cases, ownership, ETD, Pathfinder rows (Home Office casework)
  'CID_NOTES', // CID case notes (free text)
  'CUSTODY', // police custody episodes (per force arrangement, 001 §4.26)
  'STATUS_CHECK_OUTCOME', // the outcome of an immigration status check (shared with police, 001 §4.28)
  'PNC', // Police National Computer convictions and circulations
  'ACRO', // ACRO overseas conviction checks and results (001 §4.32–4.35)
  'DVA', // HM Passport Office DVA checks (001 fn 21–22)
  'HIGH_HARM_INTELLIGENCE', // Nexus High Harm police intelligence (004 §6.18)
  'HIGH_HARM_FLAG', // that intelligence exists and whom to contact (004 §6.18)
  'REPORTING', // reporting restrictions, events, instructions and outcomes (004 §6.60–6.66)
  'ASSESSMENT', // derived assessments (High Harm, s32, bands...) and their reasons
  'DATA_QUALITY', // data-quality issues found in source records (quote raw values)
  'AUDIT', // the access audit trail
  'AGGREGATE', // counts and rates without any person (management information)
] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export function isDataClass(v: unknown): v is DataClass {
  return typeof v === 'string' && (DATA_CLASSES as readonly string[]).includes(v);
}

/** One line per class for error messages and the README. */
export const DATA_CLASS_TITLES: Readonly<Record<DataClass, string>> = Object.freeze({
  IDENTITY: 'identity details',
  CID_CASEWORK: 'Home Office casework (CID)',
  CID_NOTES: 'CID case notes',
  CUSTODY: 'police custody records',
  STATUS_CHECK_OUTCOME: 'status-check outcomes',
  PNC: 'PNC records',
  ACRO: 'ACRO overseas conviction checks',
  DVA: 'DVA passport checks',
  HIGH_HARM_INTELLIGENCE: 'Nexus High Harm intelligence',
  HIGH_HARM_FLAG: 'the Nexus High Harm flag',
  REPORTING: 'reporting events and instructions',
  ASSESSMENT: 'assessments',
  DATA_QUALITY: 'data-quality reports',
  AUDIT: 'the access audit trail',
  AGGREGATE: 'aggregate figures',
});

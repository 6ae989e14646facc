/**
 * Where each Pathfinder value sits. The daily import and the two hubs' master spreadsheets each
 * have their own columns and headers (004 §6.43: "bespoke to each location"), and hand-kept
 * spreadsheets gain, lose and reorder columns, so columns are found by header text, not position.
 * The header row is the first row (of the first ten) holding a CID case id header; rows above it
 * (titles, "Last updated") are ignored, and so are sheets without one (the MI tab, the Key tab).
 *
 * Known layouts (as of the estate renderer, mocks/estate/render/pathfinder.ts):
 * - daily `pathfinder-daily.xlsx`, sheet "Pathfinder", header row 1: CID Case ID, CID Person ID,
 *   HO Ref, Surname, Forename(s), Sex, DOB, Nationality, Case Type, Case Status, Owner Unit, Band,
 *   Import Date, Case Owner, Barriers to Removal, Diary Date 1, Diary Action 1, Diary Date 2,
 *   Diary Action 2, Comments.
 * - liverpool `liverpool-master.xlsx`, sheet "LPL Master", title rows 1–2, header row 3: Case Ref,
 *   Name, D.O.B, Nat, Band, MAPPA, CO, Barriers, Barrier resolved?, Next action, Due, Notes.
 * - leeds `leeds-master.xlsx`, sheet "Leeds CC", header row 1: Surname, First Name, DOB, CID Ref,
 *   Banding, Removable?, Owner, Barrier 1, Barrier 2, Date Raised, Diary, Comments.
 */

/** The values the adapter knows how to read. */
export type PathfinderField =
  | 'caseId'
  | 'cidPersonId'
  | 'hoRef'
  | 'familyName'
  | 'givenNames'
  | 'fullName'
  | 'dateOfBirth'
  | 'gender'
  | 'nationality'
  | 'caseType'
  | 'caseStatus'
  | 'ownerUnit'
  | 'band'
  | 'mappa'
  | 'removable'
  | 'importedOn'
  | 'addedOn'
  | 'owner'
  | 'barrier'
  | 'barriersResolved'
  | 'diaryDate1'
  | 'diaryAction1'
  | 'diaryDate2'
  | 'diaryAction2'
  | 'diaryCombined'
  | 'comments';

/** Header spellings per field, compared after `headerKey` (case, spaces and punctuation ignored). */
const HEADER_ALIASES: Readonly<Record<PathfinderField, readonly string[]>> = {
  caseId: ['CID Case ID', 'Case Ref', 'CID Ref', 'Case ID', 'CID Case Ref', 'CID No'],
  cidPersonId: ['CID Person ID', 'Person ID'],
  hoRef: ['HO Ref', 'Home Office Ref', 'HO Reference'],
  familyName: ['Surname', 'Family Name', 'Last Name'],
  givenNames: ['Forename(s)', 'Forenames', 'First Name', 'Given Names', 'Forename'],
  fullName: ['Name', 'Full Name'],
  dateOfBirth: ['DOB', 'D.O.B', 'Date of Birth'],
  gender: ['Sex', 'Gender'],
  nationality: ['Nationality', 'Nat'],
  caseType: ['Case Type'],
  caseStatus: ['Case Status', 'Status'],
  ownerUnit: ['Owner Unit', 'CID Owner Unit'],
  band: ['Band', 'Banding'],
  mappa: ['MAPPA', 'MAPPA Level'],
  removable: ['Removable?', 'Removable'],
  importedOn: ['Import Date', 'Imported'],
  addedOn: ['Date Raised', 'Date Added'],
  owner: ['Case Owner', 'CO', 'Owner', 'Allocated To'],
  barrier: ['Barriers to Removal', 'Barriers', 'Barrier 1', 'Barrier 2', 'Barrier 3', 'Barrier'],
  barriersResolved: ['Barrier resolved?', 'Barriers resolved?', 'Resolved?'],
  diaryDate1: ['Diary Date 1', 'Due', 'Diary Date', 'Next Diary Date'],
  diaryAction1: ['Diary Action 1', 'Next action', 'Diary Action'],
  diaryDate2: ['Diary Date 2'],
  diaryAction2: ['Diary Action 2'],
  diaryCombined: ['Diary'],
  comments: ['Comments', 'Notes', 'Comment'],
};

/** Header text reduced for matching: lower case, letters and digits only. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_HEADER = new Map<string, PathfinderField>();
for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [PathfinderField, readonly string[]][]) {
  for (const alias of aliases) FIELD_BY_HEADER.set(headerKey(alias), field);
}

export function fieldForHeader(header: string): PathfinderField | null {
  return FIELD_BY_HEADER.get(headerKey(header)) ?? null;
}

/** How many rows from the top a header row is searched for. */
export const HEADER_SEARCH_ROWS = 10;

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

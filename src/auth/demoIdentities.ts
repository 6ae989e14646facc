/**
 * Demo identities for the embedded default: one per role in issue 6 (per hub and per force where
 * the role is), for the playground's identity switcher and `scripts/token.ts <id>`. Synthetic
 * people; units and centres are the names the synthetic estate uses (mocks/estate/distributions.ts).
 * Purposes listed are what the identity provider grants; the policy (src/policy/grants.ts) decides
 * what each purpose reveals.
 */
import type { Principal } from './principal.js';

export interface DemoIdentity extends Principal {
  /** Short id for the command line and the playground, e.g. `cc-liverpool`. */
  readonly id: string;
  /** What this identity is for, in one line. */
  readonly description: string;
}

const d = (x: DemoIdentity): DemoIdentity => Object.freeze({ ...x, purposes: Object.freeze([...x.purposes]) });

export const DEMO_IDENTITIES: readonly DemoIdentity[] = Object.freeze([
  d({ id: 'cc-croydon', userId: 'demo.cc.croydon', displayName: 'Demo CC caseworker (Croydon)', role: 'CC_CASEWORKER', organisation: 'HOME_OFFICE', hub: 'CC_CROYDON', unit: 'CRIMINAL CASEWORK CROYDON', purposes: ['IMMIGRATION_CASEWORK'], description: 'Criminal Casework, Croydon: detained cases (004 §6.2).' }),
  d({ id: 'cc-liverpool', userId: 'demo.cc.liverpool', displayName: 'Demo CC caseworker (Liverpool)', role: 'CC_CASEWORKER', organisation: 'HOME_OFFICE', hub: 'CC_LIVERPOOL', unit: 'CRIMINAL CASEWORK LIVERPOOL', purposes: ['IMMIGRATION_CASEWORK', 'REPORTING'], description: 'Criminal Casework, Liverpool: non-detained bands 1–2 (004 §6.3–6.4).' }),
  d({ id: 'cc-leeds', userId: 'demo.cc.leeds', displayName: 'Demo CC caseworker (Leeds)', role: 'CC_CASEWORKER', organisation: 'HOME_OFFICE', hub: 'CC_LEEDS', unit: 'CRIMINAL CASEWORK LEEDS', purposes: ['IMMIGRATION_CASEWORK', 'REPORTING'], description: 'Criminal Casework, Leeds: non-detained bands 3–4.' }),
  d({ id: 'ukvi-owner', userId: 'demo.ukvi.owner', displayName: 'Demo UKVI case owner', role: 'UKVI_CASE_OWNER', organisation: 'HOME_OFFICE', unit: 'UKVI COMPLEX CASEWORK DIRECTORATE', purposes: ['IMMIGRATION_CASEWORK'], description: 'Case owner outside CC: sees the cases the unit owns; the High Harm flag says whom to contact (004 §6.18).' }),
  d({ id: 'io-mps', userId: 'demo.io.mps', displayName: 'Demo embedded IO (MPS)', role: 'EMBEDDED_IO', organisation: 'HOME_OFFICE', force: 'MPS', purposes: ['STATUS_CHECK'], description: 'IO embedded at an MPS hub station: custody data through the Nexus police officer (001 §4.26).' }),
  d({ id: 'io-wmp', userId: 'demo.io.wmp', displayName: 'Demo embedded IO (WMP)', role: 'EMBEDDED_IO', organisation: 'HOME_OFFICE', force: 'WMP', purposes: ['STATUS_CHECK'], description: 'IO at Perry Barr: custody data only by asking the custody sergeant (001 §4.26).' }),
  d({ id: 'io-wyp', userId: 'demo.io.wyp', displayName: 'Demo embedded IO (WYP)', role: 'EMBEDDED_IO', organisation: 'HOME_OFFICE', force: 'WYP', purposes: ['STATUS_CHECK'], description: 'IO at Normanton: limited but direct custody access; may view police ACRO results (001 §4.26, §4.35).' }),
  d({ id: 'ccu-handler', userId: 'demo.ccu.handler', displayName: 'Demo CCU call handler', role: 'CCU_CALL_HANDLER', organisation: 'HOME_OFFICE', purposes: ['STATUS_CHECK', 'NATIONALITY_VERIFICATION'], dvaLicensed: true, description: 'Command and Control Unit, 24/7 status checks; runs DVA checks for IOs (001 §4.37).' }),
  d({ id: 'joc-io', userId: 'demo.joc.io', displayName: 'Demo JOC immigration officer', role: 'JOC_IO', organisation: 'HOME_OFFICE', force: 'MPS', purposes: ['STATUS_CHECK', 'HIGH_HARM_REVIEW'], description: 'Immigration officer in the Nexus Joint Operations Centre (London).' }),
  d({ id: 'joc-police', userId: 'demo.joc.police', displayName: 'Demo JOC police officer', role: 'JOC_POLICE_OFFICER', organisation: 'MPS', force: 'MPS', purposes: ['POLICING', 'STATUS_CHECK'], description: 'Police officer in the JOC: the only police with CID access (001 §4.28).' }),
  d({ id: 'sergeant-mps', userId: 'demo.sgt.mps', displayName: 'Demo custody sergeant (MPS)', role: 'CUSTODY_SERGEANT', organisation: 'MPS', force: 'MPS', purposes: ['POLICING'], description: 'MPS custody sergeant: own force custody, status-check outcomes, no CID.' }),
  d({ id: 'sergeant-wmp', userId: 'demo.sgt.wmp', displayName: 'Demo custody sergeant (WMP)', role: 'CUSTODY_SERGEANT', organisation: 'WMP', force: 'WMP', purposes: ['POLICING', 'NATIONALITY_VERIFICATION'], dvaLicensed: true, description: 'WMP custody sergeant with a DVA licence (police can hold one, 001 §4.37).' }),
  d({ id: 'sergeant-wyp', userId: 'demo.sgt.wyp', displayName: 'Demo custody sergeant (WYP)', role: 'CUSTODY_SERGEANT', organisation: 'WYP', force: 'WYP', purposes: ['POLICING'], description: 'WYP custody sergeant.' }),
  d({ id: 'highharm-police', userId: 'demo.hh.police', displayName: 'Demo Nexus High Harm (police)', role: 'HIGH_HARM_POLICE', organisation: 'MPS', force: 'MPS', purposes: ['HIGH_HARM_REVIEW', 'POLICING'], description: 'Nexus High Harm team, police side: sees the intelligence (004 §6.18).' }),
  d({ id: 'highharm-ho', userId: 'demo.hh.ho', displayName: 'Demo Nexus High Harm (Home Office)', role: 'HIGH_HARM_HOME_OFFICE', organisation: 'HOME_OFFICE', unit: 'NEXUS HIGH HARM TEAM', purposes: ['HIGH_HARM_REVIEW', 'IMMIGRATION_CASEWORK'], description: 'Nexus High Harm team, Home Office side (004 §6.18–6.19).' }),
  d({ id: 'rom-croydon', userId: 'demo.rom.croydon', displayName: 'Demo reporting centre officer (Croydon)', role: 'REPORTING_CENTRE_OFFICER', organisation: 'HOME_OFFICE', reportingCentre: 'CROYDON (LUNAR HOUSE)', purposes: ['REPORTING'], description: "Reporting centre officer: today's events and the case owner's instructions (004 §6.60–6.66)." }),
  d({ id: 'mi-analyst', userId: 'demo.mi.analyst', displayName: 'Demo MI analyst', role: 'MI_ANALYST', organisation: 'HOME_OFFICE', purposes: ['STATISTICS'], description: 'Management information: counts and rates only, never a person (002 rec. 2–3).' }),
  d({ id: 'auditor', userId: 'demo.auditor', displayName: 'Demo auditor', role: 'AUDITOR', organisation: 'HOME_OFFICE', purposes: ['AUDIT'], description: 'Reads the access audit trail (DPA 2018 Part 3 s62).' }),
]);

export function demoIdentity(id: string): DemoIdentity | undefined {
  return DEMO_IDENTITIES.find((x) => x.id === id);
}

/**
 * Identifier formats of the legacy estate, and a sequential allocator so that every identifier is
 * unique within an estate and deterministic for a seed.
 *
 * | identifier | format | example |
 * | --- | --- | --- |
 * | PNC id | `YYYY/NNNNNNNC`, C = check letter over the 2-digit year and serial, mod 23 | `2014/0123456K` |
 * | CRO number | `NNNNNN/YYC`, same check letter scheme | `012345/09Y` |
 * | Home Office reference | letter + 7 digits | `B1234567` |
 * | IABS fingerprint ref | `IA` + 9 digits | `IA004512345` |
 * | passport | British: 9 digits; others: 2 letters + 7 digits | `533401234`, `AB1234567` |
 * | CID case id | 8 digits | `10234567` |
 * | CID person id | 7 digits (per case; sometimes reused) | `3001234` |
 * | custody record | per force (below) | `MPS: BS/16/004512`, `WMP: 20160004512`, `WYP: WY-004512-16` |
 * | ACRO reference | `AC/YY/NNNNNN` | `AC/16/004512` |
 * | circulation | `<issuer>/<NNNNN>/<YY>` | `HO/04512/16` |
 */
import type { ForceCode } from '../../src/domain/common.js';
import type { Rng } from './rng.js';

const CHECK_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

/** The PNC / CRO check letter: (2-digit year followed by the serial) mod 23. */
export function pncCheckLetter(yy: string, serial: string): string {
  const n = BigInt(`${yy}${serial}`);
  return CHECK_LETTERS[Number(n % 23n)]!;
}

export function formatPncId(year: number, serial: number): string {
  const yy = String(year % 100).padStart(2, '0');
  const s = String(serial).padStart(7, '0');
  return `${year}/${s}${pncCheckLetter(yy, s)}`;
}

export function formatCroNumber(year: number, serial: number): string {
  const yy = String(year % 100).padStart(2, '0');
  const s = String(serial).padStart(6, '0');
  return `${s}/${yy}${pncCheckLetter(yy, s)}`;
}

/** True when a PNC id's check letter is right (a typo in the serial usually breaks it). */
export function isValidPncId(pncId: string): boolean {
  const m = /^(\d{4})\/(\d{7})([A-Z])$/.exec(pncId);
  if (!m) return false;
  return pncCheckLetter(m[1]!.slice(2), m[2]!) === m[3];
}

const HO_REF_LETTERS = ['B', 'G', 'H', 'K', 'M', 'S', 'T', 'W'] as const;
const PASSPORT_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';



/**
 * Allocates identifiers in sequence, with small random gaps so that neighbouring persons do not
 * get consecutive numbers. One allocator per population; draws use the caller's Rng.
 */
export class IdAllocator {
  private caseSerial = 10_000_000;
  private cidPersonSerial = 3_000_000;
  private hoSerial = 1_000_000;
  private fingerprintSerial = 4_000_000;
  private pncSerial = 10_000;
  private croSerial = 1_000;
  private passportSerial = 1_000_000;
  private custodySerial: Record<ForceCode, number> = { MPS: 1_000, WMP: 1_000, WYP: 1_000 };
  private acroSerial = 1_000;
  private circulationSerial = 1_000;
  private conviction = 0;
  private restriction = 0;
  private event = 0;
  private etd = 0;

  caseId(rng: Rng): string {
    this.caseSerial += rng.int(1, 40);
    return String(this.caseSerial);
  }

  cidPersonId(rng: Rng): string {
    this.cidPersonSerial += rng.int(1, 25);
    return String(this.cidPersonSerial);
  }

  hoRef(rng: Rng): string {
    this.hoSerial += rng.int(1, 60);
    return `${rng.pick(HO_REF_LETTERS)}${String(this.hoSerial).padStart(7, '0')}`;
  }

  fingerprintRef(rng: Rng): string {
    this.fingerprintSerial += rng.int(1, 90);
    return `IA${String(this.fingerprintSerial).padStart(9, '0')}`;
  }

  /** PNC id created in `year` (the year of the person's first recorded arrest or conviction). */
  pncId(rng: Rng, year: number): string {
    this.pncSerial += rng.int(1, 70);
    return formatPncId(year, this.pncSerial);
  }

  croNumber(rng: Rng, year: number): string {
    this.croSerial += rng.int(1, 30);
    return formatCroNumber(year, this.croSerial);
  }

  passportNumber(rng: Rng, nationality: string): string {
    this.passportSerial += rng.int(1, 500);
    if (nationality === 'GBR') return String(500_000_000 + this.passportSerial);
    return `${rng.pick([...PASSPORT_LETTERS])}${rng.pick([...PASSPORT_LETTERS])}${String(this.passportSerial).padStart(7, '0')}`;
  }

  custodyRecord(rng: Rng, force: ForceCode, suiteCode: string, year: number): string {
    this.custodySerial[force] += rng.int(1, 9);
    const serial = this.custodySerial[force];
    const yy = String(year % 100).padStart(2, '0');
    switch (force) {
      case 'MPS':
        return `${suiteCode}/${yy}/${String(serial).padStart(6, '0')}`;
      case 'WMP':
        return `${year}${String(serial).padStart(7, '0')}`;
      case 'WYP':
        return `WY-${String(serial).padStart(6, '0')}-${yy}`;
    }
  }

  acroRef(rng: Rng, year: number): string {
    this.acroSerial += rng.int(1, 20);
    return `AC/${String(year % 100).padStart(2, '0')}/${String(this.acroSerial).padStart(6, '0')}`;
  }

  circulationRef(rng: Rng, issuer: ForceCode | 'HOME_OFFICE', year: number): string {
    this.circulationSerial += rng.int(1, 20);
    const prefix = issuer === 'HOME_OFFICE' ? 'HO' : issuer;
    return `${prefix}/${String(this.circulationSerial).padStart(5, '0')}/${String(year % 100).padStart(2, '0')}`;
  }

  convictionId(): string {
    return `CV${String(++this.conviction).padStart(8, '0')}`;
  }

  restrictionId(): string {
    return `RS${String(++this.restriction).padStart(8, '0')}`;
  }

  reportingEventId(): string {
    return `RE${String(++this.event).padStart(9, '0')}`;
  }

  etdId(): string {
    return `ETD${String(++this.etd).padStart(7, '0')}`;
  }
}

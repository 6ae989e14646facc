/**
 * Pin every entry time of a ZIP archive (an .xlsx is one) to a fixed instant, so that the same
 * workbook written twice gives the same bytes. exceljs's streaming writer hands entries to archiver
 * without a date, and archiver then stamps each with the wall clock (DOS time, 2-second
 * resolution) in both the local file header and the central directory; it writes no other time
 * fields (no extended-timestamp extras). Excel itself pins entries to 1980-01-01; we pin them to
 * the estate's "today".
 *
 * The archive is walked through its central directory (never by scanning for signatures, which
 * could occur inside compressed data). ZIP64 archives are refused: the estate never writes one.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** DOS date and time fields (local time in the format, written here from the UTC parts). */
export function dosDateTime(instant: Date): { date: number; time: number } {
  const year = instant.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new RangeError(`ZIP times cannot express year ${year}`);
  const date = ((year - 1980) << 9) | ((instant.getUTCMonth() + 1) << 5) | instant.getUTCDate();
  const time = (instant.getUTCHours() << 11) | (instant.getUTCMinutes() << 5) | Math.floor(instant.getUTCSeconds() / 2);
  return { date, time };
}

/** Rewrite, in place, the modification time of every entry of `zip` to `instant`. Returns `zip`. */
export function pinZipTimestamps(zip: Buffer, instant: Date): Buffer {
  const { date, time } = dosDateTime(instant);
  const eocd = findEndOfCentralDirectory(zip);
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) throw new Error('ZIP64 archives are not supported');
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new Error(`Bad central directory entry ${i} at ${offset}`);
    zip.writeUInt16LE(time, offset + 12);
    zip.writeUInt16LE(date, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error(`Bad local header for entry ${i} at ${local}`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The EOCD record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE && at + 22 + zip.readUInt16LE(at + 20) === zip.length) return at;
  }
  throw new Error('Not a ZIP archive: no end-of-central-directory record');
}

/**
 * Bytes of a CSV → text. Spreadsheets on French desktops still save CSV in
 * Windows-1252; anything that is not valid UTF-8 is read as that.
 */
import iconv from 'iconv-lite';

export type Encoding = 'UTF-8' | 'UTF-16' | 'Windows-1252';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  // Excel's « Texte Unicode » export is UTF-16 little-endian with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body), 'win1252'), encoding: 'Windows-1252' };
  }
}

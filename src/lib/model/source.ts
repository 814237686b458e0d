/**
 * The contract's files as plain data. Reading the disk happens elsewhere
 * (src/lib/content-files.ts); the model only sees these records, which keeps
 * it pure and lets tests build contracts in memory.
 */
export interface SourceFile {
  /** Path relative to the contract folder, `/`-separated. */
  path: string;
  /** Size in bytes as found on disk. */
  size: number;
  /** The bytes, or undefined when the file was too large to be read. */
  bytes?: Uint8Array;
  /** Set by the reader when the path leaves the contract folder (symlink out). */
  outside?: boolean;
  /** Set by the reader for a symbolic link whose target does not exist. */
  brokenLink?: boolean;
}

/** Text files larger than this are refused: no contract file is that big, and parsing one would stall the build. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** GeoJSON outlines may be detailed, but not unbounded. */
export const MAX_GEOJSON_BYTES = 10 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; message: string; hint: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes → text, refusing binary and non-UTF-8 files with a message an author understands. */
export function decodeText(file: SourceFile, limit = MAX_TEXT_BYTES): Decoded {
  if (file.size > limit || !file.bytes) {
    return {
      ok: false,
      message: `fichier trop volumineux (${formatSize(file.size)}) ; limite : ${formatSize(limit)}`,
      hint: 'un fichier de contenu ne dépasse normalement pas quelques dizaines de kilo-octets ; vérifiez qu’il s’agit du bon fichier',
    };
  }
  let text: string;
  try {
    text = decoder.decode(file.bytes);
  } catch {
    return {
      ok: false,
      message: 'fichier illisible : ce n’est pas du texte encodé en UTF-8',
      hint: 'enregistrez le fichier en UTF-8 depuis votre éditeur (VS Code : « Enregistrer avec l’encodage »)',
    };
  }
  if (text.includes('\u0000')) {
    return {
      ok: false,
      message: 'fichier binaire : il contient des octets nuls',
      hint: 'ce fichier n’est pas du texte ; placez les images et documents dans medias/',
    };
  }
  // A byte-order mark is invisible in editors; drop it so columns match what the author sees.
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

function formatSize(bytes: number): string {
  const mo = bytes / (1024 * 1024);
  if (mo >= 1) return `${mo.toFixed(1).replace('.', ',')} Mo`;
  return `${Math.ceil(bytes / 1024)} Ko`;
}

/** Offsets → 1-based line and column, computed once per file. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

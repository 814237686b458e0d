/**
 * Markdown written as a YAML value (a suivi year's `commentaire`): its text
 * and where each of its characters lies in the file. In a `|` or `>` block
 * the Markdown is the block's lines without their indentation (a blank line
 * separates paragraphs, as the author sees it), so an error inside it points
 * at its own line and column; any other scalar is located at its key.
 */
import type { Location } from './issues.ts';
import { LineIndex } from './source.ts';

export interface YamlMarkdown {
  text: string;
  /** Offset in `text` → line and column in the file. */
  lines: LineIndex;
}

/** Maps offsets of a text rebuilt from a block's lines to the file's positions. */
class BlockLines extends LineIndex {
  private readonly rows: { value: number; file: number }[];
  private readonly fileLines: LineIndex;
  // No parameter properties: `npm run check` runs on Node's type stripping, which does not rewrite them.
  constructor(rows: { value: number; file: number }[], fileLines: LineIndex) {
    super('');
    this.rows = rows;
    this.fileLines = fileLines;
  }
  override position(offset: number): { line: number; column: number } {
    let i = this.rows.length - 1;
    while (i > 0 && this.rows[i]!.value > offset) i--;
    const start = this.rows[i]!;
    return this.fileLines.position(start.file + offset - start.value);
  }
}

/** Every offset → one fixed place (the key of a plain or quoted scalar). */
class FixedLines extends LineIndex {
  private readonly at: { line: number; column: number };
  constructor(at: { line: number; column: number }) {
    super('');
    this.at = at;
  }
  override position(): { line: number; column: number } {
    return { line: this.at.line, column: this.at.column };
  }
}

/**
 * `source` is the block's text in the file from its header (`|`, `>-`…),
 * starting at file offset `start`; `fileLines` indexes the whole file.
 */
export function blockMarkdown(source: string, start: number, fileLines: LineIndex): YamlMarkdown {
  const header = source.indexOf('\n');
  const rows: { text: string; file: number }[] = [];
  let at = header + 1;
  for (const line of source.slice(header + 1).split('\n')) {
    rows.push({ text: line, file: start + at });
    at += line.length + 1;
  }
  while (rows.length > 0 && rows.at(-1)!.text.trim() === '') rows.pop();
  const indent = Math.min(...rows.filter((r) => r.text.trim() !== '').map((r) => r.text.length - r.text.trimStart().length));
  const starts: { value: number; file: number }[] = [];
  let text = '';
  for (const row of rows) {
    const cut = Math.min(indent, row.text.length - row.text.trimStart().length);
    starts.push({ value: text.length, file: row.file + cut });
    text += `${row.text.slice(cut)}\n`;
  }
  return { text, lines: new BlockLines(starts.length > 0 ? starts : [{ value: 0, file: start }], fileLines) };
}

export function scalarMarkdown(value: string, key: Location): YamlMarkdown {
  return { text: value, lines: new FixedLines(key) };
}

/**
 * A counter shared by the dev server's watcher and the pages (they load in
 * the same process but through different module instances, hence globalThis).
 */
const KEY = Symbol.for('cahiers.contentVersion');
type Holder = { [KEY]?: number };

export function contentVersion(): number {
  return (globalThis as Holder)[KEY] ?? 0;
}

export function bumpContentVersion(): void {
  (globalThis as Holder)[KEY] = contentVersion() + 1;
}

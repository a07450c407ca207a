// import() of packages left outside the bundle: the bundle is CommonJS run through vm.Script (src/compile.mjs), where
// import() needs an experimental flag, so src/compile.mjs lends its own; the TypeScript sources use theirs.
const LENT = Symbol.for('news-archive.import');

export function importEsm<T>(specifier: string): Promise<T> {
  const lent = (globalThis as { [LENT]?: (specifier: string) => Promise<unknown> })[LENT];
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}

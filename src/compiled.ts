/**
 * Whether a module runs from inside the compiled binary: there every module's URL lies in the binary's embedded
 * file system (`/$bunfs/root/` on Linux and macOS, `B:/~BUN/root/` on Windows). Worker threads are started from
 * their own entry points of the binary then (release/compile.ts), and from the source files otherwise.
 */
export function insideCompiledBinary(moduleUrl: string): boolean {
  return /[/\\](\$bunfs|~BUN)[/\\]/.test(moduleUrl);
}

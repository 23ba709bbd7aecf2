/**
 * Swapping two folders in one step. POSIX rename(2) cannot replace a non-empty folder, so replacing one by
 * renames alone leaves a moment in which the destination does not exist. Linux (renameat2 with
 * RENAME_EXCHANGE, since 3.15) and macOS (renamex_np with RENAME_SWAP, since 10.12) can exchange two paths
 * atomically; both are reached through bun:ffi. Where neither is available — another system, a C library that is
 * not glibc, a file system that refuses the flag — `exchangePaths` says so and the caller falls back to renames.
 */

type Exchange = (from: string, to: string) => boolean;

const AT_FDCWD = -100;
const RENAME_EXCHANGE = 2;
const RENAME_SWAP = 2;

let exchange: Exchange | null | undefined;

/** A NUL-terminated C string; passed as a typed array, bun:ffi keeps it alive for the call. */
const cString = (path: string) => Buffer.from(`${path}\0`);

function loadExchange(): Exchange | null {
  try {
    const { dlopen, FFIType } = require("bun:ffi") as typeof import("bun:ffi");
    if (process.platform === "linux") {
      const libc = dlopen("libc.so.6", {
        renameat2: { args: [FFIType.i32, FFIType.ptr, FFIType.i32, FFIType.ptr, FFIType.u32], returns: FFIType.i32 },
      });
      return (from, to) => libc.symbols.renameat2(AT_FDCWD, cString(from), AT_FDCWD, cString(to), RENAME_EXCHANGE) === 0;
    }
    if (process.platform === "darwin") {
      const libSystem = dlopen("/usr/lib/libSystem.B.dylib", {
        renamex_np: { args: [FFIType.ptr, FFIType.ptr, FFIType.u32], returns: FFIType.i32 },
      });
      return (from, to) => libSystem.symbols.renamex_np(cString(from), cString(to), RENAME_SWAP) === 0;
    }
  } catch {
    // No such library or symbol here: the caller uses renames.
  }
  return null;
}

/** Exchanges the two existing paths atomically; false (nothing changed) when this system or file system cannot. */
export function exchangePaths(from: string, to: string): boolean {
  if (exchange === undefined) exchange = loadExchange();
  return exchange?.(from, to) ?? false;
}

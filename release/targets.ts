/**
 * The platforms pygen is released for, and what each is called by the tools that install it: Bun's compile
 * target, the archive name, the wheel's platform tags, npm's os/cpu/libc fields and Homebrew's blocks.
 */

export interface ReleaseTarget {
  /** Our name, used in archive and package names: `pygen-<version>-<name>.tar.gz`. */
  name: string;
  /** Bun's `--target`. */
  bun: Bun.Build.CompileTarget;
  os: "linux" | "darwin" | "windows";
  arch: "x64" | "arm64";
  libc?: "glibc" | "musl";
  /**
   * Wheel platform tags (PEP 600 manylinux, PEP 656 musllinux, macOS and Windows tags), most specific first. The
   * floors follow Bun's own: glibc 2.17, musl 1.2, macOS 13.
   */
  wheelPlatforms: string[];
}

export const RELEASE_TARGETS: readonly ReleaseTarget[] = [
  {
    name: "linux-x64",
    bun: "bun-linux-x64",
    os: "linux",
    arch: "x64",
    libc: "glibc",
    wheelPlatforms: ["manylinux_2_17_x86_64", "manylinux2014_x86_64"],
  },
  { name: "linux-x64-musl", bun: "bun-linux-x64-musl", os: "linux", arch: "x64", libc: "musl", wheelPlatforms: ["musllinux_1_2_x86_64"] },
  {
    name: "linux-arm64",
    bun: "bun-linux-arm64",
    os: "linux",
    arch: "arm64",
    libc: "glibc",
    wheelPlatforms: ["manylinux_2_17_aarch64", "manylinux2014_aarch64"],
  },
  {
    name: "linux-arm64-musl",
    bun: "bun-linux-arm64-musl",
    os: "linux",
    arch: "arm64",
    libc: "musl",
    wheelPlatforms: ["musllinux_1_2_aarch64"],
  },
  { name: "darwin-x64", bun: "bun-darwin-x64", os: "darwin", arch: "x64", wheelPlatforms: ["macosx_13_0_x86_64"] },
  { name: "darwin-arm64", bun: "bun-darwin-arm64", os: "darwin", arch: "arm64", wheelPlatforms: ["macosx_13_0_arm64"] },
  { name: "windows-x64", bun: "bun-windows-x64", os: "windows", arch: "x64", wheelPlatforms: ["win_amd64"] },
];

/** The binary's file name inside archives and packages. */
export const binaryName = (target: ReleaseTarget): string => (target.os === "windows" ? "pygen.exe" : "pygen");

/** Targets by name, in the order given; an unknown name is an error that lists the known ones. */
export function selectTargets(names: readonly string[] | undefined): ReleaseTarget[] {
  if (!names || names.length === 0) return [...RELEASE_TARGETS];
  return names.map((name) => {
    const target = RELEASE_TARGETS.find((candidate) => candidate.name === name);
    if (!target) throw new Error(`unknown target "${name}"; known: ${RELEASE_TARGETS.map((known) => known.name).join(", ")}`);
    return target;
  });
}

/** The target of the machine running this, when it is one we release for. */
export function hostTarget(): ReleaseTarget | undefined {
  const os = process.platform === "win32" ? "windows" : process.platform;
  return RELEASE_TARGETS.find((target) => target.os === os && target.arch === process.arch && target.libc !== "musl");
}

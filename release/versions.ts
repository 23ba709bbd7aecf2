/** pygen's version is semantic (package.json); Python packages want PEP 440's spelling of the same version. */

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-(alpha|beta|rc)\.(\d+))?$/;
const PEP440_PRE = { alpha: "a", beta: "b", rc: "rc" } as const;

/** `1.2.3` → `1.2.3`, `1.2.3-rc.1` → `1.2.3rc1`; other pre-release labels are refused (PyPI could not order them). */
export function pep440Version(version: string): string {
  const match = SEMVER.exec(version);
  if (!match) throw new Error(`version "${version}" is not MAJOR.MINOR.PATCH with an optional -alpha.N, -beta.N or -rc.N`);
  const [, major, minor, patch, label, number] = match;
  const pre = label ? `${PEP440_PRE[label as keyof typeof PEP440_PRE]}${number}` : "";
  return `${major}.${minor}.${patch}${pre}`;
}

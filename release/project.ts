/**
 * Where pygen is published, in one place. install.sh and action.yml spell the releases URL out too (they are
 * shell and YAML): keep them in step with RELEASES_URL.
 */

export const REPOSITORY = "cognitedata/pygen";
export const HOMEPAGE = `https://github.com/${REPOSITORY}`;
/** GitHub's release downloads live under `${RELEASES_URL}/download/v<version>/<file>`. */
export const RELEASES_URL = `${HOMEPAGE}/releases`;
export const SUMMARY = "Turns a Cognite Data Fusion data model into a typed, ready-to-use SDK";
/** On PyPI: pygen v1 is `cognite-pygen` (a Python library); the binary comes as its own distribution. */
export const PYPI_NAME = "cognite-pygen-cli";
/** On npm: the package users install, and the scope of the per-platform packages that carry the binary. */
export const NPM_NAME = "@cognite/pygen";
export const npmPlatformName = (target: string): string => `${NPM_NAME}-${target}`;

import packageJson from "../package.json" with { type: "json" };

/** pygen's own version, from package.json (inlined at build time). */
export const PYGEN_VERSION: string = packageJson.version;

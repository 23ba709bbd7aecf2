/**
 * How pygen's Eta compiles templates, shared by the runtime (src/emit/templates.ts) and the build-time
 * precompilation (src/emit/embed-macro.ts), which must produce the very functions the runtime would.
 * No implicit trimming: a value at the end of a line keeps its newline, as generated code needs. Control tags
 * that should not leave a line behind end in `-%>`.
 */
export const ETA_OPTIONS = { autoEscape: false, autoTrim: false, cache: true } as const;

// Text imports (`with { type: "text" }`) of the files Bun inlines at build time.
declare module "*.yaml" {
  const text: string;
  export default text;
}

// JSON.rawJSON (TC39 "JSON.parse source text access"), which Bun implements and the TS lib does not yet type.
interface JSON {
  rawJSON(text: string): unknown;
}

/**
 * A small, strict parser for the part of GraphQL's query language that data model queries use: operations
 * (named or the `{ ... }` shorthand) with variable definitions, fields with aliases and arguments, nested
 * selection sets, inline fragments and named fragments. Directives, block strings and type-system definitions
 * are rejected with a located error rather than half-supported.
 */

export interface Location {
  line: number;
  column: number;
}

/** A GraphQL error as the response carries it: a message and, when it points into the query, where. */
export class GraphQLError extends Error {
  constructor(
    message: string,
    readonly locations?: Location[],
  ) {
    super(message);
  }

  toJSON(): { message: string; locations?: Location[] } {
    return this.locations ? { message: this.message, locations: this.locations } : { message: this.message };
  }
}

export type Value =
  | { kind: "variable"; name: string; location: Location }
  | { kind: "int" | "float"; value: number }
  | { kind: "string" | "enum"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" }
  | { kind: "list"; values: Value[] }
  | { kind: "object"; fields: [string, Value][] };

export interface Field {
  kind: "field";
  alias?: string;
  name: string;
  arguments: [string, Value][];
  selections?: Selection[];
  location: Location;
}

export interface InlineFragment {
  kind: "inline";
  typeCondition?: string;
  selections: Selection[];
  location: Location;
}

export interface FragmentSpread {
  kind: "spread";
  name: string;
  location: Location;
}

export type Selection = Field | InlineFragment | FragmentSpread;

export interface VariableDefinition {
  name: string;
  /** The type as written, e.g. `[String!]!`; only its outer `!` matters to the executor. */
  type: string;
  defaultValue?: Value;
}

export interface Operation {
  operation: "query" | "mutation" | "subscription";
  name?: string;
  variables: VariableDefinition[];
  selections: Selection[];
  location: Location;
}

export interface Fragment {
  typeCondition: string;
  selections: Selection[];
}

export interface Document {
  operations: Operation[];
  fragments: Map<string, Fragment>;
}

type TokenKind = "punct" | "name" | "int" | "float" | "string" | "end";

interface Token {
  kind: TokenKind;
  text: string;
  location: Location;
}

const PUNCTUATORS = new Set(["!", "$", "(", ")", ":", "=", "@", "[", "]", "{", "}", "|", "&"]);
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;
const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): Location => ({ line, column: index - lineStart + 1 });
  while (index < source.length) {
    const char = source[index] as string;
    if (char === "\n") {
      index += 1;
      line += 1;
      lineStart = index;
    } else if (char === " " || char === "\t" || char === "\r" || char === "," || char === "\uFEFF") {
      index += 1;
    } else if (char === "#") {
      while (index < source.length && source[index] !== "\n") index += 1;
    } else if (source.startsWith("...", index)) {
      tokens.push({ kind: "punct", text: "...", location: here() });
      index += 3;
    } else if (PUNCTUATORS.has(char)) {
      tokens.push({ kind: "punct", text: char, location: here() });
      index += 1;
    } else if (NAME_START.test(char)) {
      const start = index;
      while (index < source.length && NAME_PART.test(source[index] as string)) index += 1;
      tokens.push({ kind: "name", text: source.slice(start, index), location: { line, column: start - lineStart + 1 } });
    } else if (char === "-" || (char >= "0" && char <= "9")) {
      NUMBER.lastIndex = index;
      const match = NUMBER.exec(source);
      const location = here();
      if (!match || NAME_START.test(source[index + match[0].length] ?? ""))
        throw new GraphQLError("Syntax Error: Invalid number.", [location]);
      tokens.push({ kind: match[2] || match[3] ? "float" : "int", text: match[0], location });
      index += match[0].length;
    } else if (char === '"') {
      const location = here();
      if (source.startsWith('"""', index)) throw new GraphQLError("Block strings are not supported by the emulator.", [location]);
      let text = "";
      index += 1;
      for (;;) {
        const next = source[index];
        if (next === undefined || next === "\n") throw new GraphQLError("Syntax Error: Unterminated string.", [location]);
        index += 1;
        if (next === '"') break;
        if (next !== "\\") {
          text += next;
          continue;
        }
        const escaped = source[index] ?? "";
        index += 1;
        if (escaped === "u") {
          const hex = source.slice(index, index + 4);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw new GraphQLError("Syntax Error: Invalid Unicode escape sequence.", [location]);
          text += String.fromCharCode(Number.parseInt(hex, 16));
          index += 4;
        } else if (escaped in ESCAPES) {
          text += ESCAPES[escaped];
        } else {
          throw new GraphQLError(`Syntax Error: Invalid character escape sequence: \\${escaped}.`, [location]);
        }
      }
      tokens.push({ kind: "string", text, location });
    } else {
      throw new GraphQLError(`Syntax Error: Unexpected character: ${JSON.stringify(char)}.`, [here()]);
    }
  }
  tokens.push({ kind: "end", text: "<EOF>", location: here() });
  return tokens;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  private get current(): Token {
    return this.tokens[this.position] as Token;
  }

  private unexpected(expected: string): GraphQLError {
    const token = this.current;
    const found = token.kind === "end" ? "<EOF>" : token.kind === "string" ? JSON.stringify(token.text) : `"${token.text}"`;
    return new GraphQLError(`Syntax Error: Expected ${expected}, found ${found}.`, [token.location]);
  }

  private peek(text: string): boolean {
    return this.current.kind === "punct" && this.current.text === text;
  }

  private skip(text: string): boolean {
    if (!this.peek(text)) return false;
    this.position += 1;
    return true;
  }

  private expect(text: string): Token {
    const token = this.current;
    if (!this.skip(text)) throw this.unexpected(`"${text}"`);
    return token;
  }

  private name(): string {
    const token = this.current;
    if (token.kind !== "name") throw this.unexpected("Name");
    this.position += 1;
    return token.text;
  }

  private rejectDirectives(): void {
    if (this.peek("@")) throw new GraphQLError("Directives are not supported by the emulator.", [this.current.location]);
  }

  document(): Document {
    const operations: Operation[] = [];
    const fragments = new Map<string, Fragment>();
    do {
      const token = this.current;
      if (this.peek("{")) {
        operations.push({ operation: "query", variables: [], selections: this.selectionSet(), location: token.location });
      } else if (token.kind === "name" && (token.text === "query" || token.text === "mutation" || token.text === "subscription")) {
        this.position += 1;
        const name = this.current.kind === "name" ? this.name() : undefined;
        const variables = this.peek("(") ? this.variableDefinitions() : [];
        this.rejectDirectives();
        operations.push({ operation: token.text, name, variables, selections: this.selectionSet(), location: token.location });
      } else if (token.kind === "name" && token.text === "fragment") {
        this.position += 1;
        const name = this.name();
        if (this.current.text !== "on") throw this.unexpected('"on"');
        this.position += 1;
        const typeCondition = this.name();
        this.rejectDirectives();
        if (fragments.has(name)) throw new GraphQLError(`There can be only one fragment named "${name}".`, [token.location]);
        fragments.set(name, { typeCondition, selections: this.selectionSet() });
      } else if (token.kind === "name") {
        throw new GraphQLError(`Type-system definitions ("${token.text}") are not executable.`, [token.location]);
      } else {
        throw this.unexpected("an operation or a fragment");
      }
    } while (this.current.kind !== "end");
    return { operations, fragments };
  }

  private variableDefinitions(): VariableDefinition[] {
    this.expect("(");
    const definitions: VariableDefinition[] = [];
    while (!this.skip(")")) {
      this.expect("$");
      const name = this.name();
      this.expect(":");
      const type = this.typeReference();
      const defaultValue = this.skip("=") ? this.value(true) : undefined;
      definitions.push({ name, type, defaultValue });
    }
    if (definitions.length === 0) throw this.unexpected("a variable definition");
    return definitions;
  }

  private typeReference(): string {
    let type: string;
    if (this.skip("[")) {
      type = `[${this.typeReference()}]`;
      this.expect("]");
    } else {
      type = this.name();
    }
    return this.skip("!") ? `${type}!` : type;
  }

  private selectionSet(): Selection[] {
    this.expect("{");
    const selections: Selection[] = [];
    do {
      selections.push(this.selection());
    } while (!this.skip("}"));
    return selections;
  }

  private selection(): Selection {
    const location = this.current.location;
    if (this.skip("...")) {
      if (this.current.kind === "name" && this.current.text !== "on") return { kind: "spread", name: this.name(), location };
      let typeCondition: string | undefined;
      if (this.current.kind === "name") {
        this.position += 1;
        typeCondition = this.name();
      }
      this.rejectDirectives();
      return { kind: "inline", typeCondition, selections: this.selectionSet(), location };
    }
    let name = this.name();
    let alias: string | undefined;
    if (this.skip(":")) {
      alias = name;
      name = this.name();
    }
    const args: [string, Value][] = [];
    if (this.skip("(")) {
      do {
        const argument = this.name();
        this.expect(":");
        args.push([argument, this.value(false)]);
      } while (!this.skip(")"));
    }
    this.rejectDirectives();
    const selections = this.peek("{") ? this.selectionSet() : undefined;
    return { kind: "field", alias, name, arguments: args, selections, location };
  }

  /** A value literal; `constant` (default values) forbids variables. */
  private value(constant: boolean): Value {
    const token = this.current;
    switch (token.kind) {
      case "int":
      case "float":
        this.position += 1;
        return { kind: token.kind, value: Number(token.text) };
      case "string":
        this.position += 1;
        return { kind: "string", value: token.text };
      case "name":
        this.position += 1;
        if (token.text === "true" || token.text === "false") return { kind: "boolean", value: token.text === "true" };
        if (token.text === "null") return { kind: "null" };
        return { kind: "enum", value: token.text };
      case "punct":
        if (token.text === "$" && !constant) {
          this.position += 1;
          return { kind: "variable", name: this.name(), location: token.location };
        }
        if (this.skip("[")) {
          const values: Value[] = [];
          while (!this.skip("]")) values.push(this.value(constant));
          return { kind: "list", values };
        }
        if (this.skip("{")) {
          const fields: [string, Value][] = [];
          while (!this.skip("}")) {
            const name = this.name();
            this.expect(":");
            fields.push([name, this.value(constant)]);
          }
          return { kind: "object", fields };
        }
        throw this.unexpected("a value");
      default:
        throw this.unexpected("a value");
    }
  }
}

/** The document of a query text; a GraphQLError (with its location) when it is not valid GraphQL. */
export function parseGraphQL(source: string): Document {
  return new Parser(tokenize(source)).document();
}

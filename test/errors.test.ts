import { describe, expect, test } from "bun:test";
import { runCli } from "../src/cli.ts";
import {
  APIError,
  AuthenticationError,
  ClientError,
  EXIT_CODES,
  exitCodeOf,
  GenerationError,
  ParseError,
  PygenError,
  RateLimitError,
  ResourceNotFoundError,
  TemplateError,
  UsageError,
  ValidationError,
} from "../src/errors.ts";
import { rejected } from "./support/failures.ts";

describe("error families", () => {
  const cases: [PygenError, number, typeof PygenError][] = [
    [new UsageError("unknown option --x"), EXIT_CODES.usage, PygenError],
    [new ClientError("network unreachable"), EXIT_CODES.client, PygenError],
    [new AuthenticationError("token expired"), EXIT_CODES.authentication, ClientError],
    [new APIError("bad request", { status: 400, response: { error: { code: 400, message: "x" } } }), EXIT_CODES.client, ClientError],
    [new ResourceNotFoundError("view sp:Pump/1 not found", { status: 404 }), EXIT_CODES.client, APIError],
    [new RateLimitError("too many requests", { status: 429, retryAfter: 2 }), EXIT_CODES.client, APIError],
    [new GenerationError("cannot write output"), EXIT_CODES.generation, PygenError],
    [new ParseError("invalid YAML", { location: "m.yaml:3:1" }), EXIT_CODES.parse, GenerationError],
    [new ValidationError("model has 2 errors"), EXIT_CODES.validation, GenerationError],
    [new TemplateError("template not found: x.eta"), EXIT_CODES.template, GenerationError],
  ];

  for (const [error, code, parent] of cases) {
    test(`${error.name} exits with ${code} and is a ${parent.name}`, () => {
      expect(error).toBeInstanceOf(parent);
      expect(error.name).toBe(error.constructor.name);
      expect(exitCodeOf(error)).toBe(code);
    });
  }

  test("every family has its own exit code, and none is 0", () => {
    const codes = Object.values(EXIT_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).not.toContain(0);
  });

  test("API errors keep status, response and request id", () => {
    const error = new APIError("conflict", {
      status: 409,
      response: { error: { code: 409, message: "Ingestion conflict" } },
      requestId: "r-1",
    });
    expect(error).toMatchObject({ status: 409, requestId: "r-1", response: { error: { message: "Ingestion conflict" } } });
    expect(error.details).toEqual(["request id: r-1"]);
    expect(new RateLimitError("slow down", { status: 429, retryAfter: 3 }).retryAfter).toBe(3);
  });

  test("parse errors put their location first", () => {
    expect(new ParseError("invalid YAML", { location: "m.yaml:3:1" }).message).toBe("m.yaml:3:1: invalid YAML");
  });

  test("anything that is not a PygenError is an internal error", () => {
    expect(exitCodeOf(new TypeError("x is undefined"))).toBe(EXIT_CODES.internal);
    expect(exitCodeOf("thrown string")).toBe(EXIT_CODES.internal);
  });
});

describe("the command line reports families", () => {
  const io = { stdout: () => {}, stderr: () => {} };
  const failure = (argv: string[]) => rejected(runCli(argv, io));

  test("usage mistakes are UsageErrors with the command's help hint", async () => {
    const unknownOption = await failure(["inspect", "--bogus"]);
    expect(unknownOption).toBeInstanceOf(UsageError);
    expect(unknownOption.message).toBe('Unknown option `--bogus`; run "pygen inspect --help" for the options');
    expect((await failure(["inspect", "--model-file"])).message).toContain("value is missing");
    expect((await failure(["frobnicate"])).message).toBe('unknown command "frobnicate"; run "pygen --help" to see the commands');
  });

  test("an unreadable model is a ParseError", async () => {
    expect(await failure(["inspect", "--model-file", "/nonexistent/model.yaml"])).toBeInstanceOf(ParseError);
  });
});

import { describe, expect, test } from "bun:test";
import { ImportSet } from "../../../src/generators/python/imports.ts";
import { docstring, methodDocstring, PythonWriter, pythonString } from "../../../src/generators/python/layout.ts";

const layout = { lineLength: 40, indent: "    " };

describe("PythonWriter", () => {
  test("brackets: flat when it fits, else one item per line with a trailing comma, or hugged on request", () => {
    expect(new PythonWriter(layout).bracketed("f(", ["a", "b"], ")").toString()).toBe("f(a, b)\n");
    const items = ["first_argument", "second_argument", "third"];
    expect(new PythonWriter(layout).bracketed("call(", items, ")").toString()).toBe(
      "call(\n    first_argument,\n    second_argument,\n    third,\n)\n",
    );
    expect(
      new PythonWriter(layout).bracketed("X = Literal[", ['"alpha"', '"beta"', '"gamma"', '"delta"'], "]", { hug: true }).toString(),
    ).toBe('X = Literal[\n    "alpha", "beta", "gamma", "delta"\n]\n');
  });

  test("an assigned call splits its brackets, or goes in parentheses of its own when its head is too long", () => {
    expect(new PythonWriter(layout).assignBracketed("self.x", "Api(", ["a", "b"], ")").toString()).toBe("self.x = Api(a, b)\n");
    expect(new PythonWriter(layout).assignBracketed("self.some_long_attribute_name", "Api(", ["a", "b"], ")").toString()).toBe(
      "self.some_long_attribute_name = Api(\n    a,\n    b,\n)\n",
    );
    const items = ["instances", "Read", '"field"'];
    expect(new PythonWriter(layout).assignBracketed("self.some_long_attribute_name", "SomeApiClass(", items, ")").toString()).toBe(
      'self.some_long_attribute_name = (\n    SomeApiClass(\n        instances,\n        Read,\n        "field",\n    )\n)\n',
    );
  });

  test("a too-long item and a too-long annotation split at their union, as ruff does", () => {
    const parameter = "properties: SomeTextField | Sequence[SomeTextField] | None = None";
    expect(new PythonWriter(layout).bracketed("def f(", ["self", parameter], "):").toString()).toBe(
      "def f(\n    self,\n    properties: SomeTextField\n    | Sequence[SomeTextField]\n    | None = None,\n):\n",
    );
    expect(new PythonWriter(layout).annotation("status", "SomeLongStatusAlias | Sequence[SomeLongStatusAlias] | None").toString()).toBe(
      "status: (\n    SomeLongStatusAlias\n    | Sequence[SomeLongStatusAlias]\n    | None\n)\n",
    );
  });

  test("a union member still too long in the parentheses opens its own brackets", () => {
    const type = "list[SomeWrite | DirectRelation | Pair] | None";
    expect(new PythonWriter(layout).annotation("items", type, " = None").toString()).toBe(
      "items: (\n    list[\n        SomeWrite\n        | DirectRelation\n        | Pair\n    ]\n    | None\n) = None\n",
    );
  });

  test("a too-long call among the items opens its own brackets, its arguments hugged when they fit", () => {
    const items = ['"direct"', 'view=ViewId("sp", "SomeLongerViewName", "1")'];
    expect(new PythonWriter(layout).bracketed("Connection(", items, ")").toString()).toBe(
      'Connection(\n    "direct",\n    view=ViewId(\n        "sp", "SomeLongerViewName", "1"\n    ),\n)\n',
    );
  });

  test("an annotation's type that fits one indent deeper stays on one line there, in a class body too", () => {
    // 4 (body) + 4 (inside the parentheses) + 32 = 40: exactly the line length, where ruff keeps it whole.
    const type = "LongTargetsWrite | PairOf | None";
    const code = new PythonWriter(layout).line("class A:").indented((body) => body.annotation("connection", type, " = None"));
    expect(code.toString()).toBe(`class A:\n    connection: (\n        ${type}\n    ) = None\n`);
  });
});

describe("Python literals and docstrings", () => {
  test("strings take the quotes that need fewer escapes, and escape what must be", () => {
    expect(pythonString("plain")).toBe('"plain"');
    expect(pythonString('say "hi"')).toBe("'say \"hi\"'");
    expect(pythonString("it's \"x\" and 'y'")).toBe('"it\'s \\"x\\" and \'y\'"');
    expect(pythonString("a\\b\nc\u0001")).toBe('"a\\\\b\\nc\\x01"');
  });

  test("method docstrings: a wrapped summary, Args hanging under their names, hostile text escaped, a doctest call", () => {
    const doc = {
      summary: "Say what it does.",
      args: [{ name: "name", text: 'Ends """ early \\ and wraps at forty columns' }],
      example: { head: "client.view.list(", items: ["min_x=1.0", "limit=10"], tail: ")" },
    };
    expect(methodDocstring(doc, 4, { lineLength: 40, indent: "  " })).toEqual([
      '"""Say what it does.',
      "",
      "Args:",
      '  name: Ends \\"\\"\\" early \\\\ and',
      "    wraps at forty columns",
      "",
      "Example:",
      "  >>> client.view.list(",
      "  ...   min_x=1.0,",
      "  ...   limit=10,",
      "  ... )",
      '"""',
    ]);
  });

  test("docstrings collapse whitespace, escape quotes and wrap at words", () => {
    expect(docstring('A "quoted"\n  text', 4, 80)).toEqual(['"""A \\"quoted\\" text"""']);
    expect(docstring("one two three four five six seven", 4, 20)).toEqual(['"""one two three', "four five six", "seven", '"""']);
    expect(docstring("   ", 0, 80)).toEqual([]);
    // Words that fit one line but for the closing quotes keep them on it, as ruff format does.
    expect(docstring("one two three", 4, 20)).toEqual(['"""one two three"""']);
  });
});

describe("ImportSet", () => {
  test("sections in isort order, modules furthest-relative first, names constants-classes-functions", () => {
    const imports = new ImportSet()
      .add("local", "._api", "PumpAPI")
      .add("local", ".._runtime", "cdf_name", "ViewId", "DEFAULT_LIMIT", "Viewa")
      .add("thirdParty", "typing_extensions", "Unpack")
      .addModule("thirdParty", "httpx")
      .add("stdlib", "typing", "Literal", "Annotated");
    expect(imports.render({ lineLength: 120, indent: "    " })).toEqual([
      "from typing import Annotated, Literal",
      "",
      "import httpx",
      "from typing_extensions import Unpack",
      "",
      "from .._runtime import DEFAULT_LIMIT, Viewa, ViewId, cdf_name",
      "from ._api import PumpAPI",
    ]);
  });

  test("an import that does not fit is exploded one name per line", () => {
    const rendered = new ImportSet().add("local", ".._runtime", "AlphaBeta", "GammaDelta", "EpsilonZeta").render(layout);
    expect(rendered).toEqual(["from .._runtime import (", "    AlphaBeta,", "    EpsilonZeta,", "    GammaDelta,", ")"]);
  });

  test("numbers in module and class names sort by value, as ruff's isort sorts them", () => {
    const imports = new ImportSet()
      .add("local", ".pump10", "Pump10API")
      .add("local", ".pump2", "Pump2API")
      .add("local", ".pump1a", "Pump1aAPI")
      .add("local", ".data_classes", "Pump10", "Pump2List", "Pump2", "Pump1a", "Pump007");
    expect(imports.render({ lineLength: 120, indent: "    " })).toEqual([
      "from .data_classes import Pump007, Pump1a, Pump2, Pump2List, Pump10",
      "from .pump1a import Pump1aAPI",
      "from .pump2 import Pump2API",
      "from .pump10 import Pump10API",
    ]);
  });
});

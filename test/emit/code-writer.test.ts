import { describe, expect, test } from "bun:test";
import { CodeWriter } from "../../src/emit/code-writer.ts";

describe("CodeWriter", () => {
  test("indents blocks and leaves blank lines empty", () => {
    const code = new CodeWriter({ lineLength: 40, indent: "    " })
      .line("class A:")
      .indented((body) => body.line("x: int").line().line("y: int"))
      .toString();
    expect(code).toBe("class A:\n    x: int\n\n    y: int\n");
  });

  test("a block keeps its own relative indentation under the current one; nothing written is the empty string", () => {
    const writer = new CodeWriter({ lineLength: 40, indent: "  " });
    expect(writer.toString()).toBe("");
    writer
      .line("{")
      .indented((inside) => inside.block(["a(", "  b", ")"]))
      .line("}");
    expect(writer.toString()).toBe("{\n  a(\n    b\n  )\n}\n");
  });
});

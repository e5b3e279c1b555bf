/**
 * Editor support, proven with a real YAML language server: yaml-language-server, the server behind
 * VS Code's YAML extension and the one Neovim, Helix, Zed and JetBrains users run. Every kind of
 * pack file validates, completes and explains its keys on hover through the
 * `# yaml-language-server: $schema=…` modeline on its first line, or, for a file without one,
 * through the globs in .vscode/settings.json. Documents are opened from memory under file:// URIs
 * beside the bundled files, so nothing is written to disk and the modelines' relative paths
 * resolve as they do in an editor. One server serves the whole file.
 */
import { readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import components from "../../schemas/components.schema.json" with { type: "json" };
import evidence from "../../schemas/evidence.schema.json" with { type: "json" };
import rules from "../../schemas/rules.schema.json" with { type: "json" };
import scenarios from "../../schemas/scenarios.schema.json" with { type: "json" };
import type { RuleFileText } from "../../src/core/load/types.js";
import { fileKindOf, fileKinds } from "../../src/core/load/pack-layout.js";
import { readRuleFiles } from "../../src/node/rule-files.js";
import { ROOT } from "../cli/run-main.js";
import { LanguageClient, type Diagnostic, type Position } from "./lsp-client.js";

const SERVER = join(ROOT, "node_modules/yaml-language-server/bin/yaml-language-server");
const RULES = join(ROOT, "rules");
/** Long enough for the slowest bundled file on a busy machine (hundreds of aliases make the server slow). */
const TIMEOUT_MS = 30_000;

/** .vscode/settings.json's `yaml.*` keys as the `yaml` section the server asks for. */
function vscodeYamlSettings(): Record<string, unknown> {
  const flat = JSON.parse(readFileSync(join(ROOT, ".vscode/settings.json"), "utf8")) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(flat).flatMap(([key, value]) => (key.startsWith("yaml.") ? [[key.slice(5), value]] : [])),
  );
}

/**
 * The server's HTTP proxy: it refuses every request and records it. The schemas' `$id`s name
 * https://backplan.dev, which does not serve them; the server must resolve their cross-file `$ref`s
 * to the files beside each schema and never reach for the network.
 */
const requested: string[] = [];
const proxy = createServer((socket) => {
  socket.once("data", (data: Buffer) => {
    requested.push(data.toString("latin1").split("\r\n")[0] ?? "");
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
});

let server: LanguageClient;
let pack: readonly RuleFileText[];

beforeAll(async () => {
  pack = await readRuleFiles(RULES);
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  // The workspace's own settings, with the schema store (a catalogue on the web) off.
  server = new LanguageClient(
    SERVER,
    {
      yaml: { ...vscodeYamlSettings(), schemaStore: { enable: false } },
      http: { proxy: `http://127.0.0.1:${String(port)}`, proxyStrictSSL: false },
    },
    TIMEOUT_MS,
  );
  const root = pathToFileURL(ROOT).href;
  await server.request("initialize", {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: "backplan" }],
    capabilities: { workspace: { configuration: true } },
  });
  // Asking for schema selection makes the server say when it has applied the settings, so no
  // document is validated before the .vscode globs are in place.
  const configured = server.nextNotification("yaml/schema/store/initialized");
  server.notify("yaml/supportSchemaSelection", null);
  server.notify("initialized", {});
  await configured;
}, 2 * TIMEOUT_MS);

afterAll(async () => {
  await server.stop();
  proxy.close();
});

/** The text of the bundled file at `path` (relative to rules/). */
function bundled(path: string): string {
  const file = pack.find((f) => f.path === path);
  if (file === undefined) throw new Error(`rules/${path} is not in the bundled pack`);
  return file.text;
}

/** A file:// URI for `path` relative to rules/ (the file need not exist). */
const uriOf = (path: string): string => pathToFileURL(join(RULES, path)).href;

/** The zero-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" does not occur in the text`);
  return text.slice(0, at).split("\n").length - 1;
}

/** Where the cursor stands `offset` characters into the first `needle` of `text`. */
function positionOf(text: string, needle: string, offset: number): Position {
  const line = lineOf(text, needle);
  const lineText = text.split("\n")[line] ?? "";
  return { line, character: lineText.indexOf(needle) + offset };
}

/** Right after `needle`, where an editor asks for completion. */
const after = (text: string, needle: string): Position => positionOf(text, needle, needle.length);

/** Diagnostics as an author reads them in the editor's problem list: `line: message`. */
const listed = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);

/** The server's message for a value outside an enum. */
const notAccepted = (values: readonly string[]): string =>
  `Value is not accepted. Valid values: ${values.map((v) => JSON.stringify(v)).join(", ")}.`;

const OPERATORS = rules.$defs.factCondition.properties.operator.enum;
const CATEGORIES = components.$defs.category.enum;
const MODELINE = /^# yaml-language-server: \$schema=(\S+)$/;

describe("the bundled pack", () => {
  it("every YAML file in rules/ names the schema of its kind, relative to itself, on line 1", () => {
    const wrong = pack.flatMap((file) => {
      const kind = fileKindOf(file.path);
      if (kind === undefined) return [];
      const schema = join(ROOT, "schemas", fileKinds[kind].schema);
      const expected = relative(dirname(join(RULES, file.path)), schema);
      const found = MODELINE.exec(file.text.split("\n")[0] ?? "")?.[1];
      return found === expected
        ? []
        : [`rules/${file.path}: expected $schema=${expected}, found ${found ?? "no modeline"}`];
    });
    expect(pack.length).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
  });

  // Alone, before the concurrent cases below: the large scenario files keep the server busy.
  it("every bundled file validates clean by its modeline", async () => {
    const results = await Promise.all(
      pack.map(async (f) => [f.path, listed(await server.open(uriOf(f.path), f.text))] as const),
    );
    expect(Object.fromEntries(results.filter(([, found]) => found.length > 0))).toEqual({});
  });
});

/**
 * The two ways a file gets its schema: its own modeline (every bundled file), or, for a file
 * without one, the globs of .vscode/settings.json. Each places a bundled file's text where an
 * editor would see it: in rules/ as it is, or with line 1 removed in another folder's rules/, under
 * its own name (the globs go by name). `variant` keeps each case's document apart.
 */
const placements = {
  "by its modeline": (path: string, text: string, variant: string) => ({
    uri: uriOf(path.replace(/\.yaml$/, `.${variant}.yaml`)),
    text,
  }),
  "by the .vscode/settings.json globs": (path: string, text: string, variant: string) => ({
    uri: pathToFileURL(join(ROOT, "tests/editor/no-modeline", variant, "rules", path)).href,
    text: text.slice(text.indexOf("\n") + 1),
  }),
} as const;

describe.concurrent("validation", () => {
  it("a file of each kind validates clean by the .vscode/settings.json globs, each against its own schema", async () => {
    const place = placements["by the .vscode/settings.json globs"];
    const kinds = ["pack.yaml", "components.yaml", "evidence.yaml", "safety.yaml", "tests/profiles.yaml"];
    const results = await Promise.all(
      kinds.map(async (path) => {
        const { uri, text } = place(path, bundled(path), "clean");
        expect(text.startsWith("# yaml-language-server:")).toBe(false);
        return [path, listed(await server.open(uri, text))] as const;
      }),
    );
    expect(Object.fromEntries(results.filter(([, found]) => found.length > 0))).toEqual({});
  });

  /** A bundled file with one edit, the line it is on, and what the author must see there. */
  interface Broken {
    readonly file: string;
    readonly from: string;
    readonly to: string;
    readonly message: string;
    /** Diagnostics expected elsewhere: at the line of `at`. */
    readonly also?: { readonly at: string; readonly message: string };
  }
  const cases: Record<string, Broken> = {
    "a misspelt rule key": {
      file: "safety.yaml",
      from: "priority: 1000",
      to: "prority: 1000",
      message: "Property prority is not allowed.",
      also: { at: "- id: emergency-cauda-equina", message: 'Missing property "priority".' },
    },
    "an unknown operator": {
      file: "safety.yaml",
      from: "operator: equal,",
      to: "operator: equals,",
      message: notAccepted(OPERATORS),
    },
    "a status that is not draft, active or retired": {
      file: "safety.yaml",
      from: "status: active",
      to: "status: pending",
      message: notAccepted(rules.$defs.rule.properties.status.enum),
    },
    "a misspelt details key in a rule (the components schema, through a cross-file $ref)": {
      file: "follow-up.yaml",
      from: "frequency: Within",
      to: "freqency: Within",
      message: "Property freqency is not allowed.",
    },
    "an unknown category in a withholding (the components schema, through a cross-file $ref)": {
      file: "safety.yaml",
      from: "category: physiotherapy",
      to: "category: physio",
      message: notAccepted(CATEGORIES),
    },
    "an unknown category in the component catalog": {
      file: "components.yaml",
      from: "category: referral",
      to: "category: referrals",
      message: notAccepted(CATEGORIES),
    },
    "an unknown certainty in the evidence catalog": {
      file: "evidence.yaml",
      from: "certainty: guideline",
      to: "certainty: strong",
      message: notAccepted(evidence.$defs.source.properties.certainty.enum),
    },
    "a pack version that is not a semantic version": {
      file: "pack.yaml",
      from: "version: 1.0.0",
      to: "version: one",
      message: 'String does not match the pattern of "^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$".',
    },
    "a misspelt expectation in a scenario": {
      file: "tests/profiles.yaml",
      from: "include: [",
      to: "inlcude: [",
      message: "Property inlcude is not allowed.",
    },
    "an unknown plan status in a scenario": {
      file: "tests/profiles.yaml",
      from: "status: complete",
      to: "status: done",
      message: notAccepted(scenarios.properties.scenarios.items.properties.expect.properties.status.enum),
    },
  };

  const each = Object.entries(placements).flatMap(([how, place]) =>
    Object.entries(cases).map(([what, broken], index) => ({ what, how, place, broken, index })),
  );

  it.each(each)("flags $what at its line, $how", async ({ how, place, broken, index }) => {
    const original = bundled(broken.file);
    expect(original, `"${broken.from}" must occur in rules/${broken.file}`).toContain(broken.from);
    const { uri, text } = place(broken.file, original.replace(broken.from, broken.to), `broken-${String(index)}`);
    const expected = [`${lineOf(text, broken.to) + 1}: ${broken.message}`];
    if (broken.also !== undefined) expected.push(`${lineOf(text, broken.also.at) + 1}: ${broken.also.message}`);
    expect(listed(await server.open(uri, text)).sort(), how).toEqual(expected.sort());
  });
});

describe.concurrent("completion", () => {
  const modeline = (path: string): string => bundled(path).split("\n")[0] ?? "";
  const labels = async (path: string, text: string, at: Position): Promise<string[]> => {
    await server.open(uriOf(path), text);
    return (await server.completion(uriOf(path), at)).map((item) => item.label);
  };

  it("offers a rule's missing keys at a key position", async () => {
    const text = `${modeline("safety.yaml")}\nrules:\n  - id: example\n    title: Example\n    \n`;
    const offered = await labels("completion-keys.yaml", text, { line: 4, character: 4 });
    const missing = Object.keys(rules.$defs.rule.properties).filter((k) => k !== "id" && k !== "title");
    expect(offered).toEqual(expect.arrayContaining(["priority", "when", "then", "evidence", "status", "reviewDue"]));
    expect(offered).toEqual(expect.arrayContaining(missing));
    expect(offered).not.toContain("title");
  });

  it("offers the operators at an operator's value", async () => {
    const text = `${modeline("safety.yaml")}\nrules:\n  - id: example\n    when:\n      fact: phq9.total\n      operator: \n`;
    expect(await labels("completion-operator.yaml", text, after(text, "operator: "))).toEqual(OPERATORS);
  });

  it("offers the statuses at a rule's status", async () => {
    const text = `${modeline("safety.yaml")}\nrules:\n  - id: example\n    status: \n`;
    expect(await labels("completion-status.yaml", text, after(text, "status: "))).toEqual(
      rules.$defs.rule.properties.status.enum,
    );
  });

  it("offers the categories of components.schema.json in a rule's withholding", async () => {
    const text = `${modeline("safety.yaml")}\nrules:\n  - id: example\n    then:\n      withhold:\n        - category: \n`;
    expect(await labels("completion-category.yaml", text, after(text, "category: "))).toEqual(CATEGORIES);
  });

  it("offers the expectations in a scenario's expect", async () => {
    const text = `${modeline("tests/profiles.yaml")}\nscenarios:\n  - name: example\n    expect:\n      \n`;
    const offered = await labels("tests/completion-expect.yaml", text, { line: 4, character: 6 });
    expect(offered).toEqual(
      expect.arrayContaining(Object.keys(scenarios.properties.scenarios.items.properties.expect.properties)),
    );
  });
});

describe.concurrent("hover", () => {
  /** The hover text on the first `needle` of the bundled file `path`, opened under a name of its own. */
  const hoverOn = async (path: string, needle: string): Promise<string> => {
    const text = bundled(path);
    const uri = uriOf(path.replace(/\.yaml$/, `.hover-${needle.replace(/\W/g, "")}.yaml`));
    await server.open(uri, text);
    return server.hover(uri, positionOf(text, needle, 1));
  };

  it("shows a rule key's description from the schema", async () => {
    expect(await hoverOn("safety.yaml", "priority:")).toContain(rules.$defs.rule.properties.priority.description);
  });

  it("shows an operator's description", async () => {
    expect(await hoverOn("safety.yaml", "operator:")).toContain(
      rules.$defs.factCondition.properties.operator.description,
    );
  });

  it("shows a details key's description from components.schema.json in a rule (a cross-file $ref)", async () => {
    expect(await hoverOn("follow-up.yaml", "frequency:")).toContain(
      components.$defs.details.properties.frequency.description,
    );
  });

  it("shows the description of an evidence source's key", async () => {
    expect(await hoverOn("evidence.yaml", "certainty:")).toContain(
      evidence.$defs.source.properties.certainty.description,
    );
  });
});

describe("the network", () => {
  // Last, after every document above was validated, completed and hovered.
  it("was never used: the $refs between the schemas resolve to the files, not to their https $ids", () => {
    expect(requested).toEqual([]);
  });
});

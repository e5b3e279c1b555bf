import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { packJsonText } from "../../core/index.js";
import { defineCommand } from "../command.js";
import { loadRules } from "../load-rules.js";
import { ruleFolder } from "../rule-folder.js";
import { portOf, stopSignal } from "../server-options.js";
import { UsageError } from "../usage-error.js";

/** The package's own folder: this file is `src/cli/commands/plugin.ts` or `dist/cli/commands/plugin.js`. */
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PLUGIN_DIR = join(ROOT, "examples/ehr-plugin");
const DEFAULT_BUNDLE = join(ROOT, "dist/browser/backplan.js");
const DEFAULT_EXAMPLE = join(ROOT, "examples/fhir/patient-bundle.json");
const DEFAULT_PORT = 8081;

/**
 * The policy every response carries: the page's scripts, styles and JSON from this origin only,
 * no inline script, no eval; no `<base>` and no form posts anywhere.
 */
export const PLUGIN_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'";

/** The page's own files, served as they are in examples/ehr-plugin. */
export const PLUGIN_PAGE_FILES = ["index.html", "plugin.js", "bundle-view.js", "file-notice.js", "style.css"] as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** One file of the site: its bytes and content type. */
export interface PluginFile {
  readonly type: string;
  readonly body: string;
}

/** What the page needs besides its own files: the browser bundle, the pack and the example input. */
export interface PluginInputs {
  /** The browser bundle's code (`npm run bundle:browser` writes dist/browser/backplan.js). */
  readonly bundle: string;
  /** pack.json's text, as `backplan bundle` writes it. */
  readonly pack: string;
  /** What the page's input starts with: a FHIR Bundle or an assessment, as JSON text. */
  readonly example: string;
}

/** The site by URL path: the page's files from examples/ehr-plugin and `inputs`. */
export async function pluginSite(inputs: PluginInputs): Promise<ReadonlyMap<string, PluginFile>> {
  const typed = (name: string, body: string): [string, PluginFile] => [
    `/${name}`,
    { type: CONTENT_TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream", body },
  ];
  const page = await Promise.all(
    PLUGIN_PAGE_FILES.map(async (name) => typed(name, await readFile(join(PLUGIN_DIR, name), "utf8"))),
  );
  return new Map([
    ...page,
    typed("backplan.js", inputs.bundle),
    typed("pack.json", inputs.pack),
    typed("example.json", inputs.example),
  ]);
}

/** A listening plugin server: where, and how to stop it. */
export interface PluginServer {
  /** `http://127.0.0.1:8081`, with the port actually bound (for port 0). */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `site` on `host:port` (0 picks a free port): GET and HEAD only, every response (404 and
 * 405 too) under {@link PLUGIN_CSP}, never cached, never sniffed. `/` is `/index.html`.
 */
export function startPluginServer(
  site: ReadonlyMap<string, PluginFile>,
  host: string,
  port: number,
): Promise<PluginServer> {
  const server = createServer((request, response) => {
    const headers = {
      "content-security-policy": PLUGIN_CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-store",
    };
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...headers, allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      response.end("method not allowed\n");
      return;
    }
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = site.get(path === "/" ? "/index.html" : path);
    if (file === undefined) {
      response.writeHead(404, { ...headers, "content-type": "text/plain; charset=utf-8" });
      response.end("not found\n");
      return;
    }
    response.writeHead(200, { ...headers, "content-type": file.type });
    response.end(request.method === "HEAD" ? undefined : file.body);
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
      done({
        origin: `http://${shown}:${String(address.port)}`,
        close: () =>
          new Promise<void>((closed) => {
            server.close(() => {
              closed();
            });
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** A file's text, or a one-line reason it cannot be read. */
async function readText(path: string): Promise<{ text: string } | { problem: string }> {
  try {
    return { text: await readFile(path, "utf8") };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** `backplan plugin`: the EHR plugin example, served with its Content-Security-Policy header. */
export const plugin = defineCommand({
  name: "plugin",
  summary: "serve the EHR plugin example page under its Content-Security-Policy",
  usage: "backplan plugin [--port N] [--host H] [--rules DIR] [--example FILE] [--bundle FILE]",
  description:
    "Serves examples/ehr-plugin (the page, its script and style), the browser bundle, the rule pack as " +
    "pack.json (compiled from DIR, checked as lint does) and the example input, every response with the header " +
    `"Content-Security-Policy: ${PLUGIN_CSP}". Open the URL it prints. ` +
    "It listens on 127.0.0.1 by default: the page sends nothing anywhere, but the example input may be a " +
    "patient's record. The browser bundle is dist/browser/backplan.js, which `npm run bundle:browser` writes. " +
    "Runs until Ctrl-C.",
  options: {
    port: { type: "string", value: "N", description: `port (default ${String(DEFAULT_PORT)}; 0 picks a free one)` },
    host: { type: "string", value: "H", description: "address to listen on (default 127.0.0.1)" },
    rules: { type: "string", value: "DIR", description: "rule folder (default: the bundled rules/ pack)" },
    example: {
      type: "string",
      value: "FILE",
      description: "what the page's input starts with (default examples/fhir/patient-bundle.json)",
    },
    bundle: { type: "string", value: "FILE", description: "the browser bundle (default dist/browser/backplan.js)" },
  },
  exitCodes: [
    [0, "stopped by SIGINT or SIGTERM"],
    [2, "invalid rules, a file that cannot be read, a port in use or a bad command line"],
  ],
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw new UsageError(`takes no arguments; found ${positionals.join(" ")}`);
    const host = values.host ?? "127.0.0.1";
    const port = portOf(values.port, DEFAULT_PORT);
    const bundleFile = values.bundle === undefined ? DEFAULT_BUNDLE : resolve(io.cwd, values.bundle);
    const exampleFile = values.example === undefined ? DEFAULT_EXAMPLE : resolve(io.cwd, values.example);
    const bundle = await readText(bundleFile);
    if ("problem" in bundle) {
      const how = values.bundle === undefined ? ': run "npm run bundle:browser" first, or give --bundle FILE' : "";
      io.stderr(`backplan plugin: no browser bundle at "${bundleFile}"${how} (${bundle.problem})\n`);
      return 2;
    }
    const example = await readText(exampleFile);
    if ("problem" in example) {
      io.stderr(`backplan plugin: cannot read --example "${exampleFile}": ${example.problem}\n`);
      return 2;
    }
    try {
      JSON.parse(example.text);
    } catch (error) {
      io.stderr(`backplan plugin: --example "${exampleFile}" is not JSON: ${(error as Error).message}\n`);
      return 2;
    }
    const folder = ruleFolder(values.rules, io.cwd);
    const ruleset = await loadRules(folder, { includeDrafts: false }, io);
    if (ruleset === undefined) return 2;
    const site = await pluginSite({
      bundle: bundle.text,
      pack: packJsonText(ruleset),
      example: example.text,
    });
    let server: PluginServer;
    try {
      server = await startPluginServer(site, host, port);
    } catch (error) {
      io.stderr(`backplan plugin: cannot listen on ${host}:${String(port)}: ${(error as Error).message}\n`);
      return 2;
    }
    io.stdout(
      `backplan plugin: serving the EHR plugin example at ${server.origin}/ ` +
        `(${ruleset.name} ${ruleset.version}, example ${exampleFile}); Ctrl-C stops it\n`,
    );
    const signal = await stopSignal();
    await server.close();
    io.stderr(`backplan plugin: stopped (${signal})\n`);
    return 0;
  },
});

/**
 * A minimal Language Server Protocol client for tests: runs a server as a child process and speaks
 * JSON-RPC 2.0 over its stdio with `Content-Length` framing. It answers the requests a server sends
 * back (`workspace/configuration` from the settings it was given; anything else with null), hands
 * each opened document its first published diagnostics, and fails every wait with a message that
 * names what it waited for and the server's stderr, so a hung or crashed server is a clear failure.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/** Zero-based, as in LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Diagnostic {
  readonly range: { readonly start: Position; readonly end: Position };
  readonly message: string;
  readonly severity?: number;
}

export interface CompletionItem {
  readonly label: string;
}

export interface Hover {
  readonly contents: string | { readonly kind: string; readonly value: string };
}

/** Workspace settings by section, as `workspace/configuration` asks for them: `{ yaml: { … } }`. */
export type Settings = Readonly<Record<string, unknown>>;

interface Message {
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly message: string };
}

type Settle = (value: unknown) => void;

interface Waiter {
  readonly resolve: Settle;
  readonly reject: (error: Error) => void;
}

const HEADER_END = "\r\n\r\n";

/** A running language server and the conversation with it. */
export class LanguageClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly responses = new Map<number, Waiter>();
  /** Who waits for the next notification, by method (diagnostics: by document URI). */
  private readonly notifications = new Map<string, Waiter>();
  private stderr = "";
  private exited: string | undefined;

  /** Runs `node serverScript --stdio`; `timeoutMs` bounds every wait for the server. */
  constructor(
    serverScript: string,
    private readonly settings: Settings,
    private readonly timeoutMs: number,
  ) {
    this.child = spawn(process.execPath, [serverScript, "--stdio"], { stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.child.on("exit", (code, signal) => {
      this.exited = `the language server exited (code ${String(code)}, signal ${String(signal)}); stderr: ${this.stderr || "(empty)"}`;
      for (const waiters of [this.responses, this.notifications]) {
        for (const { reject } of waiters.values()) reject(new Error(this.exited));
        waiters.clear();
      }
    });
  }

  /** Sends a request and resolves with its result; rejects on an error response or after the timeout. */
  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return this.within(
      `a response to ${method}`,
      (resolve, reject) => {
        this.responses.set(id, { resolve, reject });
        this.send({ jsonrpc: "2.0", id, method, params });
      },
      () => this.responses.delete(id),
    );
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** Resolves with the params of the next notification `method` the server sends. */
  nextNotification(method: string): Promise<unknown> {
    return this.within(
      `a ${method} notification`,
      (resolve, reject) => this.notifications.set(method, { resolve, reject }),
      () => this.notifications.delete(method),
    );
  }

  /**
   * Opens `text` as the document `uri` (nothing is written to disk) and resolves with its first
   * diagnostics. Diagnostics carry no version, so each document needs a URI of its own.
   */
  async open(uri: string, text: string): Promise<readonly Diagnostic[]> {
    if (this.notifications.has(uri)) throw new Error(`${uri} is already being opened: give each document its own URI`);
    const published = this.within(
      `diagnostics for ${uri}`,
      (resolve, reject) => this.notifications.set(uri, { resolve, reject }),
      () => this.notifications.delete(uri),
    );
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    return ((await published) as { diagnostics: Diagnostic[] }).diagnostics;
  }

  async completion(uri: string, position: Position): Promise<readonly CompletionItem[]> {
    const result = (await this.request("textDocument/completion", { textDocument: { uri }, position })) as
      { items: CompletionItem[] } | CompletionItem[] | null;
    return result === null ? [] : Array.isArray(result) ? result : result.items;
  }

  /** The hover text at `position`, or "" when the server shows none. */
  async hover(uri: string, position: Position): Promise<string> {
    const result = (await this.request("textDocument/hover", { textDocument: { uri }, position })) as Hover | null;
    if (result === null) return "";
    return typeof result.contents === "string" ? result.contents : result.contents.value;
  }

  /** Asks the server to shut down and exit; kills it if it does not within the timeout. */
  async stop(): Promise<void> {
    if (this.exited !== undefined) return;
    const exit = new Promise<void>((resolve) => {
      this.child.once("exit", () => {
        resolve();
      });
    });
    try {
      await this.request("shutdown", null);
      this.notify("exit", null);
      await this.within(
        "an exit",
        (resolve) => void exit.then(resolve),
        () => undefined,
      );
    } catch {
      this.child.kill();
      await exit;
    }
  }

  /** Runs `start`, settling as it settles, or calls `abandon` and rejects after the timeout. */
  private within(what: string, start: (resolve: Settle, reject: (error: Error) => void) => void, abandon: () => void) {
    if (this.exited !== undefined) return Promise.reject(new Error(`waiting for ${what}: ${this.exited}`));
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        abandon();
        reject(
          new Error(
            `no ${what} from the language server within ${this.timeoutMs} ms; stderr: ${this.stderr || "(empty)"}`,
          ),
        );
      }, this.timeoutMs);
      const settle =
        <T>(how: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          how(value);
        };
      start(settle(resolve), settle(reject));
    });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}${HEADER_END}`);
    this.child.stdin.write(body);
  }

  /** Splits the bytes read so far into whole messages (the length counts bytes, not characters). */
  private drain(): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString("ascii");
      const length = /Content-Length: (\d+)/i.exec(header)?.[1];
      if (length === undefined) throw new Error(`a message from the language server has no Content-Length: ${header}`);
      const start = headerEnd + HEADER_END.length;
      const end = start + Number(length);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(end);
      this.receive(message);
    }
  }

  private receive(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.send({ jsonrpc: "2.0", id: message.id, result: this.answer(message.method, message.params) });
    } else if (message.method !== undefined) {
      const key =
        message.method === "textDocument/publishDiagnostics" ? (message.params as { uri: string }).uri : message.method;
      this.notifications.get(key)?.resolve(message.params);
      this.notifications.delete(key);
    } else if (typeof message.id === "number") {
      const waiter = this.responses.get(message.id);
      this.responses.delete(message.id);
      if (message.error === undefined) waiter?.resolve(message.result ?? null);
      else waiter?.reject(new Error(`the language server answered with an error: ${message.error.message}`));
    }
  }

  /** What the client answers to a request from the server. */
  private answer(method: string, params: unknown): unknown {
    if (method !== "workspace/configuration") return null;
    const { items } = params as { items: { section?: string }[] };
    return items.map((item) => (item.section === undefined ? null : (this.settings[item.section] ?? null)));
  }
}

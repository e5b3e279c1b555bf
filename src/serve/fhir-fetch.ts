import { readPrefetchValue, type PrefetchEntry, type PrefetchValue } from "./prefetch.js";

/** The client's FHIR server and the token it lent the service (CDS Hooks 2.0 `fhirServer`, `fhirAuthorization`). */
export interface FhirAccess {
  /** The base URL, without a trailing slash. */
  readonly server: string;
  readonly accessToken: string;
}

/** How far the service goes to complete prefetch: pages per key, bytes per page, and time for all keys together. */
export interface FetchLimits {
  readonly maxPages: number;
  readonly timeoutMs: number;
  /** Largest page read, in bytes (default 5 MiB, as a request body); a larger one fails the key. */
  readonly maxPageBytes?: number;
  /** Whether `fhirServer` may be plain http on a loopback host (local use and tests); default https only. */
  readonly loopbackHttp?: boolean;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxPages: 10, timeoutMs: 5_000 };
const DEFAULT_PAGE_BYTES = 5 * 1024 * 1024;

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * `fhirServer` as a base URL the service may send the client's token to: https, or, when
 * `loopbackHttp`, http on a loopback host (a local server). A string is why not.
 */
export function fhirBase(fhirServer: string, loopbackHttp = false): URL | string {
  let url: URL;
  try {
    url = new URL(fhirServer);
  } catch {
    return `fhirServer "${fhirServer.slice(0, 80)}" is not a URL`;
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "")
    return "fhirServer must be a base URL, without credentials, query or fragment";
  if (url.protocol === "https:" || (loopbackHttp && url.protocol === "http:" && LOOPBACK.has(url.hostname))) return url;
  return `fhirServer must be https${loopbackHttp ? " (http only on a loopback host)" : ""}; found ${url.protocol}`;
}

/** Whether `url` is at or under the base: same origin, and a path below the base's. */
function underBase(url: URL, base: URL): boolean {
  const path = base.pathname.replace(/\/+$/, "");
  return url.origin === base.origin && (url.pathname === path || url.pathname.startsWith(`${path}/`));
}

/** A prefetch template with its `{{context.*}}` tokens filled in, or why it cannot be. */
export function fillTemplate(template: string, context: Readonly<Record<string, unknown>>): string | undefined {
  const unresolved: string[] = [];
  const filled = template.replace(/\{\{\s*context\.([A-Za-z]+)\s*\}\}/g, (_, name: string) => {
    const value = context[name];
    if (typeof value !== "string" || value === "") unresolved.push(name);
    return encodeURIComponent(String(value));
  });
  return unresolved.length > 0 || filled.includes("{{") ? undefined : filled;
}

/**
 * Completes one prefetch key from the FHIR server: the query itself when the client sent nothing
 * usable, or the rest of a paginated search from its `next` link. Follows `next` links up to
 * `maxPages` pages, never to another origin or outside the base path (the token would leak), never
 * through a redirect. A string is why the key stays missing.
 */
export async function completeKey(
  query: string | undefined,
  sent: PrefetchValue,
  access: FhirAccess,
  base: URL,
  limits: FetchLimits,
  signal: AbortSignal,
  fetch: Fetch,
): Promise<readonly PrefetchEntry[] | string> {
  if (sent.kind === "entries") return sent.entries;
  const entries: PrefetchEntry[] = sent.kind === "paginated" ? [...sent.entries] : [];
  let next: string | undefined;
  if (sent.kind === "paginated") next = sent.next;
  else if (query === undefined) return `${sent.reason}, and its template cannot be filled from the context`;
  else next = `${access.server}/${query}`;
  for (let page = 0; next !== undefined; page += 1) {
    if (page >= limits.maxPages)
      return `more than ${limits.maxPages} page${limits.maxPages === 1 ? "" : "s"} on the FHIR server`;
    let url: URL;
    try {
      url = new URL(next, base);
    } catch {
      return "a next link that is not a URL";
    }
    if (!underBase(url, base)) return `a next link outside fhirServer (${url.origin}); not followed`;
    let response: Response;
    try {
      response = await fetch(url.href, {
        headers: { Accept: "application/fhir+json", Authorization: `Bearer ${access.accessToken}` },
        redirect: "error",
        signal,
      });
    } catch (error) {
      return signal.aborted
        ? `the FHIR server did not answer within ${limits.timeoutMs} ms`
        : `the FHIR server could not be reached (${error instanceof Error ? error.message : String(error)})`;
    }
    if (response.status === 404 && sent.kind !== "paginated" && query?.includes("?") === false) {
      await response.body?.cancel();
      return entries; // a read of a resource that does not exist: nothing found, as `null` says
    }
    if (!response.ok) {
      await response.body?.cancel();
      return `the FHIR server answered HTTP ${response.status}`;
    }
    const maxBytes = limits.maxPageBytes ?? DEFAULT_PAGE_BYTES;
    let text: string | undefined;
    try {
      text = await limitedText(response, maxBytes);
    } catch (error) {
      return signal.aborted
        ? `the FHIR server did not answer within ${limits.timeoutMs} ms`
        : `the FHIR server's answer broke off (${error instanceof Error ? error.message : String(error)})`;
    }
    if (text === undefined) return `a page larger than ${maxBytes} bytes`;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return "the FHIR server's answer is not JSON";
    }
    const read = readPrefetchValue(body);
    if (read.kind === "unusable") return read.reason;
    entries.push(...read.entries);
    next = read.kind === "paginated" ? read.next : undefined;
  }
  return entries;
}

/** The body as text, or `undefined` once it passes `maxBytes` (read no further). */
async function limitedText(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (response.body === null) return "";
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

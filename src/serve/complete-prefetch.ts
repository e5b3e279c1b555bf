import { completeKey, fhirBase, fillTemplate, type Fetch, type FetchLimits } from "./fhir-fetch.js";
import type { HookRequest } from "./hook-request.js";
import type { PrefetchValue } from "./prefetch.js";
import type { CdsService } from "./service.js";

/**
 * The prefetch with every key the client left missing, failed or paginated completed from its
 * FHIR server, when the request lends one (`fhirServer` + `fhirAuthorization`); keys that stay
 * incomplete carry why. Without a FHIR server the values are returned as sent. All keys are
 * fetched at once, within one time limit.
 */
export async function completePrefetch(
  service: CdsService,
  sent: ReadonlyMap<string, PrefetchValue>,
  request: HookRequest,
  fetch: Fetch,
  limits: FetchLimits,
): Promise<ReadonlyMap<string, PrefetchValue>> {
  const incomplete = [...sent].filter(([, value]) => value.kind !== "entries");
  if (incomplete.length === 0 || request.fhir === undefined) return sent;
  const base = fhirBase(request.fhir.server, limits.loopbackHttp);
  const completed = new Map(sent);
  if (typeof base === "string") {
    for (const [key, value] of incomplete)
      completed.set(key, { kind: "unusable", reason: `${whyNot(value)}; not fetched: ${base}` });
    return completed;
  }
  const access = { server: base.href.replace(/\/+$/, ""), accessToken: request.fhir.accessToken };
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const context = request.context as unknown as Readonly<Record<string, unknown>>;
  const results = await Promise.all(
    incomplete.map(async ([key, value]) => {
      const template = service.prefetch[key];
      const query = template === undefined ? undefined : fillTemplate(template, context);
      return [key, await completeKey(query, value, access, base, limits, signal, fetch)] as const;
    }),
  );
  for (const [key, result] of results)
    completed.set(
      key,
      typeof result === "string"
        ? { kind: "unusable", reason: `fetched from fhirServer: ${result}` }
        : { kind: "entries", entries: result },
    );
  return completed;
}

function whyNot(value: PrefetchValue): string {
  return value.kind === "unusable" ? value.reason : "a paginated Bundle";
}

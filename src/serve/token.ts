import { errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { memoryReplayStore, type ReplayStore } from "./replay-store.js";

/**
 * The algorithms a CDS client may sign with: asymmetric only, as CDS Hooks 2.0 requires (no
 * `none`, no HMAC); ES384 and RS384 are the spec's recommendation.
 */
const ALLOWED_ALGORITHMS = ["ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA"];

/** Tokens older than this (by `iat`) are refused, which also bounds how long a `jti` is remembered. */
const MAX_AGE_SECONDS = 300;
const CLOCK_TOLERANCE_SECONDS = 30;
/** A jti longer than this is refused: each one is remembered, so its size is the client's to bound. */
const MAX_JTI_LENGTH = 256;

export interface TokenVerifierOptions {
  /** The client's keys: jose's `createLocalJWKSet` (a file) or `createRemoteJWKSet` (a URL). */
  readonly keys: JWTVerifyGetKey;
  /** When given, only these `iss` values are accepted. */
  readonly issuers?: readonly string[];
  /** Now, in milliseconds; tests move it. */
  readonly now?: () => number;
  /** Where accepted tokens are remembered against replay (default: this process's memory). */
  readonly replays?: ReplayStore;
}

/**
 * Why a token was refused, for the `WWW-Authenticate` error description (never the token itself),
 * or that it could not be checked because the client's keys could not be had (the service's
 * problem, not the client's: a 503, not a 401).
 */
type TokenCheck =
  | { readonly ok: true; readonly issuer: string }
  | { readonly ok: false; readonly reason: string }
  | { readonly ok: false; readonly keysUnavailable: string }
  /**
   * The replay store is full or cannot be reached: the token cannot be checked now (a 503, never
   * an unchecked accept).
   */
  | { readonly ok: false; readonly overloaded: string };

/** The key set could not be fetched or read; carries what went wrong. */
class KeysUnavailable extends Error {}

/** The token breaks a rule jose does not check; carries why, in words for the client. */
class Refused extends Error {}

/**
 * `keys`, refusing a token whose protected header has no `kid` (CDS Hooks 2.0 requires one; jose
 * would otherwise try the set's only key), with every failure other than "no key matches" turned
 * into `KeysUnavailable`: a JWKS URL that is down, answers 404, times out or serves a broken set
 * says nothing about the token.
 */
function guarded(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    if (typeof header.kid !== "string" || header.kid === "") throw new Refused("the token's header has no kid");
    try {
      return await keys(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new KeysUnavailable(messageOf(error));
    }
  };
}

/** Checks a bearer token for one request; `audiences` are the endpoint URLs it may be addressed to. */
export type TokenVerifier = (token: string | undefined, audiences: readonly string[]) => Promise<TokenCheck>;

/** What jose's error codes mean to a client, in words. */
const REASONS: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: "the token has expired",
  ERR_JWT_CLAIM_VALIDATION_FAILED: "a claim is wrong or missing",
  ERR_JOSE_ALG_NOT_ALLOWED: `the algorithm is not allowed (expected one of ${ALLOWED_ALGORITHMS.join(", ")})`,
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: "the signature does not verify",
  ERR_JWKS_NO_MATCHING_KEY: "no key of the JWKS matches the token's kid and alg",
  ERR_JWS_INVALID: "the token is not a valid JWS",
  ERR_JWT_INVALID: "the token is not a valid JWT",
};

/**
 * A verifier as CDS Hooks 2.0 "Trusting CDS Clients" asks: signature by a JWKS key, asymmetric
 * algorithm, `kid` in the header, `typ` JWT, `aud` the invoked endpoint, `iss`, `sub`, `iat`, `exp`
 * and `jti` present, `exp` not passed, and each `jti` used once (remembered in `replays` until the
 * token could no longer be accepted anyway).
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const now = options.now ?? Date.now;
  const replays = options.replays ?? memoryReplayStore({ now });
  const keys = guarded(options.keys);

  return async (token, audiences) => {
    if (token === undefined) return { ok: false, reason: "no bearer token" };
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ALLOWED_ALGORITHMS,
        audience: [...audiences],
        requiredClaims: ["iss", "sub", "aud", "exp", "iat", "jti"],
        typ: "JWT",
        maxTokenAge: MAX_AGE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now()),
        ...(options.issuers === undefined ? {} : { issuer: [...options.issuers] }),
      });
      const issuer = String(payload.iss);
      const jti = payload.jti;
      if (typeof jti !== "string" || jti.length === 0 || jti.length > MAX_JTI_LENGTH)
        return {
          ok: false,
          reason: `the token's jti must be a non-empty string of at most ${MAX_JTI_LENGTH} characters`,
        };
      const iat = payload.iat ?? 0;
      const exp = payload.exp ?? 0;
      const forgetAt = (Math.min(exp, iat + MAX_AGE_SECONDS) + CLOCK_TOLERANCE_SECONDS) * 1000;
      let claim;
      try {
        claim = await replays.claim(JSON.stringify([issuer, jti]), forgetAt);
      } catch (error) {
        return { ok: false, overloaded: `the replay store cannot be reached: ${messageOf(error)}` };
      }
      if (claim === "replayed") return { ok: false, reason: "the token's jti was already used (replay)" };
      if (claim === "full") return { ok: false, overloaded: "too many tokens in the replay window" };
      return { ok: true, issuer };
    } catch (error) {
      if (error instanceof KeysUnavailable) return { ok: false, keysUnavailable: error.message };
      if (error instanceof Refused) return { ok: false, reason: error.message };
      if (!(error instanceof errors.JOSEError)) throw error;
      const claim = error instanceof errors.JWTClaimValidationFailed ? ` ("${error.claim}": ${error.reason})` : "";
      return { ok: false, reason: `${REASONS[error.code] ?? "the token is invalid"}${claim}` };
    }
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";

/** Why a `--jwks` value cannot be used, as a message for the command line. */
export class JwksError extends Error {}

function isKeySet(value: unknown): value is JSONWebKeySet {
  return typeof value === "object" && value !== null && "keys" in value && Array.isArray(value.keys);
}

/**
 * The client keys of `--jwks`: an `https://` or `http://` URL is fetched as needed (cached by
 * jose), anything else is a JWKS file read once now. Only this configured set is trusted; a
 * token's `jku` header is never fetched.
 */
export async function loadJwks(location: string, cwd: string): Promise<JWTVerifyGetKey> {
  if (/^https?:\/\//i.test(location)) return createRemoteJWKSet(new URL(location));
  const file = resolve(cwd, location);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new JwksError(
      `--jwks ${location}: cannot read the file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  let keys: unknown;
  try {
    keys = JSON.parse(text);
  } catch {
    throw new JwksError(
      `--jwks ${location}: expected a JSON Web Key Set ({"keys": [...]}); found text that is not JSON`,
    );
  }
  if (!isKeySet(keys))
    throw new JwksError(`--jwks ${location}: expected a JSON Web Key Set ({"keys": [...]}); found no "keys" array`);
  return createLocalJWKSet(keys);
}

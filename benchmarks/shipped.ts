import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const built = existsSync(fileURLToPath(new URL("../dist/core/index.js", import.meta.url)));
console.log(built ? "code: dist/ (as shipped)" : "code: src/ through tsx (npm run build first to measure dist/)");

/**
 * A module of backplan as shipped, `dist/<path>.js`, when the project is built; otherwise its
 * source, `src/<path>.ts`, through tsx. `T` is the source module's type.
 *
 * @example const { createEngine } = await shipped<typeof import("../src/core/index.js")>("core/index");
 */
export async function shipped<T>(path: string): Promise<T> {
  const url = new URL(`../${built ? "dist" : "src"}/${path}.${built ? "js" : "ts"}`, import.meta.url);
  return (await import(pathToFileURL(fileURLToPath(url)).href)) as T;
}

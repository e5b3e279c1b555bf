/**
 * A link target safe in a Markdown destination and an HTML attribute alike: whitespace, brackets,
 * angle brackets, quotes and backslashes percent-encoded (a DOI may hold `<`, `>` or `(`), so no
 * text of a pack can close the link early. Only `http(s)` links are made (the evidence schema
 * allows no other), so no `javascript:` URL can reach a reviewer's browser.
 *
 * @example safeHref("https://doi.org/10.1002/(SICI)1097"); // "https://doi.org/10.1002/%28SICI%291097"
 */
export function safeHref(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[\s<>()[\]"'`\\|{}^]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * Escapes text for HTML content and double-quoted attributes alike, so no text of a pack can
 * open a tag, an entity or an attribute.
 *
 * @example escapeHtml('<script>alert("x")</script>'); // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** A link whose text is escaped, or the escaped text alone when there is nowhere safe to link to. */
export function htmlLink(text: string, href: string | undefined): string {
  return href === undefined ? escapeHtml(text) : `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

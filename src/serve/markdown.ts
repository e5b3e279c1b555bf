/** Escapes the characters that would turn clinical text into markup in a card's detail. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

/** A markdown link when there is a URL, else the escaped text. */
export function linkOrText(text: string, url: string | undefined): string {
  return url === undefined ? escapeMarkdown(text) : `[${escapeMarkdown(text)}](<${url.replace(/[<>]/g, "")}>)`;
}

/** Whether `host` only accepts connections from this machine, where `--insecure-no-auth` may be used. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The public base URL by default: `http://HOST:PORT`, with an IPv6 host bracketed. */
export function defaultBaseUrl(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

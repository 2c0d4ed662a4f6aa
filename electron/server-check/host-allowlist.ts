/**
 * Nothing is sent to a host the user did not name: the URL's own host, plus `--allow-host` entries.
 * Every request the suite makes (redirects included) asks here first. An entry is a host name or
 * address (any port) or host:port (that port only); IPv6 in brackets.
 */
export interface HostAllowlist {
  allows(url: URL): boolean;
  /** What is allowed, for messages. */
  describe(): string;
}

export function createHostAllowlist(target: URL, extra: readonly string[]): HostAllowlist {
  const entries = [target.hostname, ...extra].map((e) => e.trim().toLowerCase()).filter(Boolean);
  return {
    allows(url) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
      const host = url.hostname.toLowerCase();
      const port = url.port || (url.protocol === 'https:' ? '443' : '80');
      return entries.some((entry) => {
        const withPort = /^(\[[^\]]+\]|[^:[\]]+):(\d+)$/.exec(entry);
        return withPort ? withPort[1] === host && withPort[2] === port : entry === host;
      });
    },
    describe: () => entries.join(', '),
  };
}

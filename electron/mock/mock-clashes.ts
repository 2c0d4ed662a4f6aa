import type { MockApi } from './mock-routes.ts';

/**
 * Two APIs on the mock with the same topic path (`/prices/{symbol}` in both): through the gateway
 * each API has its own mount (mock-mount.ts), so their streams never cross. The mock's plain
 * paths (`/prices/ACME`, what curl or a backend URL without the mount asks for) cannot tell them
 * apart: such a request reaches the first API only. That is said on both APIs, so nobody is
 * surprised by the other API's messages. Parameter names do not matter (`{symbol}` = `{s}`);
 * catch-alls without x-mock (they serve the same built-in streams for every API) do not clash.
 */
export interface MockClash {
  apiId: string;
  message: string;
}

export function mockClashes(served: ReadonlyArray<{ api: MockApi; prefix: string }>): MockClash[] {
  const owners = new Map<string, Array<{ api: MockApi; topic: string }>>();
  for (const { api, prefix } of served) {
    for (const topic of api.topics) {
      // A catch-all without x-mock (WSO2's default "/*") serves the built-in streams: the same for every API.
      if (topic.path.endsWith('*') && !api.mock?.[topic.path]) continue;
      const backend = (topic.backendPath ?? topic.path).split('?')[0] as string;
      const shape = prefix + backend.replace(/\{[^}]*\}/g, '{}');
      const list = owners.get(shape) ?? [];
      if (!list.some((o) => o.api.id === api.id)) list.push({ api, topic: prefix + backend });
      owners.set(shape, list);
    }
  }
  const clashes: MockClash[] = [];
  for (const list of owners.values()) {
    if (list.length < 2) continue;
    const [first] = list as [{ api: MockApi; topic: string }];
    for (const { api, topic } of list) {
      const others = list.filter((o) => o.api.id !== api.id).map((o) => `"${o.api.name}"`).join(', ');
      clashes.push({
        apiId: api.id,
        message:
          `"${api.name}" and ${others} both mock ${topic} on the mock backend. Through the gateway each API gets its own messages (each has its own path on the mock), ` +
          `but a direct request to the mock's ${topic} reaches "${first.api.name}" only. Give the topics different paths (or the endpoints different base paths) if you call the mock directly.`,
      });
    }
  }
  return clashes;
}

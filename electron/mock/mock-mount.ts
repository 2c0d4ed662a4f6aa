import { createHash } from 'node:crypto';

/**
 * Each project API has its own place on the mock, `/apis/<name>-<hash>`, and the gateway streams
 * a mock-backed API from there: two APIs with the same topic path (`/prices/{symbol}`) never
 * serve each other's messages. The name part is for people reading URLs; the hash of the API's
 * id keeps two ids with the same readable name apart. The same id always gets the same mount.
 */
export const MOUNT_ROOT = '/apis';

export function mockMountPath(apiId: string): string {
  const name = apiId
    .replace(/\.(asyncapi\.)?(ya?ml|json)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const hash = createHash('sha256').update(apiId).digest('hex').slice(0, 6);
  return `${MOUNT_ROOT}/${name ? `${name}-` : ''}${hash}`;
}

/** Splits `/apis/<mount>/rest` into the mount path and the rest; undefined when the path is not under /apis/. */
export function splitMount(pathname: string): { mount: string; rest: string } | undefined {
  if (!pathname.startsWith(MOUNT_ROOT + '/')) return undefined;
  const end = pathname.indexOf('/', MOUNT_ROOT.length + 1);
  return end === -1 ? { mount: pathname, rest: '/' } : { mount: pathname.slice(0, end), rest: pathname.slice(end) };
}

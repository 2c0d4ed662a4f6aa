import path from 'node:path';
import type { MockApi } from '../mock-routes.ts';

/**
 * `x-mock.file` of a recorded scenario is written relative to its AsyncAPI document; the mock
 * reads it from anywhere, so the host makes it absolute here, keeping it inside the document's
 * folder (a path that would leave it is dropped: the scenario then says it has no file).
 */
export function withRecordingPaths(api: MockApi, documentFile: string): MockApi {
  if (!api.mock) return api;
  const folder = path.dirname(path.resolve(documentFile));
  const mock: NonNullable<MockApi['mock']> = {};
  for (const [topic, config] of Object.entries(api.mock)) {
    if (config.scenario !== 'recorded' || config.file === undefined) {
      mock[topic] = config;
      continue;
    }
    const file = path.resolve(folder, config.file);
    const inside = !path.relative(folder, file).startsWith('..') && !path.isAbsolute(path.relative(folder, file));
    const { file: _dropped, ...rest } = config;
    mock[topic] = inside ? { ...config, file } : rest;
  }
  return { ...api, mock };
}

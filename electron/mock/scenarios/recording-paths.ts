import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { MockApi } from '../mock-routes.ts';

/**
 * `x-mock.file` of a recorded scenario is written relative to its AsyncAPI document; the mock
 * reads it from anywhere, so the host makes it absolute here, keeping it inside the document's
 * folder (a path that would leave it is dropped: the scenario then says it has no file). Compared
 * by real path, so a symlink (the file's or a folder's) cannot lead out; the mock is given the real
 * path. A file that does not exist yet is kept by its text (the scenario says it cannot be read).
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
    const file = insideFolder(folder, path.resolve(folder, config.file));
    const { file: _dropped, ...rest } = config;
    mock[topic] = file ? { ...config, file } : rest;
  }
  return { ...api, mock };
}

const isInside = (folder: string, file: string) => {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** The file's real path when it (and its real path) is inside the folder's real path, else undefined. */
function insideFolder(folder: string, file: string): string | undefined {
  if (!isInside(folder, file)) return undefined;
  const realFolder = realOrUndefined(folder) ?? folder;
  const realFile = realOrUndefined(file);
  if (realFile === undefined) return file;
  return isInside(realFolder, realFile) ? realFile : undefined;
}

function realOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

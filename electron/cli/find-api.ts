import { promises as fs } from 'node:fs';
import path from 'node:path';
import { displayPath, findApiFiles, readApiFile } from './api-files.ts';

/** The document export and docs work on: its text, why it could not be read, or a usage error (exit 2). */
export type ApiTarget = { file: string; text: string } | { file: string; readError: string } | { usage: string };

/** How a command reads an API's name from a document (undefined: not an API it accepts), with what tells same-named APIs apart. */
export type ApiNameReader = (text: string, file: string) => { name: string; detail?: string } | undefined;

/** A path to a document, else the name (info.title, exact, then ignoring case) of an API in the project folder. */
export async function findApiTarget(target: string, project: string, nameOf: ApiNameReader): Promise<ApiTarget> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isDirectory()) return { usage: `${target} is a folder: give an AsyncAPI file, or an API name with --project ${target}.` };
  if (stat?.isFile()) {
    const entry = await readApiFile(path.resolve(target));
    return entry.text === undefined ? { file: entry.file, readError: entry.error ?? 'Cannot read the file.' } : { file: entry.file, text: entry.text };
  }
  if (/[\\/]|\.(ya?ml|json)$/i.test(target)) return { usage: `${target}: no such file.` };

  const projectStat = await fs.stat(project).catch(() => undefined);
  if (!projectStat?.isDirectory()) return { usage: `--project ${project}: no such folder.` };
  const apis: Array<{ file: string; text: string; name: string; detail?: string }> = [];
  for (const entry of await findApiFiles(path.resolve(project))) {
    if (entry.text === undefined) continue;
    const api = nameOf(entry.text, entry.file);
    if (api) apis.push({ file: entry.file, text: entry.text, ...api });
  }
  const exact = apis.filter((a) => a.name === target);
  const matches = exact.length ? exact : apis.filter((a) => a.name.toLowerCase() === target.toLowerCase());
  const only = matches[0];
  if (matches.length === 1 && only) return { file: only.file, text: only.text };
  if (matches.length > 1) return { usage: `"${target}" names ${matches.length} APIs (${matches.map((m) => `${displayPath(m.file)}${m.detail === undefined ? '' : `: ${m.detail}`}`).join(', ')}): give the file instead.` };
  return { usage: `There is no API named "${target}" in ${project}${apis.length ? ` (APIs: ${apis.map((a) => a.name).join(', ')})` : ' (it has no readable APIs)'}. Give an API name or an AsyncAPI file.` };
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseDocumentText } from '../../shared/asyncapi/document-text.ts';
import { ProjectOpenError } from './project-store.ts';
import { writeNewFileAtomic } from './atomic-write.ts';

/**
 * Project-wide settings, in one small file beside the API documents: the addresses and ports the
 * project's services use. Command-line flags win over it; it wins over the built-in defaults.
 *
 *   host: 127.0.0.1
 *   gatewayPort: 8280      # a port, 0 for any free one, or off
 *   httpsPort: 8243
 *   mockPort: 8080
 *   uiPort: 0
 */
export const PROJECT_SETTINGS_FILE = 'sse-studio.yaml';

export interface ProjectSettings {
  host?: string;
  gatewayPort?: number | null;
  httpsPort?: number | null;
  mockPort?: number | null;
  uiPort?: number | null;
}

const PORT_KEYS = ['gatewayPort', 'httpsPort', 'mockPort', 'uiPort'] as const;

export const DEFAULT_SETTINGS_TEXT = `# SSE Studio project settings: where this project's services listen.
# Command-line flags win over these. A port is a number, 0 for any free port, or off.
host: 127.0.0.1
gatewayPort: 8280   # the embedded gateway, HTTP/1.1 and h2c
httpsPort: 8243     # the embedded gateway, HTTPS (HTTP/2 and HTTP/1.1)
mockPort: 8080      # the mock SSE backend
uiPort: 0           # the web UI (any free port)
`;

/** The settings of the project at `projectPath` (a folder, or a file's folder); none when there is no file. */
export async function readProjectSettings(projectPath: string): Promise<ProjectSettings> {
  const absolute = path.resolve(projectPath);
  const dir = (await fs.stat(absolute).catch(() => undefined))?.isDirectory() ? absolute : path.dirname(absolute);
  const file = path.join(dir, PROJECT_SETTINGS_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return {};
  }
  const parsed = parseDocumentText(text);
  const where = (key: string[]) => {
    const at = parsed.locate(key);
    return `${path.relative(process.cwd(), file) || file}${at ? `:${at.line}:${at.column}` : ''}`;
  };
  if (parsed.problems.length) {
    const first = parsed.problems[0];
    throw new ProjectOpenError(`${path.relative(process.cwd(), file)}:${first?.line}:${first?.column}: not valid YAML: ${first?.message}`);
  }
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ProjectOpenError(`${where([])}: the settings must be a mapping (host, gatewayPort, httpsPort, mockPort, uiPort).`);
  const record = data as Record<string, unknown>;
  const settings: ProjectSettings = {};
  for (const key of Object.keys(record)) {
    if (key !== 'host' && !(PORT_KEYS as readonly string[]).includes(key)) {
      throw new ProjectOpenError(`${where([key])}: unknown setting "${key}"; known: host, ${PORT_KEYS.join(', ')}.`);
    }
  }
  if (record.host !== undefined) {
    if (typeof record.host !== 'string' || !record.host.trim() || /\s/.test(record.host)) throw new ProjectOpenError(`${where(['host'])}: host must be an address such as 127.0.0.1.`);
    settings.host = record.host;
  }
  for (const key of PORT_KEYS) {
    const value = record[key];
    if (value === undefined) continue;
    if (value === 'off' || value === false) settings[key] = null;
    else if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535) settings[key] = value;
    else throw new ProjectOpenError(`${where([key])}: ${key} must be a port from 0 to 65535, or off (got ${JSON.stringify(value)}).`);
  }
  return settings;
}

/** Creates a new, empty project folder with a settings file; refuses a folder that has files. */
export async function createProjectFolder(dir: string): Promise<void> {
  const absolute = path.resolve(dir);
  const existing = await fs.readdir(absolute).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : Promise.reject(err)));
  if (existing && existing.length > 0) throw new ProjectOpenError(`${dir}: the folder is not empty; open it instead, or pick a new folder.`);
  await fs.mkdir(absolute, { recursive: true });
  await writeNewFileAtomic(path.join(absolute, PROJECT_SETTINGS_FILE), DEFAULT_SETTINGS_TEXT);
}

import { projectPositional, readCommandLine, type ParsedCommandArgs } from './command-args.ts';
import { DEFAULT_GATEWAY_HTTPS_PORT, DEFAULT_GATEWAY_PORT, DEFAULT_HOST, DEFAULT_MOCK_PORT } from '../host/studio-host.ts';

/** `sse-studio serve` options, parsed without side effects so every mistake gets one clear line. */
export interface ServeOptions {
  project: string;
  host: string;
  gatewayPort: number | null;
  httpsPort: number | null;
  tls?: { certPath: string; keyPath: string };
  mockPort: number | null;
  /** null = no web UI. */
  uiPort: number | null;
  accessLog: boolean;
  /** The settings given on the command line: they win over the project's sse-studio.yaml. */
  explicit: Array<'host' | 'gatewayPort' | 'httpsPort' | 'mockPort' | 'uiPort'>;
}

export const DEFAULT_UI_PORT = 0;

export const SERVE_USAGE = `Usage: sse-studio serve <project-folder | asyncapi-file> [options]

Starts the embedded SSE gateway, the mock SSE backend and the web UI, and deploys the project's APIs.

Options:
  --host <address>        address to bind (default ${DEFAULT_HOST}; anything else exposes the servers)
  --gateway-port <port>   gateway HTTP port, also h2c (default ${DEFAULT_GATEWAY_PORT}; 0 = any free port; off = do not start)
  --https-port <port>     gateway HTTPS port, HTTP/2 + HTTP/1.1 (default ${DEFAULT_GATEWAY_HTTPS_PORT}; 0; off)
  --tls-cert <file>, --tls-key <file>   your own certificate for HTTPS (default: a local one, made once)
  --mock-port <port>      mock backend port (default ${DEFAULT_MOCK_PORT}; 0 = any free port; off)
  --ui-port <port>        web UI port (default: any free port; off)
  --no-gateway, --no-https, --no-mock, --no-ui   same as <port> off
  --access-log            print one line per gateway request
  -h, --help              show this help`;

export function parseServeArgs(argv: string[]): ParsedCommandArgs<ServeOptions> {
  const read = readCommandLine(
    argv,
    {
      host: { type: 'string' },
      'gateway-port': { type: 'string' },
      'https-port': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'no-https': { type: 'boolean' },
      'mock-port': { type: 'string' },
      'ui-port': { type: 'string' },
      'no-gateway': { type: 'boolean' },
      'no-mock': { type: 'boolean' },
      'no-ui': { type: 'boolean' },
      'access-log': { type: 'boolean' },
    },
    { command: 'serve' },
  );
  if (!read.ok) return read;
  const { values, positionals } = read.parsed;
  if (values.help) return { ok: true, help: true };
  const project = projectPositional(positionals, 'serve');
  if (!project.ok) return project;

  const ports: Record<'gateway' | 'https' | 'mock' | 'ui', number | null> = { gateway: DEFAULT_GATEWAY_PORT, https: DEFAULT_GATEWAY_HTTPS_PORT, mock: DEFAULT_MOCK_PORT, ui: DEFAULT_UI_PORT };
  for (const name of ['gateway', 'https', 'mock', 'ui'] as const) {
    const raw = values[`${name}-port`];
    if (values[`no-${name}`]) {
      if (raw !== undefined && raw !== 'off') return { ok: false, message: `--no-${name} and --${name}-port ${raw} contradict each other: give one.` };
      ports[name] = null;
      continue;
    }
    if (raw === undefined) continue;
    const port = parsePort(raw);
    if (port === undefined) return { ok: false, message: `--${name}-port must be a port number from 0 to 65535 or "off" (got "${raw}").` };
    ports[name] = port;
  }
  const host = values.host ?? DEFAULT_HOST;
  if (!host.trim() || /\s/.test(host)) return { ok: false, message: `--host must be an address such as 127.0.0.1 (got "${host}").` };
  const certPath = values['tls-cert'];
  const keyPath = values['tls-key'];
  if ((certPath === undefined) !== (keyPath === undefined)) return { ok: false, message: 'Give both --tls-cert and --tls-key, or neither (a local certificate is then made).' };
  const taken = (['gateway', 'https', 'mock', 'ui'] as const).filter((n) => ports[n] !== null && ports[n] !== 0);
  for (let i = 0; i < taken.length; i++) {
    for (let j = i + 1; j < taken.length; j++) {
      const [a, b] = [taken[i] as 'gateway', taken[j] as 'gateway'];
      if (ports[a] === ports[b]) return { ok: false, message: `--${a}-port and --${b}-port are both ${ports[a]}: give each service its own port.` };
    }
  }
  return {
    ok: true,
    value: {
      project: project.project,
      host,
      gatewayPort: ports.gateway,
      httpsPort: ports.https,
      ...(certPath !== undefined && keyPath !== undefined ? { tls: { certPath, keyPath } } : {}),
      mockPort: ports.mock,
      uiPort: ports.ui,
      accessLog: Boolean(values['access-log']),
      explicit: [
        ...(values.host !== undefined ? (['host'] as const) : []),
        ...(['gateway', 'https', 'mock', 'ui'] as const)
          .filter((n) => values[`${n}-port`] !== undefined || values[`no-${n}`])
          .map((n) => (n === 'gateway' ? 'gatewayPort' : n === 'https' ? 'httpsPort' : n === 'mock' ? 'mockPort' : 'uiPort') as 'gatewayPort'),
      ],
    },
  };
}

function parsePort(raw: string): number | null | undefined {
  if (raw === 'off') return null;
  if (!/^\d{1,5}$/.test(raw)) return undefined;
  const port = Number(raw);
  return port <= 65535 ? port : undefined;
}

import path from 'node:path';
import { StudioHost } from '../host/studio-host.ts';
import { WebServer } from '../web/web-server.ts';
import type { ServeOptions } from './serve-args.ts';
import { defaultUiRoot } from './ui-root.ts';
import { APP_VERSION } from '../host/app-version.ts';
import { readProjectSettings } from '../project/project-settings.ts';

/**
 * `sse-studio serve`: start everything, print the URLs one per line, stop cleanly on SIGINT/SIGTERM.
 * Resolves with the exit code once everything is closed.
 */
export async function serve(given: ServeOptions, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  // The project's sse-studio.yaml fills in what the command line did not say.
  const settings = await readProjectSettings(given.project);
  const options = { ...given };
  for (const key of ['host', 'gatewayPort', 'httpsPort', 'mockPort', 'uiPort'] as const) {
    if (!given.explicit.includes(key) && settings[key] !== undefined) Object.assign(options, { [key]: settings[key] });
  }
  const studio = await StudioHost.start({
    project: options.project,
    host: options.host,
    gatewayPort: options.gatewayPort,
    gatewayHttpsPort: options.httpsPort,
    ...(options.tls ? { tls: options.tls } : {}),
    mockPort: options.mockPort,
    mode: 'web',
    deployAll: true,
    ...(options.accessLog ? { onAccess: (line: string) => out(`access   ${line}`) } : {}),
  });
  let web: WebServer | undefined;
  if (options.uiPort !== null) {
    web = new WebServer(studio, { host: options.host, port: options.uiPort, uiRoot: defaultUiRoot() });
    try {
      await web.start();
    } catch (error) {
      await studio.stop();
      throw error;
    }
  }

  const { apis, problems } = studio.project.list();
  out(`SSE Studio ${APP_VERSION}: ${apis.length} API${apis.length === 1 ? '' : 's'} from ${path.relative(process.cwd(), path.resolve(options.project)) || '.'}`);
  if (options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1') {
    err(`warning: serving on ${options.host}, not only on this machine: other hosts can reach the gateway, the mock and the UI.`);
  }
  if (studio.gateway?.url) out(`gateway  ${studio.gateway.url}`);
  if (studio.gateway?.httpsUrl) out(`https    ${studio.gateway.httpsUrl}`);
  if (studio.mock?.url) out(`mock     ${studio.mock.url}`);
  if (web) out(`ui       ${web.openUrl}`);
  for (const entry of apis) {
    for (const topic of studio.summary(entry).topics) {
      const url = topic.gatewayUrl ?? topic.gatewayHttpsUrl;
      if (url) out(`api      ${url}  (${entry.api.name} ${entry.api.version}, topic ${topic.path} -> ${studio.endpointOf(entry)})`);
    }
  }
  for (const p of problems) err(`warning: ${p.file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`);
  // Signal handlers go in before "Ready." is printed: whoever reads that line may stop us at once.
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        err(`Received ${signal} again: exiting without waiting.`);
        process.exit(1);
      }
      stopping = true;
      out(`Stopping (${signal})...`);
      Promise.all([web?.stop(), studio.stop()]).then(
        () => {
          out('Stopped.');
          resolve(0);
        },
        (error: unknown) => {
          err(`Could not stop cleanly: ${(error as Error).message}`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  out('Ready. Press Ctrl+C to stop.');
  return stopped;
}

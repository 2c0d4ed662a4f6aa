import { parseServeArgs, SERVE_USAGE } from './cli/serve-args.ts';
import { serve } from './cli/serve.ts';
import { optionsOrExit } from './cli/command-args.ts';
import { runCheck } from './cli/check-command.ts';
import { runValidate } from './cli/validate-command.ts';
import { runExport } from './cli/export-command.ts';
import { runRecord } from './record/record-command.ts';
import { runDocs } from './cli/docs-command.ts';
import { ProjectOpenError } from './project/project-store.ts';
import { ListenError } from './host/listen.ts';
import { CertificateError } from './gateway/transports/local-certificate.ts';
import { APP_VERSION } from './host/app-version.ts';

/** The headless host's command line. No Electron needed: this is what `npx sse-studio` runs. */
const USAGE = `SSE Studio ${APP_VERSION}: design and test Server-Sent Events APIs.

Usage: sse-studio <command> [options]

Commands:
  serve <project-folder | asyncapi-file>   run the gateway, the mock backend and the web UI
  check <project-folder | asyncapi-file>   drop each topic's connection on purpose, report the replay verdict
  check --url <SSE URL>                    conformance suite for any SSE server (PASS/WARN/FAIL/UNKNOWN per check)
  validate <asyncapi-file | project-folder> check documents: YAML/JSON, AsyncAPI, SSE API rules (file:line:col)
  export <api-file | api-name>             write an API as AsyncAPI 3.0 / 2.6, YAML / JSON (studio, clean or wso2 profile)
  record <SSE URL> --events N | --seconds S --out FILE   save a live stream for the mock to play (x-mock scenario: recorded)
  docs <api-file | api-name>               write an API's documentation as one self-contained HTML file

Run "sse-studio <command> --help" for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(line + '\n');
  const err = (line: string) => process.stderr.write(line + '\n');
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    out(APP_VERSION);
    return 0;
  }
  try {
    switch (command) {
      case 'serve': {
        const options = optionsOrExit(parseServeArgs(rest), 'serve', SERVE_USAGE, out, err);
        return typeof options === 'number' ? options : await serve(options, out, err);
      }
      case 'check':
        // Parses its own options and prints its own usage (exit 2), report and verdict (0 green, 1 red).
        return await runCheck(rest, out, err);
      case 'validate':
        return await runValidate(rest, out, err);
      case 'export':
        return await runExport(rest, out, err);
      case 'record':
        return await runRecord(rest, out, err);
      case 'docs':
        return await runDocs(rest, out, err);
      default:
        err(`sse-studio: unknown command "${command}". Commands: serve, check, validate, export, record, docs. See "sse-studio --help".`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ProjectOpenError || error instanceof ListenError || error instanceof CertificateError) {
      err(`sse-studio ${command}: ${error.message}`);
      return 1;
    }
    err(`sse-studio ${command}: unexpected error: ${(error as Error).message}${process.env.SSE_STUDIO_DEBUG ? `\n${(error as Error).stack}` : ' (set SSE_STUDIO_DEBUG=1 for details)'}`);
    return 1;
  }
}

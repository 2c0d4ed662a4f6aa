import { numberFlag, projectPositional, readCommandLine, type ParsedCommandArgs } from '../cli/command-args.ts';

/** `sse-studio check` options, parsed without side effects so every mistake gets one clear line. */
export interface CheckOptions {
  project: string;
  /** Events per topic; the drops happen at a third and two thirds of it. */
  events: number;
  /** Time limit for the whole check, in seconds. */
  durationSeconds: number;
  /** Events per second asked of the mock backend (`?rate=`), for APIs it serves. */
  rate: number;
  /** Subscribe over HTTP/2 (h2c with prior knowledge) instead of HTTP/1.1. */
  http2: boolean;
  /** Restart the mock backend once (a backend-side drop) for APIs it serves. */
  backendDrop: boolean;
  /** Judge lost events of backends without a source record by the numeric-id rule (ids count up by a constant step). */
  numericIds?: boolean;
  /** Also write the result as JUnit XML here (one test case per topic), for CI. */
  junit?: string | undefined;
  json: boolean;
}

export const CHECK_DEFAULTS = { events: 30, durationSeconds: 60, rate: 20 } as const;
const LIMITS = { events: [3, 100_000], durationSeconds: [1, 86_400], rate: [0.1, 1000] } as const;

export const CHECK_USAGE = `Usage: sse-studio check <project-folder | asyncapi-file> [options]

Runs the project's APIs on the embedded gateway and mock backend (on free ports of 127.0.0.1),
subscribes to each topic, drops the connection on purpose and reports the replay verdict per
topic: events missed while away, replayed, and any lost, duplicated or out of order.

Plan per topic: a client-side drop after a third of the events; after another third, a
backend-side drop (the mock backend restarts) for APIs the mock serves, another client-side
drop otherwise; then a last third to see how the stream resumed.

Options:
  --events <n>      live events per topic, a third per phase, at least 3 per phase (default ${CHECK_DEFAULTS.events});
                    replayed events come on top
  --duration <s>    time limit for the whole check in seconds (default ${CHECK_DEFAULTS.durationSeconds})
  --rate <n>        events per second asked of the mock backend (default ${CHECK_DEFAULTS.rate})
  --http2           subscribe over HTTP/2 (h2c) instead of HTTP/1.1
  --no-backend-drop client-side drops only
  --numeric-ids     for backends the mock does not serve (no source record): take ids counting up
                    by a constant step as the source's numbering, so a missing number is lost
  --junit <file>    also write the result as JUnit XML (one test case per topic) for CI
  --json            print the result as JSON on stdout (progress goes to stderr)
  -h, --help        show this help

Lost events are judged by the mock's record of what it produced when the mock is the backend; for
other backends only with --numeric-ids, else the topic is UNKNOWN after a drop (it says why).

Exit status: 0 all topics green, 1 any topic red (an event lost, duplicated or out of order) or
unknown (a topic that could not be checked), 2 usage errors.`;

export type ParsedCheckArgs = ParsedCommandArgs<CheckOptions>;

export function parseCheckArgs(argv: string[]): ParsedCheckArgs {
  const read = readCommandLine(
    argv,
    {
      events: { type: 'string' },
      duration: { type: 'string' },
      rate: { type: 'string' },
      http2: { type: 'boolean' },
      'no-backend-drop': { type: 'boolean' },
      'numeric-ids': { type: 'boolean' },
      junit: { type: 'string' },
      json: { type: 'boolean' },
    },
    { command: 'check' },
  );
  if (!read.ok) return read;
  const { values, positionals } = read.parsed;
  if (values.help) return { ok: true, help: true };
  const project = projectPositional(positionals, 'check');
  if (!project.ok) return project;

  const events = numberFlag('--events', values.events, CHECK_DEFAULTS.events, LIMITS.events, true);
  if (typeof events === 'string') return { ok: false, message: events };
  const durationSeconds = numberFlag('--duration', values.duration, CHECK_DEFAULTS.durationSeconds, LIMITS.durationSeconds, false);
  if (typeof durationSeconds === 'string') return { ok: false, message: durationSeconds };
  const rate = numberFlag('--rate', values.rate, CHECK_DEFAULTS.rate, LIMITS.rate, false);
  if (typeof rate === 'string') return { ok: false, message: rate };
  if (values.junit !== undefined && values.junit.trim() === '') return { ok: false, message: '--junit needs a file to write the JUnit XML to, e.g. --junit check-results.xml.' };
  return {
    ok: true,
    value: {
      project: project.project,
      events,
      durationSeconds,
      rate,
      http2: values.http2 === true,
      backendDrop: values['no-backend-drop'] !== true,
      numericIds: values['numeric-ids'] === true,
      junit: values.junit,
      json: values.json === true,
    },
  };
}

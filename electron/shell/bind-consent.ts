/**
 * A project's sse-studio.yaml may say `host: 0.0.0.0` (or any other address). Opening a folder
 * must not, by itself, expose the gateway, the mock and their streams to the network: the app asks
 * first, and binds to 127.0.0.1 unless the person agrees. (The CLI, started by the person with the
 * settings in plain sight, binds as told and prints a warning.) Pure, so it is tested without Electron.
 */
export const LOOPBACK_HOST = '127.0.0.1';

/** Addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export type BindPlan = { kind: 'bind'; host: string } | { kind: 'ask'; host: string; approvalKey: string; question: BindQuestion };

export interface BindQuestion {
  message: string;
  detail: string;
  /** Button labels; index 0 keeps the app on this machine (the default and the cancel answer). */
  buttons: [string, string];
}

/**
 * What to bind to for the project at `projectRoot` whose settings ask for `requested` (undefined:
 * the default). `approved` holds earlier answers of this run (approvalKey values), so reopening
 * the same project does not ask again.
 */
export function planBind(projectRoot: string, requested: string | undefined, approved: ReadonlySet<string>, fallback = LOOPBACK_HOST): BindPlan {
  if (requested === undefined || isLoopbackHost(requested)) return { kind: 'bind', host: requested ?? fallback };
  const approvalKey = `${projectRoot}\n${requested}`;
  if (approved.has(approvalKey)) return { kind: 'bind', host: requested };
  return {
    kind: 'ask',
    host: requested,
    approvalKey,
    question: {
      message: `This project asks SSE Studio to listen on ${requested}, not only on this machine.`,
      detail:
        `Its sse-studio.yaml sets host: ${requested}. Other computers on your network could then reach the gateway, the mock backend and their streams.\n\n` +
        `Choose "Only this machine" to listen on ${fallback} instead (the file is not changed).`,
      buttons: ['Only this machine', `Listen on ${requested}`],
    },
  };
}

/** The host to bind after the question: button 1 allows the project's address, anything else keeps loopback. */
export function hostAfterAnswer(plan: Extract<BindPlan, { kind: 'ask' }>, button: number, fallback = LOOPBACK_HOST): { host: string; approved: boolean } {
  return button === 1 ? { host: plan.host, approved: true } : { host: fallback, approved: false };
}

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Request/response over Node's IPC channel between the bench orchestrator and its child processes
 * (backend, gateway, client drivers). Each child is its own process so /proc can measure its CPU
 * and memory alone; IPC is only used between measurement windows, never in the hot path.
 */
// Handler parameters are contravariant, so `never` accepts every handler signature.
export type Handlers = Record<string, (params: never) => unknown>;

type Params<H extends Handlers, K extends keyof H> = Parameters<H[K]>[0];
type Result<H extends Handlers, K extends keyof H> = Awaited<ReturnType<H[K]>>;

interface Request {
  rpc: number;
  cmd: string;
  params: unknown;
}
type Reply = { rpc: number; ok: true; result: unknown } | { rpc: number; ok: false; error: string };

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StartOptions {
  args?: string[];
  /** Extra node flags (e.g. --expose-gc, --cpu-prof). */
  nodeFlags?: string[];
  /** How long the child may take to announce it is ready. */
  readyTimeoutMs?: number;
}

export class ChildRpc<H extends Handlers, Ready = unknown> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly ready: Ready,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    child.on('message', (msg: Reply) => {
      const waiter = this.pending.get(msg.rpc);
      if (!waiter) return;
      this.pending.delete(msg.rpc);
      if (msg.ok) waiter.resolve(msg.result);
      else waiter.reject(new Error(`${name}: ${msg.error}`));
    });
    child.once('exit', (code, signal) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`${name} exited (${signal ?? code}) during a call`));
      this.pending.clear();
    });
  }

  /** Forks a TypeScript child (run through tsx's loader) and waits for its `ready` message. */
  static start<H extends Handlers, Ready>(name: string, script: string, options: StartOptions = {}): Promise<ChildRpc<H, Ready>> {
    const child = fork(script, options.args ?? [], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${name} did not start within ${options.readyTimeoutMs ?? 20_000} ms`));
      }, options.readyTimeoutMs ?? 20_000);
      const onMessage = (msg: { ready?: Ready }) => {
        if (!('ready' in msg)) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(new ChildRpc<H, Ready>(name, child, msg.ready as Ready));
      };
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with code ${code} before it was ready`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  }

  get pid(): number {
    return this.child.pid as number;
  }

  call<K extends keyof H & string>(cmd: K, ...params: Params<H, K> extends undefined ? [] : [Params<H, K>]): Promise<Result<H, K>> {
    const rpc = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(rpc, { resolve: resolve as (v: unknown) => void, reject });
      const request: Request = { rpc, cmd, params: params[0] };
      this.child.send(request);
    });
  }

  /** Asks the child to exit, then kills it if it has not within `graceMs`; resolves once it is gone. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.send({ rpc: 0, cmd: '__exit', params: undefined } satisfies Request);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Child side: answers requests with `handlers`; `__exit` runs `onExit` and ends the process. */
export function serveRpc(handlers: Handlers, onExit: () => Promise<void> | void = () => {}): void {
  process.on('message', (msg: Request) => {
    if (msg.cmd === '__exit') {
      void Promise.resolve()
        .then(onExit)
        .finally(() => process.exit(0));
      return;
    }
    const handler = handlers[msg.cmd] as ((params: unknown) => unknown) | undefined;
    const reply = (r: Reply) => process.send?.(r);
    if (!handler) return reply({ rpc: msg.rpc, ok: false, error: `unknown command ${msg.cmd}` });
    Promise.resolve()
      .then(() => handler(msg.params))
      .then(
        (result) => reply({ rpc: msg.rpc, ok: true, result }),
        (err: unknown) => reply({ rpc: msg.rpc, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      );
  });
  // The orchestrator died or was interrupted: do not linger holding ports.
  process.on('disconnect', () => process.exit(0));
}

export function announceReady(info: unknown): void {
  process.send?.({ ready: info });
}

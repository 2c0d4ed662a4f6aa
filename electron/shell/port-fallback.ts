import { ListenError } from '../host/listen.ts';

/**
 * The desktop app must open even when another program holds the gateway's or the mock's default
 * port (a second `sse-studio serve`, a dev server on 8080...). A taken port moves that service to a
 * free port and the person is told which port and where the service went; any other failure is
 * still an error.
 */
export interface ServicePorts {
  /** Port, 0 for any free port, or null for "do not start". */
  gatewayPort: number | null;
  /** The gateway's HTTPS port; absent = the host's default, null = off. */
  gatewayHttpsPort?: number | null;
  mockPort: number | null;
}

export type ServiceName = 'gateway' | 'gatewayHttps' | 'mock';

const PORT_KEY: Record<ServiceName, keyof ServicePorts> = { gateway: 'gatewayPort', gatewayHttps: 'gatewayHttpsPort', mock: 'mockPort' };

export interface MovedService {
  service: ServiceName;
  /** The port that could not be used. */
  port: number;
  /** Why, in the words of the ListenError ("Gateway: 127.0.0.1:8280 is already in use; ..."). */
  reason: string;
}

/** Listen errors that another port fixes; a bad host address is not one of them. */
const MOVABLE = new Set(['EADDRINUSE', 'EACCES']);

export async function startWithPortFallback<T>(
  ports: ServicePorts,
  start: (ports: ServicePorts) => Promise<T>,
): Promise<{ value: T; ports: ServicePorts; moved: MovedService[] }> {
  const current = { ...ports };
  const moved: MovedService[] = [];
  // Each service can move once, so at most four attempts.
  for (;;) {
    try {
      return { value: await start({ ...current }), ports: current, moved };
    } catch (err) {
      const service = err instanceof ListenError && err.code && MOVABLE.has(err.code) ? serviceOnPort(current, err.port) : undefined;
      if (!service || !(err instanceof ListenError)) throw err;
      moved.push({ service, port: err.port, reason: err.message });
      current[PORT_KEY[service]] = 0;
    }
  }
}

function serviceOnPort(ports: ServicePorts, port: number): ServiceName | undefined {
  if (port === 0) return undefined;
  if (ports.gatewayPort === port) return 'gateway';
  if (ports.gatewayHttpsPort === port) return 'gatewayHttps';
  if (ports.mockPort === port) return 'mock';
  return undefined;
}

const LABEL: Record<ServiceName, string> = { gateway: 'gateway', gatewayHttps: 'gateway (HTTPS)', mock: 'mock SSE backend' };

/** The dialog text: which port was taken and where each service runs now. */
export function describeMovedServices(moved: MovedService[], urls: Partial<Record<ServiceName, string | null>>): { message: string; detail: string } {
  const ports = moved.map((m) => m.port).join(' and ');
  const lines = moved.map((m) => {
    const now = urls[m.service];
    return `Port ${m.port} is not available, so the ${LABEL[m.service]} runs on ${now ?? 'another port'} instead.`;
  });
  if (moved.some((m) => m.service === 'mock')) {
    const port = moved.find((m) => m.service === 'mock')?.port;
    lines.push(`APIs whose endpoint is the mock's usual address (port ${port}) are streamed from the mock at its new address.`);
  }
  lines.push('', 'To use the default ports, stop the program using them and restart SSE Studio.', '', ...moved.map((m) => m.reason));
  return { message: `Port${moved.length > 1 ? 's' : ''} ${ports} ${moved.length > 1 ? 'are' : 'is'} not available`, detail: lines.join('\n') };
}

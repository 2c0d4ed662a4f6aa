import { describe, expect, it } from 'vitest';
import { ListenError } from '../host/listen.ts';
import { describeMovedServices, startWithPortFallback, type ServicePorts } from './port-fallback.ts';

const inUse = (service: string, port: number) =>
  new ListenError(service, '127.0.0.1', port, 'EADDRINUSE', `${service}: 127.0.0.1:${port} is already in use; stop the program using it or pick another port.`);

/** A fake host start that fails while a requested port is in `taken`. */
function starter(taken: Set<number>) {
  const attempts: ServicePorts[] = [];
  const start = async (ports: ServicePorts) => {
    attempts.push(ports);
    // Like StudioHost.start: the mock listens first, then the gateway.
    if (ports.mockPort && taken.has(ports.mockPort)) throw inUse('Mock backend', ports.mockPort);
    if (ports.gatewayPort && taken.has(ports.gatewayPort)) throw inUse('Gateway (HTTP)', ports.gatewayPort);
    if (ports.gatewayHttpsPort && taken.has(ports.gatewayHttpsPort)) throw inUse('Gateway (HTTPS)', ports.gatewayHttpsPort);
    return `started ${ports.gatewayPort}/${ports.mockPort}`;
  };
  return { start, attempts };
}

describe('startWithPortFallback', () => {
  it('starts on the default ports when they are free, in one attempt', async () => {
    const { start, attempts } = starter(new Set());
    const result = await startWithPortFallback({ gatewayPort: 8280, mockPort: 8080 }, start);
    expect(result).toEqual({ value: 'started 8280/8080', ports: { gatewayPort: 8280, mockPort: 8080 }, moved: [] });
    expect(attempts).toHaveLength(1);
  });

  it('moves a service whose port is taken to any free port (0) and says which port it was', async () => {
    const { start } = starter(new Set([8280]));
    const result = await startWithPortFallback({ gatewayPort: 8280, mockPort: 8080 }, start);
    expect(result.ports).toEqual({ gatewayPort: 0, mockPort: 8080 });
    expect(result.moved).toEqual([{ service: 'gateway', port: 8280, reason: expect.stringContaining('8280 is already in use') }]);
  });

  it('moves both services when both ports are taken', async () => {
    const { start, attempts } = starter(new Set([8280, 8080]));
    const result = await startWithPortFallback({ gatewayPort: 8280, mockPort: 8080 }, start);
    expect(result.ports).toEqual({ gatewayPort: 0, mockPort: 0 });
    expect(result.moved.map((m) => [m.service, m.port])).toEqual([['mock', 8080], ['gateway', 8280]]);
    expect(attempts).toHaveLength(3);
  });

  it('moves the HTTPS listener too', async () => {
    const { start } = starter(new Set([8243]));
    const result = await startWithPortFallback({ gatewayPort: 8280, gatewayHttpsPort: 8243, mockPort: 8080 }, start);
    expect(result.ports).toEqual({ gatewayPort: 8280, gatewayHttpsPort: 0, mockPort: 8080 });
    expect(result.moved).toEqual([{ service: 'gatewayHttps', port: 8243, reason: expect.stringContaining('Gateway (HTTPS)') }]);
  });

  it('does not retry errors another port cannot fix', async () => {
    const badHost = new ListenError('Gateway', '10.9.9.9', 8280, 'EADDRNOTAVAIL', 'Gateway: 10.9.9.9:8280 is not an address of this machine.');
    await expect(startWithPortFallback({ gatewayPort: 8280, mockPort: 8080 }, () => Promise.reject(badHost))).rejects.toBe(badHost);
    const other = new Error('project folder vanished');
    await expect(startWithPortFallback({ gatewayPort: 8280, mockPort: 8080 }, () => Promise.reject(other))).rejects.toBe(other);
  });

  it('gives up instead of looping when port 0 itself fails', async () => {
    const failure = inUse('Gateway', 0);
    await expect(startWithPortFallback({ gatewayPort: 0, mockPort: null }, () => Promise.reject(failure))).rejects.toBe(failure);
  });
});

describe('describeMovedServices', () => {
  it('names the taken port and the URL the service runs on now', () => {
    const text = describeMovedServices([{ service: 'gateway', port: 8280, reason: 'Gateway: 127.0.0.1:8280 is already in use.' }], {
      gateway: 'http://127.0.0.1:40123',
      mock: 'http://127.0.0.1:8080',
    });
    expect(text.message).toBe('Port 8280 is not available');
    expect(text.detail).toContain('Port 8280 is not available, so the gateway runs on http://127.0.0.1:40123 instead.');
    expect(text.detail).toContain('Gateway: 127.0.0.1:8280 is already in use.');
    expect(text.detail).not.toContain('mock backend until');
  });

  it('warns that APIs pointing at the mock\'s usual port miss the moved mock', () => {
    const text = describeMovedServices(
      [
        { service: 'mock', port: 8080, reason: 'r1' },
        { service: 'gateway', port: 8280, reason: 'r2' },
      ],
      { gateway: 'http://127.0.0.1:40123', mock: 'http://127.0.0.1:40124' },
    );
    expect(text.message).toBe('Ports 8080 and 8280 are not available');
    expect(text.detail).toContain('the mock SSE backend runs on http://127.0.0.1:40124 instead.');
    expect(text.detail).toContain('(port 8080)');
  });
});

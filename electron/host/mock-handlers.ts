import type { StudioHandlers } from '../../shared/api/contract.ts';
import { fail, ok } from '../../shared/result.ts';
import type { MockBackend } from '../mock/mock-backend.ts';

/** The Studio API for the mock backend: status and SSE-aware fault injection, set before a run or live. */
export type MockMethods = 'mock.status' | 'mock.faults.list' | 'mock.faults.set' | 'mock.faults.trigger' | 'mock.faults.clear';

const MOCK_OFF = () => fail('mock_off', 'The mock backend is not running (it was started with --no-mock).');

export function mockHandlers(host: { readonly mock: MockBackend | undefined }): Pick<StudioHandlers, MockMethods> {
  return {
    'mock.status': async () => (host.mock ? ok(host.mock.status()) : MOCK_OFF()),
    'mock.faults.list': async () => (host.mock ? ok({ faults: host.mock.faults.list() }) : MOCK_OFF()),
    'mock.faults.set': async ({ scope, plan }) => (host.mock ? host.mock.faults.set(scope, plan) : MOCK_OFF()),
    'mock.faults.trigger': async ({ scope, action }) => (host.mock ? host.mock.faults.trigger(scope, action) : MOCK_OFF()),
    'mock.faults.clear': async ({ scope }) => (host.mock ? host.mock.faults.clear(scope ?? {}) : MOCK_OFF()),
  };
}

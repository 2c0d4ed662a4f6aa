import { MALFORM_KINDS, MOCK_ID_SCHEMES, MOCK_LIMITS, MOCK_SCENARIOS, MOCK_TIMINGS, type FaultAction, type FaultPlan, type FaultScope, type MalformKind, type MockConfig, type MockProblem } from './mock.ts';

/**
 * Checks mock settings that come from a document (`x-mock`) or over the Studio API (live faults):
 * every wrong value is a problem with its path (relative to the block) and a message that says
 * what fits, never silently ignored. The format is described in mock.ts.
 */
type Report = (path: Array<string | number>, message: string) => void;

export function validateMockConfig(raw: unknown): { value: MockConfig; problems: MockProblem[] } {
  const problems: MockProblem[] = [];
  const problem: Report = (path, message) => problems.push({ path, message });
  const value: MockConfig = {};
  if (!isRecord(raw)) return { value, problems: [{ path: [], message: 'x-mock must be a mapping, e.g. { scenario: schema, rate: 2 }.' }] };
  const known = ['scenario', 'rate', 'burst', 'event', 'ids', 'retryMs', 'backlog', 'resume', 'faults', 'file', 'timing'];
  unknownKeys(raw, known, [], 'x-mock setting', problem);

  if (raw.scenario !== undefined) {
    if (isOneOf(raw.scenario, MOCK_SCENARIOS)) value.scenario = raw.scenario;
    else problem(['scenario'], `scenario must be one of ${MOCK_SCENARIOS.join(', ')}.`);
  }
  if (raw.rate !== undefined) {
    const { min, max } = MOCK_LIMITS.rate;
    if (typeof raw.rate === 'number' && raw.rate >= min && raw.rate <= max) value.rate = raw.rate;
    else problem(['rate'], `rate is events per second: a number from ${min} to ${max}.`);
  }
  if (raw.burst !== undefined) {
    const burst = raw.burst;
    if (!isRecord(burst)) problem(['burst'], 'burst must be a mapping: { events: N, everyMs: T } (N events at once every T ms).');
    else {
      unknownKeys(burst, ['events', 'everyMs'], ['burst'], 'burst setting', problem);
      const events = intIn(burst.events, MOCK_LIMITS.burstEvents);
      const everyMs = intIn(burst.everyMs, MOCK_LIMITS.burstEveryMs);
      if (events === undefined) problem(['burst', 'events'], `burst.events must be a whole number from ${MOCK_LIMITS.burstEvents.min} to ${MOCK_LIMITS.burstEvents.max}.`);
      if (everyMs === undefined) problem(['burst', 'everyMs'], `burst.everyMs must be a whole number of milliseconds from ${MOCK_LIMITS.burstEveryMs.min} to ${MOCK_LIMITS.burstEveryMs.max}.`);
      if (events !== undefined && everyMs !== undefined) value.burst = { events, everyMs };
    }
  }
  if (raw.event !== undefined) {
    if (typeof raw.event === 'string' && raw.event.trim() && !/[\r\n]/.test(raw.event)) value.event = raw.event;
    else problem(['event'], 'event must be a non-empty event name on one line, e.g. "price".');
  }
  if (raw.ids !== undefined) {
    if (isOneOf(raw.ids, MOCK_ID_SCHEMES)) value.ids = raw.ids;
    else problem(['ids'], `ids must be one of ${MOCK_ID_SCHEMES.join(', ')}.`);
  }
  if (raw.retryMs !== undefined) {
    const retryMs = intIn(raw.retryMs, MOCK_LIMITS.retryMs);
    if (retryMs === undefined) problem(['retryMs'], `retryMs must be a whole number of milliseconds from 0 to ${MOCK_LIMITS.retryMs.max}.`);
    else value.retryMs = retryMs;
  }
  if (raw.backlog !== undefined) {
    const backlog = intIn(raw.backlog, MOCK_LIMITS.backlog);
    if (backlog === undefined) problem(['backlog'], `backlog must be a whole number of events from 0 to ${MOCK_LIMITS.backlog.max}.`);
    else value.backlog = backlog;
  }
  if (raw.resume !== undefined) {
    if (typeof raw.resume === 'boolean') value.resume = raw.resume;
    else problem(['resume'], 'resume must be true (honour Last-Event-ID) or false (ignore it).');
  }
  // A recorded stream: a file beside the document (never outside its folder), played with its own timing or a rate.
  if (raw.file !== undefined) {
    if (typeof raw.file === 'string' && raw.file.trim() && !/^([a-zA-Z]:)?[\\/]/.test(raw.file) && !raw.file.split(/[\\/]/).includes('..')) value.file = raw.file;
    else problem(['file'], 'file is a recording beside the document, as a relative path inside its folder, e.g. recordings/prices.json (made by "sse-studio record").');
  }
  if (raw.timing !== undefined) {
    if (isOneOf(raw.timing, MOCK_TIMINGS)) value.timing = raw.timing;
    else problem(['timing'], `timing must be one of ${MOCK_TIMINGS.join(', ')}: original keeps the recorded gaps, rate plays at a steady rate.`);
  }
  if (raw.scenario === 'recorded' && raw.file === undefined) problem(['file'], 'scenario "recorded" needs file: the recording to play, e.g. file: recordings/prices.json (made by "sse-studio record").');
  if (raw.scenario !== 'recorded' && (raw.file !== undefined || raw.timing !== undefined)) problem([raw.file !== undefined ? 'file' : 'timing'], 'file and timing are for scenario: recorded.');
  if (raw.faults !== undefined) {
    const faults = validateFaultPlan(raw.faults);
    for (const p of faults.problems) problem(['faults', ...p.path], p.message);
    if (!faults.problems.length) value.faults = faults.value;
  }
  return { value, problems };
}

export function validateFaultPlan(raw: unknown): { value: FaultPlan; problems: MockProblem[] } {
  const problems: MockProblem[] = [];
  const problem: Report = (path, message) => problems.push({ path, message });
  const plan: FaultPlan = {};
  if (!isRecord(raw)) return { value: plan, problems: [{ path: [], message: 'A fault plan must be a mapping, e.g. { drop: { afterEvents: 3 } }.' }] };
  unknownKeys(raw, ['drop', 'stall', 'latency', 'bandwidth', 'status', 'contentType', 'malform'], [], 'fault', problem);
  const duration = MOCK_LIMITS.durationMs;

  const drop = block(raw, 'drop', ['afterEvents', 'everyMs', 'probability'], 'drop must be a mapping: { afterEvents: N } | { everyMs: T } | { probability: p }.', problem);
  if (drop) {
    const out: NonNullable<FaultPlan['drop']> = {};
    if (drop.afterEvents !== undefined) {
      const n = intIn(drop.afterEvents, { min: 0, max: 1_000_000_000 });
      if (n === undefined) problem(['drop', 'afterEvents'], 'drop.afterEvents must be a whole number of events, 0 (at once) or more.');
      else out.afterEvents = n;
    }
    if (drop.everyMs !== undefined) {
      const t = intIn(drop.everyMs, duration);
      if (t === undefined) problem(['drop', 'everyMs'], `drop.everyMs must be a whole number of milliseconds from ${duration.min} to ${duration.max}.`);
      else out.everyMs = t;
    }
    if (drop.probability !== undefined) {
      const p = drop.probability;
      if (typeof p === 'number' && p >= 0 && p <= 1) out.probability = p;
      else problem(['drop', 'probability'], 'drop.probability must be a number from 0 to 1 (the chance per event).');
    }
    if (Object.keys(drop).length === 0) problem(['drop'], 'drop needs afterEvents, everyMs or probability.');
    plan.drop = out;
  }

  const stall = block(raw, 'stall', ['afterEvents', 'ms'], 'stall must be a mapping: { afterEvents: N, ms: T } (no ms: until cleared).', problem);
  if (stall) {
    const out: NonNullable<FaultPlan['stall']> = {};
    if (stall.afterEvents !== undefined) {
      const n = intIn(stall.afterEvents, { min: 0, max: 1_000_000_000 });
      if (n === undefined) problem(['stall', 'afterEvents'], 'stall.afterEvents must be a whole number of events, 0 or more.');
      else out.afterEvents = n;
    }
    if (stall.ms !== undefined) {
      const t = intIn(stall.ms, duration);
      if (t === undefined) problem(['stall', 'ms'], `stall.ms must be a whole number of milliseconds from ${duration.min} to ${duration.max} (leave it out to stall until cleared).`);
      else out.ms = t;
    }
    plan.stall = out;
  }

  const latency = block(raw, 'latency', ['ms', 'jitterMs'], 'latency must be a mapping: { ms: T, jitterMs: J }.', problem);
  if (latency) {
    const ms = intIn(latency.ms, MOCK_LIMITS.latencyMs);
    const jitter = latency.jitterMs === undefined ? 0 : intIn(latency.jitterMs, MOCK_LIMITS.latencyMs);
    if (ms === undefined) problem(['latency', 'ms'], `latency.ms must be a whole number of milliseconds from 0 to ${MOCK_LIMITS.latencyMs.max}.`);
    if (jitter === undefined) problem(['latency', 'jitterMs'], `latency.jitterMs must be a whole number of milliseconds from 0 to ${MOCK_LIMITS.latencyMs.max}.`);
    if (ms !== undefined && jitter !== undefined) plan.latency = jitter ? { ms, jitterMs: jitter } : { ms };
  }

  const bandwidth = block(raw, 'bandwidth', ['bytesPerSecond'], 'bandwidth must be a mapping: { bytesPerSecond: N }.', problem);
  if (bandwidth) {
    const bps = intIn(bandwidth.bytesPerSecond, MOCK_LIMITS.bytesPerSecond);
    if (bps === undefined) problem(['bandwidth', 'bytesPerSecond'], `bandwidth.bytesPerSecond must be a whole number from 1 to ${MOCK_LIMITS.bytesPerSecond.max}.`);
    else plan.bandwidth = { bytesPerSecond: bps };
  }

  const status = block(raw, 'status', ['code', 'body'], 'status must be a mapping: { code: 503, body: "..." }.', problem);
  if (status) {
    const code = intIn(status.code, { min: 200, max: 599 });
    if (code === undefined) problem(['status', 'code'], 'status.code must be an HTTP status from 200 to 599, e.g. 204, 500 or 503.');
    if (status.body !== undefined && (typeof status.body !== 'string' || status.body.length > MOCK_LIMITS.statusBodyChars)) {
      problem(['status', 'body'], `status.body must be text of at most ${MOCK_LIMITS.statusBodyChars} characters.`);
    } else if (code !== undefined) plan.status = typeof status.body === 'string' ? { code, body: status.body } : { code };
  }

  if (raw.contentType !== undefined) {
    const ct = raw.contentType;
    if (typeof ct === 'string' && ct.trim() && ct.length <= 200 && !/[\r\n]/.test(ct)) plan.contentType = ct;
    else problem(['contentType'], 'contentType must be a media type on one line, e.g. "application/json".');
  }

  const malform = block(raw, 'malform', ['kinds', 'everyEvents'], `malform must be a mapping: { kinds: [${MALFORM_KINDS.join(', ')}], everyEvents: N }.`, problem);
  if (malform) {
    const kinds = malform.kinds;
    const every = malform.everyEvents === undefined ? 1 : intIn(malform.everyEvents, { min: 1, max: 1_000_000 });
    if (!Array.isArray(kinds) || kinds.length === 0 || !kinds.every((k) => isOneOf(k, MALFORM_KINDS))) {
      problem(['malform', 'kinds'], `malform.kinds must list one or more of ${MALFORM_KINDS.join(', ')}.`);
    } else if (every === undefined) problem(['malform', 'everyEvents'], 'malform.everyEvents must be a whole number, 1 (every event) or more.');
    else plan.malform = every === 1 ? { kinds: [...new Set(kinds as MalformKind[])] } : { kinds: [...new Set(kinds as MalformKind[])], everyEvents: every };
  }
  return { value: plan, problems };
}

export function validateFaultScope(raw: unknown): { value: FaultScope; problems: MockProblem[] } {
  if (raw === undefined) return { value: {}, problems: [] };
  if (!isRecord(raw)) return { value: {}, problems: [{ path: [], message: 'A fault scope must be a mapping: { apiId?, topic? } (empty: every stream).' }] };
  const problems: MockProblem[] = [];
  const value: FaultScope = {};
  unknownKeys(raw, ['apiId', 'topic'], [], 'scope key', (path, message) => problems.push({ path, message }));
  for (const key of ['apiId', 'topic'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === 'string' && v) value[key] = v;
    else problems.push({ path: [key], message: `scope.${key} must be a non-empty string.` });
  }
  return { value, problems };
}

export function validateFaultAction(raw: unknown): { value?: FaultAction; problems: MockProblem[] } {
  const bad = (path: Array<string | number>, message: string) => ({ problems: [{ path, message }] });
  if (!isRecord(raw)) return bad([], 'An action must be { type: drop } | { type: stall, ms? } | { type: restart, downMs }.');
  switch (raw.type) {
    case 'drop':
      return { value: { type: 'drop' }, problems: [] };
    case 'stall': {
      if (raw.ms === undefined) return { value: { type: 'stall' }, problems: [] };
      const ms = intIn(raw.ms, MOCK_LIMITS.durationMs);
      return ms === undefined ? bad(['ms'], `stall.ms must be a whole number of milliseconds from 1 to ${MOCK_LIMITS.durationMs.max} (leave it out to stall until cleared).`) : { value: { type: 'stall', ms }, problems: [] };
    }
    case 'restart': {
      const downMs = intIn(raw.downMs, MOCK_LIMITS.restartDownMs);
      return downMs === undefined ? bad(['downMs'], `restart.downMs must be a whole number of milliseconds from 0 to ${MOCK_LIMITS.restartDownMs.max}.`) : { value: { type: 'restart', downMs }, problems: [] };
    }
    default:
      return bad(['type'], 'action.type must be drop, stall or restart.');
  }
}

function block(raw: Record<string, unknown>, key: string, known: string[], message: string, problem: Report): Record<string, unknown> | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problem([key], message);
    return undefined;
  }
  unknownKeys(value, known, [key], `${key} setting`, problem);
  return value;
}

function unknownKeys(raw: Record<string, unknown>, known: string[], at: Array<string | number>, what: string, problem: Report): void {
  for (const key of Object.keys(raw)) if (!known.includes(key)) problem([...at, key], `Unknown ${what} "${key}". Known: ${known.join(', ')}.`);
}

function intIn(value: unknown, range: { min: number; max: number }): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max ? value : undefined;
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { fail, ok, type Result } from '../result.ts';
import type { ParamsOf, StudioMethod } from './contract.ts';
import { checkServerCheckRequest } from '../model/server-check.ts';

/**
 * Every transport checks params against this table on the host side before a handler runs, and the
 * preload uses the method list as its allowlist. Unknown methods and malformed params are refused.
 */
type Check<M extends StudioMethod> = (params: Record<string, unknown>) => Result<ParamsOf<M>>;

const empty = <M extends StudioMethod>(): Check<M> => () => ok({} as ParamsOf<M>);

const strings =
  <M extends StudioMethod>(required: string[], optional: string[] = [], arrays: string[] = []): Check<M> =>
  (params) => {
    for (const key of required) {
      if (typeof params[key] !== 'string') return fail('bad_params', `"${key}" must be a string.`);
    }
    for (const key of optional) {
      if (params[key] !== undefined && typeof params[key] !== 'string') return fail('bad_params', `"${key}" must be a string when given.`);
    }
    for (const key of arrays) {
      const value = params[key];
      if (value !== undefined && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
        return fail('bad_params', `"${key}" must be a list of strings when given.`);
      }
    }
    const known = new Set([...required, ...optional, ...arrays]);
    const extra = Object.keys(params).find((k) => !known.has(k));
    if (extra) return fail('bad_params', `Unknown parameter "${extra}".`);
    return ok(params as ParamsOf<M>);
  };

const objects =
  <M extends StudioMethod>(required: string[], optional: string[] = []): Check<M> =>
  (params) => {
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    for (const key of required) if (!isObject(params[key])) return fail('bad_params', `"${key}" must be an object.`);
    for (const key of optional) if (params[key] !== undefined && !isObject(params[key])) return fail('bad_params', `"${key}" must be an object when given.`);
    const known = new Set([...required, ...optional]);
    const extra = Object.keys(params).find((k) => !known.has(k));
    if (extra) return fail('bad_params', `Unknown parameter "${extra}".`);
    return ok(params as ParamsOf<M>);
  };

const CHECKS: { [M in StudioMethod]: Check<M> } = {
  'host.info': empty(),
  'apis.list': empty(),
  'apis.create': strings(['name', 'context', 'version', 'endpoint'], ['description'], ['topics']),
  'apis.deploy': strings(['id']),
  'apis.undeploy': strings(['id']),
  'subscriptions.open': (params) => {
    const { headers, http2, insecureTls, ids, ...rest } = params;
    if (ids !== undefined && ids !== 'consecutive' && ids !== 'off') return fail('bad_params', '"ids" must be "consecutive" or "off" when given.');
    if (headers !== undefined && (typeof headers !== 'object' || headers === null || Array.isArray(headers) || !Object.values(headers).every((v) => typeof v === 'string'))) {
      return fail('bad_params', '"headers" must be an object of header names to string values when given.');
    }
    for (const [key, value] of Object.entries({ http2, insecureTls })) {
      if (value !== undefined && typeof value !== 'boolean') return fail('bad_params', `"${key}" must be true or false when given.`);
    }
    const checked = typeof rest.url === 'string' ? strings<'subscriptions.open'>(['url'], ['lastEventId'])(rest) : strings<'subscriptions.open'>(['apiId', 'topicPath'], ['lastEventId'])(rest);
    return checked.ok ? ok(params as unknown as ParamsOf<'subscriptions.open'>) : checked;
  },
  'subscriptions.close': strings(['subscriptionId']),
  'subscriptions.drop': strings(['subscriptionId']),
  'subscriptions.verdict': (params) => {
    if (params.ids !== undefined && params.ids !== 'consecutive' && params.ids !== 'off') return fail('bad_params', '"ids" must be "consecutive" or "off" when given.');
    return strings<'subscriptions.verdict'>(['subscriptionId'], ['ids'])(params);
  },
  'subscriptions.list': empty(),
  'subscriptions.events': (params) => {
    if (params.afterSeq !== undefined && (typeof params.afterSeq !== 'number' || !Number.isInteger(params.afterSeq) || params.afterSeq < 0)) return fail('bad_params', '"afterSeq" must be a whole number, 0 or more, when given.');
    const { afterSeq, ...rest } = params;
    const checked = strings<'subscriptions.events'>(['subscriptionId'])(rest);
    return checked.ok ? ok({ ...checked.value, ...(afterSeq !== undefined ? { afterSeq: afterSeq as number } : {}) }) : checked;
  },
  'subscriptions.timeline': strings(['subscriptionId']),
  'apis.updateRuntime': (params) => {
    if (typeof params.id !== 'string') return fail('bad_params', '"id" must be a string.');
    const gateway = params.gateway;
    if (typeof gateway !== 'object' || gateway === null || Array.isArray(gateway)) return fail('bad_params', '"gateway" must be an object (the x-gateway settings).');
    const extra = Object.keys(params).find((k) => k !== 'id' && k !== 'gateway');
    if (extra) return fail('bad_params', `Unknown parameter "${extra}".`);
    return ok({ id: params.id, gateway: gateway as Record<string, unknown> });
  },
  'gateway.metrics': empty(),
  'gateway.rates': strings(['apiId']),
  'documents.list': empty(),
  'documents.get': strings(['id']),
  'documents.save': strings(['id', 'text', 'baseHash']),
  'documents.create': strings(['fileName', 'text']),
  'documents.delete': strings(['id'], ['baseHash']),
  'documents.saveDraft': strings(['id', 'text', 'baseHash']),
  'documents.discardDraft': strings(['id']),
  'documents.resolved': strings(['id']),
  'project.open': strings(['path']),
  'project.recent': empty(),
  'project.create': strings(['path']),
  // The mock checks scopes, plans and actions itself, field by field (shared/model/mock-validate.ts).
  'gateway.drop': strings(['apiId'], ['topic']),
  'load.start': (params) => {
    if (typeof params.apiId !== 'string' || typeof params.topicPath !== 'string') return fail('bad_params', '"apiId" and "topicPath" must be strings.');
    if (typeof params.subscribers !== 'number' || !Number.isInteger(params.subscribers) || params.subscribers < 1) return fail('bad_params', '"subscribers" must be a whole number, 1 or more.');
    if (params.https !== undefined && typeof params.https !== 'boolean') return fail('bad_params', '"https" must be true or false when given.');
    const extra = Object.keys(params).find((k) => !['apiId', 'topicPath', 'subscribers', 'https'].includes(k));
    if (extra) return fail('bad_params', `Unknown parameter "${extra}".`);
    return ok(params as ParamsOf<'load.start'>);
  },
  'load.status': empty(),
  'load.stop': empty(),
  'mock.status': empty(),
  'mock.faults.list': empty(),
  'mock.faults.set': objects(['scope', 'plan']),
  'mock.faults.trigger': objects(['scope', 'action']),
  'mock.faults.clear': objects([], ['scope']),
  'server.check.start': checkServerCheckRequest,
  'server.check.status': empty(),
  'server.check.stop': empty(),
  'recordings.save': strings(['subscriptionId', 'fileName']),
};

export const STUDIO_METHODS = Object.keys(CHECKS) as StudioMethod[];

export function isStudioMethod(name: unknown): name is StudioMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CHECKS, name);
}

export function validateParams<M extends StudioMethod>(method: M, params: unknown): Result<ParamsOf<M>> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return fail('bad_params', 'Params must be an object.');
  return (CHECKS[method] as Check<M>)(params as Record<string, unknown>);
}

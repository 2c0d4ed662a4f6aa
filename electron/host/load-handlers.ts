import type { StudioHandlers } from '../../shared/api/contract.ts';
import { fail, ok } from '../../shared/result.ts';
import { LoadRun, MAX_LOAD_SUBSCRIBERS } from '../viewer/load-run.ts';
import type { Gateway } from '../gateway/gateway.ts';
import type { ProjectStore } from '../project/project-store.ts';

/** The Studio API for tester actions on the gateway side: drop clients on purpose, and load runs. */
export type LoadMethods = 'gateway.drop' | 'load.start' | 'load.status' | 'load.stop';

/** What the handlers need from the host; `project` is read per call (opening a project swaps it). */
export interface LoadHandlerDeps {
  readonly gateway: Gateway | undefined;
  readonly project: ProjectStore;
}

export function loadHandlers(host: LoadHandlerDeps): Pick<StudioHandlers, LoadMethods> {
  let run: LoadRun | undefined;
  return {
    'gateway.drop': async ({ apiId, topic }) => {
      if (!host.gateway) return fail('gateway_off', 'The gateway is not running.');
      if (!host.gateway.isDeployed(apiId)) return fail('not_deployed', `"${apiId}" is not deployed.`);
      return ok({ dropped: host.gateway.dropSubscribers(apiId, topic) });
    },
    'load.start': async ({ apiId, topicPath, subscribers, https }) => {
      if (subscribers > MAX_LOAD_SUBSCRIBERS) return fail('too_many', `At most ${MAX_LOAD_SUBSCRIBERS} simulated subscribers (asked for ${subscribers}).`, [{ field: 'subscribers', message: `Use ${MAX_LOAD_SUBSCRIBERS} or fewer.` }]);
      const entry = host.project.get(apiId);
      if (!entry) return fail('not_found', `There is no API "${apiId}" in the project.`);
      const base = https ? host.gateway?.httpsUrl : host.gateway?.url;
      if (!base) return fail('gateway_off', `The gateway's ${https ? 'HTTPS' : 'HTTP'} listener is not running.`);
      if (!host.gateway?.isDeployed(apiId)) return fail('not_deployed', `Deploy "${entry.api.name}" first.`);
      const path = topicPath.startsWith('/') ? topicPath : '/' + topicPath;
      if (/[*{}]/.test(path)) return fail('bad_topic', `Load a concrete path: replace "*" or {param} in ${path}.`, [{ field: 'topicPath', message: 'Replace "*" or {param} with a concrete path, e.g. /prices.' }]);
      run?.stop();
      run = new LoadRun({ url: new URL(base + entry.basePath + path), subscribers, rejectUnauthorized: false });
      run.start();
      return ok(run.status());
    },
    'load.status': async () => ok(run ? run.status() : null),
    'load.stop': async () => {
      run?.stop();
      return ok(run ? run.status() : null);
    },
  };
}

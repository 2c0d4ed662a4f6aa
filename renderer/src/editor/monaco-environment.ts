import EditorWorker from './workers/editor.worker.ts?worker';
import JsonWorker from './workers/json.worker.ts?worker';
import YamlWorker from './workers/yaml.worker.ts?worker';

/**
 * Monaco asks for its workers by label; every one is a bundled module worker served from 'self'
 * (CSP `worker-src 'self' blob:`), never a CDN.
 */
export function installMonacoEnvironment(): void {
  globalThis.MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      switch (label) {
        case 'yaml':
          return new YamlWorker({ name: 'yaml' });
        case 'json':
          return new JsonWorker({ name: 'json' });
        default:
          return new EditorWorker({ name: label });
      }
    },
  };
}

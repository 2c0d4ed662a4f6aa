import type { SseApi } from '../model/sse-api.ts';
import { exportSseApi } from './export-sse-api.ts';

export { gatewayBlock } from './gateway-block.ts';

/**
 * A new AsyncAPI 3.0 document for an API made in the forms: the studio export (backend as an `sse`
 * server, as WSO2 exports it; each topic a channel with a `receive` operation; our `x-` settings).
 */
export function writeAsyncApi3(api: SseApi): string {
  return exportSseApi(api, { format: 'yaml', asyncapi: '3.0', profile: 'studio' });
}

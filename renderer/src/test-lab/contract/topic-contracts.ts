import type { StudioClient } from '../../../../shared/api/contract.ts';
import type { MockMessage } from '../../../../shared/model/mock.ts';
import { readMock } from '../../../../shared/asyncapi/read-mock.ts';

/** The API's messages per topic (as the mock reads them), or why they could not be read. */
export interface TopicContracts {
  messages: Record<string, MockMessage[]> | undefined;
  error: string | undefined;
}

/**
 * Reads the contract from the host's resolved document, not from the file's text: a payload schema
 * in another file (`$ref: ./schemas.json#/Price`) is inlined there, and the page cannot read files.
 */
export async function readTopicContracts(client: StudioClient, apiId: string): Promise<TopicContracts> {
  const result = await client.call('documents.resolved', { id: apiId });
  if (!result.ok) return { messages: undefined, error: result.error.message };
  return { messages: readMock(result.value.document).messages, error: undefined };
}

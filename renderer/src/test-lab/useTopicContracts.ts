import { useEffect, useState } from 'react';
import type { ApiSummary, StudioClient } from '../../../shared/api/contract.ts';
import type { MockMessage } from '../../../shared/model/mock.ts';
import { parseDocumentText } from '../../../shared/asyncapi/document-text.ts';
import { readMock } from '../../../shared/asyncapi/read-mock.ts';

/**
 * The API's messages per topic, read from its AsyncAPI document (the same reading the mock does),
 * for the contract check. Read again whenever the API changes (the summary is a new object then).
 */
export interface TopicContracts {
  messages: Record<string, MockMessage[]> | undefined;
  error: string | undefined;
}

export function useTopicContracts(client: StudioClient, api: ApiSummary): TopicContracts {
  const [state, setState] = useState<TopicContracts>({ messages: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    void client.call('documents.get', { id: api.id }).then((result) => {
      if (!current) return;
      if (!result.ok) return setState({ messages: undefined, error: result.error.message });
      const parsed = parseDocumentText(result.value.text);
      if (parsed.problems.length) return setState({ messages: undefined, error: `The document does not parse: ${parsed.problems[0]?.message ?? ''}` });
      setState({ messages: readMock(parsed.data).messages, error: undefined });
    });
    return () => {
      current = false;
    };
  }, [client, api]);
  return state;
}

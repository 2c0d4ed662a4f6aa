import { useEffect, useState } from 'react';
import type { ApiSummary, StudioClient } from '../../../shared/api/contract.ts';
import { readTopicContracts, type TopicContracts } from './contract/topic-contracts.ts';

export type { TopicContracts };

/**
 * The API's messages per topic, read from its AsyncAPI document (the same reading the mock does,
 * references into other files inlined by the host), for the contract check. Read again whenever
 * the API changes (the summary is a new object then).
 */
export function useTopicContracts(client: StudioClient, api: ApiSummary): TopicContracts {
  const [state, setState] = useState<TopicContracts>({ messages: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    void readTopicContracts(client, api.id).then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [client, api]);
  return state;
}

import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { describeEndpointInUse } from './endpoint-in-use.ts';
import { describeSecurity, describeTransports } from './describe-runtime.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { TopicTable } from './TopicTable.tsx';
import { PathText } from '../widgets/PathText.tsx';

/** What the API is and where the gateway serves it. */
export function ApiOverview({ api }: { api: ApiSummary }) {
  const { host } = useStudio();
  const inUse = describeEndpointInUse(api.endpoint, api.endpointInUse, host.mockUrl);
  return (
    <Box data-testid="overview-panel">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 0.75, mb: 2 }}>
        <Fact label="Context" testId="api-context">
          {api.context}
        </Fact>
        <Fact label="Base path" testId="api-base-path">
          {api.basePath}
        </Fact>
        <Fact label="Endpoint">
          <span data-testid="api-endpoint">{api.endpoint}</span>
          {inUse && (
            <Box component="span" data-testid="api-endpoint-in-use" title={`The gateway streams from ${api.endpointInUse}`} sx={{ color: 'secondary.main', ml: 1, whiteSpace: 'nowrap' }}>
              → {inUse}
            </Box>
          )}
        </Fact>
        <Fact label="Security" testId="api-security" plain>
          {describeSecurity(api.runtime.security)}
        </Fact>
        <Fact label="Transports" testId="api-transports" plain>
          {describeTransports(api.runtime)}
        </Fact>
        <Fact label="File" testId="api-file">
          {api.id}
        </Fact>
      </Box>
      <TopicTable api={api} />
    </Box>
  );
}

function Fact({ label, testId, plain, children }: { label: string; testId?: string; plain?: boolean; children: ReactNode }) {
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" data-testid={testId} sx={{ fontFamily: plain ? undefined : MONO_FONT }}>
        {!plain && typeof children === 'string' ? <PathText text={children} /> : children}
      </Typography>
    </>
  );
}

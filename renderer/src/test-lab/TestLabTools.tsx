import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import type { MockView } from './useMockStatus.ts';
import { FaultPanel } from './FaultPanel.tsx';
import { LoadPanel } from './LoadPanel.tsx';

/** The API-wide test tools under the viewers: fault injection on the mock backend, and load runs. */
export function TestLabTools({ api, mock }: { api: ApiSummary; mock: MockView }) {
  const [tab, setTab] = useState<'faults' | 'load'>('faults');
  return (
    <Paper variant="outlined" data-testid="test-lab-tools">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="h6">Test lab</Typography>
        <Tabs value={tab} onChange={(_, v: 'faults' | 'load') => setTab(v)}>
          <Tab value="faults" label="Fault injection" data-testid="lab-tab-faults" />
          <Tab value="load" label="Load test" data-testid="lab-tab-load" />
        </Tabs>
      </Box>
      {tab === 'faults' ? <FaultPanel api={api} mock={mock} /> : <LoadPanel api={api} />}
    </Paper>
  );
}

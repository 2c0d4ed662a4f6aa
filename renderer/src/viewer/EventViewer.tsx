import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { useMockStatus } from '../test-lab/useMockStatus.ts';
import { useTopicContracts } from '../test-lab/useTopicContracts.ts';
import { EventViewerPanel } from './EventViewerPanel.tsx';
import { AddIcon } from '../widgets/icons.tsx';
import { CloseIcon, ColumnsIcon, TabsIcon } from '../test-lab/lab-icons.tsx';
import { TestLabTools } from '../test-lab/TestLabTools.tsx';
import { rememberSlotSession, rememberViewerSlots, slotSession, viewerSlots } from '../sessions/session-memory.ts';

/**
 * The tester's half of an API page: live viewers (one or several subscribers, as tabs or side by
 * side, each independent) with reconnect tests and replay verdicts, then the API-wide tools: fault
 * injection on the mock backend and load runs. The subscriptions are sessions on the host: leaving
 * the page keeps them running, and the viewers find them again when it comes back.
 */
const MAX_SUBSCRIBERS = 4;

const slotOf = (apiId: string, panel: number) => `${apiId}#${panel}`;

export function EventViewer({ api }: { api: ApiSummary }) {
  const { client } = useStudio();
  const mock = useMockStatus(client, api.id);
  const contracts = useTopicContracts(client, api);
  const [panels, setPanelsState] = useState<number[]>(() => viewerSlots(api.id));
  const setPanels = (next: number[]) => {
    rememberViewerSlots(api.id, next);
    setPanelsState(next);
  };
  const [selected, setSelected] = useState(() => panels[0] ?? 1);
  const [layout, setLayout] = useState<'tabs' | 'columns'>('tabs');
  const columns = layout === 'columns' && panels.length > 1;

  const add = () => {
    const id = Math.max(...panels) + 1;
    setPanels([...panels, id]);
    setSelected(id);
  };
  const remove = (id: number) => {
    // Closing a viewer ends its session: the one way, besides Stop, that a session ends.
    const subscriptionId = slotSession(slotOf(api.id, id));
    if (subscriptionId) void client.call('subscriptions.close', { subscriptionId });
    rememberSlotSession(slotOf(api.id, id), undefined);
    const rest = panels.filter((p) => p !== id);
    setPanels(rest);
    if (selected === id) setSelected(rest[rest.length - 1] ?? 1);
  };

  return (
    <>
      <Paper variant="outlined" data-testid="viewer" sx={{ display: 'flex', flexDirection: 'column' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2, pt: 1.25, borderBottom: 1, borderColor: 'divider' }}>
          <Typography variant="h6" sx={{ pb: 1 }}>
            Live viewer
          </Typography>
          {panels.length > 1 && !columns && (
            <Tabs value={selected} onChange={(_, v: number) => setSelected(v)} sx={{ minHeight: 36, '& .MuiTab-root': { minHeight: 36, py: 0.5 } }}>
              {panels.map((id, i) => (
                <Tab
                  key={id}
                  value={id}
                  data-testid={`subscriber-tab-${i + 1}`}
                  label={
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                      Subscriber {i + 1}
                      <CloseIcon
                        role="button"
                        aria-label={`Close subscriber ${i + 1}`}
                        sx={{ fontSize: 14, opacity: 0.6, '&:hover': { opacity: 1 } }}
                        onClick={(e) => {
                          e.stopPropagation();
                          remove(id);
                        }}
                      />
                    </Box>
                  }
                />
              ))}
            </Tabs>
          )}
          <Box sx={{ flex: 1 }} />
          {panels.length > 1 && (
            <ToggleButtonGroup size="small" exclusive value={layout} onChange={(_, v: 'tabs' | 'columns' | null) => v && setLayout(v)} sx={{ mb: 1 }}>
              <ToggleButton value="tabs" aria-label="One subscriber at a time" data-testid="layout-tabs">
                <TabsIcon fontSize="small" />
              </ToggleButton>
              <ToggleButton value="columns" aria-label="Subscribers side by side" data-testid="layout-columns">
                <ColumnsIcon fontSize="small" />
              </ToggleButton>
            </ToggleButtonGroup>
          )}
          <Tooltip
            title={panels.length >= MAX_SUBSCRIBERS ? `At most ${MAX_SUBSCRIBERS} viewers (use the Load test for many subscribers)` : 'Another independent subscriber: compare what two clients see'}
          >
            <span>
              <Button size="small" color="inherit" startIcon={<AddIcon />} onClick={add} disabled={panels.length >= MAX_SUBSCRIBERS} data-testid="add-subscriber" sx={{ mb: 1 }}>
                Add subscriber
              </Button>
            </span>
          </Tooltip>
        </Box>
        <Box sx={{ display: 'grid', gridTemplateColumns: columns ? `repeat(${panels.length}, minmax(0, 1fr))` : 'minmax(0, 1fr)' }}>
          {panels.map((id, i) => (
            // Hidden tabs stay mounted: their subscriptions keep running and recording.
            <Box key={id} sx={(t) => ({ display: columns || id === selected ? 'block' : 'none', minWidth: 0, borderLeft: columns && i > 0 ? `1px solid ${t.palette.divider}` : 'none' })}>
              {columns && (
                <Box sx={{ display: 'flex', alignItems: 'center', px: 2, pt: 1 }}>
                  <Typography variant="subtitle2">Subscriber {i + 1}</Typography>
                  <Box sx={{ flex: 1 }} />
                  <IconButton size="small" aria-label={`Close subscriber ${i + 1}`} onClick={() => remove(id)}>
                    <CloseIcon fontSize="small" />
                  </IconButton>
                </Box>
              )}
              <EventViewerPanel api={api} mock={mock} contracts={contracts} compact={columns} slot={slotOf(api.id, id)} />
            </Box>
          ))}
        </Box>
      </Paper>
      <TestLabTools api={api} mock={mock} />
    </>
  );
}

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { useRuntimeForm } from '../runtime/useRuntimeForm.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { MetricsTab } from '../metrics/MetricsTab.tsx';
import { LazyDesignPane } from '../design/LazyDesignPane.tsx';
import { ApiOverview } from '../overview/ApiOverview.tsx';
import { RuntimeTab } from '../runtime/RuntimeTab.tsx';
import { LazyDocsTab } from '../docs/LazyDocsTab.tsx';
import { versionLabel } from './version-label.ts';
import { Markdown } from '../widgets/Markdown.tsx';

export type TabName = 'overview' | 'design' | 'docs' | 'runtime' | 'metrics';

/**
 * One API: its name and the deploy switch, then tabs: Overview (where the gateway serves it),
 * Design (forms + AsyncAPI editor), Runtime (its gateway settings) and Metrics (live counters). The Runtime form's state lives here, so
 * a look at Metrics in the middle of an edit loses nothing typed; Metrics polls only while shown.
 */
export function ApiDetail({
  api,
  initialTab = 'overview',
  onConflict,
  onTabChange,
  actions,
}: {
  api: ApiSummary;
  initialTab?: TabName;
  onConflict: () => void;
  onTabChange?: (tab: TabName) => void;
  /** Rename / duplicate / delete (api-actions/ApiActions.tsx), shown next to Deploy. */
  actions?: ReactNode;
}) {
  const { client } = useStudio();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [tab, setTabState] = useState<TabName>(initialTab);
  // The Design page stays mounted once opened, so its unsaved text and editor state survive a look at another tab.
  const [designOpened, setDesignOpened] = useState(initialTab === 'design');
  const [designDirty, setDesignDirty] = useState(false);
  // The Design editor's text as typed (saved or not): the Docs tab follows it.
  const [designText, setDesignText] = useState<string>();
  const setTab = (next: TabName) => {
    setTabState(next);
    if (next === 'design') setDesignOpened(true);
    onTabChange?.(next);
  };
  const runtime = useRuntimeForm(api, client, onConflict);

  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    const result = await client.call(api.deployed ? 'apis.undeploy' : 'apis.deploy', { id: api.id });
    setBusy(false);
    // Success needs nothing here: the host announces apis.changed and the list re-reads.
    if (!result.ok) setError(result.error.message);
  };

  return (
    <Paper variant="outlined" data-testid="api-detail" sx={{ p: 2.5, pb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, mb: 1 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="h5" data-testid="api-name">
              {api.name}
            </Typography>
            <Chip size="small" variant="outlined" label={versionLabel(api.version)} sx={{ fontFamily: MONO_FONT }} />
            <Chip
              data-testid="deployed-status"
              size="small"
              color={api.deployed ? 'success' : 'default'}
              label={api.deployed ? 'Deployed' : 'Not deployed'}
              variant={api.deployed ? 'filled' : 'outlined'}
            />
          </Box>
          {api.description && (
            <Box sx={{ mt: 0.5 }}>
              <Markdown text={api.description} testId="api-description" />
            </Box>
          )}
        </Box>
        <Button data-testid="deploy-button" variant={api.deployed ? 'outlined' : 'contained'} color={api.deployed ? 'inherit' : 'primary'} loading={busy} onClick={() => void toggle()}>
          {api.deployed ? 'Undeploy' : 'Deploy'}
        </Button>
        {actions}
      </Box>
      {error && (
        <Alert severity="error" data-testid="deploy-error" sx={{ mb: 2 }} onClose={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      <Tabs value={tab} onChange={(_, next: TabName) => setTab(next)} aria-label="API sections" sx={{ mb: 2.5, minHeight: 40, borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { minHeight: 40, px: 2 } }}>
        <Tab value="overview" label="Overview" data-testid="tab-overview" id="api-tab-overview" aria-controls="api-tabpanel" />
        <Tab
          value="design"
          data-testid="tab-design"
          id="api-tab-design"
          aria-controls="api-tabpanel"
          label={<TabLabel text="Design" unsaved={designDirty} />}
        />
        <Tab value="docs" label="Docs" data-testid="tab-docs" id="api-tab-docs" aria-controls="api-tabpanel" />
        <Tab
          value="runtime"
          data-testid="tab-runtime"
          id="api-tab-runtime"
          aria-controls="api-tabpanel"
          label={<TabLabel text="Runtime" unsaved={runtime.dirty} />}
        />
        <Tab value="metrics" label="Metrics" data-testid="tab-metrics" id="api-tab-metrics" aria-controls="api-tabpanel" />
      </Tabs>
      <Box role="tabpanel" id="api-tabpanel" aria-labelledby={`api-tab-${tab}`}>
        {tab === 'overview' && <ApiOverview api={api} />}
        {designOpened && (
          <Box sx={{ display: tab === 'design' ? 'block' : 'none' }}>
            <LazyDesignPane documentId={api.id} active={tab === 'design'} onDirtyChange={setDesignDirty} onTextChange={setDesignText} />
          </Box>
        )}
        {tab === 'docs' && <LazyDocsTab api={api} liveText={designText} />}
        {tab === 'runtime' && <RuntimeTab api={api} form={runtime} />}
        {tab === 'metrics' && <MetricsTab api={api} />}
      </Box>
    </Paper>
  );
}

/** A tab's label, with a dot while its page holds unsaved changes. */
function TabLabel({ text, unsaved }: { text: string; unsaved: boolean }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
      {text}
      {unsaved && <Box component="span" aria-label="unsaved changes" title="Unsaved changes" sx={{ width: 7, height: 7, borderRadius: '50%', bgcolor: 'warning.main' }} />}
    </Box>
  );
}

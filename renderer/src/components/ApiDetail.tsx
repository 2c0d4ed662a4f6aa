import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { CopyButton } from './CopyButton.tsx';

/** One API: what it is, where the gateway serves its topics, and the deploy switch. */
export function ApiDetail({ api }: { api: ApiSummary }) {
  const { client } = useStudio();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    const result = await client.call(api.deployed ? 'apis.undeploy' : 'apis.deploy', { id: api.id });
    setBusy(false);
    // Success needs nothing here: the host announces apis.changed and the list re-reads.
    if (!result.ok) setError(result.error.message);
  };

  return (
    <Paper variant="outlined" data-testid="api-detail" sx={{ p: 2.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, mb: 2 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="h5" data-testid="api-name">
              {api.name}
            </Typography>
            <Chip size="small" variant="outlined" label={`v${api.version}`} sx={{ fontFamily: MONO_FONT }} />
            <Chip
              data-testid="deployed-status"
              size="small"
              color={api.deployed ? 'success' : 'default'}
              label={api.deployed ? 'Deployed' : 'Not deployed'}
              variant={api.deployed ? 'filled' : 'outlined'}
            />
          </Box>
          {api.description && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {api.description}
            </Typography>
          )}
        </Box>
        <Button data-testid="deploy-button" variant={api.deployed ? 'outlined' : 'contained'} color={api.deployed ? 'inherit' : 'primary'} loading={busy} onClick={() => void toggle()}>
          {api.deployed ? 'Undeploy' : 'Deploy'}
        </Button>
      </Box>
      {error && (
        <Alert severity="error" data-testid="deploy-error" sx={{ mb: 2 }} onClose={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 0.75, mb: 2 }}>
        <Fact label="Context" testId="api-context">{api.context}</Fact>
        <Fact label="Base path" testId="api-base-path">{api.basePath}</Fact>
        <Fact label="Endpoint" testId="api-endpoint">{api.endpoint}</Fact>
        <Fact label="File" testId="api-file">{api.id}</Fact>
      </Box>
      <Table size="small" data-testid="topic-table">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 180 }}>Topic</TableCell>
            <TableCell>Gateway URL</TableCell>
            <TableCell sx={{ width: 180 }}>Backend path</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {api.topics.map((t) => (
            <TableRow key={t.path} data-testid="topic-row">
              <TableCell sx={{ fontFamily: MONO_FONT }}>{t.path}</TableCell>
              <TableCell sx={{ fontFamily: MONO_FONT, wordBreak: 'break-all' }}>
                {t.gatewayUrl ?? <Typography component="span" color="text.secondary">gateway off</Typography>}
                {t.gatewayUrl && <CopyButton value={t.gatewayUrl} label="Copy gateway URL" />}
              </TableCell>
              <TableCell sx={{ fontFamily: MONO_FONT, color: 'text.secondary' }}>{t.backendPath ?? t.path}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" data-testid={testId} sx={{ fontFamily: MONO_FONT, wordBreak: 'break-all' }}>
        {children}
      </Typography>
    </>
  );
}

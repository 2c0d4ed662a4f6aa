import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { MONO_FONT } from '../theme.ts';

/** The project's APIs, with where each is served and whether the gateway serves it now. */
export function ApiList({ apis, selectedId, onSelect }: { apis: ApiSummary[]; selectedId: string | undefined; onSelect: (id: string) => void }) {
  if (apis.length === 0) {
    return (
      <Typography data-testid="api-list-empty" variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
        No APIs yet. Create one with <b>New API</b>, or add AsyncAPI files to the project folder.
      </Typography>
    );
  }
  return (
    // A navigation of buttons, not a list: a <ul> may hold only list items.
    <List component="nav" aria-label="APIs" dense disablePadding data-testid="api-list">
      {apis.map((api) => (
        <ListItemButton
          key={api.id}
          data-testid={`api-item-${api.id}`}
          selected={api.id === selectedId}
          onClick={() => onSelect(api.id)}
          sx={{ px: 2, py: 0.75, borderLeft: 3, borderColor: api.id === selectedId ? 'primary.main' : 'transparent' }}
        >
          <ListItemText
            primary={
              <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <Box component="span" sx={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: 600 }}>
                  {api.name}
                </Box>
                <Chip
                  size="small"
                  label={api.deployed ? 'deployed' : 'not deployed'}
                  color={api.deployed ? 'success' : 'default'}
                  variant={api.deployed ? 'filled' : 'outlined'}
                  sx={{ height: 18, fontSize: '0.65rem' }}
                />
              </Box>
            }
            secondary={
              <Box component="span" sx={{ fontFamily: MONO_FONT, fontSize: '0.72rem' }}>
                {api.basePath}
              </Box>
            }
          />
        </ListItemButton>
      ))}
    </List>
  );
}

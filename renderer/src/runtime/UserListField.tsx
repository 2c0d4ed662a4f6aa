import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import { MONO_FONT } from '../theme.ts';
import { fieldTestId } from './field-ids.ts';
import { AddIcon, DeleteIcon } from '../widgets/icons.tsx';

type User = { username: string; password: string };

/** Basic-auth users: name and password per row, add and remove; one message for the list. */
export function UserListField({ users, onChange, error }: { users: User[]; onChange: (users: User[]) => void; error: string | undefined }) {
  const testId = fieldTestId('security.users');
  const set = (i: number, patch: Partial<User>) => onChange(users.map((u, j) => (j === i ? { ...u, ...patch } : u)));
  const input = (i: number, key: keyof User) => ({ htmlInput: { 'data-testid': `${testId}-${i}-${key}`, spellCheck: false, autoComplete: 'off', style: { fontFamily: MONO_FONT } } });
  return (
    <Box data-field="security.users" data-testid={testId}>
      <FormLabel error={Boolean(error)} sx={{ display: 'block', fontSize: '0.78rem', mb: 0.75 }}>
        Users
      </FormLabel>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {users.map((user, i) => (
          <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <TextField label="User name" value={user.username} error={Boolean(error)} onChange={(e) => set(i, { username: e.target.value })} slotProps={input(i, 'username')} />
            <TextField label="Password" value={user.password} error={Boolean(error)} onChange={(e) => set(i, { password: e.target.value })} slotProps={input(i, 'password')} />
            <IconButton size="small" aria-label={`Remove user ${i + 1}`} data-testid={`${testId}-remove-${i}`} onClick={() => onChange(users.filter((_, j) => j !== i))}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Box>
        ))}
      </Box>
      <Button size="small" color="secondary" startIcon={<AddIcon fontSize="small" />} data-testid={`${testId}-add`} onClick={() => onChange([...users, { username: '', password: '' }])} sx={{ mt: 0.75 }}>
        Add user
      </Button>
      <FormHelperText error={Boolean(error)} data-testid={`${testId}-helper`} sx={{ mx: 0 }}>
        {error ?? 'Clients send one of these with curl -u user:password or an Authorization: Basic header.'}
      </FormHelperText>
    </Box>
  );
}

import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RuntimeFormState } from './useRuntimeForm.ts';
import type { RuntimeFormValues, SecurityType } from './runtime-form.ts';
import { newApiKey } from './new-api-key.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { FieldRow, FormSection } from './FormSection.tsx';
import { SettingField } from './SettingField.tsx';
import { StringListField } from './StringListField.tsx';
import { UserListField } from './UserListField.tsx';
import { KeyIcon } from '../widgets/icons.tsx';

const TYPES: Array<{ value: SecurityType; label: string; description: string }> = [
  { value: 'none', label: 'None', description: 'Anyone who can reach the gateway may subscribe.' },
  { value: 'apiKey', label: 'API key', description: 'Subscribers send one of the keys below in a header (or a query parameter, which browsers\u2019 EventSource can send).' },
  { value: 'jwt', label: 'JWT (Bearer token)', description: 'Subscribers send "Authorization: Bearer <token>" (or ?access_token=); the gateway checks the signature, expiry and the claims you set.' },
  { value: 'basic', label: 'Basic', description: 'Subscribers send a user name and password (Authorization: Basic).' },
];

/** Who may subscribe: the security type and, for each type, its own settings. */
export function SecuritySection({ form }: { form: RuntimeFormState }) {
  const { values, update, error } = form;
  const type = TYPES.find((t) => t.value === values.securityType);
  return (
    <FormSection testId="runtime-section-security" title="Security" description="How subscribers prove who they are. Failed attempts are answered 401 and counted in Metrics.">
      <Box sx={{ maxWidth: 420 }}>
        <TextField
          data-field="security.type"
          select
          label="Type"
          value={values.securityType}
          onChange={(e) => update('security.type', (v) => ({ ...v, securityType: e.target.value as SecurityType }))}
          error={Boolean(error('security.type') ?? error('security'))}
          helperText={error('security.type') ?? error('security') ?? type?.description}
          slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'runtime-security-type' }, inputLabel: { shrink: true }, formHelperText: { 'data-testid': 'runtime-security-type-helper' } as object }}
        >
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </TextField>
      </Box>
      <Box sx={{ mt: 2 }}>
        {values.securityType === 'apiKey' && <ApiKeySettings form={form} />}
        {values.securityType === 'jwt' && <JwtSettings form={form} />}
        {values.securityType === 'basic' && <UserListField users={values.basic.users} error={error('security.users')} onChange={(users) => update('security.users', (v) => ({ ...v, basic: { users } }))} />}
      </Box>
    </FormSection>
  );
}

function ApiKeySettings({ form }: { form: RuntimeFormState }) {
  const { values, update, error } = form;
  const apiKey = values.apiKey;
  const set = (field: 'security.in' | 'security.name' | 'security.keys', patch: Partial<RuntimeFormValues['apiKey']>) => update(field, (v) => ({ ...v, apiKey: { ...v.apiKey, ...patch } }));
  const generate = () => {
    const key = newApiKey();
    const blank = apiKey.keys.findIndex((k) => !k.trim());
    set('security.keys', { keys: blank === -1 ? [...apiKey.keys, key] : apiKey.keys.map((k, i) => (i === blank ? key : k)) });
  };
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <FieldRow min={220}>
        <ChoiceField
          field="security.in"
          label="Sent in"
          row
          value={apiKey.in}
          onChange={(where) => set('security.in', { in: where })}
          error={error('security.in')}
          choices={[
            { value: 'header', label: 'Header' },
            { value: 'query', label: 'Query parameter' },
          ]}
        />
        <SettingField
          field="security.name"
          label={apiKey.in === 'header' ? 'Header name' : 'Parameter name'}
          mono
          value={apiKey.name}
          onChange={(name) => set('security.name', { name })}
          error={error('security.name')}
          hint={apiKey.in === 'header' ? `Clients send "${apiKey.name || 'apikey'}: <key>", not "Authorization: Bearer".` : `Clients add ?${apiKey.name || 'apikey'}=<key> to the URL.`}
        />
      </FieldRow>
      <Box sx={{ maxWidth: 520 }}>
        <StringListField
          field="security.keys"
          label="Accepted keys"
          itemLabel="Key"
          addLabel="Add key"
          placeholder="at least 8 characters"
          values={apiKey.keys}
          onChange={(keys) => set('security.keys', { keys })}
          error={error('security.keys')}
          hint="Each key at least 8 characters. Give each client its own key: Metrics and rate limits count per key."
          actions={
            <Button size="small" color="secondary" startIcon={<KeyIcon fontSize="small" />} data-testid="runtime-security-keys-generate" onClick={generate}>
              Generate key
            </Button>
          }
        />
      </Box>
    </Box>
  );
}

function JwtSettings({ form }: { form: RuntimeFormState }) {
  const { values, update, error } = form;
  const jwt = values.jwt;
  const set = (field: 'security.algorithm' | 'security.secret' | 'security.publicKey', patch: Partial<RuntimeFormValues['jwt']>) => update(field, (v) => ({ ...v, jwt: { ...v.jwt, ...patch } }));
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <ChoiceField
        field="security.algorithm"
        label="Signature"
        row
        value={jwt.algorithm}
        onChange={(algorithm) => set('security.algorithm', { algorithm })}
        error={error('security.algorithm')}
        choices={[
          { value: 'HS256', label: 'HS256', description: 'Shared secret' },
          { value: 'RS256', label: 'RS256', description: 'Issuer\u2019s public key' },
        ]}
      />
      <Box sx={{ maxWidth: 640 }}>
        {jwt.algorithm === 'HS256' ? (
          <SettingField field="security.secret" label="Secret" mono value={jwt.secret} onChange={(secret) => set('security.secret', { secret })} error={error('security.secret')} hint="The HMAC secret tokens are signed with; at least 16 characters." />
        ) : (
          <SettingField
            field="security.publicKey"
            label="Public key (PEM)"
            multiline
            value={jwt.publicKey}
            placeholder={'-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----'}
            onChange={(publicKey) => set('security.publicKey', { publicKey })}
            error={error('security.publicKey')}
            hint="The identity provider's RSA public key, as a PEM block."
          />
        )}
      </Box>
      <FieldRow min={220}>
        <SettingField field="security" testId="runtime-security-issuer" label="Issuer (optional)" mono value={jwt.issuer} placeholder="any" onChange={(issuer) => update('security', (v) => ({ ...v, jwt: { ...v.jwt, issuer } }))} error={undefined} hint='Tokens must carry this "iss".' />
        <SettingField field="security" testId="runtime-security-audience" label="Audience (optional)" mono value={jwt.audience} placeholder="any" onChange={(audience) => update('security', (v) => ({ ...v, jwt: { ...v.jwt, audience } }))} error={undefined} hint='Tokens must carry this "aud".' />
      </FieldRow>
      <FormControlLabel
        control={<Checkbox size="small" checked={jwt.requireExp} onChange={(e) => update('security', (v) => ({ ...v, jwt: { ...v.jwt, requireExp: e.target.checked } }))} slotProps={{ input: { 'data-testid': 'runtime-security-require-exp' } as object }} />}
        label={<Typography variant="body2">Refuse tokens without an expiry ("exp"); they would work forever if leaked</Typography>}
      />
    </Box>
  );
}

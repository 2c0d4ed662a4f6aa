import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useEffect, useMemo, useState } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import type { SseApi } from '../../../shared/model/sse-api.ts';
import { validateContext, validateName } from '../../../shared/model/validate.ts';
import { planImport } from '../design/import-plan.ts';
import { checkFileName, documentFileName } from '../design/new-document.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { findClashes, freeIdentity, renameImport } from './import-clash.ts';

export interface ImportSource {
  text: string;
  name?: string;
}

/**
 * Import an AsyncAPI document (a file, a drop on the window, or pasted text). It is checked first
 * with the shared importer: refused with the reason and where, or created as a new project file in
 * one step, under a name the user can change. Nothing is written until the check passes.
 */
export function ImportDialog({ initial, onClose, onImported }: { initial: ImportSource | undefined; onClose(): void; onImported(id: string): void }) {
  const { client } = useStudio();
  const [mode, setMode] = useState<'file' | 'paste'>(initial && !initial.name ? 'paste' : 'file');
  const [source, setSource] = useState<ImportSource | undefined>(initial);
  const [pasted, setPasted] = useState(initial && !initial.name ? initial.text : '');
  const [fileName, setFileName] = useState<string>();
  const [error, setError] = useState<{ field?: string; message: string }>();
  const [busy, setBusy] = useState(false);
  const current = mode === 'paste' ? (pasted.trim() ? { text: pasted } : undefined) : source;
  const currentText = current?.text;
  const currentName = current?.name;
  const plan = useMemo(() => (currentText === undefined ? undefined : planImport(currentText, currentName)), [currentText, currentName]);
  // The project's APIs, to warn about a clash before anything is created.
  const [apis, setApis] = useState<ApiSummary[]>([]);
  useEffect(() => {
    void client.call('apis.list', {}).then((r) => r.ok && setApis(r.value.apis));
  }, [client]);
  const clashes = useMemo(() => (plan?.ok ? findClashes(plan.api, apis) : []), [plan, apis]);
  const suggested = useMemo(() => (plan?.ok && clashes.length ? freeIdentity(plan.api, apis) : undefined), [plan, clashes, apis]);
  const [resolution, setResolution] = useState<'rename' | 'replace'>('rename');
  const [newName, setNewName] = useState<string>();
  const [newContext, setNewContext] = useState<string>();
  const renameTo = { name: newName ?? suggested?.name ?? '', context: newContext ?? suggested?.context ?? '' };
  // Replacing is offered when the import clashes with one API: which one to replace would be a guess otherwise.
  const replaceTarget = clashes.length === 1 ? clashes[0]?.api : undefined;
  const replacing = clashes.length > 0 && resolution === 'replace' && replaceTarget !== undefined;
  // A renamed import gets the file name of its new name (the old one is usually taken).
  const name = fileName ?? (!plan?.ok ? '' : clashes.length && !replacing ? documentFileName(renameTo.name, plan.api.version, /\.json$/i.test(plan.fileName) ? 'json' : 'yaml') : plan.fileName);
  const renameProblem = clashes.length && !replacing && plan?.ok ? checkRename(plan.api, renameTo, apis) : undefined;
  const nameProblem = plan?.ok && !replacing ? checkFileName(name) : undefined;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setSource({ text: await file.text(), name: file.name });
    setFileName(undefined);
    setError(undefined);
  };

  const create = async () => {
    if (!plan?.ok || nameProblem || renameProblem) return;
    setBusy(true);
    if (replacing) {
      const replaced = await replace(replaceTarget, plan.text);
      setBusy(false);
      return replaced.ok ? onImported(replaced.id) : setError({ message: replaced.message });
    }
    const text = clashes.length ? renameImport(plan.text, name, renameTo.name, renameTo.context) : plan.text;
    const result = await client.call('documents.create', { fileName: name, text });
    setBusy(false);
    if (result.ok) return onImported(result.value.id);
    setError({ field: result.error.fields?.[0]?.field, message: result.error.message });
  };

  /** Writes the import over the API it replaces (into its file when the format matches; else the old file goes). */
  const replace = async (target: ApiSummary, text: string): Promise<{ ok: true; id: string } | { ok: false; message: string }> => {
    const existing = await client.call('documents.get', { id: target.id });
    if (!existing.ok) return { ok: false, message: existing.error.message };
    if (/\.json$/i.test(target.id) === /\.json$/i.test(name)) {
      const saved = await client.call('documents.save', { id: target.id, text, baseHash: existing.value.hash });
      return saved.ok ? { ok: true, id: saved.value.id } : { ok: false, message: saved.error.message };
    }
    const removed = await client.call('documents.delete', { id: target.id, baseHash: existing.value.hash });
    if (!removed.ok) return { ok: false, message: removed.error.message };
    const created = await client.call('documents.create', { fileName: name, text });
    return created.ok ? { ok: true, id: created.value.id } : { ok: false, message: created.error.message };
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="import-dialog" aria-labelledby="import-title">
      <DialogTitle id="import-title">Import an AsyncAPI document</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          AsyncAPI 2.x or 3.0, YAML or JSON: SSE Studio files, WSO2 API Manager SSE exports, or any document with subscribe/receive channels. You can also drop a
          file anywhere on the window.
        </Typography>
        <Tabs value={mode} onChange={(_, v: 'file' | 'paste') => setMode(v)} sx={{ mb: 2, minHeight: 36, '& .MuiTab-root': { minHeight: 36 } }}>
          <Tab value="file" label="From a file" data-testid="import-tab-file" />
          <Tab value="paste" label="Paste text" data-testid="import-tab-paste" />
        </Tabs>
        {mode === 'file' ? (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 2 }}>
            <Button component="label" variant="outlined" color="inherit">
              Choose file…
              <input hidden type="file" accept=".yaml,.yml,.json,application/json,application/yaml" data-testid="import-file-input" onChange={(e) => void pick(e.target.files?.[0])} />
            </Button>
            <Typography variant="body2" sx={{ fontFamily: MONO_FONT }} color={source?.name ? 'text.primary' : 'text.secondary'}>
              {source?.name ?? 'No file chosen'}
            </Typography>
          </Box>
        ) : (
          <TextField
            label="AsyncAPI document"
            multiline
            minRows={8}
            maxRows={16}
            value={pasted}
            placeholder={'asyncapi: 3.0.0\ninfo:\n  title: …'}
            onChange={(e) => setPasted(e.target.value)}
            sx={{ mb: 2 }}
            slotProps={{ htmlInput: { 'data-testid': 'import-paste', spellCheck: false, style: { fontFamily: MONO_FONT, fontSize: '0.78rem' } } }}
          />
        )}
        {plan && !plan.ok && (
          <Alert severity="error" data-testid="import-refused">
            This cannot become an SSE API:
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {plan.problems.map((p, i) => (
                <li key={i}>
                  <Box component="span" sx={{ fontFamily: MONO_FONT }}>
                    line {p.line}:{p.column}
                  </Box>{' '}
                  {p.message}
                </li>
              ))}
            </Box>
          </Alert>
        )}
        {plan?.ok && (
          <Box data-testid="import-ready">
            <Alert severity="success" sx={{ mb: 1.5 }}>
              <b>{plan.api.name}</b> {plan.api.version} · context <span style={{ fontFamily: MONO_FONT }}>{plan.api.context}</span> · {plan.api.topics.length} topic
              {plan.api.topics.length === 1 ? '' : 's'}: <span style={{ fontFamily: MONO_FONT }}>{plan.api.topics.map((t) => t.path).join(', ')}</span>
            </Alert>
            {plan.warnings.length > 0 && (
              <Alert severity="warning" sx={{ mb: 1.5 }} data-testid="import-warnings">
                {plan.warnings.map((w, i) => (
                  <div key={i}>
                    <span style={{ fontFamily: MONO_FONT }}>line {w.line}:{w.column}</span> {w.message}
                  </div>
                ))}
              </Alert>
            )}
            {clashes.length > 0 && (
              <Alert severity="warning" sx={{ mb: 1.5 }} data-testid="import-clash">
                {clashes.map((c) => (
                  <div key={c.api.id}>
                    <b>{c.api.name}</b> {c.api.version} ({c.api.id}) already has {c.sameName && c.sameContext ? 'this name, version and context' : c.sameName ? 'this name and version' : `the context ${c.api.context}`}.
                  </div>
                ))}
                <RadioGroup value={replaceTarget ? resolution : 'rename'} onChange={(_, v) => setResolution(v as 'rename' | 'replace')} sx={{ mt: 0.5 }}>
                  <FormControlLabel value="rename" control={<Radio size="small" />} label="Import it as a new API under another name and context" data-testid="import-clash-rename" />
                  {replaceTarget && (
                    <FormControlLabel value="replace" control={<Radio size="small" />} label={`Replace ${replaceTarget.name} (${replaceTarget.id}) with it`} data-testid="import-clash-replace" />
                  )}
                </RadioGroup>
              </Alert>
            )}
            {clashes.length > 0 && !replacing && (
              <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1.5, mb: 1 }}>
                <TextField
                  label="New name"
                  value={renameTo.name}
                  onChange={(e) => setNewName(e.target.value)}
                  error={Boolean(renameProblem)}
                  helperText={renameProblem ?? 'info.title of the imported API'}
                  slotProps={{ htmlInput: { 'data-testid': 'import-new-name', spellCheck: false } }}
                />
                <TextField
                  label="New context"
                  value={renameTo.context}
                  onChange={(e) => setNewContext(e.target.value)}
                  helperText="x-context: where the gateway serves it"
                  slotProps={{ htmlInput: { 'data-testid': 'import-new-context', spellCheck: false, style: { fontFamily: MONO_FONT } } }}
                />
              </Box>
            )}
            {!replacing && (
              <TextField
                label="File name in the project"
                value={name}
                onChange={(e) => {
                  setFileName(e.target.value);
                  setError(undefined);
                }}
                error={Boolean(nameProblem ?? (error?.field === 'fileName' ? error.message : undefined))}
                helperText={nameProblem ?? (error?.field === 'fileName' ? error.message : ' ')}
                slotProps={{ htmlInput: { 'data-testid': 'import-file-name', spellCheck: false, style: { fontFamily: MONO_FONT } } }}
              />
            )}
          </Box>
        )}
        {error && error.field !== 'fileName' && (
          <Alert severity="error" data-testid="import-error" sx={{ mt: 1 }}>
            {error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button color="inherit" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="contained" data-testid="import-create" disabled={!plan?.ok || Boolean(nameProblem) || Boolean(renameProblem)} loading={busy} onClick={() => void create()}>
          {replacing ? 'Replace' : 'Import'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** What is wrong with the name and context a clashing import is renamed to. */
function checkRename(imported: SseApi, to: { name: string; context: string }, apis: readonly ApiSummary[]): string | undefined {
  return validateName(to.name) ?? validateContext(to.context) ?? (findClashes({ ...imported, ...to }, apis).length ? 'Another API already uses this name and version, or this context.' : undefined);
}

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DesignModel } from './design-model.ts';
import { useDesignDocument } from './useDesignDocument.ts';
import { fromEditorProblem, problemRows, type ProblemRow } from '../editor/problem-list.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { CodeEditor, type CodeEditorHandle } from './CodeEditor.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { DesignBanners } from './DesignBanners.tsx';
import { DesignForms } from './DesignForms.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { SaveControls } from './SaveControls.tsx';
import { markUnsaved } from './unsaved-documents.ts';
import { useValidation } from './useValidation.ts';
import { useResolvedDocument } from './useResolvedDocument.ts';

/**
 * The Design page of one document: forms on the left, the AsyncAPI text on the right, both bound to
 * one in-memory text. Ctrl/Cmd+S saves; a recovery draft is kept while there are unsaved edits.
 */
export function DesignPane({ documentId, active, onDirtyChange, onTextChange }: { documentId: string; active: boolean; onDirtyChange?: (dirty: boolean) => void; onTextChange?: (text: string) => void }) {
  const { client } = useStudio();
  const doc = useDesignDocument(client, documentId);
  const editor = useRef<CodeEditorHandle>(null);
  const [markerRows, setMarkerRows] = useState<ProblemRow[]>([]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const validation = useValidation(documentId, doc.text, doc.loaded);
  const reading = validation.reading;
  // The forms show the latest reading that worked; an unreadable text leaves them as they were, read-only.
  const [model, setModel] = useState<DesignModel>();
  // Same content keeps the same object, so the (memoised) forms skip re-rendering while the user types elsewhere.
  if (reading?.ok && reading.model !== model && JSON.stringify(reading.model) !== JSON.stringify(model)) setModel(reading.model);
  // Schemas in other files come from the host (the page cannot read files), only when the forms show one.
  const resolved = useResolvedDocument(client, documentId, model?.topics.some((t) => t.message.payloadRef !== undefined || t.message.ref !== undefined) ?? false);
  const problems = useMemo(() => ({ sse: validation.sse, asyncapi: validation.asyncapi }), [validation.sse, validation.asyncapi]);
  // The markers' list is the truth once Monaco runs; before that, the worker's answer.
  const rows = useMemo(() => problemRows(markerRows.length || validation.seq === 0 ? markerRows : [...validation.sse, ...validation.asyncapi].map(fromEditorProblem)), [markerRows, validation]);
  const save = doc.save;
  const textRef = useRef(doc.text);
  textRef.current = doc.text;
  const getText = useCallback(() => textRef.current, []);
  const { id, draftOffer, conflict, notice, restoreDraft, discardDraft, dismissNotice } = doc;
  // Only what the banners show: typing does not re-render them.
  const bannerDoc = useMemo(() => ({ id, draftOffer, conflict, notice, restoreDraft, discardDraft, dismissNotice }), [id, draftOffer, conflict, notice, restoreDraft, discardDraft, dismissNotice]);
  const resolve = useCallback(() => setDialogOpen(true), []);
  const jump = useCallback((line: number, column: number) => editor.current?.reveal(line, column), []);

  useEffect(() => onDirtyChange?.(doc.dirty), [doc.dirty, onDirtyChange]);
  // The workspace asks before it replaces this page while it holds unsaved edits.
  useEffect(() => {
    markUnsaved(documentId, doc.dirty);
    return () => markUnsaved(documentId, false);
  }, [documentId, doc.dirty]);
  useEffect(() => {
    if (doc.loaded) onTextChange?.(doc.text);
  }, [doc.loaded, doc.text, onTextChange]);

  useEffect(() => {
    if (doc.conflict?.cause === 'save') setDialogOpen(true);
    if (!doc.conflict) setDialogOpen(false);
  }, [doc.conflict]);

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active, save]);

  if (doc.loadError) {
    return (
      <Alert severity="error" data-testid="design-load-error">
        {doc.loadError}
      </Alert>
    );
  }
  if (!doc.loaded) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: 200 }}>
        <CircularProgress size={28} aria-label="Loading the document" />
      </Box>
    );
  }
  const invalid = reading && !reading.ok ? reading.problem : undefined;
  const readOnly = Boolean(invalid);

  return (
    <Box data-testid="design-pane" data-dirty={doc.dirty ? 'true' : 'false'} sx={{ display: 'flex', flexDirection: 'column', gap: 1.25, height: 'calc(100vh - 250px)', minHeight: 560 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography data-testid="design-file" sx={{ fontFamily: MONO_FONT, fontSize: '0.8rem' }}>
          {documentId}
        </Typography>
        {doc.dirty ? <Chip size="small" color="warning" variant="outlined" label="unsaved" data-testid="design-unsaved" /> : <Chip size="small" variant="outlined" label="saved" />}
        <Box sx={{ flex: 1 }} />
        <ExportMenu getText={getText} fileName={documentId} />
        <SaveControls
          fileName={documentId}
          dirty={doc.dirty}
          saving={doc.saving}
          invalid={invalid}
          onSave={() => void save()}
          onSaveUnreadable={(problem) => void doc.saveUnreadable(problem)}
          onDiscard={() => void doc.discardChanges()}
        />
      </Box>
      <DesignBanners doc={bannerDoc} invalid={invalid} onResolve={resolve} onJump={jump} />
      <Box sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'minmax(340px, 420px) 1fr', gap: 2 }}>
        <Box sx={{ overflowY: 'auto', pr: 1, opacity: readOnly ? 0.6 : 1 }} aria-disabled={readOnly}>
          {model ? (
            <DesignForms model={model} readOnly={readOnly} resolved={resolved} onEdit={doc.edit} />
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
              The forms appear once the document can be read.
            </Typography>
          )}
        </Box>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, minWidth: 0, minHeight: 0 }}>
          <CodeEditor ref={editor} documentId={documentId} format={doc.format} external={doc.external} onChange={doc.setText} problems={problems} onMarkers={setMarkerRows} bindEditor={doc.bindEditor} />
          <ProblemsPanel rows={rows} note={validation.unavailable} parser={validation.parser} onJump={jump} />
        </Box>
      </Box>
      {dialogOpen && doc.conflict && (
        <ConflictDialog
          fileName={documentId}
          conflict={doc.conflict}
          mine={doc.text}
          onClose={() => setDialogOpen(false)}
          onReload={() => void doc.reload()}
          onKeepMine={() => void doc.keepMine()}
        />
      )}
    </Box>
  );
}

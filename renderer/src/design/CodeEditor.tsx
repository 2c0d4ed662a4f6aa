import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { modelPath, specMajorOf } from '../editor/asyncapi-schemas.ts';
import { loadMonaco } from '../editor/load-monaco.ts';
import type { Monaco } from '../editor/monaco-setup.ts';
import type { ProblemRow } from '../editor/problem-list.ts';
import type { EditorProblem } from '../editor/validation-protocol.ts';
import { MONO_FONT } from '../theme.ts';
import { arrivedByKeyboard, listenForKeyboardArrival } from './keyboard-arrival.ts';

export interface CodeEditorHandle {
  /** Puts the cursor at a 1-based line and column and scrolls it into view. */
  reveal(line: number, column: number): void;
}

interface CodeEditorProps {
  documentId: string;
  format: 'yaml' | 'json';
  /** The text set from outside the editor: the model's first text (later ones arrive through `bindEditor`). */
  external: { text: string; rev: number };
  onChange(text: string): void;
  /** Our problems (SSE API reading, AsyncAPI parser) to show as markers. */
  problems: { sse: EditorProblem[]; asyncapi: EditorProblem[] };
  /** Every marker on the model (ours and the language service's), whenever they change. */
  onMarkers(rows: ProblemRow[]): void;
  /** Receives the function that replaces the editor's text synchronously (null when there is no model). */
  bindEditor(apply: ((text: string) => void) | null): void;
}

let instances = 0;
type Editor = ReturnType<Monaco['editor']['create']>;
type Model = NonNullable<ReturnType<Editor['getModel']>>;

/**
 * Monaco bound to the document's text: typing reports the new text; a text from the forms is
 * applied at once as one edit (the cursor and undo history stay). The model's URI names the AsyncAPI
 * dialect, which picks the JSON Schema for completion and hover (see editor/asyncapi-schemas.ts).
 */
export const CodeEditor = forwardRef<CodeEditorHandle, CodeEditorProps>(function CodeEditor({ documentId, format, external, onChange, problems, onMarkers, bindEditor }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const [monaco, setMonaco] = useState<Monaco>();
  const editor = useRef<Editor | undefined>(undefined);
  const instance = useRef(++instances);
  const [model, setModel] = useState<Model>();
  const callbacks = useRef({ onChange, onMarkers });
  callbacks.current = { onChange, onMarkers };
  const [major, setMajor] = useState(() => specMajorOf(external.text));
  // While the editor has focus: whether Tab moves focus on (reached by keyboard) or indents (clicked into).
  const [tabMoves, setTabMoves] = useState<boolean>();

  useEffect(() => {
    let live = true;
    void loadMonaco().then((m) => live && setMonaco(() => m));
    return () => {
      live = false;
    };
  }, []);

  // The editor itself, once.
  useEffect(() => {
    if (!monaco || !host.current) return;
    const created = monaco.editor.create(host.current, {
      model: null,
      theme: 'sse-studio-dark',
      automaticLayout: true,
      minimap: { enabled: false },
      fontFamily: MONO_FONT,
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      renderWhitespace: 'selection',
      quickSuggestions: { other: true, comments: false, strings: true },
    });
    editor.current = created;
    // Tab is never a trap: reached by Tab, the editor lets Tab move on (Ctrl+M switches, as in VS Code).
    listenForKeyboardArrival();
    const setTabFocus = (on: boolean) => {
      created.updateOptions({ tabFocusMode: on });
      setTabMoves(on);
    };
    const focus = created.onDidFocusEditorText(() => setTabFocus(arrivedByKeyboard()));
    const blur = created.onDidBlurEditorText(() => setTabMoves(undefined));
    const click = created.onMouseDown(() => setTabFocus(false));
    created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, () => setTabFocus(!created.getOption(monaco.editor.EditorOption.tabFocusMode)));
    return () => {
      focus.dispose();
      blur.dispose();
      click.dispose();
      created.dispose();
      editor.current = undefined;
    };
  }, [monaco]);

  // One model per document and dialect: a document that switches between 2.x and 3.0 gets a model
  // whose URI picks the other schema (its text, cursor and scroll carry over).
  useEffect(() => {
    const ed = editor.current;
    if (!monaco || !ed) return;
    const uri = monaco.Uri.parse(modelPath(documentId, major, format, instance.current));
    const previous = ed.getModel();
    const view = ed.saveViewState();
    const next = monaco.editor.createModel(previous?.getValue() ?? external.text, format, uri);
    ed.setModel(next);
    if (previous && view) ed.restoreViewState(view);
    previous?.dispose();
    setModel(next);
    const typing = next.onDidChangeContent(() => {
      const value = next.getValue();
      callbacks.current.onChange(value);
      setMajor(specMajorOf(value));
    });
    const markers = monaco.editor.onDidChangeMarkers((uris) => {
      if (!uris.some((u) => u.toString() === next.uri.toString())) return;
      callbacks.current.onMarkers(rowsOf(monaco, next));
    });
    return () => {
      typing.dispose();
      markers.dispose();
    };
  }, [monaco, documentId, major, format]);

  useEffect(() => () => model?.dispose(), [model]);

  // Forms -> editor, synchronously: the document hook calls this inside the form's change event.
  // (A text set before the model existed is the model's first text, see above.)
  useEffect(() => {
    if (!model) return;
    bindEditor((text) => !model.isDisposed() && replaceText(model, text));
    return () => bindEditor(null);
  }, [model, bindEditor]);

  // Our problems -> markers.
  useEffect(() => {
    if (!monaco || !model || model.isDisposed()) return;
    const toMarkers = (list: EditorProblem[]) =>
      list.map((p) => {
        const line = Math.min(Math.max(p.startLine, 1), model.getLineCount());
        const endLine = Math.min(Math.max(p.endLine, line), model.getLineCount());
        const endColumn = p.endColumn > 0 ? p.endColumn : model.getLineMaxColumn(endLine);
        return {
          severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : p.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
          message: p.message,
          startLineNumber: line,
          startColumn: p.startColumn,
          endLineNumber: endLine,
          endColumn: endLine === line && endColumn <= p.startColumn ? p.startColumn + 1 : endColumn,
          source: p.source,
        };
      });
    monaco.editor.setModelMarkers(model, 'sse-api', toMarkers(problems.sse));
    monaco.editor.setModelMarkers(model, 'asyncapi', toMarkers(problems.asyncapi));
  }, [monaco, model, problems]);

  useImperativeHandle(ref, () => ({
    reveal(line, column) {
      const ed = editor.current;
      if (!ed) return;
      ed.revealPositionInCenter({ lineNumber: line, column });
      ed.setPosition({ lineNumber: line, column });
      ed.focus();
    },
  }));

  return (
    <Box sx={{ position: 'relative', flex: 1, minHeight: 0, border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden', '&:focus-within': { borderColor: 'secondary.main' } }}>
      <Box ref={host} data-testid="design-editor" data-model-uri={model?.uri.toString() ?? ''} sx={{ position: 'absolute', inset: 0 }} />
      {tabMoves !== undefined && (
        <Box
          data-testid="design-editor-tab-hint"
          aria-live="polite"
          sx={{ position: 'absolute', right: 16, bottom: 6, px: 1, py: 0.25, borderRadius: 1, fontSize: '0.72rem', bgcolor: 'rgba(21,23,28,0.9)', color: 'text.secondary', pointerEvents: 'none', zIndex: 5 }}
        >
          {tabMoves ? 'Tab moves focus · Ctrl+M: Tab indents' : 'Tab indents · Ctrl+M: Tab moves focus'}
        </Box>
      )}
      {!monaco && (
        <Box sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
          <CircularProgress size={28} aria-label="Loading the editor" />
        </Box>
      )}
    </Box>
  );
});

/** One edit over the changed span, so undo history and the cursor stay. */
function replaceText(model: Model, text: string): void {
  const current = model.getValue();
  if (current === text) return;
  let head = 0;
  while (head < current.length && head < text.length && current[head] === text[head]) head++;
  let tail = 0;
  while (tail < current.length - head && tail < text.length - head && current[current.length - 1 - tail] === text[text.length - 1 - tail]) tail++;
  const start = model.getPositionAt(head);
  const end = model.getPositionAt(current.length - tail);
  model.pushEditOperations([], [{ range: { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column }, text: text.slice(head, text.length - tail) }], () => null);
}

function rowsOf(monaco: Monaco, model: Model): ProblemRow[] {
  return monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
    severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : m.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info',
    message: m.message,
    line: m.startLineNumber,
    column: m.startColumn,
    source: m.owner === 'sse-api' ? (m.source ?? 'sse-api') : m.owner,
  }));
}

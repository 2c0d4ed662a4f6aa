import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { ImportSource } from './ImportDialog.tsx';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/** The whole window accepts a dropped AsyncAPI file and hands its text to the import dialog. */
export function FileDropTarget({ onFile, children }: { onFile(source: ImportSource): void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  return (
    <Box
      data-testid="drop-target"
      sx={{ display: 'flex', flex: 1, minHeight: 0, position: 'relative' }}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) void file.text().then((text) => onFile({ text, name: file.name }));
      }}
    >
      {children}
      {over && (
        <Box sx={{ position: 'absolute', inset: 8, zIndex: 1300, pointerEvents: 'none', border: 2, borderStyle: 'dashed', borderColor: 'primary.main', borderRadius: 2, bgcolor: 'rgba(21,23,28,0.85)', display: 'grid', placeItems: 'center' }}>
          <Typography variant="h6">Drop an AsyncAPI file to import it</Typography>
        </Box>
      )}
    </Box>
  );
}

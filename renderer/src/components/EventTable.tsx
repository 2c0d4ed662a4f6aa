import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useState } from 'react';
import type { ViewerEvent } from '../../../shared/api/contract.ts';
import { formatClock } from '../viewer/format-time.ts';
import { MONO_FONT } from '../theme.ts';

/** Received events, newest at the top. A click on a row shows its data in full (JSON pretty-printed). */
export function EventTable({ events }: { events: ViewerEvent[] }) {
  const [expanded, setExpanded] = useState<number>();
  const toggle = useCallback((seq: number) => setExpanded((x) => (x === seq ? undefined : seq)), []);
  return (
    <TableContainer sx={{ flex: 1, minHeight: 0 }}>
      <Table size="small" stickyHeader data-testid="event-table" sx={{ tableLayout: 'fixed' }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 128 }}>Time</TableCell>
            <TableCell sx={{ width: 80 }}>ID</TableCell>
            <TableCell sx={{ width: 110 }}>Event</TableCell>
            <TableCell>Data</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((e) => (
            <EventRow key={e.seq} event={e} open={expanded === e.seq} onToggle={toggle} />
          ))}
        </TableBody>
      </Table>
      {events.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2, textAlign: 'center' }}>
          Events appear here as they arrive.
        </Typography>
      )}
    </TableContainer>
  );
}

const cell = { fontFamily: MONO_FONT, fontSize: '0.76rem', py: 0.5, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

// Rows are memoized by event: a new batch renders only the new rows, not all 1,000.
const EventRow = memo(function EventRow({ event, open, onToggle }: { event: ViewerEvent; open: boolean; onToggle: (seq: number) => void }) {
  return (
    <>
      <TableRow hover data-testid="event-row" onClick={() => onToggle(event.seq)} sx={{ cursor: 'pointer', '& > td': open ? { borderBottom: 0 } : {} }}>
        <TableCell data-testid="event-time" sx={{ ...cell, color: 'text.secondary' }}>
          {formatClock(event.receivedAt)}
        </TableCell>
        <TableCell data-testid="event-id" sx={cell} title={event.id}>
          {event.id ?? '—'}
        </TableCell>
        <TableCell data-testid="event-type" sx={{ ...cell, color: 'secondary.main' }}>
          {event.type}
        </TableCell>
        <TableCell data-testid="event-data" sx={cell}>
          {event.data}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={4} sx={{ py: 1 }}>
            <Box component="pre" data-testid="event-data-full" sx={{ m: 0, p: 1.5, borderRadius: 1, bgcolor: 'background.default', fontFamily: MONO_FONT, fontSize: '0.76rem', whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 240, overflow: 'auto' }}>
              {prettyData(event.data)}
            </Box>
          </TableCell>
        </TableRow>
      )}
    </>
  );
});

function prettyData(data: string): string {
  try {
    return JSON.stringify(JSON.parse(data), null, 2);
  } catch {
    return data;
  }
}

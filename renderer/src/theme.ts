import { createTheme } from '@mui/material/styles';

/** A dark, dense, tool-like theme (think Postman or Insomnia): quiet surfaces, one warm accent. */
export const MONO_FONT = '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace';

export const theme = createTheme({
  palette: {
    mode: 'dark',
    primary: { main: '#ff8a3d', contrastText: '#1a1200' },
    secondary: { main: '#7aa2ff' },
    success: { main: '#4cc38a' },
    warning: { main: '#f5b84b' },
    error: { main: '#ff6b6b' },
    background: { default: '#15171c', paper: '#1c1f26' },
    divider: 'rgba(255,255,255,0.08)',
    text: { primary: '#e6e8ee', secondary: '#9aa3b2' },
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontSize: 13,
    h5: { fontWeight: 600, fontSize: '1.35rem' },
    h6: { fontWeight: 600, fontSize: '1.05rem' },
    subtitle2: { fontWeight: 600, letterSpacing: 0.2 },
    overline: { fontWeight: 700, letterSpacing: 1.1, fontSize: '0.68rem' },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    MuiTableCell: { styleOverrides: { root: { borderBottomColor: 'rgba(255,255,255,0.06)' }, head: { fontWeight: 600, color: '#9aa3b2' } } },
    MuiChip: { styleOverrides: { root: { fontWeight: 600 } } },
  },
});

/** The version chip's text: "v1.0.0" for 1.0.0; a version that does not start with a digit as written ("v2", not "vv2"). */
export function versionLabel(version: string): string {
  const trimmed = version.trim();
  return /^\d/.test(trimmed) ? `v${trimmed}` : trimmed;
}

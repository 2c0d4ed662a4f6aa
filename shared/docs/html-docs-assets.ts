/**
 * The exported page's only CSS and script, inline: the file opens from disk with no network. The
 * page's Content-Security-Policy allows exactly this script by its hash (html-docs-assets.test.ts
 * checks the hash), so even a tag that slipped past escaping could neither run nor fetch anything.
 */
export const DOCS_SCRIPT = `document.addEventListener('click', function (e) {
  var button = e.target.closest && e.target.closest('button[data-copy]');
  if (!button) return;
  var source = document.getElementById(button.getAttribute('data-copy'));
  if (!source) return;
  var label = button.textContent;
  var done = function (text) { button.textContent = text; setTimeout(function () { button.textContent = label; }, 1500); };
  var select = function () { var range = document.createRange(); range.selectNodeContents(source); var s = getSelection(); s.removeAllRanges(); s.addRange(range); done('Selected: press Ctrl+C'); };
  if (navigator.clipboard) navigator.clipboard.writeText(source.textContent).then(function () { done('Copied'); }, select);
  else select();
});`;

/** sha256 of DOCS_SCRIPT, base64, as CSP wants it. */
export const DOCS_SCRIPT_SHA256 = 'sha256-PVnEyxlZZAZbp77rj6oaJ9C9trYvO9VNmmKwaiSETho=';

export const DOCS_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'unsafe-inline'; script-src '${DOCS_SCRIPT_SHA256}'; img-src data:; base-uri 'none'; form-action 'none'`;

export const DOCS_STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1d2330; --muted: #5b6475; --line: #dde2ea; --card: #f7f9fc; --accent: #2c6bd6; --ok: #19794a; --code: #f0f3f8; }
@media (prefers-color-scheme: dark) { :root { --bg: #12151c; --fg: #e4e8f0; --muted: #9aa3b5; --line: #2b3240; --card: #181c25; --accent: #7aa7ff; --ok: #5fce91; --code: #0d1016; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { margin: 0 0 4px; font-size: 28px; } h2 { margin: 36px 0 12px; font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
h3 { margin: 0 0 8px; font-size: 18px; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; } h4 { margin: 18px 0 6px; font-size: 15px; }
.muted { color: var(--muted); } .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 8px; border: 1px solid var(--line); border-radius: 10px; font-size: 12px; color: var(--muted); margin-left: 6px; vertical-align: middle; }
.topic { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin: 16px 0; }
code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
pre { background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 6px 0; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; } th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); font-size: 14px; } th { color: var(--muted); font-weight: 600; }
.url { display: flex; gap: 8px; align-items: center; margin: 4px 0; } .url .proto { width: 52px; font-size: 12px; font-weight: 700; color: var(--accent); } .url .proto.https { color: var(--ok); }
button { font: inherit; font-size: 12px; padding: 2px 10px; border: 1px solid var(--line); border-radius: 5px; background: var(--bg); color: var(--fg); cursor: pointer; }
button:hover { border-color: var(--accent); }
.flow { display: grid; grid-template-columns: auto auto minmax(0, 1fr) auto minmax(0, 1fr); align-items: stretch; margin: 10px 0; }
.flow .node { border: 1px solid var(--line); border-radius: 8px; padding: 6px 10px; background: var(--bg); overflow-wrap: anywhere; }
.flow .node b { display: block; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.flow .arrow { display: flex; flex-direction: column; justify-content: center; align-items: center; padding: 0 8px; color: var(--muted); font-size: 12px; min-width: 70px; text-align: center; }
.flow .arrow::after { content: ""; display: block; width: 100%; height: 0; border-top: 2px solid var(--accent); margin-top: 2px; }
.md { overflow-wrap: anywhere; } .md > :first-child { margin-top: 0; } .md > :last-child { margin-bottom: 0; } .md p { margin: 6px 0; white-space: pre-line; } .md .md-h { font-weight: 600; } .md ul, .md ol { margin: 6px 0; padding-left: 22px; } .md a { color: var(--accent); }
.note { border-left: 3px solid var(--accent); padding: 4px 12px; margin: 8px 0; }
details > summary { cursor: pointer; color: var(--accent); margin: 4px 0; }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
`;

/** The dashboard's stylesheet, inlined so that the page is one file that works from file://. */
export const DASHBOARD_CSS = `
:root { color-scheme: light dark; --muted: #555; --line: #ccc; --del-bg: #ffe0e0; --del-fg: #7a0000; --ins-bg: #dcf5dc; --ins-fg: #004d00; }
@media (prefers-color-scheme: dark) { :root { --muted: #bbb; --line: #555; --del-bg: #4a1c1c; --del-fg: #ffd0d0; --ins-bg: #173d17; --ins-fg: #d0ffd0; } }
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
h1 { margin-bottom: 0.25rem; }
h2 { border-top: 2px solid var(--line); padding-top: 1rem; margin-top: 2.5rem; }
h3 { margin: 1.5rem 0 0.5rem; }
h4 { margin: 0; font-size: 1rem; }
.note, .where, .pages, .tag { color: var(--muted); }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.coverage { display: grid; grid-template-columns: max-content minmax(8rem, 20rem) max-content; gap: 0.25rem 1rem; align-items: center; }
.coverage meter { width: 100%; height: 1.1rem; }
.entries { list-style: none; padding: 0; }
.entry { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.6rem 0.9rem; margin: 0.6rem 0; }
.entry p { margin: 0.3rem 0; }
.parts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.4rem 0; }
.parts dt { grid-column: 1; font-family: ui-monospace, monospace; font-size: 0.9em; }
.parts dd { grid-column: 2; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.label { color: var(--muted); font-size: 0.85em; }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; }
.diff del + ins { margin-inline-start: 0.2em; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: underline; }
del::before, del::after, ins::before, ins::after { clip-path: inset(100%); clip: rect(1px, 1px, 1px, 1px); height: 1px; width: 1px; overflow: hidden; position: absolute; white-space: nowrap; }
del::before { content: " [removed: "; }
ins::before { content: " [added: "; }
del::after, ins::after { content: "] "; }
code { font-family: ui-monospace, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
details > summary { cursor: pointer; margin: 1.5rem 0 0.5rem; }
details > summary h3 { display: inline; }
`;

import type { ServerResponse } from 'node:http';

export const LIVE_PATH = '/__code-compare/';

/** The script every previewed page gets: reload on a new build, show diagnostics of a failed one. */
export const LIVE_SCRIPT = `(function () {
  var source = new EventSource('${LIVE_PATH}events?page=' + encodeURIComponent(location.pathname));
  function overlay(text) {
    var box = document.getElementById('code-compare-errors');
    if (!text) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement('pre');
      box.id = 'code-compare-errors';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#3b0d0d;color:#ffd7d7;font:13px/1.4 monospace;z-index:99999;white-space:pre-wrap';
      document.body.appendChild(box);
    }
    box.textContent = text;
  }
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('failed', function (event) { overlay(JSON.parse(event.data)); });
  source.addEventListener('state', function (event) { overlay(JSON.parse(event.data)); });
})();
`;

/** Server-sent events to every open preview page, each known by the path it shows (`/vi/smtp/550/`). */
export class LiveReload {
  private readonly clients = new Map<ServerResponse, string>();
  private lastFailure = '';

  connect(response: ServerResponse, page = '/'): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`event: state\ndata: ${JSON.stringify(this.lastFailure)}\n\n`);
    this.clients.set(response, page);
    response.on('close', () => this.clients.delete(response));
  }

  /** The paths the connected pages show. */
  openPages(): string[] {
    return [...new Set(this.clients.values())];
  }

  private send(event: string, data: string, to: (page: string) => boolean = () => true): void {
    for (const [client, page] of this.clients) if (to(page)) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Reloads the pages `changed` says changed (every page without it); the others drop a failure they show. */
  reload(changed?: (page: string) => boolean): void {
    const failed = this.lastFailure !== '';
    this.lastFailure = '';
    this.send('reload', '', changed);
    if (failed && changed) this.send('state', '', (page) => !changed(page));
  }

  failed(report: string): void {
    this.lastFailure = report;
    this.send('failed', report);
  }

  close(): void {
    for (const client of this.clients.keys()) client.end();
    this.clients.clear();
  }
}

export function injectLiveScript(html: string): string {
  const tag = `<script src="${LIVE_PATH}live.js"></script>`;
  return html.includes('</body>') ? html.replace('</body>', `${tag}\n</body>`) : html + tag;
}

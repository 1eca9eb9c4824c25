import type { ServerResponse } from 'node:http';

export const LIVE_PATH = '/__code-compare/';

/** The script every previewed page gets: reload on a new build, show diagnostics of a failed one. */
export const LIVE_SCRIPT = `(function () {
  var source = new EventSource('${LIVE_PATH}events');
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

/** Server-sent events to every open preview page. */
export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  private lastFailure = '';

  connect(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`event: state\ndata: ${JSON.stringify(this.lastFailure)}\n\n`);
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  private send(event: string, data: string): void {
    for (const client of this.clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  reload(): void {
    this.lastFailure = '';
    this.send('reload', '');
  }

  failed(report: string): void {
    this.lastFailure = report;
    this.send('failed', report);
  }

  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

export function injectLiveScript(html: string): string {
  const tag = `<script src="${LIVE_PATH}live.js"></script>`;
  return html.includes('</body>') ? html.replace('</body>', `${tag}\n</body>`) : html + tag;
}

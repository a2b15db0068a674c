// The baseline: a bare node:http server answering fixed bytes (status, content-type, body) per path.
// Usage: node bench/bare-server.mjs <responses.json>; prints `listening <port>` once bound (127.0.0.1, port 0).
import { readFileSync } from 'node:fs';
import http from 'node:http';

/** @type {Record<string, { status: number; contentType: string; body: string }>} body is base64 */
const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const responses = new Map(
  Object.entries(spec).map(([p, r]) => {
    const body = Buffer.from(r.body, 'base64');
    return [p, { status: r.status, headers: { 'Content-Type': r.contentType, 'Content-Length': String(body.length) }, body }];
  }),
);

const server = http.createServer((req, res) => {
  const r = responses.get(req.url ?? '');
  if (!r) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(r.status, r.headers).end(r.body);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`listening ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => server.close(() => process.exit(0)));

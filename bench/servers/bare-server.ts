/**
 * The baseline: a bare Node HTTP server answering a fixed Notify-shaped JSON body.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = JSON.stringify({
  content: { body: 'Hello Ann, your code is 1.', from_number: 'GOVUK' },
  id: '740e5834-3a29-46b4-9a6f-16142fde533a',
  reference: null,
  scheduled_for: null,
  template: { id: 'a5b94c4b-376a-4420-91ae-68aa418e7e93', uri: 'http://127.0.0.1/x', version: 1 },
  uri: 'http://127.0.0.1/v2/notifications/740e5834-3a29-46b4-9a6f-16142fde533a',
});

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

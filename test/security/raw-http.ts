// Sends bytes over a socket as they are, for requests fetch and http.request refuse to build
// (control characters or non-ASCII in headers, broken percent-encoding in paths).
import net from 'node:net';

export interface RawReply {
  status: number;
  text: string;
}

export function rawRequest(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawReply> {
  const { hostname, port } = new URL(url);
  const payload = body === undefined ? undefined : Buffer.from(body, 'utf8');
  const head = [
    `${method} ${path} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    'connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ...(payload ? [`content-length: ${payload.length}`] : []),
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(Buffer.from(`${head}\r\n\r\n`, 'utf8'));
    if (payload) socket.write(payload);
  });
}

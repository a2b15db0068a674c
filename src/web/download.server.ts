import { create as contentDisposition } from 'content-disposition';

/**
 * A stored file (a signature scan, evidence of an obligation) as a download with its stored, content-checked
 * media type, never rendered inline; `X-Content-Type-Options: nosniff` comes from the server's security headers
 * (server/app.ts, helmet) on every response. `headers` adds to or replaces the defaults.
 */
export function downloadResponse(file: { content: Uint8Array; fileName: string; mediaType: string }, headers: Record<string, string> = {}): Response {
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Disposition': contentDisposition(file.fileName, { type: 'attachment' }),
      'Content-Length': String(file.content.length),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-cache',
      ...headers,
    },
  });
}

import { create as contentDisposition } from 'content-disposition';

/**
 * A stored evidence file as a download with its stored (content-checked) media type, never rendered inline;
 * `X-Content-Type-Options: nosniff` comes from the server's security headers.
 */
export function evidenceFileResponse(file: { content: Buffer; fileName: string; mediaType: string }): Response {
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Disposition': contentDisposition(file.fileName, { type: 'attachment' }),
      'Content-Length': String(file.content.length),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-cache',
    },
  });
}

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Small values sealed for a cookie: AES-256-GCM with a key derived from the session secret and a purpose,
 * so the browser can neither read nor change them. Anything tampered with, expired or sealed for another
 * purpose opens as undefined.
 */
const keyFor = (secret: string, purpose: string) => createHash('sha256').update(`kumppanuus:${purpose}:${secret}`).digest();

export function seal(secret: string, purpose: string, value: unknown, expiresAt: Date): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
  const plain = Buffer.from(JSON.stringify({ v: value, exp: expiresAt.getTime() }), 'utf8');
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

export function unseal<T>(secret: string, purpose: string, sealed: string | undefined, now: Date): T | undefined {
  if (!sealed || sealed.length > 4096) return undefined;
  const parts = sealed.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const [iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
    if (iv.length !== 12 || tag.length !== 16) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    const parsed = JSON.parse(plain) as { v: T; exp: number };
    return parsed.exp > now.getTime() ? parsed.v : undefined;
  } catch {
    return undefined;
  }
}

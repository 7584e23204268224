/**
 * The bearer token a Notify client sends: an HS256 JWT over `{"iss": service id, "iat": seconds}`,
 * signed with the API key's secret (docs/notify-api-reference.md §2). Made here, apart from the
 * sandbox's own token checks, so tests and benchmarks sign as a client does, not with the code they
 * check.
 */
import { createHmac } from 'node:crypto';

export function signToken(
  serviceId: string,
  secret: string,
  iatSeconds = Math.floor(Date.now() / 1000),
): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const claims = Buffer.from(JSON.stringify({ iss: serviceId, iat: iatSeconds })).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  return `${header}.${claims}.${signature}`;
}

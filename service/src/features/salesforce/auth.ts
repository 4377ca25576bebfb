// OAuth 2.0 flows a tenant's connection can use: JWT bearer (a connected app's certificate; the
// production choice), client credentials, and username-password (development orgs only).
import { createSign } from 'node:crypto';
import { OAuth2 } from 'jsforce';
import type { Transport } from 'jsforce/lib/transport';
import type { AuthFlow } from './data-access/connections';
import { checkOrgBaseUrl, EndpointRefused, type EndpointPolicy } from './endpoints';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
// Salesforce accepts assertions that expire within three minutes
const ASSERTION_LIFETIME_S = 180;

export type AuthSecrets =
  | { flow: 'jwt'; privateKey: string }
  | { flow: 'client_credentials'; clientSecret: string }
  | { flow: 'password'; clientSecret: string; password: string };

export interface AuthSettings {
  authFlow: AuthFlow;
  loginUrl: string;
  clientId: string;
  username: string | null;
}

export interface Token {
  accessToken: string;
  instanceUrl: string;
}

/** An RS256-signed assertion: issuer = the connected app, subject = the integration user. */
export function jwtAssertion(settings: AuthSettings, privateKey: string, nowMs = Date.now()): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256' })}.${encode({
    iss: settings.clientId,
    sub: settings.username,
    aud: new URL(settings.loginUrl).origin,
    exp: Math.floor(nowMs / 1000) + ASSERTION_LIFETIME_S,
  })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url');
  return `${unsigned}.${signature}`;
}

function grantOf(
  settings: AuthSettings,
  secrets: AuthSecrets,
): Record<string, string> & { grant_type: string } {
  switch (secrets.flow) {
    case 'jwt':
      return { grant_type: JWT_BEARER_GRANT, assertion: jwtAssertion(settings, secrets.privateKey) };
    case 'client_credentials':
      return { grant_type: 'client_credentials', client_secret: secrets.clientSecret };
    case 'password':
      return {
        grant_type: 'password',
        username: settings.username ?? '',
        password: secrets.password,
        client_secret: secrets.clientSecret,
      };
  }
}

/**
 * Asks the org's token endpoint for a session; errors carry Salesforce's `error` as their name. The
 * login URL (stored, perhaps before today's rules) and the instance URL the endpoint names are both
 * checked against the allow-list before anything is sent to them.
 */
export async function requestToken(
  settings: AuthSettings,
  secrets: AuthSecrets,
  transport: Transport,
  policy: EndpointPolicy,
): Promise<Token> {
  if (settings.authFlow !== secrets.flow)
    throw new Error(`stored secrets are for ${secrets.flow}, not ${settings.authFlow}`);
  const loginUrl = checkOrgBaseUrl(settings.loginUrl, policy);
  // client_id travels in the body for every flow; the secret only where the flow needs it
  const oauth2 = new OAuth2({ loginUrl, clientId: settings.clientId });
  oauth2._transport = transport;
  const response = (await oauth2.requestToken(grantOf(settings, secrets))) as
    { access_token?: unknown; instance_url?: unknown } | undefined;
  if (typeof response?.access_token !== 'string') {
    throw Object.assign(new Error('the token endpoint answered without an access token'), {
      errorCode: 'INVALID_TOKEN_RESPONSE',
    });
  }
  if (typeof response.instance_url !== 'string')
    throw new EndpointRefused('INVALID_INSTANCE_URL', 'the token response names no instance_url');
  try {
    return {
      accessToken: response.access_token,
      instanceUrl: checkOrgBaseUrl(response.instance_url, policy),
    };
  } catch (error) {
    const reason = error instanceof EndpointRefused ? error.message : 'not a URL';
    throw new EndpointRefused(
      'INVALID_INSTANCE_URL',
      `the token response's instance_url is refused: ${reason}`,
    );
  }
}

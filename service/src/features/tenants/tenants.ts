// Tenants (one per Salesforce org) and their API keys. A new tenant gets default settings and the
// default prompt library, published, so its reps see prompts on day one.
import type { Db, Executor } from '../../platform/database/database';
import * as repo from './repository';
import type { TenantRecord } from './repository';
import { defaultSettings, putSettings, settingsFrom, type TenantSettings } from '../settings';
import { forgetTenant, lookupKey } from '../../platform/key-lookup-cache';
import { conflict, notFound, unauthorized } from '../../platform/lib/errors';
import {
  digestsEqual,
  generateApiKey,
  hashApiKey,
  keyHint,
  looksLikeApiKey,
} from '../../platform/lib/api-keys';
import { installDefaultLibrary } from '../prompt-sets';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export interface CreatedTenant {
  tenant: TenantRecord;
  /** shown once; only its digest is stored */
  apiKey: string;
}

export async function createTenant(
  db: Db,
  input: { slug: string; name: string; apiKey?: string; withDefaultLibrary?: boolean },
): Promise<CreatedTenant> {
  if (!SLUG.test(input.slug)) {
    throw new Error(`tenant slug "${input.slug}" must be 2–63 lowercase letters, digits or dashes`);
  }
  const apiKey = input.apiKey ?? generateApiKey();
  return db.transaction().execute(async (tx) => {
    if (await repo.findTenantBySlug(tx, input.slug))
      throw conflict(`a tenant "${input.slug}" already exists`);
    const tenant = await repo.insertTenant(tx, input.slug, input.name);
    await activateKey(tx, tenant.id, apiKey);
    await putSettings(tx, tenant.id, defaultSettings());
    if (input.withDefaultLibrary !== false) await installDefaultLibrary(tx, tenant.id);
    return { tenant, apiKey };
  });
}

async function activateKey(tx: Executor, tenantId: string, apiKey: string): Promise<void> {
  if (!(await repo.activateApiKey(tx, tenantId, hashApiKey(apiKey), keyHint(apiKey))))
    throw conflict('this API key is already in use: choose another one');
}

/** Revokes every key of the tenant and issues a new one (or sets the given one). */
export async function rotateKey(db: Db, slug: string, apiKey = generateApiKey()): Promise<CreatedTenant> {
  const rotated = await db.transaction().execute(async (tx) => {
    const tenant = await repo.findTenantBySlug(tx, slug);
    if (!tenant) throw notFound(`tenant "${slug}"`);
    await repo.revokeApiKeys(tx, tenant.id);
    await activateKey(tx, tenant.id, apiKey);
    return { tenant, apiKey };
  });
  // a lookup between the revoke and the commit saw the old key still valid
  forgetTenant(rotated.tenant.id);
  return rotated;
}

export async function listTenants(db: Db) {
  return repo.listTenants(db);
}

export async function findTenant(db: Db, slug: string) {
  return repo.findTenantBySlug(db, slug);
}

export interface AuthenticatedTenant {
  tenant: TenantRecord;
  settings: TenantSettings;
}

export async function authenticate(db: Db, apiKey: string): Promise<AuthenticatedTenant> {
  if (!looksLikeApiKey(apiKey)) throw unauthorized('the API key is malformed');
  const digest = hashApiKey(apiKey);
  const found = await lookupKey(db, digest, () => repo.findTenantByKeyHash(db, digest));
  // the lookup is by digest; the constant-time compare guards against any index-side shortcut
  if (!found || !digestsEqual(found.keyHash, digest)) throw unauthorized('the API key is not valid');
  return { tenant: found.tenant, settings: settingsFrom(found.settings) };
}

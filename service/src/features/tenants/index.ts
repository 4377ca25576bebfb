// Tenants (orgs) and their API keys, as other features and tools see them. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export { authenticate, createTenant, findTenant, listTenants, rotateKey } from './tenants';

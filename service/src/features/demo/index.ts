// The demo tenant a development start seeds, as the app and the preview see it. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export { DEMO_MANAGER_ID, DEMO_MANAGERS, DEMO_REPS, DEMO_SALES_OPS_ID, DEMO_USERS } from './demo-data';
export { DEMO_OPPORTUNITIES } from './demo-history';
export { ensureDemoTenant } from './seed-demo';

// The account's memory: its inside view, accumulated from notes, and the pre-call brief.
export { accountsRoutes } from './router';

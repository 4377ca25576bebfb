import type { PostgresServer } from './postgres-server';

export default async function globalTeardown(): Promise<void> {
  (globalThis as { __pgServer?: PostgresServer }).__pgServer?.stop();
}

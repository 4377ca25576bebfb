// Versioned migrations, applied in name order. Add a file, never edit one that has shipped.
import type { Migration, MigrationProvider } from 'kysely';
import * as core from './0001-core';

const migrations: Record<string, Migration> = {
  '0001-core': core,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  test('defaults: port 3000, embedded PGlite in ./.data, development features on', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'pglite', durability: 'safe' });
    expect(config.database.kind === 'pglite' && config.database.dataDir).toMatch(/\.data$/);
    expect(config.devFeatures).toBe(true);
  });

  test('DATABASE_URL switches to Postgres', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@localhost/db',
    });
  });

  test('a bad value fails fast naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL/,
    );
    expect(() => loadConfig({ DEMO_API_KEY: 'short' })).toThrow(ConfigError);
  });

  test('production needs an explicit database and turns the demo and preview off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: '/var/lib/upatnight' });
    expect(config.devFeatures).toBe(false);
  });
});

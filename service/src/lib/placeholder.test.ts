test('postgres url is provided to tests', () => {
  expect(process.env.TEST_POSTGRES_URL).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
});

import { SyntheticOrg } from './synthetic-data';

describe('synthetic org', () => {
  const prompts = [{ id: 'p1', key: 'k1', setId: 's', version: 1, title: 'K1', industries: ['Healthcare'] }];
  const org = new SyntheticOrg({ reps: 25, opportunities: 60 }, prompts, '2026-03-18', 7);

  test('a head of sales, a manager per ten reps, every rep under a manager', () => {
    expect(org.users).toHaveLength(1 + 3 + 25);
    const managers = new Set(org.users.filter((u) => u.managerId?.startsWith('005H')).map((u) => u.id));
    expect(managers.size).toBe(3);
    expect(org.reps.every((id) => managers.has(org.users.find((u) => u.id === id)!.managerId!))).toBe(true);
  });

  test('deals: only closed ones are won; ids are Salesforce-shaped', () => {
    expect(org.opportunities.every((o) => !o.isWon || o.isClosed)).toBe(true);
    expect(org.opportunities.every((o) => /^006[A-Za-z0-9]{15}$/.test(o.id))).toBe(true);
  });

  test('notes: scores within 0–100, by the deal’s owner, in the last two years, same seed same org', () => {
    const notes = Array.from({ length: 200 }, () => org.note());
    for (const note of notes) {
      expect(note.overall).toBeGreaterThanOrEqual(0);
      expect(note.overall).toBeLessThanOrEqual(100);
      expect(org.opportunities.find((o) => o.id === note.opportunity_id)!.ownerId).toBe(note.author_id);
      expect(note.occurred_at >= '2024-03-18' && note.occurred_at <= '2026-03-18').toBe(true);
    }
    const again = new SyntheticOrg({ reps: 25, opportunities: 60 }, prompts, '2026-03-18', 7);
    expect(again.opportunities).toEqual(org.opportunities);
  });
});

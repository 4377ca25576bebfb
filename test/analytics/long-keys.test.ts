// The analytics counters key rows by free text (an ad-hoc provocation, the first sentence of what
// the customer said, the deal's stage and industry). Texts as long as the API accepts, in
// characters that take three bytes each and do not compress, must still be stored, counted and shown, never a 500
// from an index row that is too big.
import { DATABASE_KINDS } from '../helpers/databases';
import { OPPORTUNITY, OPS, startTestService, type TestService } from '../helpers/service';

/** Text that neither compresses nor repeats: CJK ideographs (three bytes each in UTF-8) from a
 * fixed linear congruential sequence, so a run is the same on every machine. */
function wideText(length: number, seed: number): string {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return String.fromCodePoint(0x4e00 + (state % 0x5000));
  }).join('');
}

const longNote = (opportunityId: string) => ({
  opportunityId,
  opportunity: {
    ...OPPORTUNITY,
    id: opportunityId,
    stage: wideText(255, 1),
    industry: wideText(255, 2),
    accountName: wideText(255, 3),
  },
  occurredAt: '2026-11-20',
  prompts: [{ text: wideText(2000, 4), reaction: 'redirected' }],
  summary: 'Raised how self-scheduling shifts patient volume.',
  customerView: wideText(10_000, 5),
});

describe.each(DATABASE_KINDS)('analytics keys from the longest texts on %s', (kind) => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(() => service.close());

  test('when notes carry the longest texts in wide characters, then they are stored, counted once per text and removed with the note', async () => {
    const ids: string[] = [];
    for (const opp of ['006000000000L01AAA', '006000000000L02AAA']) {
      const created = await service.client.request('POST', '/v1/notes', longNote(opp));
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const ops = service.client.as(OPS, 'salesops');
    const { status, body } = await ops.request('GET', '/v1/analytics/prompts');
    expect(status).toBe(200);
    const candidates = body.candidates as Array<{ text: string; count: number; kind: string }>;
    expect(candidates.map((c) => c.kind).sort()).toEqual(['adhoc', 'redirected']);
    for (const candidate of candidates) {
      expect(candidate.count).toBe(2);
      const full = candidate.kind === 'adhoc' ? wideText(2000, 4) : wideText(10_000, 5);
      expect(candidate.text.endsWith('…')).toBe(true);
      expect(full.startsWith(candidate.text.slice(0, -1))).toBe(true);
      expect(candidate.text.length).toBeGreaterThan(100);
    }

    const edited = await service.client.request('PATCH', `/v1/notes/${ids[0]}`, {
      customerView: 'Nurse turnover is what keeps their board up at night.',
    });
    expect(edited.status).toBe(200);
    const afterEdit = await ops.request('GET', '/v1/analytics/prompts');
    expect(
      (afterEdit.body.candidates as Array<{ kind: string; count: number }>)
        .filter((c) => c.kind === 'redirected')
        .map((c) => c.count)
        .sort(),
    ).toEqual([1, 1]);

    for (const id of ids)
      expect((await service.client.request('DELETE', `/v1/notes/${id}`)).status).toBe(204);
    const { body: emptied } = await ops.request('GET', '/v1/analytics/prompts');
    expect(emptied.candidates).toEqual([]);
  });
});

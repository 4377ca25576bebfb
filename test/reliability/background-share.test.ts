// Every authenticated request tells the job runner who is being served, so one tenant's rescore
// pauses between batches while another tenant is served, and not for its own requests.
import { startTestService, type TestService } from '../helpers/service';

describe('background work paced by the requests served', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService('pglite');
  });
  afterAll(() => service.close());

  test("when a tenant's request is served, then another tenant's background work pauses and its own does not", async () => {
    const other = await service.newTenant('other-org');
    expect(service.background.pauseAfter(other.tenantId, 100)).toBe(0);

    expect((await service.client.request('GET', '/v1/settings')).status).toBe(200);

    // the default share is half the time: a pause as long as the step
    expect(service.background.pauseAfter(other.tenantId, 100)).toBe(100);
    expect(service.background.pauseAfter(service.tenantId, 100)).toBe(0);
  });
});

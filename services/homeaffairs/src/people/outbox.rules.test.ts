import { applyDeathMutation, deathEntries, deathEventId, DEATH_SUBSCRIBERS, MAX_RETRY_MS, retryDelayMs } from './outbox.rules';

describe('register events (docs/consistency.md section 2)', () => {
  it('tells social, health and association of a death, one entry each, due at once', () => {
    const entries = deathEntries('012140000001', '2026-11-01', '2026-11-02');
    expect(entries.map((e) => e.subscriber)).toEqual([...DEATH_SUBSCRIBERS]);
    expect(entries.map((e) => e.subscriber)).toEqual(['social', 'health', 'association']);
    for (const e of entries) expect(e).toMatchObject({ state: 'PENDING', attempts: 0, eventDate: '2026-11-01', recordedOn: '2026-11-02' });
    expect(new Set(entries.map((e) => e.eventId)).size).toBe(3);
  });

  it('gives the same event id to the same death, another to another date (no personal data in it)', () => {
    const id = deathEventId('012140000001', '2026-11-01', 'social');
    expect(deathEventId('012140000001', '2026-11-01', 'social')).toBe(id);
    expect(deathEventId('012140000001', '2026-10-31', 'social')).not.toBe(id);
    expect(deathEventId('012140000001', '2026-11-01', 'health')).not.toBe(id);
    expect(id).toMatch(/^death-[0-9a-f]{32}$/);
    expect(id).not.toContain('012140000001');
  });

  it.each([
    [1, 5_000],
    [2, 15_000],
    [3, 45_000],
    [4, 135_000],
    [5, 405_000],
    [6, MAX_RETRY_MS], // 1,215 s capped at 15 min
    [50, MAX_RETRY_MS],
  ])('after failure %i the next try is %i ms later', (failures, ms) => {
    expect(retryDelayMs(failures)).toBe(ms);
  });

  it('calls <subscriber>ApplyDeath with the event and the person', () => {
    expect(applyDeathMutation('health')).toContain('healthApplyDeath(eventId: $eventId, citizenId: $citizenId) { eventId outcome }');
  });
});

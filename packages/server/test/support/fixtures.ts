import type { components } from '@coworking-commons/client';
import { issueApiKey } from '../../src/services/api-keys.ts';
import { saveSpace } from '../../src/services/spaces.ts';
import type { TestServer } from './test-server.ts';

export type Space = components['schemas']['Space'];

/** A space open Monday–Friday 08:00–19:00 and Saturday 09:00–13:00 in Paris, allowing guests. */
export function spaceFixture(id = 'la-ruche', overrides: Partial<Space> = {}): Space {
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
  return {
    id,
    name: 'La Ruche',
    description: 'Un espace de coworking au bord du canal.',
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    languages: ['fr', 'en'],
    openingHours: [...weekdays.map((day) => ({ day, opens: '08:00', closes: '19:00' })), { day: 'saturday', opens: '09:00', closes: '13:00' }],
    closures: [{ from: '2026-12-25', to: '2026-12-26', reason: 'Noël' }],
    amenities: ['wifi', 'coffee'],
    images: [],
    policies: {
      guestBookingAllowed: true,
      cancellationNotice: 'PT2H',
      directoryVisibility: 'public',
      halfDays: { morning: { start: '08:00', end: '13:00' }, afternoon: { start: '13:00', end: '19:00' } },
    },
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  } as Space;
}

/** Stores a space and gives a staff API key for it. */
export async function seedSpace(server: TestServer, space: Space = spaceFixture(), allowedOrigins: string[] = []): Promise<{ spaceId: string; staffKey: string }> {
  await saveSpace(server.deps as never, space, allowedOrigins);
  const { secret } = await issueApiKey(server.deps, space.id, 'Tests');
  return { spaceId: space.id, staffKey: secret };
}

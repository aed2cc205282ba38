import { fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../src/event-calendar/define.ts';
import type { CoworkEventCalendar } from '../../src/event-calendar/event-calendar.ts';
import { api, spaceId } from '../support/fixtures.ts';
import { allDayFrom, calendarServer, nextFrame, settle } from './support.ts';

const shot = (name: string) => executeServerCommand('cowork-screenshot', { name, clip: { x: 0, y: 0, width: 700, height: 400 } });

describe('debug', () => {
  it('colors', async () => {
    const server = calendarServer({ events: [allDayFrom('2026-03-09', '2026-03-11', { title: 'Salon' })] });
    const el = await fixture<CoworkEventCalendar>(html`<cowork-event-calendar api=${api} space=${spaceId} .fetch=${server.fetch} view="month" date="2026-03-12"></cowork-event-calendar>`);
    await settle(el);
    await setViewport({ width: 1280, height: 900 });
    await emulateMedia({ colorScheme: 'dark' });
    await nextFrame();
    await shot('dbg-a-dark-direct');
    await emulateMedia({ colorScheme: 'light' });
    await nextFrame();
    await shot('dbg-b-light');
    await emulateMedia({ colorScheme: 'dark' });
    await new Promise((w) => setTimeout(w, 1000));
    await shot('dbg-c-dark-wait');
  });
});

// The benchmark's page for <cowork-event-calendar> (see calendar.ts): events given as `.events`.
import '../src/event-calendar/define.ts';
import type { CoworkEventCalendar } from '../src/event-calendar/event-calendar.ts';
import { install } from './calendar-harness.ts';

install({
  async render(container, view, events, { date }) {
    const calendar = document.createElement('cowork-event-calendar') as CoworkEventCalendar;
    calendar.setAttribute('view', view);
    calendar.setAttribute('date', date);
    calendar.setAttribute('time-zone', 'Europe/Paris');
    calendar.setAttribute('lang', 'en-GB');
    calendar.events = events as CoworkEventCalendar['events'];
    container.append(calendar);
    await calendar.updateComplete;
    return () => calendar.remove();
  },
  count: (container) => container.querySelector('cowork-event-calendar')!.shadowRoot!.querySelectorAll('.seg, .ev, .more').length,
});

// The benchmark's page for FullCalendar 6 (see calendar.ts): its standard month and week views
// (dayGridMonth, timeGridWeek) with the same events, weeks from Monday, in the browser's zone
// (the runner starts Chromium with TZ=Europe/Paris, the events' zone). Variant `default`: as
// FullCalendar comes (every event drawn in the month); `limited`: `dayMaxEventRows: 4` (three
// events and a "+N more" link per day, as <cowork-event-calendar> draws them).
import { Calendar } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import listPlugin from '@fullcalendar/list';
import timeGridPlugin from '@fullcalendar/timegrid';
import { install } from './calendar-harness.ts';

install({
  render(container, view, events, { date, variant }) {
    const calendar = new Calendar(container, {
      plugins: [dayGridPlugin, timeGridPlugin, listPlugin],
      initialView: view === 'month' ? 'dayGridMonth' : 'timeGridWeek',
      initialDate: date,
      timeZone: 'local',
      firstDay: 1,
      events: events as never,
      ...(variant === 'limited' ? { dayMaxEventRows: 4 } : {}),
    });
    calendar.render();
    return () => calendar.destroy();
  },
  count: (container) => container.querySelectorAll('.fc-event, .fc-more-link').length,
});

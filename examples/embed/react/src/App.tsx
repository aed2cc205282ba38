import { useState } from 'react';
import type { EventSelectedDetail } from '@coworking-commons/elements';
import '@coworking-commons/elements/space/define';
import '@coworking-commons/elements/booking/define';
import '@coworking-commons/elements/member-card/define';
import '@coworking-commons/elements/event-calendar/define';

const host = 'mb_camille_durand';

export function App() {
  const [selected, setSelected] = useState<string>();

  function showEvent(event: CustomEvent<EventSelectedDetail>) {
    event.preventDefault(); // shown below instead of in the calendar's dialog
    setSelected(event.detail.event.title);
  }

  return (
    <cowork-space api="https://api.la-ruche.example" space="la-ruche" lang="en">
      <cowork-booking type="meeting_room" />
      <cowork-member-card member={host} variant="compact" />
      <cowork-event-calendar view="list" oncowork-event-selected={showEvent} />
      {selected && <p role="status">Selected: {selected}</p>}
    </cowork-space>
  );
}

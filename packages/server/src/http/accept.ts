/** Whether an Accept header takes text/calendar (no header, or an empty one, counts as yes). */
export function acceptsCalendar(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) return false;
    return range === 'text/calendar' || range === 'text/*' || range === '*/*';
  });
}

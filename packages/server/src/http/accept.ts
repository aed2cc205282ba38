/** Whether an Accept header takes `mediaType` (no header, or an empty one, counts as yes). */
export function acceptsMediaType(accept: string | undefined, mediaType: string): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  const [family] = mediaType.split('/');
  return accept.split(',').some((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) return false;
    return range === mediaType || range === `${family}/*` || range === '*/*';
  });
}

/** Whether an Accept header takes text/calendar (no header, or an empty one, counts as yes). */
export function acceptsCalendar(accept: string | undefined): boolean {
  return acceptsMediaType(accept, 'text/calendar');
}

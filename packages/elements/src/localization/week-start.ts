// The first day of the week for a locale, for the date grids of the booking widget and the event
// calendar.
/** A day of the week: 0 = Sunday, 1 = Monday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

interface WeekInfo {
  firstDay?: number;
}
type LocaleWithWeekInfo = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

const firstDayCache = new Map<string, Weekday>();

/** Regions whose weeks start on Sunday (CLDR), for engines without week info. */
const SUNDAY_REGIONS = 'AG AS BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW';

/**
 * The first day of the week for a locale: from `Intl.Locale#getWeekInfo()` (or the older
 * `weekInfo` getter) where the engine has it (1 = Monday … 7 = Sunday in that API), else
 * Sunday for the regions known to start weeks on Sunday (`en-US`, `en-CA`, `pt-BR`, `ja`, …; a
 * locale without a region has its likely one: `en` is `en-US`) and Monday everywhere else (ISO
 * 8601, and what `fr` uses). No locale, or one `Intl` does not understand: Monday.
 */
export function firstDayOfWeek(locale: string | Intl.Locale | undefined): Weekday {
  const key = String(locale ?? '');
  let result = firstDayCache.get(key);
  if (result === undefined) {
    result = 1;
    try {
      // Throws for no locale ('' or undefined) and for one Intl does not understand: Monday.
      const loc = new Intl.Locale(locale!) as LocaleWithWeekInfo;
      const first = (loc.getWeekInfo?.() ?? loc.weekInfo)?.firstDay ?? 0;
      // A region is two letters (or three digits): found in the list only as one of its entries.
      result = first >= 1 && first <= 7 ? ((first % 7) as Weekday) : SUNDAY_REGIONS.includes(loc.maximize().region ?? '-') ? 0 : 1;
    } catch {
      // Monday.
    }
    firstDayCache.set(key, result);
  }
  return result;
}

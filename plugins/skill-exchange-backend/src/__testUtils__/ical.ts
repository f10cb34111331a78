/** One VEVENT of an iCalendar file: its properties by name (parameters dropped). */
export type ParsedVEvent = Record<string, string>;

/**
 * Parses an iCalendar file as RFC 5545 lays it out: folded lines unfolded
 * (CRLF followed by a space or tab), then `NAME;PARAMS:VALUE` lines, and
 * the VEVENT blocks between BEGIN and END. Checks the calendar envelope.
 */
export function parseVEvents(ics: string): ParsedVEvent[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  if (lines[0] !== 'BEGIN:VCALENDAR' || !lines.includes('END:VCALENDAR')) {
    throw new Error(`Not an iCalendar file: ${ics.slice(0, 60)}`);
  }
  const events: ParsedVEvent[] = [];
  let current: ParsedVEvent | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') {
      current = {};
    } else if (line === 'END:VEVENT') {
      if (current) events.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0];
      current[name] = line
        .slice(colon + 1)
        .replace(/\\n/g, '\n')
        .replace(/\\([,;\\])/g, '$1');
    }
  }
  return events;
}

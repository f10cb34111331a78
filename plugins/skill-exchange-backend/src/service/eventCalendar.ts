import ical, { ICalCalendar } from 'ical-generator';
import type { HackEvent } from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores } from '../database';
import { found } from './found';
import type { Caller } from './access';

/** Midnight UTC of a YYYY-MM-DD day, `plusDays` later. */
function day(iso: string, plusDays = 0): Date {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date;
}

/**
 * An event in a calendar: its days as one all-day event (the end is the day
 * after its last day, as iCalendar counts) and its registration deadline as
 * another. The UIDs are the event's id, so a calendar that reads the file
 * again updates the events it has instead of adding more.
 */
function addEvent(calendar: ICalCalendar, event: HackEvent, url: string) {
  calendar.createEvent({
    id: `skill-exchange-event-${event.id}@onramp`,
    allDay: true,
    start: day(event.startsOn),
    end: day(event.endsOn, 1),
    summary: event.name,
    description: `${event.description}\n\n${url}`.trim(),
    url,
  });
  calendar.createEvent({
    id: `skill-exchange-event-${event.id}-registration@onramp`,
    allDay: true,
    start: day(event.registrationClosesOn),
    end: day(event.registrationClosesOn, 1),
    summary: `Registration closes: ${event.name}`,
    description: `The last day to add a hack to ${event.name} or join one.\n\n${url}`,
    url,
  });
}

/** iCalendar files of hack events: one event's, and a person's hacks'. */
export class EventCalendarService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly appBaseUrl: string,
  ) {}

  private calendar(name: string, events: HackEvent[]): string {
    const calendar = ical({
      name,
      prodId: { company: 'Onramp', product: 'Skill Exchange', language: 'EN' },
    });
    for (const event of events) {
      addEvent(
        calendar,
        event,
        `${this.appBaseUrl}/skill-exchange/events/${event.id}`,
      );
    }
    return calendar.toString();
  }

  /** One event's days and registration deadline; 404 for an unknown id. */
  async eventCalendar(id: number): Promise<string> {
    const event = found(
      await this.stores.events.getEvent(id),
      `No hack event ${id}`,
    );
    return this.calendar(event.name, [event]);
  }

  /** The events of the hacks the caller owns or joined. */
  async hackerCalendar(caller: Caller): Promise<string> {
    const events = await this.stores.events.listEventsOfHacker(
      caller.userEntityRef,
    );
    return this.calendar('My hacks', events);
  }
}

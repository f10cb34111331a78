import ical, { ICalCalendarMethod } from 'ical-generator';
import type { PairingSlot } from '@onramp/backstage-plugin-skill-exchange-common';

/** A person on an invite: their catalog name and email, when known. */
export interface InvitePerson {
  ref: string;
  name: string;
  email?: string;
}

/**
 * The iCalendar invite of a booked pairing session: one event at the
 * booked slot, organised by the post's owner with the booker attending.
 * Its UID is the post and slot, so a calendar updates the event it has
 * instead of adding another when the file is downloaded again.
 */
export function pairingInvite(p: {
  postId: number;
  title: string;
  skill: string;
  slot: PairingSlot;
  bookedAt: string;
  owner: InvitePerson;
  booker: InvitePerson;
  /** The post's page in the portal. */
  url: string;
  /** Who the one downloading it pairs with: the summary names them. */
  partner: InvitePerson;
}): string {
  const calendar = ical({
    prodId: { company: 'Onramp', product: 'Skill Exchange', language: 'EN' },
    method: ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `skill-exchange-pairing-${p.postId}-${p.slot.id}@onramp`,
    start: new Date(p.slot.startsAt),
    end: new Date(p.slot.endsAt),
    stamp: new Date(p.bookedAt),
    summary: `Pairing: ${p.skill} with ${p.partner.name}`,
    description: `${p.title}\n\n${p.owner.name} and ${p.booker.name} pair on ${p.skill}.\n${p.url}`,
    url: p.url,
    organizer: p.owner.email
      ? { name: p.owner.name, email: p.owner.email }
      : undefined,
    attendees: p.booker.email
      ? [{ name: p.booker.name, email: p.booker.email }]
      : [],
  });
  return calendar.toString();
}

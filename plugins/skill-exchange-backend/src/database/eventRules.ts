import { ConflictError, InputError } from '@backstage/errors';
import {
  PostInput,
  registrationClosedReason,
  todayIso,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { EventRow, PostRow, toEvent } from './rows';

/** An event's row in a transaction; 400 naming `eventId` for an unknown one. */
async function eventRow(tx: Knex, eventId: number): Promise<EventRow> {
  const row = await tx<EventRow>('hack_events').where('id', eventId).first();
  if (!row) throw new InputError(`eventId: no hack event ${eventId}`);
  return row;
}

/** 409 with the reason when registration for the event is not open today. */
function requireOpen(row: EventRow) {
  const reason = registrationClosedReason(toEvent(row), todayIso());
  if (reason) throw new ConflictError(reason);
}

/**
 * The event rules of a hack being created (no `current`) or edited, read in
 * the write's transaction: a hack is attached to an event only while its
 * registration is open (a hack already attached keeps its event), and
 * records a result (demo link, summary) once completed and, in an event,
 * once the event shows its results.
 */
export async function checkHackEvent(
  tx: Knex,
  input: PostInput,
  current?: PostRow,
): Promise<void> {
  if (input.kind !== 'hack') return;
  let event: EventRow | undefined;
  if (input.eventId !== undefined) {
    event = await eventRow(tx, input.eventId);
    if (input.eventId !== current?.event_id) requireOpen(event);
  }
  const demoUrl = input.demoUrl ?? null;
  const summary = input.resultSummary ?? null;
  const resultChanged =
    demoUrl !== (current?.demo_url ?? null) ||
    summary !== (current?.result_summary ?? null);
  if (!resultChanged || (!demoUrl && !summary)) return;
  if (input.stage !== 'completed') {
    throw new InputError(
      'stage: a hack records its demo link and result summary once it is completed',
    );
  }
  if (event && event.phase !== 'results') {
    throw new ConflictError(
      `${event.name} is in its ${event.phase} phase; its hacks record their results once its organisers move it to results.`,
    );
  }
}

/** 409 when a person joins a hack of an event whose registration is not open. */
export async function checkJoinWindow(tx: Knex, post: PostRow): Promise<void> {
  if (post.event_id === null || post.event_id === undefined) return;
  const row = await tx<EventRow>('hack_events')
    .where('id', post.event_id)
    .first();
  if (row) requireOpen(row);
}

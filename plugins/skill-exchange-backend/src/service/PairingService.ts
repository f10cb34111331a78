import { NotAllowedError } from '@backstage/errors';
import {
  formatSlot,
  PairingPost,
  Post,
  skillExchangePostUpdatePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores } from '../database';
import type { Caller, SkillExchangeAccess } from './access';
import type { CatalogFactsReader } from './catalogFacts';
import { found } from './found';
import type { SkillExchangeNotifier } from './notifications';
import { InvitePerson, pairingInvite } from './pairingInvite';

/**
 * Pairing sessions: booking a slot, cancelling it, and the calendar invite.
 * The owner and the booker hear of each booking and cancellation.
 */
export class PairingService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly access: SkillExchangeAccess,
    private readonly notifier: SkillExchangeNotifier,
    private readonly catalogFacts: CatalogFactsReader,
    private readonly appBaseUrl: string,
  ) {}

  private async post(id: number, caller: Caller): Promise<PairingPost> {
    const post = found(
      await this.stores.posts.getPost(id, caller.userEntityRef),
      `No post ${id}`,
    );
    return post as PairingPost;
  }

  async book(id: number, slotId: number, caller: Caller): Promise<Post> {
    const slot = await this.stores.pairing.book(
      id,
      slotId,
      caller.userEntityRef,
    );
    const post = await this.post(id, caller);
    await this.notifier.pairingBooking({
      owner: post.owner,
      booker: slot.bookedBy,
      by: slot.bookedBy,
      postId: id,
      skill: post.skills[0],
      when: formatSlot(slot),
      cancelled: false,
    });
    return post;
  }

  /** The booker, or whoever may edit the post (its owner), cancels. */
  async cancel(id: number, caller: Caller): Promise<Post> {
    const booked = found(
      await this.stores.pairing.booking(id),
      `Post ${id} is not booked`,
    );
    if (booked.bookedBy !== caller.userEntityRef) {
      await this.access.requirePost(
        skillExchangePostUpdatePermission,
        id,
        caller,
        'cancel a booking someone else made',
      );
    }
    const slot = await this.stores.pairing.cancel(id);
    const post = await this.post(id, caller);
    await this.notifier.pairingBooking({
      owner: post.owner,
      booker: slot.bookedBy,
      by: caller.userEntityRef,
      postId: id,
      skill: post.skills[0],
      when: formatSlot(slot),
      cancelled: true,
    });
    return post;
  }

  /** The iCalendar invite: for the owner and the booker of a booked session. */
  async invite(id: number, caller: Caller): Promise<string> {
    const post = await this.post(id, caller);
    const booking = found(
      post.kind === 'pairing' ? post.booking : null,
      `Post ${id} is not a booked pairing session`,
    );
    const me = caller.userEntityRef;
    if (me !== post.owner && me !== booking.user) {
      throw new NotAllowedError(
        'Only the owner and the booker get the invite of a pairing session',
      );
    }
    const [owner, booker] = await Promise.all([
      this.person(post.owner),
      this.person(booking.user),
    ]);
    return pairingInvite({
      postId: id,
      title: post.title,
      skill: post.skills[0],
      slot: post.slots.find(s => s.id === booking.slotId)!,
      bookedAt: booking.bookedAt,
      owner,
      booker,
      partner: me === post.owner ? booker : owner,
      url: `${this.appBaseUrl}/skill-exchange/posts/${id}`,
    });
  }

  private async person(ref: string): Promise<InvitePerson> {
    const facts = await this.catalogFacts.read(ref).catch(() => undefined);
    return {
      ref,
      name: facts?.displayName ?? ref.replace(/^user:(default\/)?/, ''),
      email: facts?.email,
    };
  }
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';

/** Sends Skill Exchange notifications through Backstage notifications. */
export class SkillExchangeNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly logger: LoggerService,
  ) {}

  private async send(
    recipient: string | string[],
    payload: {
      title: string;
      description: string;
      link: string;
      topic: string;
    },
  ) {
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: recipient },
        payload: { ...payload, severity: 'normal' },
      });
    } catch (error) {
      // The change itself succeeded; a failed notification must not undo it,
      // but it is logged with what was lost.
      this.logger.warn(
        `Could not notify ${recipient} (${payload.topic}): ${error}`,
      );
    }
  }

  interestReceived(p: {
    owner: string;
    user: string;
    postId: number;
    title: string;
    message: string;
  }) {
    return this.send(p.owner, {
      title: `New interest in "${p.title}"`,
      description: `${p.user} is interested${
        p.message ? `: ${p.message}` : ''
      }`,
      link: `/skill-exchange/posts/${p.postId}`,
      topic: 'skill-exchange:interest-received',
    });
  }

  interestAnswered(p: {
    user: string;
    postId: number;
    title: string;
    accepted: boolean;
  }) {
    return this.send(p.user, {
      title: p.accepted
        ? `You're in: "${p.title}"`
        : `Not this time: "${p.title}"`,
      description: p.accepted
        ? 'The owner accepted your interest. Reach out to plan the next steps.'
        : 'The owner declined your interest. Other opportunities are waiting.',
      link: `/skill-exchange/posts/${p.postId}`,
      topic: p.accepted
        ? 'skill-exchange:interest-accepted'
        : 'skill-exchange:interest-declined',
    });
  }

  /** The owner withdrew an accepted person: their place is released. */
  placeReleased(p: { user: string; postId: number; title: string }) {
    return this.send(p.user, {
      title: `Your place on "${p.title}" was released`,
      description:
        'The owner withdrew your accepted interest. You may express interest again.',
      link: `/skill-exchange/posts/${p.postId}`,
      topic: 'skill-exchange:place-released',
    });
  }

  /** The last place was taken: to the people whose interest is still pending. */
  postFilled(p: {
    users: string[];
    postId: number;
    title: string;
    kind: string;
  }) {
    return this.send(p.users, {
      title: `"${p.title}" is filled`,
      description: `Every place on this ${p.kind} is taken. Your interest stays pending: if a place frees up, the owner may still accept it.`,
      link: `/skill-exchange/posts/${p.postId}`,
      topic: 'skill-exchange:post-filled',
    });
  }

  /** A moderator hid the owner's post after reports, with their note. */
  postHidden(p: {
    owner: string;
    postId: number;
    title: string;
    note: string;
  }) {
    return this.send(p.owner, {
      title: `A moderator hid "${p.title}"`,
      description: `After reports from others, it is closed and listed nowhere.${
        p.note ? ` The moderator's note: ${p.note}` : ''
      }`,
      link: `/skill-exchange/posts/${p.postId}`,
      topic: 'skill-exchange:post-hidden',
    });
  }

  hackMemberJoined(p: {
    owner: string;
    user: string;
    postId: number;
    title: string;
  }) {
    return this.send(p.owner, {
      title: `${p.user} joined "${p.title}"`,
      description: 'Your hack has a new member.',
      link: `/skill-exchange/posts/${p.postId}`,
      topic: 'skill-exchange:hack-member',
    });
  }

  interestReminder(p: {
    owner: string;
    postId: number;
    title: string;
    pending: number;
  }) {
    return this.send(p.owner, {
      title: `${p.pending} unanswered interest${p.pending > 1 ? 's' : ''} in "${
        p.title
      }"`,
      description: 'People are waiting to hear from you: accept or decline.',
      link: `/skill-exchange/posts/${p.postId}`,
      topic: 'skill-exchange:interest-reminder',
    });
  }

  /** People whose learning goals include a skill of a new post. */
  postMatchesLearningGoals(p: {
    users: string[];
    postId: number;
    title: string;
    kind: string;
    skills: string[];
  }) {
    return this.send(p.users, {
      title: `New ${p.kind} to grow your skills: "${p.title}"`,
      description: `It asks for ${p.skills.join(
        ', ',
      )}, which is among your learning goals.`,
      link: `/skill-exchange/posts/${p.postId}`,
      topic: 'skill-exchange:learning-goal-match',
    });
  }

  /** The applicant asks their manager: the time share is in the message. */
  approvalRequested(p: {
    manager: string;
    user: string;
    title: string;
    timeShare: string;
  }) {
    return this.send(p.manager, {
      title: `${p.user} asks you to approve an embed`,
      description: `"${p.title}", ${p.timeShare}. Approve or decline in one click.`,
      link: '/skill-exchange/approvals',
      topic: 'skill-exchange:approval-requested',
    });
  }

  /** The manager answered: the applicant and the post's owner hear it. */
  approvalAnswered(p: {
    user: string;
    owner: string;
    postId: number;
    title: string;
    approved: boolean;
    reason: string | null;
  }) {
    const verdict = p.approved ? 'approved' : 'declined';
    return this.send([p.user, p.owner], {
      title: `Manager ${verdict}: "${p.title}"`,
      description: `The manager of ${p.user} ${verdict} the embed${
        p.reason ? `: ${p.reason}` : '.'
      }`,
      link: `/skill-exchange/posts/${p.postId}`,
      topic: `skill-exchange:approval-${verdict}`,
    });
  }

  /** A stint is over: each person on it is asked for a short retro, once. */
  retroDue(p: {
    users: string[];
    postId: number;
    title: string;
    kind: string;
  }) {
    return this.send(p.users, {
      title: `How was "${p.title}"?`,
      description: `This ${p.kind} is over. Two minutes: which skills you practised and how useful it was.`,
      link: `/skill-exchange/posts/${p.postId}#retro`,
      topic: 'skill-exchange:retro-due',
    });
  }

  /**
   * A pairing session was booked (or its booking cancelled): the owner and
   * the booker each hear it, with the slot in words and a link to the post.
   */
  pairingBooking(p: {
    owner: string;
    booker: string;
    by: string;
    postId: number;
    skill: string;
    when: string;
    cancelled: boolean;
  }) {
    const what = `pairing session on ${p.skill}, ${p.when}`;
    const link = `/skill-exchange/posts/${p.postId}`;
    const topic = `skill-exchange:pairing-${
      p.cancelled ? 'cancelled' : 'booked'
    }`;
    if (p.cancelled) {
      return this.send([p.owner, p.booker], {
        title: `Pairing on ${p.skill} cancelled`,
        description: `${p.by} cancelled the booking of the ${what}.`,
        link,
        topic,
      });
    }
    return Promise.all([
      this.send(p.owner, {
        title: `Pairing on ${p.skill} booked`,
        description: `${p.booker} booked your ${what}.`,
        link,
        topic,
      }),
      this.send(p.booker, {
        title: `Pairing on ${p.skill} booked`,
        description: `You booked the ${what} with ${p.owner}.`,
        link,
        topic,
      }),
    ]);
  }
}

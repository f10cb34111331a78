import { SidebarItem } from '@backstage/core-components';
import {
  NotificationsRenderItemProps,
  NotificationsSidebarItem,
} from '@backstage/plugin-notifications';
import { Tag, TagGroup } from '@backstage/ui';
import NotificationsIcon from '@material-ui/icons/Notifications';

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * The sidebar's Notifications item, kept on Backstage's own
 * NotificationsSidebarItem (unread count, snackbar, title counter), but named
 * by what it shows. The default item labels the link "Notifications" while it
 * also shows the unread count, so the name and the visible text disagree
 * (axe "label-content-name-mismatch"; voice control users say what they see).
 * Here the link has no aria-label: its name is its content, read as
 * "Notifications 3 unread".
 */
export function NotificationsItem() {
  return (
    <NotificationsSidebarItem
      renderItem={({
        unreadCount,
        to,
        onClick,
      }: NotificationsRenderItemProps) => (
        <SidebarItem
          to={to}
          onClick={onClick}
          text="Notifications"
          icon={NotificationsIcon}
          aria-label={undefined}
        >
          {unreadCount > 0 && (
            <TagGroup aria-label="Unread notifications">
              <Tag size="small">
                {unreadCount > 99 ? '99+' : String(unreadCount)}
                <span style={visuallyHidden}> unread</span>
              </Tag>
            </TagGroup>
          )}
        </SidebarItem>
      )}
    />
  );
}

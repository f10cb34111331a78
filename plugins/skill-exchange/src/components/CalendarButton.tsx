import { Button } from '@material-ui/core';
import EventIcon from '@material-ui/icons/Event';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { skillExchangeTranslationRef } from '../translation';
import { downloadFile } from './common';
import { useAction } from './useAction';

/**
 * A button that downloads an iCalendar file the API makes (a pairing
 * invite, an event's days, my hacks' events); a failure shows as an alert.
 */
export const CalendarButton = ({
  load,
  fileName,
  label,
  variant = 'outlined',
}: {
  load: () => Promise<string>;
  fileName: string;
  label?: string;
  variant?: 'outlined' | 'contained';
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const { busy, run } = useAction(() => {});
  return (
    <Button
      variant={variant}
      color={variant === 'contained' ? 'primary' : 'default'}
      startIcon={<EventIcon />}
      disabled={busy}
      onClick={() =>
        run(async () => downloadFile(await load(), fileName, 'text/calendar'))
      }
    >
      {label ?? t('posts.calendarButton.add')}
    </Button>
  );
};

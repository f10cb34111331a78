import { useApi } from '@backstage/core-plugin-api';
import { Button } from '@material-ui/core';
import EventIcon from '@material-ui/icons/Event';
import { skillExchangeApiRef } from '../../api';
import { downloadFile } from '../common';
import { useAction } from '../useAction';

/** Downloads the iCalendar file of the events of the hacks I joined or own. */
export const MyHacksCalendarButton = () => {
  const api = useApi(skillExchangeApiRef);
  const { busy, run } = useAction(() => {});
  return (
    <Button
      variant="outlined"
      startIcon={<EventIcon />}
      disabled={busy}
      onClick={() =>
        run(async () =>
          downloadFile(
            await api.getMyHacksCalendar(),
            'my-hacks.ics',
            'text/calendar',
          ),
        )
      }
    >
      My hacks calendar
    </Button>
  );
};

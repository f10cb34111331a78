import { useApi } from '@backstage/core-plugin-api';
import { skillExchangeApiRef } from '../../api';
import { CalendarButton } from '../CalendarButton';

/** Downloads the iCalendar file of the events of the hacks I joined or own. */
export const MyHacksCalendarButton = () => {
  const api = useApi(skillExchangeApiRef);
  return (
    <CalendarButton
      label="My hacks calendar"
      load={() => api.getMyHacksCalendar()}
      fileName="my-hacks.ics"
    />
  );
};

import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { skillExchangeApiRef } from '../../api';
import { skillExchangeTranslationRef } from '../../translation';
import { CalendarButton } from '../CalendarButton';

/** Downloads the iCalendar file of the events of the hacks I joined or own. */
export const MyHacksCalendarButton = () => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <CalendarButton
      label={t('events.myCalendar', {
        hacks: t('common.kindsInText.hacks'),
      })}
      load={() => api.getMyHacksCalendar()}
      fileName="my-hacks.ics"
    />
  );
};

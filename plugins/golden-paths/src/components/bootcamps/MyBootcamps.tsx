import { useApi } from '@backstage/core-plugin-api';
import { Chip, FormControlLabel, Switch } from '@material-ui/core';
import { Me } from '@onramp/backstage-plugin-golden-paths-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../../api';
import { useGoldenPathsT } from '../translate';
import { useBusyAction } from '../useBusyAction';
import { cohortDates } from './BootcampsPage';

/** "Bootcamp: <name> (<dates>)" for the caller's cohorts on this path. */
export const MyBootcamps = ({ pathId }: { pathId: string }) => {
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const { value } = useAsync(() => api.listMyCohorts(), [api]);
  const mine = (value?.items ?? []).filter(
    c => !c.pathId || c.pathId === pathId,
  );
  return (
    <>
      {mine.map(c => (
        <Chip
          key={c.id}
          color="primary"
          variant="outlined"
          style={{ marginRight: 8, marginBottom: 16 }}
          label={t('bootcamps.mine.chip', {
            title: c.title,
            dates: cohortDates(t, c),
          })}
        />
      ))}
    </>
  );
};

/** The person's own switch: managers may see their Skill Exchange activity. */
export const ShareSkillExchangeSwitch = ({ me }: { me: Me }) => {
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const { busy, run } = useBusyAction();
  const [share, setShare] = useState(me.settings.shareSkillExchange);
  const toggle = (next: boolean) =>
    run(t('bootcamps.mine.shareFailed'), async () => {
      const saved = await api.updateMySettings({ shareSkillExchange: next });
      setShare(saved.shareSkillExchange);
    });
  return (
    <FormControlLabel
      control={
        <Switch
          checked={share}
          disabled={busy}
          onChange={e => toggle(e.target.checked)}
          color="primary"
        />
      }
      label={t('bootcamps.mine.share')}
    />
  );
};

import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import type {
  TeardownPlanView,
  TeardownStarted,
} from '@onramp/backstage-plugin-golden-paths-common';
import { useState } from 'react';
import { goldenPathsApiRef } from '../../api';
import { useGoldenPathsT } from '../translate';

/**
 * "Tear down <name>?": lists exactly what the teardown removes (the
 * backend's plan for the configured providers) and starts it. Closes with
 * the started task, or with nothing when cancelled.
 */
export const TeardownDialog = ({
  name,
  plan,
  onClose,
}: {
  name: string;
  plan: TeardownPlanView;
  onClose: (started?: TeardownStarted) => void;
}) => {
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onClose(await api.tearDownService(name));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  const titleId = `teardown-${name}-title`;
  return (
    <Dialog open onClose={() => onClose()} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>
        {t('runtime.teardown.dialogTitle', { name })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t('runtime.teardown.dialogText')}
        </DialogContentText>
        <List dense aria-label={t('runtime.teardown.removesLabel')}>
          {plan.removes.map(item => (
            <ListItem key={item}>
              <ListItemText primary={item} />
            </ListItem>
          ))}
        </List>
        {error && (
          <Typography color="error" role="alert">
            {t('runtime.teardown.couldNotStart', { message: error })}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()} disabled={busy}>
          {t('runtime.cancel')}
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={start}
          disabled={busy}
        >
          {busy
            ? t('runtime.teardown.starting')
            : t('runtime.teardown.tearDown')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

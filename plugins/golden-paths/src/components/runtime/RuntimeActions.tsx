import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@material-ui/core';
import type { LocalRuntimeAction } from '@onramp/backstage-plugin-golden-paths-common';
import { useState } from 'react';
import { useGoldenPathsT } from '../translate';

/**
 * The buttons the caller may use (the backend's `allowedActions`); Stop asks
 * for confirmation first.
 */
export const RuntimeActions = ({
  name,
  allowed,
  busy,
  onAction,
}: {
  name: string;
  allowed: LocalRuntimeAction[];
  busy: boolean;
  onAction: (action: LocalRuntimeAction) => void;
}) => {
  const t = useGoldenPathsT();
  const [confirmStop, setConfirmStop] = useState(false);
  if (allowed.length === 0) return null;
  return (
    <Box display="flex" mt={2}>
      {allowed.map(action => (
        <Box key={action} mr={1}>
          <Button
            variant="outlined"
            color="primary"
            disabled={busy}
            onClick={() =>
              action === 'stop' ? setConfirmStop(true) : onAction(action)
            }
          >
            {t(`runtime.actions.${action}`)}
          </Button>
        </Box>
      ))}
      <Dialog
        open={confirmStop}
        onClose={() => setConfirmStop(false)}
        aria-labelledby="runtime-stop-title"
      >
        <DialogTitle id="runtime-stop-title">
          {t('runtime.actions.stopTitle', { name })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{t('runtime.actions.stopText')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmStop(false)}>
            {t('runtime.cancel')}
          </Button>
          <Button
            color="primary"
            onClick={() => {
              setConfirmStop(false);
              onAction('stop');
            }}
          >
            {t('runtime.actions.stopConfirm', { name })}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};

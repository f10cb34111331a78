import { Box, Button, Typography } from '@material-ui/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useGoldenPathsT } from '../translate';
import { TeardownDialog } from './TeardownDialog';
import { useTeardownPlan } from './useTeardownPlan';

/**
 * "Tear down" for the service of a Day-1 practice run (the journey step's
 * latest run). Nothing when the catalog no longer has the service;
 * disabled, with the reason, for someone who may not tear it down.
 */
export const TeardownButton = ({ name }: { name: string }) => {
  const t = useGoldenPathsT();
  const { value: plan, error } = useTeardownPlan(name);
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  if (error) {
    return (
      <Typography variant="caption" color="error">
        {t('runtime.teardown.unavailable', { message: error.message })}
      </Typography>
    );
  }
  if (!plan) return null;
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-end" ml={1}>
      <Button
        variant="outlined"
        disabled={!plan.allowed}
        onClick={() => setOpen(true)}
        aria-describedby={plan.reason ? `teardown-why-${name}` : undefined}
      >
        {t('runtime.teardown.tearDown')}
      </Button>
      {plan.reason && (
        <Typography
          variant="caption"
          color="textSecondary"
          id={`teardown-why-${name}`}
        >
          {plan.reason}
        </Typography>
      )}
      {open && (
        <TeardownDialog
          name={name}
          plan={plan}
          onClose={started => {
            setOpen(false);
            if (started) navigate(started.taskUrl);
          }}
        />
      )}
    </Box>
  );
};

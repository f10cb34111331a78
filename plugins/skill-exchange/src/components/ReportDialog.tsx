import { useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@material-ui/core';
import FlagIcon from '@material-ui/icons/Flag';
import {
  REPORT_REASONS,
  ReportReason,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';

/**
 * "Report" on someone else's post: a reason and an optional comment for the
 * moderators. A second report while the first is open is refused (409),
 * and the page says so.
 */
export const ReportButton = (props: { postId: number; title: string }) => {
  const api = useApi(skillExchangeApiRef);
  const alertApi = useApi(alertApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (!reason) return;
    setBusy(true);
    try {
      await api.reportPost(props.postId, { reason, comment });
      alertApi.post({
        message: t('posts.reportDialog.reported'),
        severity: 'success',
        display: 'transient',
      });
      setOpen(false);
    } catch (e) {
      alertApi.post({ message: (e as Error).message, severity: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        color="inherit"
        startIcon={<FlagIcon />}
        onClick={() => setOpen(true)}
        style={{ marginLeft: 8 }}
      >
        {t('posts.reportDialog.report')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="sx-report-title"
        fullWidth
      >
        <DialogTitle id="sx-report-title">
          {t('posts.reportDialog.title', { title: props.title })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t('posts.reportDialog.explanation', {
              product: t('common.title'),
            })}
          </DialogContentText>
          <FormControl component="fieldset" required>
            <FormLabel component="legend">
              {t('posts.reportDialog.reason')}
            </FormLabel>
            <RadioGroup
              aria-label={t('posts.reportDialog.reason')}
              value={reason}
              onChange={e => setReason(e.target.value as ReportReason)}
            >
              {REPORT_REASONS.map(r => (
                <FormControlLabel
                  key={r}
                  value={r}
                  control={<Radio />}
                  label={t(`posts.reportDialog.reasons.${r}`)}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField
            id="sx-report-comment"
            label={t('posts.reportDialog.comment')}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            variant="outlined"
            value={comment}
            inputProps={{ maxLength: 500 }}
            onChange={e => setComment(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('posts.cancel')}</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={!reason || busy}
            onClick={send}
          >
            {t('posts.reportDialog.send')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

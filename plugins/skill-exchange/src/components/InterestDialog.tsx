import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { LIMITS } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeTranslationRef } from '../translation';

/** A dialog asking for one text (a message, a reason), sent with `onSend`. */
export const TextDialog = (props: {
  id: string;
  title: string;
  label: string;
  helperText: string;
  send: string;
  /** Send stays off while the text is blank. */
  required?: boolean;
  maxLength?: number;
  open: boolean;
  onClose: () => void;
  onSend: (text: string) => Promise<void>;
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [text, setText] = useState('');
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby={`${props.id}-title`}
      fullWidth
    >
      <DialogTitle id={`${props.id}-title`}>{props.title}</DialogTitle>
      <DialogContent>
        <TextField
          id={`${props.id}-text`}
          fullWidth
          multiline
          minRows={3}
          variant="outlined"
          label={props.label}
          value={text}
          required={props.required}
          inputProps={{ maxLength: props.maxLength ?? LIMITS.message }}
          helperText={props.helperText}
          onChange={e => setText(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('posts.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={props.required && !text.trim()}
          onClick={() => props.onSend(text)}
        >
          {props.send}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** "I'm interested": a message to the post's owner, sent with `onSend`. */
export const InterestDialog = (props: {
  open: boolean;
  onClose: () => void;
  onSend: (message: string) => Promise<void>;
}) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <TextDialog
      id="sx-interest"
      title={t('posts.interestDialog.title')}
      label={t('posts.interestDialog.label')}
      helperText={t('posts.interestDialog.help')}
      send={t('posts.interestDialog.send')}
      {...props}
    />
  );
};

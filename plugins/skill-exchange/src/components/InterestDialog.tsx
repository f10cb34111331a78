import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import { LIMITS } from '@onramp/backstage-plugin-skill-exchange-common';

/** "I'm interested": a message to the post's owner, sent with `onSend`. */
export const InterestDialog = (props: {
  open: boolean;
  onClose: () => void;
  onSend: (message: string) => Promise<void>;
}) => {
  const [message, setMessage] = useState('');
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby="sx-interest-title"
      fullWidth
    >
      <DialogTitle id="sx-interest-title">I'm interested</DialogTitle>
      <DialogContent>
        <TextField
          id="sx-interest-message"
          fullWidth
          multiline
          minRows={3}
          variant="outlined"
          label="Message to the owner"
          value={message}
          inputProps={{ maxLength: LIMITS.message }}
          helperText="Why you, and when you could start."
          onChange={e => setMessage(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={() => props.onSend(message)}
        >
          Send
        </Button>
      </DialogActions>
    </Dialog>
  );
};

import { useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import {
  configApiRef,
  IdentityApi,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import {
  Button,
  Grid,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';

const STORAGE_KEY = '@onramp/sign-in';
export const DEMO_USER_HEADER = 'x-onramp-demo-user';

type Choice = { provider: 'guest' } | { provider: 'demo'; user: string };

function readChoice(): Choice | undefined {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Choice) : undefined;
  } catch {
    return undefined;
  }
}

function storeChoice(choice: Choice | undefined) {
  if (choice) {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
  } else {
    window.localStorage.removeItem(STORAGE_KEY);
  }
}

/** "user:default/lars.lindqvist" -> "Lars Lindqvist" */
export function displayNameOf(ref: string): string {
  const name = ref.split('/').pop() ?? ref;
  return name
    .split(/[._-]+/)
    .filter(Boolean)
    .map(part => part[0].toLocaleUpperCase() + part.slice(1))
    .join(' ');
}

/** Forgets the remembered choice on sign-out, so the picker shows again. */
function forgetOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      storeChoice(undefined);
      await identity.signOut();
    },
  };
}

/**
 * Sign-in for the embedded (development) portal: enter as the guest, or, when
 * `auth.providers.demo.users` is configured, as any demo user. The choice is
 * remembered until sign-out.
 */
export const OnrampSignInPage = (props: SignInPageProps) => {
  const config = useApi(configApiRef);
  const demoUsers =
    config.getOptionalStringArray('auth.providers.demo.users') ?? [];
  const [choice, setChoice] = useState<Choice | undefined>(readChoice);
  const [selected, setSelected] = useState(demoUsers[0] ?? '');

  const choose = (next: Choice | undefined) => {
    storeChoice(next);
    setChoice(next);
  };

  if (choice) {
    return (
      <ProxiedSignInPage
        {...props}
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgetOnSignOut(identity))
        }
        provider={choice.provider}
        headers={
          choice.provider === 'demo'
            ? { [DEMO_USER_HEADER]: choice.user }
            : undefined
        }
        ErrorComponent={({ error }) => (
          <Page themeId="home">
            <Header title="Onramp" subtitle="Sign-in failed" />
            <Content>
              <InfoCard title="Could not sign in">
                <Typography paragraph role="alert">
                  {error?.message ?? 'The sign-in provider did not answer.'}
                </Typography>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => choose(undefined)}
                >
                  Back to sign-in
                </Button>
              </InfoCard>
            </Content>
          </Page>
        )}
      />
    );
  }

  return (
    <Page themeId="home">
      <Header
        title="Onramp"
        subtitle="Onboard fast, keep growing. Choose who you are."
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={6} lg={4}>
            <InfoCard title="Guest">
              <Typography paragraph>
                Enter as the demo portal's guest: a new engineer who joined this
                month.
              </Typography>
              <Button
                variant="contained"
                color="primary"
                onClick={() => choose({ provider: 'guest' })}
              >
                Enter
              </Button>
            </InfoCard>
          </Grid>
          {demoUsers.length > 0 && (
            <Grid item xs={12} md={6} lg={4}>
              <InfoCard title="Demo user">
                <Typography paragraph>
                  Sign in as someone else in the demo organisation, to try flows
                  that need two people.
                </Typography>
                <TextField
                  select
                  fullWidth
                  variant="outlined"
                  margin="dense"
                  label="Demo user"
                  id="onramp-demo-user"
                  value={selected}
                  onChange={e => setSelected(e.target.value)}
                >
                  {demoUsers.map(ref => (
                    <MenuItem key={ref} value={ref}>
                      {displayNameOf(ref)}
                    </MenuItem>
                  ))}
                </TextField>
                <Button
                  variant="outlined"
                  color="primary"
                  disabled={!selected}
                  onClick={() => choose({ provider: 'demo', user: selected })}
                >
                  Sign in as {selected ? displayNameOf(selected) : '…'}
                </Button>
              </InfoCard>
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
};

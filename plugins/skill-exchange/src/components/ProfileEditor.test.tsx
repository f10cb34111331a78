import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import type {
  Profile,
  SkillExchangeApi,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { ProfileEditor } from './ProfileEditor';
import { addSkills } from './ProfileSkillsEditor';

jest.setTimeout(30_000);

const profile: Profile = {
  user: 'user:default/sofia.marquez',
  displayName: 'Sofia Marquez',
  teams: ['group:default/backend'],
  bio: 'Backend person.',
  contact: '#backend',
  openToEmbeds: true,
  openToMentoring: false,
  openToHacks: false,
  skills: [
    { skill: 'TypeScript', category: 'language', level: 3, canHelp: true },
    {
      skill: 'PostgreSQL',
      category: 'infrastructure',
      level: 2,
      canHelp: false,
    },
  ],
  learning: ['Kubernetes'],
  version: 6,
};

function renderEditor(updateMyProfile: SkillExchangeApi['updateMyProfile']) {
  const api = {
    updateMyProfile: jest.fn(updateMyProfile),
    listSkills: jest.fn(async () => []),
  } as unknown as jest.Mocked<SkillExchangeApi>;
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const onSaved = jest.fn();
  const rendered = renderInTestApp(
    <TestApiProvider
      apis={[
        [skillExchangeApiRef, api],
        [alertApiRef, alertApi],
      ]}
    >
      <ProfileEditor profile={profile} onSaved={onSaved} />
    </TestApiProvider>,
  );
  return { api, alertApi, onSaved, rendered };
}

describe('ProfileEditor', () => {
  it('saves the edited levels, help, openness, sharing and text with the version it read', async () => {
    const saved = { ...profile, version: 7 };
    const { api, alertApi, onSaved } = renderEditor(async () => saved);
    await userEvent.click(await screen.findByLabelText('Level in TypeScript'));
    await userEvent.click(screen.getByRole('option', { name: '4 · Advanced' }));
    await userEvent.click(
      within(screen.getByTestId('skill-row-PostgreSQL')).getByRole('checkbox'),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove TypeScript' }),
    );
    await userEvent.click(screen.getByLabelText('Open to hacks'));
    await userEvent.click(
      screen.getByLabelText(/^Show others the evidence behind my skills/),
    );
    await userEvent.clear(screen.getByLabelText('Bio'));
    await userEvent.type(screen.getByLabelText('Bio'), 'Go and SQL.');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(api.updateMyProfile).toHaveBeenCalledWith({
      bio: 'Go and SQL.',
      contact: '#backend',
      openToEmbeds: true,
      openToMentoring: false,
      openToHacks: true,
      shareEvidence: true,
      skills: [{ skill: 'PostgreSQL', level: 2, canHelp: true }],
      learning: ['Kubernetes'],
      version: 6,
    });
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Profile saved',
        severity: 'success',
      }),
    );
  });

  it('keeps the form and says why when the backend refuses', async () => {
    const { onSaved } = renderEditor(async () => {
      throw new Error('Someone else saved this profile first');
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Save profile' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not save: Someone else saved this profile first',
    );
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Bio')).toHaveValue('Backend person.');
    expect(screen.getByRole('button', { name: 'Save profile' })).toBeEnabled();
  });
});

describe('addSkills', () => {
  it('adds new skills at level 2 without help and keeps the ones listed', () => {
    expect(
      addSkills([{ skill: 'Go', level: 4, canHelp: true }], ['Go', 'Rust']),
    ).toEqual([
      { skill: 'Go', level: 4, canHelp: true },
      { skill: 'Rust', level: 2, canHelp: false },
    ]);
  });
});

import { dialogApiRef } from '@backstage/frontend-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import { isDay1PracticeRun } from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from '../../api';
import { mockApi, teardownPlan } from '../testData';
import { useTeardownMenuItemProps } from './teardownMenuItem';

// Renders the whole entity page menu; slow on a loaded machine.
jest.setTimeout(30_000);

const practiceRun = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'day-one-svc',
    annotations: {
      'backstage.io/source-template': 'template:default/day-1-backend-service',
      'onramp.dev/practice-run': 'true',
      'onramp.dev/created-by-task': 'task-1',
    },
  },
  spec: { owner: 'group:default/backend' },
};

/** The entity page's menu, reduced to this one item. */
const MenuItem = () => {
  const props = useTeardownMenuItemProps();
  return (
    <button type="button" disabled={props.disabled} onClick={props.onClick}>
      {props.title}
    </button>
  );
};

/** A DialogApi that renders the dialog next to the item, as the app does. */
function fakeDialogApi() {
  let show: (element: JSX.Element | null) => void = () => {};
  const Host = () => {
    const [element, setElement] = useState<JSX.Element | null>(null);
    show = setElement;
    return element;
  };
  const api = {
    open(content: any) {
      let resolve: (value: unknown) => void = () => {};
      const result = new Promise(r => (resolve = r));
      const dialog = {
        close(value?: unknown) {
          show(null);
          resolve(value);
        },
        update() {},
        result: () => result,
      };
      show(typeof content === 'function' ? content({ dialog }) : content);
      return dialog;
    },
  };
  return { api, Host };
}

async function renderItem(api = mockApi()) {
  const dialog = fakeDialogApi();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [goldenPathsApiRef, api],
        [dialogApiRef, dialog.api as any],
      ]}
    >
      <Routes>
        <Route
          path="/"
          element={
            <EntityProvider entity={practiceRun}>
              <MenuItem />
              <dialog.Host />
            </EntityProvider>
          }
        />
        <Route path="/create/tasks/:id" element={<p>task page</p>} />
      </Routes>
    </TestApiProvider>,
  );
  return api;
}

describe('the "Tear down" entity menu item', () => {
  it('is offered only on Components a Day-1 practice run created', () => {
    expect(isDay1PracticeRun(practiceRun)).toBe(true);
    const annotations = practiceRun.metadata.annotations;
    for (const changed of [
      { ...practiceRun, kind: 'API' },
      {
        ...practiceRun,
        metadata: {
          ...practiceRun.metadata,
          annotations: { ...annotations, 'onramp.dev/practice-run': 'false' },
        },
      },
      {
        ...practiceRun,
        metadata: {
          ...practiceRun.metadata,
          annotations: {
            ...annotations,
            'backstage.io/source-template': 'template:default/other',
          },
        },
      },
    ]) {
      expect(isDay1PracticeRun(changed)).toBe(false);
    }
  });

  it('confirms exactly what goes, starts the teardown and opens its task page', async () => {
    const api = await renderItem();
    const item = await screen.findByRole('button', { name: 'Tear down' });
    // Disabled until the plan says you may.
    await waitFor(() => expect(item).toBeEnabled());
    await userEvent.click(item);
    const dialog = await screen.findByRole('dialog', {
      name: 'Tear down day-one-svc?',
    });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual(teardownPlan('day-one-svc').removes);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Tear down' }),
    );
    expect(api.tearDownService).toHaveBeenCalledWith('day-one-svc');
    expect(await screen.findByText('task page')).toBeInTheDocument();
  });

  it('is disabled, saying why, for someone who may not', async () => {
    const reason =
      'Only the owner of component:default/day-one-svc (group:default/backend) or an admin may tear it down; user:default/noah.kim is neither';
    await renderItem(
      mockApi({
        getTeardownPlan: jest.fn(async (name: string) =>
          teardownPlan(name, { allowed: false, reason }),
        ),
      }),
    );
    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Tear down/ })).toBeDisabled();
  });
});

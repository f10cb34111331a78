import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { goldenPathsApiRef } from '../api';
import { ServiceNameField, serviceNameValidation } from './ServiceNameField';
import { mockApi } from './testData';

const TAKEN = {
  name: 'day1-foo',
  available: false,
  takenBy: 'group:backend',
  url: 'http://portal.test/catalog/default/component/day1-foo',
  message:
    'day1-foo is taken by group:backend; choose another name, or open it: http://portal.test/catalog/default/component/day1-foo',
};

const api = () =>
  mockApi({
    checkServiceName: jest.fn(async (name: string) =>
      name === 'day1-foo' ? TAKEN : { name, available: true },
    ),
  });

const Field = () => {
  const [value, setValue] = useState<string | undefined>();
  return (
    <ServiceNameField
      {...({} as any)}
      formData={value}
      onChange={setValue}
      schema={{ title: 'Name', description: 'Lowercase letters' }}
      uiSchema={{}}
      idSchema={{ $id: 'root_name' } as any}
      debounceMs={0}
    />
  );
};

async function renderField(goldenPathsApi = api()) {
  await renderInTestApp(
    <TestApiProvider apis={[[goldenPathsApiRef, goldenPathsApi]]}>
      <Field />
    </TestApiProvider>,
  );
  return goldenPathsApi;
}

describe('GoldenPathServiceName field', () => {
  it('says a taken name is taken, by whom, with a link to open it', async () => {
    const goldenPathsApi = await renderField();
    await userEvent.type(screen.getByLabelText('Name'), 'day1-foo');
    expect(
      await screen.findByText(/day1-foo is taken by group:backend/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /open it/ })).toHaveAttribute(
      'href',
      TAKEN.url,
    );
    // The address is the link, not repeated as text before it.
    expect(screen.queryByText(new RegExp(TAKEN.url))).not.toBeInTheDocument();
    expect(goldenPathsApi.checkServiceName).toHaveBeenLastCalledWith(
      'day1-foo',
    );
  });

  it('says a free name is free', async () => {
    await renderField();
    await userEvent.type(screen.getByLabelText('Name'), 'day1-new');
    expect(await screen.findByText('day1-new is free')).toBeInTheDocument();
  });

  it('checks the pattern without asking the backend', async () => {
    const goldenPathsApi = await renderField();
    await userEvent.type(screen.getByLabelText('Name'), 'Day1');
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Lowercase letters, digits and dashes/,
    );
    await waitFor(() =>
      expect(goldenPathsApi.checkServiceName).not.toHaveBeenCalled(),
    );
  });
});

describe('serviceNameValidation (before the next step and submit)', () => {
  const validate = async (value: string) => {
    const goldenPathsApi = api();
    const addError = jest.fn();
    await serviceNameValidation(value, { addError } as any, {
      apiHolder: { get: () => goldenPathsApi } as any,
      formData: {},
      schema: {},
    });
    return { addError, goldenPathsApi };
  };

  it('adds the sentence for a taken name', async () => {
    const { addError } = await validate('day1-foo');
    expect(addError).toHaveBeenCalledWith(TAKEN.message);
  });

  it('adds nothing for a free name', async () => {
    const { addError } = await validate('day1-new');
    expect(addError).not.toHaveBeenCalled();
  });

  it('refuses a malformed name without asking', async () => {
    const { addError, goldenPathsApi } = await validate('day1_');
    expect(addError).toHaveBeenCalledWith(
      expect.stringMatching(/^Lowercase letters/),
    );
    expect(goldenPathsApi.checkServiceName).not.toHaveBeenCalled();
  });
});

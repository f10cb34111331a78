import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  SERVICE_NAME_FIELD,
  ServiceNameField,
  serviceNameValidation,
} from './ServiceNameField';

type FormFieldOptions = Parameters<typeof createFormField>[0];

/** The `GoldenPathServiceName` field for the new frontend system. */
export const serviceNameFormField = createFormField({
  name: SERVICE_NAME_FIELD,
  // Without a zod schema the field's value type is `any`; ours is a string.
  component: ServiceNameField as FormFieldOptions['component'],
  validation: serviceNameValidation as FormFieldOptions['validation'],
});

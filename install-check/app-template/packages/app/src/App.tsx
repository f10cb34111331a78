// The app of @backstage/create-app 0.9.2 (new frontend system), reduced to
// the catalog and the scaffolder: every other frontend plugin comes from
// `app.packages: all` (app-config.yaml), which is how the Onramp plugin READMEs
// install their frontends.
import { createApp } from '@backstage/frontend-defaults';

export default createApp();

import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import { GoldenPath } from '@onramp/backstage-plugin-golden-paths-common';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { goldenPathsApiRef } from '../api';
import { goldenPathsTranslationRef } from '../translation';
import { BuddyCard } from './BuddyCard';
import { LatestRun } from './LatestRun';
import { PathChecklist } from './PathChecklist';
import { useBusyAction } from './useBusyAction';
import { usePathJourney } from './usePathJourney';
import { humanizeRef } from './util';
import { parseEntityRefLoose } from './entityRef';
import { MyBootcamps } from './bootcamps/MyBootcamps';

/** A path not started yet: the button to start it and what it holds. */
const PathPreview = ({
  path,
  starting,
  onStart,
}: {
  path: GoldenPath;
  starting: boolean;
  onStart: () => void;
}) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  return (
    <>
      <Button
        variant="contained"
        color="primary"
        disabled={starting}
        onClick={onStart}
      >
        {t('journey.pathPage.start')}
      </Button>
      <Box mt={3}>
        <Typography variant="h6" component="h2">
          {t('journey.pathPage.whatYouWillDo')}
        </Typography>
        <ol aria-label={t('journey.pathPage.stepsOfPath')}>
          {path.steps.map(step => (
            <li key={step.id}>
              <Typography variant="body1">{step.title}</Typography>
              {step.description && (
                <Typography variant="body2" color="textSecondary">
                  {step.description}
                </Typography>
              )}
            </li>
          ))}
        </ol>
      </Box>
    </>
  );
};

/** Where the path is defined: its catalog entity and its YAML. */
const PathSource = ({
  source,
}: {
  source: NonNullable<GoldenPath['source']>;
}) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const { kind, namespace, name } = parseEntityRefLoose(source.entityRef);
  return (
    <Typography variant="body2" paragraph data-testid="path-source">
      {t('journey.pathPage.definedIn', {
        entity: (
          <Link
            to={`/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
              kind,
            )}/${encodeURIComponent(name)}`}
            underline="always"
          >
            {source.entityRef}
          </Link>
        ),
      })}
      {source.viewUrl && (
        <>
          {' '}
          (
          <Link to={source.viewUrl} underline="always">
            {t('journey.pathPage.sourceYaml')}
          </Link>
          )
        </>
      )}
      {!source.viewUrl && source.location && <> ({source.location})</>}
    </Typography>
  );
};

/** A path's page: start it, or follow the checklist; polls for evidence. */
export const PathPage = ({
  pollIntervalMs = 5000,
}: {
  pollIntervalMs?: number;
}) => {
  const { pathId = '' } = useParams();
  const api = useApi(goldenPathsApiRef);
  const { path, loading, error, journey, setJourney } = usePathJourney(
    pathId,
    pollIntervalMs,
  );
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const { busy: starting, run } = useBusyAction();
  const start = () =>
    run(t('journey.startFailed'), async () =>
      setJourney(await api.startJourney(pathId)),
    );

  return (
    <Page themeId="home">
      <Header
        title={
          path
            ? t('journey.pathTitle', {
                title: path.title,
                path: t('common.pathInText'),
              })
            : t('common.path')
        }
        subtitle={
          path
            ? t('journey.pathPage.ownedBy', { owner: humanizeRef(path.owner) })
            : undefined
        }
      >
        <Button component={RouterLink} to=".." relative="path">
          {t('journey.allPaths')}
        </Button>
      </Header>
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {path && <MyBootcamps pathId={path.id} />}
        {path && (
          <Typography variant="body1" paragraph>
            {path.description}
          </Typography>
        )}
        {path?.source && <PathSource source={path.source} />}
        {path && <LatestRun goldenPath={path} />}
        {path && journey && <BuddyCard journeyId={journey.id} />}
        {path && journey && (
          <PathChecklist path={path} journey={journey} onChange={setJourney} />
        )}
        {path && !journey && (
          <PathPreview path={path} starting={starting} onStart={start} />
        )}
      </Content>
    </Page>
  );
};

import { Link } from '@backstage/core-components';
import { useApiHolder } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  scaffolderApiRef,
  type ScaffolderTask,
} from '@backstage/plugin-scaffolder-react';
import { Box, Button, Chip, Paper, Typography } from '@material-ui/core';
import { GoldenPath } from '@onramp/backstage-plugin-golden-paths-common';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsTranslationRef } from '../translation';
import { TeardownButton } from './teardown/TeardownButton';
import { formatDate, templateUrl } from './util';

/** How many of your newest tasks are searched for a path's templates. */
const RECENT_TASKS = 50;

/** The scaffolder's task statuses that have words (others show as they are). */
const TASK_STATUSES = [
  'open',
  'processing',
  'completed',
  'failed',
  'cancelled',
  'skipped',
] as const;
type KnownStatus = (typeof TASK_STATUSES)[number];
const isKnownStatus = (status: string): status is KnownStatus =>
  (TASK_STATUSES as readonly string[]).includes(status);

/** The templates a path runs, in step order. */
function templatesOf(path: GoldenPath) {
  const refs = path.steps.flatMap(step =>
    step.rule.type === 'template' ? [step.rule.templateRef] : [],
  );
  return [...new Set(refs)];
}

function newestFor(tasks: ScaffolderTask[], templateRef: string) {
  return tasks
    .filter(
      t =>
        t.spec.templateInfo?.entityRef?.toLocaleLowerCase('en-US') ===
        templateRef.toLocaleLowerCase('en-US'),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

const RunCard = ({
  pathId,
  templateRef,
  task,
}: {
  pathId: string;
  templateRef: string;
  task: ScaffolderTask;
}) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const name = task.spec.parameters?.name;
  // Runs started before the question existed, or through the API without
  // it, are practice runs unless they said otherwise.
  const practice = task.spec.parameters?.practiceRun !== false;
  return (
    <Paper
      variant="outlined"
      data-testid="latest-run"
      aria-label={t('journey.latestRun.title')}
    >
      <Box p={2} display="flex" alignItems="center" flexWrap="wrap">
        <Box flexGrow={1}>
          <Typography variant="subtitle2" component="h2">
            {typeof name === 'string' && name
              ? t('journey.latestRun.titleNamed', { name })
              : t('journey.latestRun.title')}{' '}
            <Chip
              size="small"
              label={
                isKnownStatus(task.status)
                  ? t(`journey.latestRun.status.${task.status}`)
                  : task.status
              }
            />
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {t('journey.latestRun.started', {
              date: formatDate(task.createdAt),
            })}{' '}
            ·{' '}
            <Link
              to={`/create/tasks/${encodeURIComponent(task.id)}`}
              underline="always"
            >
              {t('journey.latestRun.openTask')}
            </Link>
          </Typography>
        </Box>
        <Button
          variant="outlined"
          color="primary"
          component={RouterLink}
          to={templateUrl(templateRef, pathId)}
        >
          {t('journey.latestRun.runAgain')}
        </Button>
        {practice &&
          task.status === 'completed' &&
          typeof name === 'string' &&
          name && <TeardownButton name={name} />}
      </Box>
    </Paper>
  );
};

/**
 * The newest scaffolder task you started for each template of a path:
 * status, when, the service name, a link to its task page, "Run again" and,
 * for a practice run whose service is still in the catalog, "Tear down".
 * Shows nothing when the scaffolder is not installed or you have no run.
 */
export const LatestRun = ({ goldenPath }: { goldenPath: GoldenPath }) => {
  const scaffolderApi = useApiHolder().get(scaffolderApiRef);
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const templates = templatesOf(goldenPath);
  const { value, error } = useAsync(async () => {
    if (!scaffolderApi || templates.length === 0) {
      return [];
    }
    const { tasks } = await scaffolderApi.listTasks({
      filterByOwnership: 'owned',
      limit: RECENT_TASKS,
    });
    return templates.flatMap(templateRef => {
      const task = newestFor(tasks, templateRef);
      return task ? [{ templateRef, task }] : [];
    });
  }, [scaffolderApi, templates.join(' ')]);

  if (error) {
    return (
      <Typography variant="body2" color="error" paragraph>
        {t('journey.latestRun.loadFailed', { reason: error.message })}
      </Typography>
    );
  }
  if (!value?.length) {
    return null;
  }
  return (
    <Box mb={2}>
      {value.map(({ templateRef, task }) => (
        <RunCard
          key={templateRef}
          pathId={goldenPath.id}
          templateRef={templateRef}
          task={task}
        />
      ))}
    </Box>
  );
};

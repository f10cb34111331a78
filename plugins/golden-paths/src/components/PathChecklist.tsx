import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Box,
  LinearProgress,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Paper,
  Typography,
} from '@material-ui/core';
import {
  GoldenPath,
  GoldenPathStep,
  Journey,
  JourneyStepStatus,
} from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from '../api';
import { goldenPathsTranslationRef } from '../translation';
import { EvidenceDetails, EvidenceHint } from './EvidenceDetails';
import { GateStatus, RemovedSteps } from './GateStatus';
import { StatusIcon, StepAction, StepChecks } from './StepControls';
import { useBusyAction } from './useBusyAction';
import { formatDate } from './util';

const JourneyProgress = ({
  path,
  journey,
}: {
  path: GoldenPath;
  journey: Journey;
}) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const percent =
    journey.totalSteps === 0
      ? 0
      : Math.round((100 * journey.completedSteps) / journey.totalSteps);
  return (
    <Box mb={2}>
      <Typography variant="body2" gutterBottom>
        {journey.status === 'completed'
          ? t('journey.checklist.finished', {
              title: path.title,
              date: formatDate(journey.completedAt!),
            })
          : t('journey.stepsDone', {
              done: String(journey.completedSteps),
              count: journey.totalSteps,
            })}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={t('journey.checklist.percentDone', {
          percent: String(percent),
        })}
      />
    </Box>
  );
};

const StepDetails = ({
  step,
  status,
}: {
  step: GoldenPathStep;
  status: JourneyStepStatus;
}) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  return (
    <>
      {step.description && (
        <Typography variant="body2" component="div">
          {step.description}
        </Typography>
      )}
      {step.tutorial && (
        <Typography variant="body2" component="div">
          {t('journey.tutorial', {
            link: (
              <Link to={step.tutorial.url} underline="always">
                {step.tutorial.title}
              </Link>
            ),
          })}
        </Typography>
      )}
      {status.gate && <GateStatus gate={status.gate} />}
      {status.evidence && !status.gate && (
        <EvidenceDetails evidence={status.evidence} rule={step.rule} />
      )}
      {!status.evidence && !status.gate && status.status !== 'completed' && (
        <EvidenceHint step={step} />
      )}
    </>
  );
};

/** The ordered steps of one path as a checklist with live status. */
export const PathChecklist = ({
  path,
  journey,
  onChange,
}: {
  path: GoldenPath;
  journey: Journey;
  onChange: (journey: Journey) => void;
}) => {
  const api = useApi(goldenPathsApiRef);
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const { busy, run } = useBusyAction();
  const complete = (stepId: string, checkId?: string) =>
    run(t('journey.checklist.completeFailed'), async () =>
      onChange(
        await api.completeStep(path.id, stepId, checkId ? { checkId } : {}),
      ),
    );

  return (
    <>
      <JourneyProgress path={path} journey={journey} />
      <Paper>
        <List aria-label={t('journey.checklist.steps')}>
          {path.steps.map((step, index) => {
            const status = journey.steps.find(s => s.stepId === step.id) ?? {
              stepId: step.id,
              status: 'pending' as const,
            };
            return (
              <ListItem
                key={step.id}
                divider
                alignItems="flex-start"
                data-testid={`step-${step.id}`}
                data-status={status.status}
              >
                <ListItemIcon>
                  <StatusIcon done={status.status === 'completed'} titled />
                </ListItemIcon>
                <ListItemText
                  primary={`${index + 1}. ${step.title}`}
                  secondaryTypographyProps={{ component: 'div' }}
                  secondary={
                    <>
                      <StepDetails step={step} status={status} />
                      <StepChecks
                        step={step}
                        status={status}
                        busy={busy}
                        onComplete={checkId => complete(step.id, checkId)}
                      />
                    </>
                  }
                />
                <Box ml={2} mt={1} flexShrink={0}>
                  <StepAction
                    step={step}
                    status={status}
                    busy={busy}
                    onComplete={() => complete(step.id)}
                  />
                </Box>
              </ListItem>
            );
          })}
        </List>
      </Paper>
      <RemovedSteps journey={journey} />
    </>
  );
};

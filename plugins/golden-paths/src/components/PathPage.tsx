import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Chip,
  LinearProgress,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Paper,
  Typography,
} from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import {
  GoldenPath,
  GoldenPathStep,
  Journey,
  JourneyStepStatus,
  StepEvidence,
  evidenceRuleKeys,
} from '@onramp/backstage-plugin-golden-paths-common';
import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../api';
import { describeEvidence, formatDate, humanizeRef, templateUrl } from './util';
import { LatestRun } from './LatestRun';

/**
 * What completed a step or check. `ruleKeys` are the evidence keys of an
 * evidence rule, strongest first: a step done by a weaker key says which
 * stronger evidence would replace it.
 */
const EvidenceDetails = ({
  evidence,
  ruleKeys = [],
}: {
  evidence: StepEvidence;
  ruleKeys?: string[];
}) => {
  const rank = evidence.key ? ruleKeys.indexOf(evidence.key) : -1;
  const stronger = rank > 0 ? ruleKeys.slice(0, rank) : [];
  return (
    <Typography
      variant="caption"
      component="div"
      color="textSecondary"
      data-testid="evidence"
    >
      {evidence.source === 'manual' ? (
        'Marked done by you'
      ) : (
        <>
          Done: <strong>{describeEvidence(evidence)}</strong>
        </>
      )}
      {evidence.key ? ` · evidence ${evidence.key}` : ''} on{' '}
      {formatDate(evidence.occurredAt)}
      {evidence.summary ? ` — ${evidence.summary}` : ''}
      {evidence.taskId && (
        <>
          {' · '}
          <Link to={`/create/tasks/${encodeURIComponent(evidence.taskId)}`}>
            task log
          </Link>
        </>
      )}
      {evidence.link && (
        <>
          {' · '}
          <Link to={evidence.link}>{evidence.link}</Link>
        </>
      )}
      {stronger.length > 0 && (
        <div>
          Not verified yet: {stronger.join(' or ')} replaces this when it is
          reported.
        </div>
      )}
    </Typography>
  );
};

const StepAction = ({
  step,
  status,
  onComplete,
  busy,
}: {
  step: GoldenPathStep;
  status: JourneyStepStatus;
  onComplete: (checkId?: string) => void;
  busy: boolean;
}) => {
  const { pathId } = useParams();
  if (status.status === 'completed') {
    return null;
  }
  const rule = step.rule;
  switch (rule.type) {
    case 'manual':
      return (
        <Button
          variant="outlined"
          color="primary"
          disabled={busy}
          onClick={() => onComplete()}
        >
          Mark as done
        </Button>
      );
    case 'template':
      return (
        <Button
          variant="contained"
          color="primary"
          component={RouterLink}
          to={templateUrl(rule.templateRef, pathId)}
        >
          Run template
        </Button>
      );
    case 'evidence':
      return (
        <Chip
          size="small"
          label={`Waiting for ${evidenceRuleKeys(rule).join(' or ')}`}
          variant="outlined"
        />
      );
    default:
      return null;
  }
};

const Checks = ({
  step,
  status,
  onComplete,
  busy,
}: {
  step: GoldenPathStep;
  status: JourneyStepStatus;
  onComplete: (checkId?: string) => void;
  busy: boolean;
}) => {
  if (step.rule.type !== 'checks') {
    return null;
  }
  return (
    <List dense disablePadding>
      {step.rule.checks.map(check => {
        const checkStatus = status.checks?.find(c => c.checkId === check.id);
        const done = checkStatus?.status === 'completed';
        return (
          <ListItem key={check.id}>
            <ListItemIcon>
              {done ? (
                <CheckCircleIcon style={{ color: '#2e7d32' }} />
              ) : (
                <RadioButtonUncheckedIcon />
              )}
            </ListItemIcon>
            <ListItemText
              primary={check.title}
              secondary={
                checkStatus?.evidence ? (
                  <EvidenceDetails
                    evidence={checkStatus.evidence}
                    ruleKeys={
                      check.rule.type === 'evidence'
                        ? evidenceRuleKeys(check.rule)
                        : []
                    }
                  />
                ) : undefined
              }
              secondaryTypographyProps={{ component: 'div' }}
            />
            {!done && check.rule.type === 'manual' && (
              <Button
                size="small"
                variant="outlined"
                disabled={busy}
                onClick={() => onComplete(check.id)}
              >
                Mark as done
              </Button>
            )}
            {!done && check.rule.type === 'evidence' && (
              <Chip
                size="small"
                variant="outlined"
                label={`Waiting for ${evidenceRuleKeys(check.rule).join(
                  ' or ',
                )}`}
              />
            )}
          </ListItem>
        );
      })}
    </List>
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
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);

  const complete = async (stepId: string, checkId?: string) => {
    setBusy(true);
    try {
      onChange(
        await api.completeStep(path.id, stepId, checkId ? { checkId } : {}),
      );
    } catch (e) {
      alertApi.post({
        message: `Could not complete the step: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  const percent =
    journey.totalSteps === 0
      ? 0
      : Math.round((100 * journey.completedSteps) / journey.totalSteps);

  return (
    <>
      <Box mb={2}>
        <Typography variant="body2" gutterBottom>
          {journey.status === 'completed'
            ? `Done! You finished ${path.title} on ${formatDate(
                journey.completedAt!,
              )}.`
            : `${journey.completedSteps} of ${journey.totalSteps} steps done`}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label={`${percent}% done`}
        />
      </Box>
      <Paper>
        <List aria-label="Steps">
          {path.steps.map((step, index) => {
            const status = journey.steps.find(s => s.stepId === step.id) ?? {
              stepId: step.id,
              status: 'pending' as const,
            };
            const done = status.status === 'completed';
            return (
              <ListItem
                key={step.id}
                divider
                alignItems="flex-start"
                data-testid={`step-${step.id}`}
                data-status={status.status}
              >
                <ListItemIcon>
                  {done ? (
                    <CheckCircleIcon
                      style={{ color: '#2e7d32' }}
                      titleAccess="Done"
                    />
                  ) : (
                    <RadioButtonUncheckedIcon titleAccess="Not done yet" />
                  )}
                </ListItemIcon>
                <ListItemText
                  primary={`${index + 1}. ${step.title}`}
                  secondaryTypographyProps={{ component: 'div' }}
                  secondary={
                    <>
                      {step.description && (
                        <Typography variant="body2" component="div">
                          {step.description}
                        </Typography>
                      )}
                      {step.tutorial && (
                        <Typography variant="body2" component="div">
                          Tutorial:{' '}
                          <Link to={step.tutorial.url}>
                            {step.tutorial.title}
                          </Link>
                        </Typography>
                      )}
                      {status.evidence && (
                        <EvidenceDetails
                          evidence={status.evidence}
                          ruleKeys={
                            step.rule.type === 'evidence'
                              ? evidenceRuleKeys(step.rule)
                              : []
                          }
                        />
                      )}
                      <Checks
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
    </>
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
  const alertApi = useApi(alertApiRef);
  const [journey, setJourney] = useState<Journey | undefined>();
  const [starting, setStarting] = useState(false);

  const loadJourney = useCallback(async () => {
    // At most one journey per person and path.
    const mine = await api.getMyJourneys({ pathId, limit: 1 });
    return mine.items.find(j => j.pathId === pathId);
  }, [api, pathId]);

  const {
    value: path,
    loading,
    error,
  } = useAsync(async () => {
    const [p, j] = await Promise.all([api.getPath(pathId), loadJourney()]);
    setJourney(j);
    return p;
  }, [api, pathId, loadJourney]);

  // Live status: evidence arrives from scaffolder runs, so poll while the
  // journey is open.
  const open = journey !== undefined && journey.status !== 'completed';
  useEffect(() => {
    if (!open) {
      return undefined;
    }
    let cancelled = false;
    const timer = setInterval(async () => {
      try {
        const latest = await loadJourney();
        if (!cancelled && latest) {
          setJourney(latest);
        }
      } catch {
        // Keep the last known state; the next poll tries again.
      }
    }, pollIntervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [open, loadJourney, pollIntervalMs]);

  const start = async () => {
    setStarting(true);
    try {
      setJourney(await api.startJourney(pathId));
    } catch (e) {
      alertApi.post({
        message: `Could not start the path: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setStarting(false);
    }
  };

  return (
    <Page themeId="home">
      <Header
        title={path ? `${path.title} golden path` : 'Golden path'}
        subtitle={path ? `Owned by ${humanizeRef(path.owner)}` : undefined}
      >
        <Button component={RouterLink} to=".." relative="path">
          All paths
        </Button>
      </Header>
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {path && (
          <>
            <Typography variant="body1" paragraph>
              {path.description}
            </Typography>
            <LatestRun goldenPath={path} />
            {journey ? (
              <PathChecklist
                path={path}
                journey={journey}
                onChange={setJourney}
              />
            ) : (
              <>
                <Button
                  variant="contained"
                  color="primary"
                  disabled={starting}
                  onClick={start}
                >
                  Start this path
                </Button>
                <Box mt={3}>
                  <Typography variant="h6" component="h2">
                    What you will do
                  </Typography>
                  <ol aria-label="Steps of this path">
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
            )}
          </>
        )}
      </Content>
    </Page>
  );
};

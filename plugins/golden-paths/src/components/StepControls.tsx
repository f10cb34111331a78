import {
  Button,
  Chip,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
} from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import {
  GoldenPathStep,
  JourneyStepStatus,
  evidenceRuleKeys,
} from '@onramp/backstage-plugin-golden-paths-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { goldenPathsTranslationRef } from '../translation';
import { EvidenceDetails } from './EvidenceDetails';
import { eitherOf, templateUrl } from './util';

/** Done or not: a green tick or an empty circle, named when `titled`. */
export const StatusIcon = ({
  done,
  titled = false,
}: {
  done: boolean;
  titled?: boolean;
}) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  return done ? (
    <CheckCircleIcon
      style={{ color: '#2e7d32' }}
      titleAccess={titled ? t('journey.stepControls.done') : undefined}
    />
  ) : (
    <RadioButtonUncheckedIcon
      titleAccess={titled ? t('journey.stepControls.notDone') : undefined}
    />
  );
};

type ControlProps = {
  busy: boolean;
  /** Marks the step (or check) done; only self-attested rules offer it. */
  onComplete: () => void;
};

/**
 * What a person can do about an unfinished rule: mark it done (manual), run
 * its template, or wait for its evidence. `dense` is the smaller button of a
 * check inside a step.
 */
export const RuleControl = ({
  rule,
  busy,
  onComplete,
  dense = false,
}: ControlProps & { rule: GoldenPathStep['rule']; dense?: boolean }) => {
  const { pathId } = useParams();
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  switch (rule.type) {
    case 'manual':
      return (
        <Button
          size={dense ? 'small' : 'medium'}
          variant="outlined"
          color={dense ? 'default' : 'primary'}
          disabled={busy}
          onClick={() => onComplete()}
        >
          {t('journey.stepControls.markDone')}
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
          {t('journey.runTemplate')}
        </Button>
      );
    case 'evidence':
      return (
        <Chip
          size="small"
          variant="outlined"
          label={t('journey.stepControls.waitingFor', {
            keys: eitherOf(evidenceRuleKeys(rule), t),
          })}
        />
      );
    case 'approval':
      return (
        <Chip
          size="small"
          variant="outlined"
          label={t('journey.stepControls.waitingForApproval', {
            approver:
              rule.approver === 'manager'
                ? t('journey.stepControls.approver.manager')
                : t('journey.stepControls.approver.owner'),
          })}
        />
      );
    case 'waitFor':
      return (
        <Chip
          size="small"
          variant="outlined"
          label={t('journey.stepControls.doneWithStep', {
            step: rule.stepId,
          })}
        />
      );
    default:
      return null;
  }
};

/**
 * The control of a step: none once it is done; a declined approval step
 * waits for nobody (GateStatus says who declined it and why).
 */
export const StepAction = ({
  step,
  status,
  ...control
}: ControlProps & { step: GoldenPathStep; status: JourneyStepStatus }) => {
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  if (status.status === 'completed') {
    return null;
  }
  if (status.gate?.status === 'declined') {
    return (
      <Chip
        size="small"
        variant="outlined"
        label={t('journey.stepControls.declined')}
      />
    );
  }
  return <RuleControl rule={step.rule} {...control} />;
};

/** The checks of a `checks` step, each with its status, evidence and control. */
export const StepChecks = ({
  step,
  status,
  busy,
  onComplete,
}: {
  step: GoldenPathStep;
  status: JourneyStepStatus;
  busy: boolean;
  onComplete: (checkId: string) => void;
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
              <StatusIcon done={done} />
            </ListItemIcon>
            <ListItemText
              primary={check.title}
              secondary={
                checkStatus?.evidence ? (
                  <EvidenceDetails
                    evidence={checkStatus.evidence}
                    rule={check.rule}
                  />
                ) : undefined
              }
              secondaryTypographyProps={{ component: 'div' }}
            />
            {!done && (
              <RuleControl
                rule={check.rule}
                dense
                busy={busy}
                onComplete={() => onComplete(check.id)}
              />
            )}
          </ListItem>
        );
      })}
    </List>
  );
};

import { Box, LinearProgress, Typography } from '@material-ui/core';
import { StepMetrics } from '@onramp/backstage-plugin-golden-paths-common';
import {
  filtersText,
  formatDuration,
  hiddenText,
  MethodLine,
} from './metricsMethod';
import { GoldenPathsT, useGoldenPathsT } from './translate';

/** "2 completed, 1 dropped off, median 1h 0m, p90 2h 0m". */
function stepText(
  t: GoldenPathsT,
  step: StepMetrics,
  minimumGroupSize: number,
): string {
  if (step.completed === null) {
    return t('insights.page.funnel.stepHidden', {
      step: step.title,
      hidden: hiddenText(t, minimumGroupSize),
    });
  }
  const time = step.time.suppressed
    ? t('insights.page.funnel.timeHidden', { size: String(minimumGroupSize) })
    : t('insights.page.funnel.time', {
        median: formatDuration(step.time.medianMs, t),
        p90: formatDuration(step.time.p90Ms, t),
      });
  return t('insights.page.funnel.step', {
    step: step.title,
    completed: String(step.completed),
    dropOff: String(step.dropOff),
    time,
  });
}

/** A path's funnel on the Insights page: one bar per step, and its method. */
export const Funnel = ({
  steps,
  started,
  minimumGroupSize,
}: {
  steps: StepMetrics[];
  started: number;
  minimumGroupSize: number;
}) => {
  const t = useGoldenPathsT();
  return (
    <Box>
      {steps.map(step => (
        <Box
          key={step.stepId}
          mb={1}
          aria-label={t('insights.page.funnel.stepLabel', { step: step.title })}
        >
          <Typography variant="body2">
            {stepText(t, step, minimumGroupSize)}
          </Typography>
          <LinearProgress
            aria-label={t('insights.page.funnel.stepsDone')}
            variant="determinate"
            value={started === 0 ? 0 : (100 * (step.completed ?? 0)) / started}
          />
        </Box>
      ))}
      {steps[0] && (
        <MethodLine>
          {t('insights.page.funnel.method', {
            filters: filtersText(t, {
              ...steps[0].time.method.filters,
              stepId: undefined,
            }),
          })}
        </MethodLine>
      )}
    </Box>
  );
};

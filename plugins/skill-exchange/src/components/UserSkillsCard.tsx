import { InfoCard, Link, Progress } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { LevelLabel, SkillChips } from './common';
import { useEntityLoad } from './useEntityLoad';

/** Entity card for User pages: skills with levels, learning goals. */
export const UserSkillsCard = ({
  base = '/skill-exchange',
}: {
  base?: string;
}) => {
  const { ref, value, loading, error } = useEntityLoad((api, entityRef) =>
    api.getProfile(entityRef),
  );
  return (
    <InfoCard
      title="Skills"
      deepLink={{
        title: 'Skill profile',
        link: `${base}/profiles/${encodeURIComponent(ref)}`,
      }}
    >
      {loading && <Progress />}
      {error && <Typography variant="body2">No skill profile.</Typography>}
      {value && value.skills.length === 0 && value.learning.length === 0 && (
        <Typography variant="body2">
          No skills listed yet.{' '}
          <Link to={`${base}/profile`}>Edit your skill profile</Link> if this is
          you.
        </Typography>
      )}
      {value && value.skills.length > 0 && (
        <table aria-label="Skills">
          <tbody>
            {value.skills.slice(0, 8).map(s => (
              <tr key={s.skill}>
                <td style={{ paddingRight: 16 }}>
                  {s.skill}
                  {s.canHelp ? ' (can help)' : ''}
                </td>
                <td>
                  <LevelLabel level={s.level} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {value && value.learning.length > 0 && (
        <>
          <Typography
            variant="subtitle2"
            component="h3"
            style={{ marginTop: 8 }}
          >
            Learning
          </Typography>
          <SkillChips skills={value.learning} />
        </>
      )}
    </InfoCard>
  );
};

import { Route, Routes } from 'react-router-dom';
import { ApprovalsPage } from './ApprovalsPage';
import { InsightsPage } from './InsightsPage';
import { PathPage } from './PathPage';
import { PathsOverview } from './PathsOverview';
import { BootcampsPage } from './bootcamps/BootcampsPage';
import { CohortBoardPage } from './bootcamps/CohortBoardPage';
import { TeamPage } from './bootcamps/TeamPage';

/**
 * The Golden Paths page and its per-path sub pages.
 *
 * @public
 */
export const GoldenPathsPage = () => (
  <Routes>
    <Route path="/" element={<PathsOverview />} />
    <Route path="/insights" element={<InsightsPage />} />
    <Route path="/approvals" element={<ApprovalsPage />} />
    <Route path="/bootcamps" element={<BootcampsPage />} />
    <Route path="/bootcamps/:cohortId" element={<CohortBoardPage />} />
    <Route path="/team" element={<TeamPage />} />
    <Route path="/:pathId" element={<PathPage />} />
  </Routes>
);

export default GoldenPathsPage;

import { createBrowserRouter } from "react-router";
import { AppLayout } from "./layout";
import { CompareRoute } from "./routes/compare";
import { JobRoute } from "./routes/job";
import { JobsRoute } from "./routes/jobs";
import { NotFoundRoute } from "./routes/not-found";
import { RecordingRoute } from "./routes/recording";
import { RecordingsRoute } from "./routes/recordings";
import { SettingsRoute } from "./routes/settings";
import { StudioRoute } from "./routes/studio";

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <StudioRoute /> },
        { path: "jobs", element: <JobsRoute /> },
        { path: "jobs/recordings", element: <RecordingsRoute /> },
        { path: "jobs/compare", element: <CompareRoute /> },
        { path: "jobs/recordings/:streamId", element: <RecordingRoute /> },
        { path: "jobs/:jobId", element: <JobRoute /> },
        { path: "settings", element: <SettingsRoute /> },
        { path: "*", element: <NotFoundRoute /> },
      ],
    },
  ]);
}

import { createBrowserRouter } from "react-router";
import { AppLayout } from "./layout";
import { JobsRoute } from "./routes/jobs";
import { NotFoundRoute } from "./routes/not-found";
import { SettingsRoute } from "./routes/settings";
import { StudioRoute } from "./routes/studio";

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <StudioRoute /> },
        { path: "jobs", element: <JobsRoute /> },
        { path: "settings", element: <SettingsRoute /> },
        { path: "*", element: <NotFoundRoute /> },
      ],
    },
  ]);
}

import { lazy, Suspense, type ComponentType } from "react";
import { createBrowserRouter } from "react-router";
import { AppLayout } from "./layout";
import { PageLoading } from "./page-loading";
import { NotFoundRoute } from "./routes/not-found";
import { StudioRoute } from "./routes/studio";

// The studio is the first page most visits open, so only it is in the first load; every other
// page is fetched when first visited (issue 14: the first-load budget, scripts/bundle-size.ts).
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  const Page = lazy(() => load().then((module) => ({ default: pick(module) })));
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <StudioRoute /> },
        {
          path: "jobs",
          element: page(
            () => import("./routes/jobs"),
            (m) => m.JobsRoute,
          ),
        },
        {
          path: "jobs/recordings",
          element: page(
            () => import("./routes/recordings"),
            (m) => m.RecordingsRoute,
          ),
        },
        {
          path: "jobs/compare",
          element: page(
            () => import("./routes/compare"),
            (m) => m.CompareRoute,
          ),
        },
        {
          path: "jobs/recordings/:streamId",
          element: page(
            () => import("./routes/recording"),
            (m) => m.RecordingRoute,
          ),
        },
        {
          path: "jobs/:jobId",
          element: page(
            () => import("./routes/job"),
            (m) => m.JobRoute,
          ),
        },
        {
          path: "settings",
          element: page(
            () => import("./routes/settings"),
            (m) => m.SettingsRoute,
          ),
        },
        { path: "*", element: <NotFoundRoute /> },
      ],
    },
  ]);
}

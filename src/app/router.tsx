import { lazy, Suspense, type ComponentType } from "react";
import { type AroundNavHandler, Route, Router, Switch, useLocation } from "wouter";
import { AppLayout } from "./layout";
import { PageErrorBoundary } from "./page-error-boundary";
import { PageLoading } from "./page-loading";
import { NotFoundRoute } from "./routes/not-found";
import { StudioRoute } from "./routes/studio";
import { WithServerState } from "./server-state";

// The studio is the first page most visits open, so only it is in the first load; every other
// page is fetched when first visited (issue 14: the first-load budget, scripts/bundle-size.ts),
// and shown once TanStack Query's core is there too: every one of them asks the server.
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  const Page = lazy(() => load().then((module) => ({ default: pick(module) })));
  return function LazyPage() {
    return (
      <WithServerState fallback={<PageLoading />}>
        <Suspense fallback={<PageLoading />}>
          <Page />
        </Suspense>
      </WithServerState>
    );
  };
}

const JobsPage = page(
  () => import("./routes/jobs"),
  (m) => m.JobsRoute,
);
const RecordingsPage = page(
  () => import("./routes/recordings"),
  (m) => m.RecordingsRoute,
);
const ComparePage = page(
  () => import("./routes/compare"),
  (m) => m.CompareRoute,
);
const RecordingPage = page(
  () => import("./routes/recording"),
  (m) => m.RecordingRoute,
);
const JobPage = page(
  () => import("./routes/job"),
  (m) => m.JobRoute,
);
const SettingsPage = page(
  () => import("./routes/settings"),
  (m) => m.SettingsRoute,
);

// As with react-router's links: going to the address already open replaces it, so Back is never
// a step that changes nothing.
const replaceSameAddress: AroundNavHandler = (navigate, to, options) => {
  const here = window.location.pathname + window.location.search + window.location.hash;
  navigate(to, { ...options, replace: options?.replace ?? to === here });
};

/** Every page at its address: the first that matches wins, so the fixed paths come before `:jobId`. */
export function AppRoutes() {
  return (
    <Router aroundNav={replaceSameAddress}>
      <Pages />
    </Router>
  );
}

function Pages() {
  const [pathname] = useLocation();
  return (
    <AppLayout>
      <PageErrorBoundary page={pathname}>
        <Switch>
          <Route path="/" component={StudioRoute} />
          <Route path="/jobs" component={JobsPage} />
          <Route path="/jobs/recordings" component={RecordingsPage} />
          <Route path="/jobs/compare" component={ComparePage} />
          <Route path="/jobs/recordings/:streamId" component={RecordingPage} />
          <Route path="/jobs/:jobId" component={JobPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route component={NotFoundRoute} />
        </Switch>
      </PageErrorBoundary>
    </AppLayout>
  );
}

import { useState } from "react";
import { createConnectionStore } from "../lib/connection/connection-store";
import { ConnectionContext } from "../lib/connection/use-connection";
import { createSubmissionStore } from "../lib/submissions/submission-store";
import { SubmissionsContext } from "../lib/submissions/use-submissions";
import { AppRoutes } from "./router";
import { ServerStateProvider } from "./server-state";
import { AppToaster } from "./toaster";

export function App() {
  // Created once per mounted app rather than at module scope, so tests get fresh state each.
  const [connection] = useState(() => createConnectionStore());
  const [submissions] = useState(() => createSubmissionStore());

  return (
    <ServerStateProvider connection={connection}>
      <ConnectionContext value={connection}>
        <SubmissionsContext value={submissions}>
          <AppRoutes />
          <AppToaster />
        </SubmissionsContext>
      </ConnectionContext>
    </ServerStateProvider>
  );
}

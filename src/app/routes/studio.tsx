import { useState } from "react";
import { createDraftPersistence } from "../../features/timeline/adapters/persistence";
import { decodeShareFragment } from "../../features/timeline/adapters/script-io";
import { Studio } from "../../features/timeline/components/studio";
import { StudioErrorBoundary } from "../../features/timeline/components/studio-error-boundary";
import { scriptToTimeline } from "../../features/timeline/model/convert";

/** A share link's script, once: the fragment is cleared so a reload does not open it again. */
function takeSharedScript() {
  const decoded = decodeShareFragment(window.location.hash);
  if (decoded === null) return null;
  history.replaceState(null, "", window.location.pathname + window.location.search);
  if (!decoded.ok) return { error: decoded.message };
  return {
    name: decoded.name,
    timeline: scriptToTimeline(decoded.script, { portrait: decoded.portrait }),
    message: `Opened the shared script “${decoded.name}” as a new draft`,
  };
}

export function StudioRoute() {
  const [persistence] = useState(() => createDraftPersistence());
  return (
    <StudioErrorBoundary>
      <Studio persistence={persistence} takeStartupDraft={takeSharedScript} />
    </StudioErrorBoundary>
  );
}

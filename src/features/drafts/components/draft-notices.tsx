// What the studio says above a draft: that another tab holds it, that its images did not come
// along, and that drafts are not being saved.
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { type DraftSession, startsWithoutImage } from "../hooks/use-draft-session";
import { useOpenTimeline } from "../hooks/use-open-timeline";

export function ReadOnlyNotice({ session }: { session: DraftSession }) {
  if (session.lock !== "elsewhere") return null;
  return (
    <Alert
      tone="warning"
      className="mb-4"
      title="This draft is open in another tab."
      action={
        <Button variant="primary" onClick={session.takeOver}>
          Take over here
        </Button>
      }
    >
      It is shown here read-only, with that tab&apos;s edits as they are made. Take it over to edit
      it here; the other tab then turns read-only.
    </Alert>
  );
}

/** Names the starts whose image did not come along, until each has one again. */
export function MissingImagesNotice({ session }: { session: DraftSession }) {
  const timeline = useOpenTimeline(session.store);
  const missing = timeline ? startsWithoutImage(timeline, session.meta.missingImages) : [];
  if (missing.length === 0) return null;
  return (
    <Alert tone="warning" className="mb-4" title="Images did not come with this draft.">
      {missing.length === 1 ? "The start of " : "The starts of "}
      {missing
        .map(
          ({ stream, prompt }) =>
            `stream ${stream}${prompt ? ` (“${prompt.length > 40 ? `${prompt.slice(0, 40)}…` : prompt}”)` : ""}`,
        )
        .join(", ")}{" "}
      had an image where this draft came from (share links carry none). Add{" "}
      {missing.length === 1 ? "it" : "them"} again in the inspector, or the model makes up the first
      frame.
    </Alert>
  );
}

export function StorageErrorNotice({
  error,
  onDismiss,
}: {
  error: { message: string; stillSaving: boolean } | null;
  onDismiss(): void;
}) {
  if (!error) return null;
  return (
    <Alert
      tone="warning"
      className="mb-4"
      onDismiss={onDismiss}
      title={error.stillSaving ? "Edits are not kept instantly." : "Drafts are not being saved."}
    >
      {error.message} Export the script to keep your work.
    </Alert>
  );
}

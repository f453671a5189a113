// Keeps a crash in the editor from taking the page, and the draft, with it: the draft is saved
// at once and the editor can be reopened on it.
import { Component, type ErrorInfo, type ReactNode } from "react";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";

export class StudioErrorBoundary extends Component<
  { children: ReactNode; onCrash?: () => void },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("The studio crashed", error, info.componentStack);
    this.props.onCrash?.();
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert
        action={
          <Button variant="danger" onClick={() => this.setState({ error: null })}>
            Reopen the editor
          </Button>
        }
      >
        <h2 className="text-base font-semibold">The editor hit an error</h2>
        <p className="mt-1">
          Your draft is saved. Reopen the editor to carry on where you were. (
          {this.state.error.message})
        </p>
      </Alert>
    );
  }
}

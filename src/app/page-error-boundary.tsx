// react-router caught what a page threw and showed an error screen; wouter catches nothing, and
// an uncaught error empties the whole window. Most likely here: a page's code that no longer
// exists on the server after a new version was deployed, which a reload fixes.
import { Component, type ErrorInfo, type ReactNode } from "react";
import { Alert } from "../components/alert";
import { Button } from "../components/button";

interface State {
  error: Error | null;
  page: string;
}

/** Keeps the header and its links when a page fails; going to another page clears the error. */
export class PageErrorBoundary extends Component<{ page: string; children: ReactNode }, State> {
  override state: State = { error: null, page: this.props.page };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { page: string }, state: State) {
    return props.page === state.page ? null : { error: null, page: props.page };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("A page crashed", error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert
        title="This page could not be shown."
        action={<Button onClick={() => window.location.reload()}>Reload</Button>}
      >
        {this.state.error.message}
      </Alert>
    );
  }
}

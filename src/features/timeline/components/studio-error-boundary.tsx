// Keeps a crash in the editor from taking the page, and the draft, with it: the draft is saved
// at once and the editor can be reopened on it.
import { Component, type ErrorInfo, type ReactNode } from "react";

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
      <div
        role="alert"
        className="rounded-xl border border-red-200 bg-red-50 p-6 text-sm dark:border-red-500/30 dark:bg-red-500/10"
      >
        <h2 className="text-base font-semibold text-red-800 dark:text-red-200">
          The editor hit an error
        </h2>
        <p className="mt-1 text-red-700 dark:text-red-300">
          Your draft is saved. Reopen the editor to carry on where you were. (
          {this.state.error.message})
        </p>
        <button
          type="button"
          onClick={() => this.setState({ error: null })}
          className="mt-4 rounded-lg bg-red-600 px-3 py-1.5 font-medium text-white hover:bg-red-700"
        >
          Reopen the editor
        </button>
      </div>
    );
  }
}

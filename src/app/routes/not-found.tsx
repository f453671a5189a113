import { Link } from "wouter";
import { EmptyState } from "../../components/empty-state";

export function NotFoundRoute() {
  return (
    <EmptyState title="Page not found">
      Nothing lives at this address.{" "}
      <Link className="font-medium text-accent-600 underline dark:text-accent-400" to="/">
        Back to the studio
      </Link>
    </EmptyState>
  );
}

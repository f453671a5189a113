import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";

/**
 * A link that knows it leads to the page on screen: `aria-current="page"`, and the class for it.
 * Below its own address it stays current (Jobs on a job's page) unless `end` says otherwise.
 */
export function NavLink({
  to,
  end = false,
  className,
  children,
}: {
  to: string;
  end?: boolean;
  className?: string | ((state: { isActive: boolean }) => string);
  children: ReactNode;
}) {
  const [pathname] = useLocation();
  const isActive = matches(pathname, to, end);
  return (
    <Link
      to={to}
      aria-current={isActive ? "page" : undefined}
      className={typeof className === "function" ? className({ isActive }) : className}
    >
      {children}
    </Link>
  );
}

// As routes match: letter case aside. "/" is never a prefix, else every page would be the studio.
function matches(pathname: string, to: string, end: boolean) {
  const path = pathname.toLowerCase();
  const target = to.toLowerCase();
  if (path === target) return true;
  if (end || target === "/") return false;
  return path.startsWith(target.endsWith("/") ? target : `${target}/`);
}

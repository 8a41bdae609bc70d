import { Link } from 'react-router';

export function Brand({ to = '/' }: { to?: string }) {
  return (
    <Link to={to} className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M6 21c3-7 7-10 10-10s7 3 10 10" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
        <path d="M6 21h20" stroke="#9fd8d0" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <span className="brand-name">Peerbridge</span>
    </Link>
  );
}

// Screens addressed by the URL hash, so a reload (or a restart after a crash) returns to the same place.
import { create } from 'zustand';

export type Route =
  | { screen: 'home' }
  | { screen: 'round'; roundId: string }
  | { screen: 'review'; roundId: string; applicantId: string; page?: number; documentId?: string }
  | { screen: 'merges'; chair: boolean }
  | { screen: 'merge'; mergeId: string; chair: boolean }
  | { screen: 'builder' }
  | { screen: 'draft'; draftId: string };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map((part) => decodeURIComponent(part));
  if (parts[0] === 'merges' || parts[0] === 'chair') {
    const chair = parts[0] === 'chair';
    return parts[1] ? { screen: 'merge', mergeId: parts[1], chair } : { screen: 'merges', chair };
  }
  if (parts[0] === 'builder') return parts[1] ? { screen: 'draft', draftId: parts[1] } : { screen: 'builder' };
  if (parts[0] === 'round' && parts[1]) {
    if (parts[2] === 'applicant' && parts[3]) {
      const page = parts[5] !== undefined ? Number(parts[5]) : undefined;
      return { screen: 'review', roundId: parts[1], applicantId: parts[3], ...(parts[4] ? { documentId: parts[4] } : {}), ...(page !== undefined && Number.isInteger(page) && page > 0 ? { page } : {}) };
    }
    return { screen: 'round', roundId: parts[1] };
  }
  return { screen: 'home' };
}

export function routeHash(route: Route): string {
  const e = encodeURIComponent;
  if (route.screen === 'round') return `#/round/${e(route.roundId)}`;
  if (route.screen === 'builder') return '#/builder';
  if (route.screen === 'draft') return `#/builder/${e(route.draftId)}`;
  if (route.screen === 'merges') return route.chair ? '#/chair' : '#/merges';
  if (route.screen === 'merge') return `#/${route.chair ? 'chair' : 'merges'}/${e(route.mergeId)}`;
  if (route.screen === 'review') {
    const at = route.documentId ? `/${e(route.documentId)}${route.page ? `/${route.page}` : ''}` : '';
    return `#/round/${e(route.roundId)}/applicant/${e(route.applicantId)}${at}`;
  }
  return '#/';
}

interface RouterState {
  route: Route;
  go(route: Route): void;
}

export const useRouter = create<RouterState>((set) => ({
  route: parseHash(window.location.hash),
  go: (route) => {
    window.location.hash = routeHash(route);
    set({ route });
  },
}));

window.addEventListener('hashchange', () => useRouter.setState({ route: parseHash(window.location.hash) }));

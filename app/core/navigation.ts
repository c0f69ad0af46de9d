/**
 * Main navigation contributed by modules: each registers its entries with the roles that see them,
 * so the layout never hard-codes what another module offers.
 */
import type { User, Role } from '#accounts'

export interface NavItem {
  /** i18n key of the label. */
  label: string
  route: string
  roles: readonly Role[] | 'all'
  order: number
}

const items: NavItem[] = []

export function registerNavItem(item: NavItem) {
  if (!items.some((i) => i.route === item.route)) items.push(item)
}

export function navFor(user: User | undefined | null): NavItem[] {
  if (!user) return []
  return items
    .filter((i) => i.roles === 'all' || user.hasRole(...i.roles))
    .sort((a, b) => a.order - b.order)
}

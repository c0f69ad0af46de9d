/**
 * Multi-level headers as on the paper forms: a tree of groups over column numbers becomes a grid of cells with
 * row and column spans, shared by the Excel (merged cells) and PDF (rowspan / colspan) exports.
 * Grid coordinates are 0-based; grid column 0 is the row-label column, data columns start at 1.
 */
import type { ColumnSpec, Localized } from '../../plugin/types.js'
import type { HeaderNode } from '../types.js'

export interface HeaderCell {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  text: string
  /** Set on the cell of a single column (its official number). */
  no?: number
}

export interface HeaderGrid {
  /** Number of header rows (without the numbering row). */
  depth: number
  cells: HeaderCell[]
  /** Column numbers in display order (grid columns 1..n). */
  order: number[]
}

const lang = (l: Localized, locale: string) => (locale === 'en' ? l.en : l.vi)

function leaves(node: HeaderNode): number[] {
  return 'col' in node ? [node.col] : node.children.flatMap(leaves)
}

function depthOf(node: HeaderNode): number {
  return 'col' in node ? 1 : 1 + Math.max(0, ...node.children.map(depthOf))
}

/** True when the groups name every column exactly once (a form that changed its columns falls back to flat). */
export function groupsFit(groups: HeaderNode[], columns: Pick<ColumnSpec, 'no'>[]): boolean {
  const named = groups.flatMap(leaves)
  const nos = columns.map((c) => c.no)
  return (
    named.length === nos.length &&
    new Set(named).size === named.length &&
    nos.every((n) => named.includes(n))
  )
}

export function headerGrid(
  columns: Pick<ColumnSpec, 'no' | 'label'>[],
  groups: HeaderNode[] | null,
  locale: string,
  firstLabel: string
): HeaderGrid {
  const roots: HeaderNode[] =
    groups && groupsFit(groups, columns) ? groups : columns.map((c) => ({ col: c.no }))
  const depth = Math.max(1, ...roots.map(depthOf))
  const byNo = new Map(columns.map((c) => [c.no, c]))
  const cells: HeaderCell[] = [{ row: 0, col: 0, rowSpan: depth, colSpan: 1, text: firstLabel }]
  let next = 1
  const place = (node: HeaderNode, level: number) => {
    if ('col' in node) {
      const label = node.label ?? byNo.get(node.col)!.label
      cells.push({
        row: level,
        col: next,
        rowSpan: depth - level,
        colSpan: 1,
        text: lang(label, locale),
        no: node.col,
      })
      next++
      return
    }
    cells.push({
      row: level,
      col: next,
      rowSpan: 1,
      colSpan: leaves(node).length,
      text: lang(node.label, locale),
    })
    for (const child of node.children) place(child, level + 1)
  }
  for (const root of roots) place(root, 0)
  return { depth, cells, order: roots.flatMap(leaves) }
}

/** The grid as HTML-friendly rows (cells sorted by row then column). */
export function headerRows(grid: HeaderGrid): HeaderCell[][] {
  const rows: HeaderCell[][] = Array.from({ length: grid.depth }, () => [])
  for (const cell of [...grid.cells].sort((a, b) => a.row - b.row || a.col - b.col))
    rows[cell.row].push(cell)
  return rows
}

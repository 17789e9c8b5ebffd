export const HOUSEHOLD_SELECT = `SELECT t.*, coalesce(g.name, '') AS grid_name,
  (SELECT count(*) FROM household_links l WHERE l.household_id = t.id AND l.deleted_at IS NULL) AS link_count,
  (SELECT count(*) FROM household_visits v WHERE v.household_id = t.id AND v.deleted_at IS NULL) AS visit_count
  FROM households t LEFT JOIN grids g ON g.id = t.grid_id`

export const HOUSEHOLD_VERIFY = `t.head_name || ' ' || t.estate || ' ' || t.building || ' ' || t.branch || ' ' || t.contact_members`

export const LINK_SELECT = `SELECT t.*, t.household_id AS parent_id FROM household_links t`
export const VISIT_SELECT = `SELECT t.*, t.household_id AS parent_id FROM household_visits t`

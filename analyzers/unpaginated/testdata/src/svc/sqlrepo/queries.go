package sqlrepo

// Query texts shared by the repository, as services keep them.

const userColumns = "id, email, name, created_at"

const listUsersByOrg = "SELECT " + userColumns + " FROM users WHERE org_id = $1 ORDER BY created_at DESC"

const listUsersPage = "SELECT " + userColumns + " FROM users WHERE org_id = $1 AND id > $2 ORDER BY id LIMIT $3"

const getUser = "SELECT " + userColumns + " FROM users WHERE id = $1"

// The LIMIT is in a subquery: the outer query still returns every order.
const ordersOfRecentUsers = `
	SELECT o.id, o.total
	FROM orders o
	WHERE o.user_id IN (SELECT id FROM users ORDER BY created_at DESC LIMIT 100)`

const recentOrdersCTE = `
	WITH recent AS (
		SELECT id, total FROM orders ORDER BY created_at DESC LIMIT 50
	)
	SELECT id, total FROM recent`

const allOrdersCTE = `
	WITH paid AS (SELECT id, total, user_id FROM orders WHERE status = 'paid')
	SELECT p.id, p.total FROM paid p JOIN users u ON u.id = p.user_id`

const auditLimitInComment = `
	SELECT id, action FROM audit_log -- LIMIT 100 was removed for the export
	WHERE actor_id = $1`

const auditLimitInString = "SELECT id FROM audit_log WHERE note = 'no limit 10 here' OR action = 'LIMIT 5'"

const unionBounded = `
	(SELECT id FROM orders WHERE id = $1)
	UNION ALL
	(SELECT id FROM orders ORDER BY id DESC LIMIT 10)`

const unionUnbounded = `
	SELECT id FROM orders WHERE id = $1
	UNION ALL
	SELECT id FROM archived_orders`

const unionLimited = `
	SELECT id FROM orders
	UNION
	SELECT id FROM archived_orders
	ORDER BY id LIMIT 100`

const countOrders = "SELECT count(*) FROM orders WHERE user_id = $1"

const totals = "SELECT coalesce(sum(total), 0)::bigint AS revenue, count(DISTINCT user_id) FROM orders WHERE created_at > $1"

const totalsByUser = "SELECT user_id, sum(total) FROM orders GROUP BY user_id"

const ping = "SELECT 1"

const exists = "SELECT EXISTS(SELECT 1 FROM users WHERE email = $1)"

const insertOrder = "INSERT INTO orders (user_id, total) VALUES ($1, $2) RETURNING id, created_at"

const ordersByIDs = "SELECT id, total FROM orders WHERE id = ANY($1)"

const ordersByIDList = "SELECT id, total FROM orders WHERE status = ? AND id IN (?, ?, ?)"

const qualifiedID = "SELECT o.id, o.total FROM orders o WHERE o.id = ? FOR UPDATE"

const fetchFirst = "SELECT id FROM orders ORDER BY id OFFSET $1 ROWS FETCH NEXT 50 ROWS ONLY"

const lowerCase = "select id, total from orders where user_id = $1"

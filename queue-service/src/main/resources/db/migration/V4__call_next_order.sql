-- call-next reads a branch's waiting tickets in call order (oldest first, by original issue time) and stops at the
-- first one it can lock; ticket_view_waiting (branch, service_type, queued_at) made it sort every waiting ticket of
-- the branch on each call.
CREATE INDEX ticket_view_waiting_order ON ticket_view (branch, queued_at, ticket_id) WHERE state = 'WAITING';

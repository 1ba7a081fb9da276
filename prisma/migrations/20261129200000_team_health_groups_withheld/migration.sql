-- Answers are no longer compared by group (docs/decisions/128): the attack over team and group
-- figures read together pins one person's answer under decision 126's release. What was stored by
-- group would never be shown, so it is not kept.
DELETE FROM "TeamHealthGroupAnswer";
DELETE FROM "TeamHealthGroupStore";

"""Group supervision: a facilitator and 3 to 10 members, a contract of the group's
own, planned sessions and a record of each held session."""

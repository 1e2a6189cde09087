"""Who may see and do what: roles, the permission matrix, access to arrangements and the
supervisee's consent to a new supervisor reading their history."""

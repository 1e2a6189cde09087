"""Whether supervision is good, not only regular: the supervisee's feedback on each
session, and file audits against the admin's checklist."""

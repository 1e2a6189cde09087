"""Running the portal: settings, the audit trail, first-run setup and retention."""

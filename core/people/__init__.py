"""People, teams, arrangements between supervisor and supervisee, and the sign-in rules."""

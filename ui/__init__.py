"""Streamlit glue shared by app.py and the pages: the per-run database, sign-in,
page guards and form helpers. Imports go down: ui -> core -> db."""

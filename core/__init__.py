"""The domain in plain Python: rules, permissions and workflows. Never imports streamlit."""

"""How the portal is served: `streamlit run portal.py` (what ./run does).

The pages are app.py's; this adds the server's own routes that set and clear the
password sign-in's HttpOnly cookie (ui/kit/sign_in_routes.py).
"""

import streamlit as st

from ui.kit import sign_in_routes

app = st.App("app.py", routes=sign_in_routes.ROUTES)

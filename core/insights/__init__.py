"""What the charts and the Team page show: balance of functions, timeliness, compliance
and the views built on them.

Pages import the package (`from core import insights`); modules inside core import the
module that defines a name, never this package."""

from core.insights.views import SESSIONS_SHOWN, QUARTERS_SHOWN, SUPERVISOR_MONTHS, PERIODS, KIND_FILTER, SUMMARY_PROVIDERS, Subject, Scope, my_arrangements, personal_scope, PersonalBalance, personal_balance, WellbeingPoint, wellbeing, supervisor_scope, Overview, supervisor_overview, summary_extras, led_teams, team_scope, Cell, team_overview, grid, alert_list, timeline_scope, TimelineRow, timeline  # noqa: F401, E501

"""The kinds of reminder, whom each is for, and what a person sees to turn it off."""

from dataclasses import dataclass

SUPERVISEE, SUPERVISOR, TEAM_LEAD, BOTH = "supervisee", "supervisor", "team lead", "both"
GROUP_MEMBER, FACILITATOR = "group member", "group facilitator"


@dataclass(frozen=True)
class Kind:
    key: str
    label: str       # on the Account page and the admin's list
    audience: str    # SUPERVISEE, SUPERVISOR, TEAM_LEAD, BOTH people of a session, or a group's


KINDS = {k.key: k for k in [
    Kind("prepare", "Prepare for a session (with the calendar invite)", SUPERVISEE),
    Kind("record_to_sign", "A record to read and sign", SUPERVISEE),
    Kind("action_due", "An action of yours due soon or overdue", SUPERVISEE),
    Kind("session_invite", "A session planned, moved or cancelled (calendar invite)", BOTH),
    Kind("reflection_submitted", "A supervisee submitted their reflection", SUPERVISOR),
    Kind("record_to_share", "A record not yet shared, near or past its deadline", SUPERVISOR),
    Kind("record_disputed", "A record disputed by the supervisee", SUPERVISOR),
    Kind("session_overdue", "A formal session overdue under the contract's cadence", SUPERVISOR),
    Kind("contract_review", "A supervision contract due for review", SUPERVISOR),
    Kind("group_prepare", "A group supervision session coming up", GROUP_MEMBER),
    Kind("group_record_to_sign", "A group record to read and sign", GROUP_MEMBER),
    Kind("group_record_to_share", "A group record not yet shared, near or past its deadline",
         FACILITATOR),
    Kind("weekly_digest", "Weekly digest for your teams (counts only)", TEAM_LEAD),
]}

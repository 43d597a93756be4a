"""Rasa custom actions: thin adapters over the `bot` library (run with `rasa run actions --actions actions`)."""
from actions.answers import (  # noqa: F401
    ActionAnswerOrganisation,
    ActionAnswerQuestion,
    ActionMoreInfo,
    ActionOutOfScopeGemeente,
    ActionSessionStart,
    ActionWhy,
)
from actions.fallback import ActionDefaultAskAffirmation, ActionDefaultAskRephrase, ActionDefaultFallback  # noqa: F401
from actions.handoff import (  # noqa: F401
    ActionHandoffCreate,
    ActionHandoffDeclined,
    ActionHumanRequest,
    ActionRelayStaffMessages,
    ValidateHandoffForm,
)
from actions.safety import ActionSafetyReply  # noqa: F401
from actions.triage import (  # noqa: F401
    ActionTriageAdvice,
    ActionTriageAskCorrection,
    ActionTriageStart,
    ActionTriageSummary,
    ValidateTriageForm,
)
from actions.yesno import ActionJa, ActionNee  # noqa: F401

from actions.common import catalogue as _catalogue  # noqa: E402
from bot.routing.service_model import warm_up as _warm_up  # noqa: E402

# the routing model trains in a few seconds: do it now, not on the first resident's question
_warm_up(_catalogue())

"""The transition programme's rules (TRN-01..17), pure: plain facts in, decisions with their rule
ID out (`koers.lib.rules.Reason`). No Django, no clock: `today` is a parameter."""

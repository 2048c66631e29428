"""LanguageTool as a second opinion on grammar and style, through its HTTP API.

Split by what changes together: `client` speaks /v2/check and /v2/languages,
`offsets` converts LanguageTool's UTF-16 offsets to ours, `mapping` turns its matches
into findings, `local` finds Java and a LanguageTool install and runs the server,
and `service` decides from the settings which server to talk to and reports status.
"""

from proofer.languagetool.client import LanguageToolClient, LanguageToolError
from proofer.languagetool.service import LanguageToolService

__all__ = ["LanguageToolClient", "LanguageToolError", "LanguageToolService"]

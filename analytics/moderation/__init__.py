"""Free-text moderation: flag personal details, propose a redaction, decide, publish."""

"""Admin views of the staff data tools; wired into Wagtail in analytics/wagtail_hooks.py."""

"""What every public page shares, whichever app renders it: the site-wide template tags.

It imports no app of this project, so cms, analytics and surveys may all use it.
"""

"""Steering as municipalities report it: reporting rhythms and the red thread.

- :mod:`.schedule`: the periods of a reporting rhythm, when each is due, and whether it
  was reported as of a date (status, ``validate --as-of`` and the calendar feeds ask it).
- :mod:`.thread`: the red thread from goals through measures and KPIs to benefits and
  reports, and where it breaks (status and the checks ask it).
"""
